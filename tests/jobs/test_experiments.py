"""Every shipped experiment runs end to end at a tiny size, and says what it asks."""

import json
from pathlib import Path

import pandas as pd
import pytest

from sim.jobs.run import run
from tests.conftest import ROOT, composed

EXPERIMENTS = sorted(p.stem for p in (ROOT / "experiments").glob("*.yaml"))
TINY = ("runs=20", "montecarlo.chunk_size=20", "montecarlo.progress=false",
        "scenario.horizon_days=60", "workers=1")


def test_the_shipped_studies_are_all_there():
    assert {"baseline", "mediator_strategies", "trust_sweep", "delay_vs_patience", "leverage",
            "mediator_bias", "sensitivity", "sensitivity_morris", "mechanisms"} <= set(EXPERIMENTS)


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_an_experiment_file_opens_with_its_package_and_its_question(name):
    lines = (ROOT / "experiments" / f"{name}.yaml").read_text().splitlines()
    assert lines[0] == "# @package _global_"
    assert lines[1].startswith("# Question: ")
    assert f"name: {name}" in lines


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_every_experiment_runs_small(tmp_path: Path, name):
    args = [f"experiment={name}", *TINY, f"point_store={tmp_path / 'points'}"]
    cfg = composed(*args)
    if cfg["sweep"] and cfg["sweep"]["design"] == "morris":
        args.append("sweep.points=2")
        cfg = composed(*args)
    if cfg["sweep"] and cfg["sweep"]["design"] == "ablation":  # one mediator is enough here
        args.append("sweep.parameters.mediator=[comprehensive]")
        cfg = composed(*args)
    summary = run(cfg, tmp_path / "out", echo=lambda _: None, argv=["test"], overrides=args)
    assert summary["name"] == name
    written = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert written["name"] == name
    if cfg["sweep"] is None:
        assert 0 <= written["agreement"]["p"] <= 1
        return
    table = pd.read_parquet(tmp_path / "out" / "sweep.parquet")
    assert len(table) == written["points"] > 1
    assert ((table["agreement.ci_low"] <= table["agreement.p"])
            & (table["agreement.p"] <= table["agreement.ci_high"])).all()
    if cfg["sweep"]["design"] == "ablation":
        assert table["variant"].iloc[0] == "all on" and table["variant"].iloc[-1] == "all off"
    if cfg["sweep"]["design"] == "morris":
        sensitivity = pd.read_parquet(tmp_path / "out" / "sensitivity.parquet")
        assert len(sensitivity) == len(written["parameters"]) >= 5
        assert (sensitivity["mu_star"].diff().dropna() <= 0).all()
