"""negsim-score on a saved run: the textbook case, whose answers are certain, scores perfectly;
bad files are refused in one line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sim.jobs.run import run
from tests.conftest import composed

TEXTBOOK = ("scenario=symmetric_textbook", "runs=200", "montecarlo.progress=false",
            "report.formats=[png]")


@pytest.fixture(scope="module")
def textbook_run(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("textbook")
    run(composed(*TEXTBOOK), folder, echo=lambda _: None, argv=["negsim", *TEXTBOOK])
    return folder


def negsim_score(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sim.cli.score", *map(str, args)],
                          capture_output=True, text=True)


def test_a_forecast_that_was_certain_and_right_scores_perfectly(textbook_run, tmp_path):
    outcomes = tmp_path / "outcomes.yaml"
    outcomes.write_text("signed_first_week: true\ncollapsed_ever: false\n"
                        "time_to_signing: {day: 1}\n")
    done = negsim_score(textbook_run, outcomes)
    assert done.returncode == 0, done.stderr
    scored = json.loads((textbook_run / "score.json").read_text())
    assert scored["totals"]["mean_brier"] == 0.0 and scored["totals"]["log_score"] == 0.0
    assert scored["totals"]["brier_skill"] == 1.0  # against the 50% forecaster
    assert scored["questions"]["time_to_signing"]["p_realised"] == 1.0
    assert "mean Brier 0.000" in done.stdout


@pytest.mark.parametrize(("text", "expected"), [
    ("no_such_question: true\n", "outcomes.yaml.no_such_question: got <not a question of the run>"),
    ("signed_first_week: maybe\n", "outcomes.yaml.signed_first_week: got 'maybe'; expected true or false"),
    ("signed_first_week: [true\n", "got broken YAML"),
])
def test_a_bad_outcomes_file_is_refused_in_one_line(textbook_run, tmp_path, text, expected):
    outcomes = tmp_path / "outcomes.yaml"
    outcomes.write_text(text)
    done = negsim_score(textbook_run, outcomes)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("negsim-score: error: ") and expected in lines[0]


def test_a_reference_forecast_must_name_scored_questions(textbook_run, tmp_path):
    outcomes, reference = tmp_path / "outcomes.yaml", tmp_path / "reference.yaml"
    outcomes.write_text("signed_first_week: true\n")
    reference.write_text("collapsed_ever: 0.2\n")
    done = negsim_score(textbook_run, outcomes, "--reference", reference)
    assert done.returncode == 2 and "reference.yaml.collapsed_ever: got <not scored>" in done.stderr



@pytest.mark.parametrize("history", ["black_sea_grain_2022", "minsk_2014_2015", "minsk_2015",
                                     "yemen_2022", "gaza_2025"])
def test_a_history_run_by_negsim_is_scored_against_its_shipped_outcomes(history, tmp_path):
    from sim.jobs.validation.histories import OUTCOMES, score_history

    given = (f"scenario={history}", "runs=200", "seed=51", "montecarlo.progress=false",
             "report.formats=[png]")
    cfg = composed(*given)
    run(cfg, tmp_path, echo=lambda _: None, argv=["negsim", *given])
    (tmp_path / ".hydra").mkdir()  # as Hydra keeps the composed config beside a run
    (tmp_path / ".hydra" / "config.yaml").write_text(yaml.safe_dump(cfg))
    done = negsim_score(tmp_path, OUTCOMES / f"{history}.yaml")
    assert done.returncode == 0, done.stderr
    scored = json.loads((tmp_path / "score.json").read_text())
    same = score_history(history, 200, 51)  # the validation document's path, same config and seed
    assert scored["questions"].keys() == same.questions.keys()
    assert scored["totals"]["log_score"] == pytest.approx(same.totals["log_score"])
    assert scored["totals"]["compared_with_base_rate"] == same.totals["compared_with_base_rate"]
    assert scored["totals"].get("base_rate_brier_skill") == pytest.approx(
        same.totals.get("base_rate_brier_skill"))
    assert "against the base rates (" in done.stdout


def test_a_run_without_its_composed_config_is_scored_without_the_base_rates(textbook_run,
                                                                            tmp_path):
    outcomes = tmp_path / "outcomes.yaml"
    outcomes.write_text("signed_first_week: true\n")
    done = negsim_score(textbook_run, outcomes)
    assert "against the base rates: not compared" in done.stdout
