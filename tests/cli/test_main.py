"""`negsim` end to end, as a user runs it from the shell."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("negsim")


def negsim(*args: str) -> subprocess.CompletedProcess:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "sim"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_a_small_run_prints_the_table_and_where_results_went(tmp_path):
    out = tmp_path / "run"
    done = negsim("runs=300", "seed=3", f"hydra.run.dir={out}", "montecarlo.progress=false")
    assert done.returncode == 0, done.stderr
    assert "Comprehensive agreement within 365 days:" in done.stdout
    assert "95% CI" in done.stdout and "How episodes ended:" in done.stdout
    assert f"Results written to {out}" in done.stdout
    summary = json.loads((out / "summary.json").read_text())
    assert summary["runs"] == 300 and summary["seed"] == 3
    assert (out / "runs.parquet").exists() and (out / ".hydra" / "config.yaml").exists()


def test_scenario_mediator_and_parameters_are_overridable(tmp_path):
    done = negsim("scenario=symmetric_textbook", "mediator=neutral", "runs=50",
                  "scenario.parties.A.capability=2.0", f"hydra.run.dir={tmp_path}",
                  "montecarlo.progress=false")
    assert done.returncode == 0, done.stderr
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["scenario"] == "symmetric_textbook" and summary["mediator"] == "neutral"
    assert summary["agreement"]["p"] == 1.0
    assert summary["time_to_agreement_days"]["median"] == 1


BAD = [
    (["scenario=atlantis"], "scenario: got 'atlantis'; expected one of black_sea_2025, "
                            "black_sea_grain_2022, minsk_2014_2015, minsk_2015, pretoria_2022, "
                            "symmetric_textbook, "
                            "yemen_2022"),
    (["mediator=bully"], "mediator: got 'bully'; expected one of au_panel_2022, comprehensive, energy_first, "
                         "neutral, "
                         "normandy_2015, osce_tcg_2014, parallel, sea_first, sea_first_adaptive, "
                         "un_envoy_yemen_2022, "
                         "un_turkey_2022"),
    (["runs=0"], "runs: got 0; expected a whole number in [1, 1e+09]"),
    (["runs=ten"], "runs: got 'ten'; expected a whole number in [1, 1e+09]"),
    (["scenario.colour=red"], "scenario.colour: got <unknown key>"),
    (["scenario.horizon_days=0"], "scenario.horizon_days: got 0; expected a whole number in [1, 36500]"),
    (["scenario.monitoring.detection_base=2"], "scenario.monitoring.detection_base: got 2; "
                                               "expected a number in [0, 1]"),
    (["runs=[1"], "runs: got '[1'; expected KEY=VALUE in Hydra's override syntax"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_is_one_clear_line_exit_2_and_nothing_written(tmp_path, args, message):
    out = tmp_path / "never"
    done = negsim(*args, f"hydra.run.dir={out}")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("negsim: error: ")
    assert message in lines[0]
    assert not out.exists()


def test_an_unknown_experiment_is_refused(tmp_path):
    done = negsim("experiment=nope", f"hydra.run.dir={tmp_path / 'never'}")
    assert done.returncode == 2
    assert "experiment: got 'nope'; expected one of baseline, " in done.stderr
    assert not (tmp_path / "never").exists()


def test_help_is_short_and_says_where_things_are():
    """It was Hydra's 416-line dump of the composed config."""
    done = negsim("--help")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) < 40
    assert ("scenario: black_sea_2025, black_sea_grain_2022, minsk_2014_2015, minsk_2015, "
            "pretoria_2022, symmetric_textbook, yemen_2022") in lines
    assert any(line.startswith("Other commands: negsim-report") for line in lines)
    assert "horizon_days: 365" not in done.stdout  # no config dump


def test_a_question_set_of_ones_own_is_asked_from_a_config_folder(tmp_path):
    mine = tmp_path / "mine" / "questions"
    mine.mkdir(parents=True)
    (mine / "quick.yaml").write_text("quick_sea:\n  text: Sea truce signed within 30 days?\n"
                                     "  event: signed\n  stage: sea\n  by_day: 30\n")
    out = tmp_path / "run"
    done = negsim("--config-dir", str(tmp_path / "mine"), "questions=quick", "runs=200",
                  f"hydra.run.dir={out}", "montecarlo.progress=false")
    assert done.returncode == 0, done.stderr
    questions = json.loads((out / "summary.json").read_text())["questions"]
    assert list(questions) == ["quick_sea"] and 0 <= questions["quick_sea"]["p"] <= 1
