"""Sweeps: common random numbers, resuming, and the same numbers on every backend."""

import shutil

import pandas as pd
import pytest

from sim.results import load_runs
from sim.task import run
from tests.conftest import composed

TINY = ("runs=60", "montecarlo.chunk_size=30", "montecarlo.progress=false",
        "scenario.horizon_days=120")


def quiet(_: str) -> None:
    pass


def sweep(tmp_path, folder: str, *overrides: str) -> tuple[dict, pd.DataFrame]:
    args = [*TINY, f"point_store={tmp_path / 'store'}", *overrides]
    summary = run(composed(*args), tmp_path / folder, echo=quiet, argv=["test"], overrides=args)
    return summary, pd.read_parquet(tmp_path / folder / "sweep.parquet")


IRRELEVANT = ("+sweep.design=grid",
              "+sweep.parameters={scenario.parties.UA.delay.cost_per_day: [0.5, 1.0, 2.0]}")


def test_a_parameter_that_does_not_matter_gives_a_flat_sweep(tmp_path):
    """Ukraine never stalls (its delay prize is 0), so its cost of delay changes nothing; with
    common random numbers every point sees the same replicates and the sweep is exactly flat."""
    _, table = sweep(tmp_path, "flat", *IRRELEVANT)
    assert len(table) == 3
    assert table["param.scenario.parties.UA.delay.cost_per_day"].tolist() == [0.5, 1.0, 2.0]
    assert table["agreement.p"].nunique() == 1
    assert table["stages.sea.p_signed"].nunique() == 1
    outcomes = [load_runs(f).drop(columns=[c for c in load_runs(f) if c.startswith("input.")])
                for f in table["folder"]]
    pd.testing.assert_frame_equal(outcomes[0], outcomes[2])


def test_a_parameter_that_matters_moves_the_estimate(tmp_path):
    _, table = sweep(tmp_path, "moves", "+sweep.design=grid",
                     "+sweep.parameters={mediator.leverage.carrot_budget: [0.0, 0.1]}")
    no_carrot, carrot = table["stages.sea.p_signed"]
    assert carrot > no_carrot


def test_a_rerun_computes_only_the_points_not_yet_finished(tmp_path):
    first, table = sweep(tmp_path, "first", *IRRELEVANT)
    assert first["computed"] == [0, 1, 2]
    shutil.rmtree(table["folder"][1])  # as if the run had been killed during point 1
    second, again = sweep(tmp_path, "second", *IRRELEVANT)
    assert second["computed"] == [1] and second["reused"] == 2
    pd.testing.assert_frame_equal(table.drop(columns="folder"), again.drop(columns="folder"))


@pytest.mark.parametrize("backend", ["backend=dask", "workers=2"])
def test_other_backends_give_identical_numbers(tmp_path, backend):
    _, local = sweep(tmp_path / "a", "local", "workers=1", *IRRELEVANT[:1],
                     "+sweep.parameters={mediator: [sea_first, comprehensive]}")
    _, other = sweep(tmp_path / "b", "other", backend, "workers=2", *IRRELEVANT[:1],
                     "+sweep.parameters={mediator: [sea_first, comprehensive]}")
    pd.testing.assert_frame_equal(local.drop(columns="folder"), other.drop(columns="folder"))
    for a, b in zip(local["folder"], other["folder"], strict=True):
        pd.testing.assert_frame_equal(load_runs(a), load_runs(b))
