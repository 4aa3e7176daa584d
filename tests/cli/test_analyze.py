"""negsim-analyze on saved results: a run with uncertain inputs gets a ranking and its files,
a sweep its points' ranking; a bad outcome or a run with nothing sampled is one line, exit 2."""

import html
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sim.jobs.run import run
from sim.report.scenarios import answer, load_discovery
from tests.conftest import composed

SMALL = ("runs=400", "montecarlo.chunk_size=200", "montecarlo.progress=false", "workers=1",
         "scenario.horizon_days=90", "mediator=comprehensive")


def ran(folder: Path, *overrides: str) -> Path:
    args = [*SMALL, *overrides]
    run(composed(*args), folder, echo=lambda _: None, argv=["negsim", *args], overrides=args)
    return folder


def negsim_analyze(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sim.cli.analyze", *map(str, args)],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def uncertain_run(tmp_path_factory) -> Path:
    return ran(tmp_path_factory.mktemp("run"), "+uncertain.scenario.conflict.contest_exponent='±20%'")


def test_a_run_is_ranked_from_its_own_run_table_with_the_dummy_as_floor(uncertain_run):
    done = negsim_analyze(uncertain_run, "--csv")
    assert done.returncode == 0, done.stderr
    assert "Given-data sensitivity of agreement (rbd_fast" in done.stdout
    table = pd.read_parquet(uncertain_run / "sensitivity_given_data.parquet")
    names = set(table["parameter"])
    assert {"scenario.conflict.contest_exponent", "dummy (enters nothing)"} <= names
    assert set(table["method"]) == {"rbd_fast", "pawn"}
    assert len(pd.read_csv(uncertain_run / "runs.csv")) == 400


def test_a_question_can_be_the_outcome(uncertain_run):
    done = negsim_analyze(uncertain_run, "--outcome", "question.energy_moratorium_renewed")
    assert done.returncode == 0, done.stderr
    assert "of question.energy_moratorium_renewed" in done.stdout


def test_an_unknown_outcome_is_one_line_naming_what_there_is(uncertain_run):
    done = negsim_analyze(uncertain_run, "--outcome", "peace")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "got outcome 'peace'; expected one of agreement" in done.stderr


def test_a_sweep_is_ranked_from_its_points(tmp_path):
    folder = ran(tmp_path / "sweep", "runs=20", f"point_store={tmp_path / 'points'}",
                 "+sweep={design: lhs, points: 60, parameters: {mediator.patience_rounds: "
                 "{low: 1, high: 12}, mediator.leverage.carrot_budget: {low: 0, high: 0.08}}}")
    done = negsim_analyze(folder, "--csv")
    assert done.returncode == 0, done.stderr
    assert len(pd.read_csv(folder / "sweep.csv")) == 60
    assert "mediator.patience_rounds" in done.stdout
    joined = pd.read_csv(folder / "replicates.csv")  # every replicate beside its point's inputs
    assert len(joined) == 60 * 20 and joined["point"].nunique() == 60
    first = joined[joined["point"] == 0]
    points = pd.read_csv(folder / "sweep.csv").set_index("point")
    assert (first["param.mediator.patience_rounds"] == points.at[0, "param.mediator.patience_rounds"]).all()
    assert first["agreement"].mean() == pytest.approx(points.at[0, "agreement.p"])


def test_discovery_says_where_an_outcome_is_likely_and_keeps_what_it_found(uncertain_run):
    done = negsim_analyze(uncertain_run, "--discover", "agreement>0.3")
    assert done.returncode == 0, done.stderr
    assert "(P ≥ 0.30)" in done.stdout and "CART's densest leaf" in done.stdout
    assert (uncertain_run / "scenario_discovery.json").exists()
    page = (uncertain_run / "report.html").read_text()  # rebuilt with what was found
    said = html.escape(answer(load_discovery(uncertain_run)))
    assert page[page.index('<p class="summary">'):].startswith(f'<p class="summary">{said}')
    assert {"prim_tradeoff", "prim_box", "feature_scores", "input_ranking"} <= {
        p.stem for p in (uncertain_run / "figures").iterdir()}


@pytest.mark.parametrize("given", ["agreement>1.5", "agreement>often", ">0.5"])
def test_a_discovery_threshold_out_of_range_is_one_line_and_exit_2(uncertain_run, given):
    done = negsim_analyze(uncertain_run, "--discover", given)
    assert done.returncode == 2
    assert f"got {given!r}; expected OUTCOME or OUTCOME>P" in done.stderr
