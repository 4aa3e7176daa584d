"""The main job as a plain function: files written, summary complete, numbers reproducible."""

import json

import pandas as pd
import pytest

from sim.jobs.finish import FINISH_HERE, Job
from sim.jobs.run import run
from sim.results.files import load_runs, load_summary
from tests.conftest import composed

SMALL = ("runs=600", "montecarlo.chunk_size=200", "montecarlo.progress=false")


def quiet(_: str) -> None:
    pass


@pytest.fixture(scope="module")
def baseline_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("baseline")
    return folder, run(composed(*SMALL, "seed=7"), folder, echo=quiet, argv=["test"])


def test_summary_has_every_field_the_issue_lists(baseline_run):
    folder, summary = baseline_run
    assert summary == load_summary(folder)
    for key in ("runs", "seed", "scenario", "mediator", "agreement", "stages",
                "time_to_agreement_days", "end_reasons", "version", "git_commit"):
        assert key in summary
    assert summary["runs"] == 600 and summary["seed"] == 7
    assert set(summary["agreement"]) == {"p", "ci_low", "ci_high"}
    assert summary["agreement"]["ci_low"] <= summary["agreement"]["p"] <= summary["agreement"]["ci_high"]
    assert list(summary["stages"]) == ["sea", "energy", "full_ceasefire", "settlement"]
    for stage in summary["stages"].values():
        assert {"p_signed", "p_held", "p_collapsed"} <= set(stage)
        assert 0 <= stage["p_held"] <= stage["p_signed"] <= 1
    assert set(summary["time_to_agreement_days"]) == {"median", "q25", "q75"}
    assert sum(summary["end_reasons"].values()) == pytest.approx(1.0)


def test_run_table_has_one_row_per_replicate_with_inputs_and_outcomes(baseline_run):
    folder, _ = baseline_run
    runs = load_runs(folder)
    assert len(runs) == 600
    assert runs["replicate"].tolist() == list(range(600))
    assert runs["chunk"].nunique() == 3 and runs["chunk_seed"].nunique() == 3
    assert "input.scenario.parties.RU.capability" in runs
    assert {"agreement", "agreement_day", "end_reason", "stage.sea.signed", "party.RU.stalls",
            "terms.donetsk"} <= set(runs.columns)


@pytest.mark.slow
def test_same_seed_gives_identical_summary_for_one_or_two_workers(tmp_path, baseline_run):
    folder, _ = baseline_run
    for workers in (1, 2):
        run(composed(*SMALL, "seed=7", f"workers={workers}"), tmp_path / str(workers), echo=quiet,
            argv=["test"])
    reference = (folder / "summary.json").read_bytes()
    assert (tmp_path / "1" / "summary.json").read_bytes() == reference
    assert (tmp_path / "2" / "summary.json").read_bytes() == reference
    pd.testing.assert_frame_equal(load_runs(tmp_path / "1"), load_runs(tmp_path / "2"))


@pytest.mark.slow
def test_another_seed_gives_other_numbers(tmp_path, baseline_run):
    _, reference = baseline_run
    other = run(composed(*SMALL, "seed=8"), tmp_path, echo=quiet, argv=["test"])
    assert other["agreement"] != reference["agreement"] or other["stages"] != reference["stages"]


def test_one_run_is_an_episode_told_day_by_day(tmp_path):
    said: list[str] = []
    run(composed("runs=1", "montecarlo.progress=false"), tmp_path, echo=said.append, argv=["test"])
    events = pd.read_csv(tmp_path / "events.csv")
    assert {"tabled", "proposal"} <= set(events["kind"])
    assert (tmp_path / "timeline.csv").exists()
    story = said[0].splitlines()
    assert story[0] == "Episode 0, day by day:"
    assert story[1].startswith("Day   0:") and "is in force, signed before" in story[1]
    assert any("he mediator proposes" in line for line in story[2:])
    assert json.loads((tmp_path / "summary.json").read_text())["runs"] == 1


class Recorded:
    """A way to finish a run that notes when it is told what, then finishes here."""

    def __init__(self, folder) -> None:
        self.folder, self.told = folder, []

    def prepare(self) -> None:
        self.told.append(("prepare", sorted(p.name for p in self.folder.iterdir())))

    def __call__(self, job: Job):
        self.told.append(("finish", sorted(p.name for p in self.folder.iterdir())))
        return FINISH_HERE(job)


def test_a_run_is_finished_by_what_its_caller_brings_told_first_when_the_monte_carlo_is_over(
        tmp_path):
    finishing = Recorded(tmp_path)
    summary = run(composed("runs=20", "montecarlo.progress=false"), tmp_path, echo=quiet,
                  argv=["test"], finish=finishing)
    (first, simulated), (then, saved) = finishing.told
    assert (first, then) == ("prepare", "finish")
    assert simulated == ["runs.parquet"]  # the run table only: nothing else is saved yet
    assert {"runs.parquet", "parameters.csv"} <= set(saved) and "summary.json" not in saved
    assert summary == load_summary(tmp_path)
