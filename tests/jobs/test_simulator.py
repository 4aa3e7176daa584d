"""Many runs from Python: a config composed once, run in-process, the CLI's numbers."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.config.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
COST = "scenario.parties.RU.cost_per_day"
CHUNKS = ["montecarlo.chunk_size=70"]  # 150 runs are three chunks


@pytest.fixture(scope="module")
def simulator() -> sim.Simulator:
    return sim.Simulator(CHUNKS)


@pytest.mark.slow
def test_a_run_from_python_is_the_run_negsim_writes(simulator, tmp_path):
    script = Path(sys.executable).with_name("negsim")
    done = subprocess.run([str(script), "runs=150", "seed=3", *CHUNKS, f"hydra.run.dir={tmp_path}",
                           "montecarlo.progress=false"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    result = simulator.run(runs=150, seed=3)
    pd.testing.assert_frame_equal(result.runs, pd.read_parquet(tmp_path / "runs.parquet"))


def test_each_question_is_answered_for_each_replicate(simulator):
    result = simulator.run(runs=40, seed=1)
    assert len(result.questions) > 0 and result.answers.shape == (40, len(result.questions))
    assert list(result.answers.columns) == list(result.questions)
    again = simulator.run(runs=40, seed=1)
    pd.testing.assert_frame_equal(result.runs, again.runs)  # a simulator keeps no state
    pd.testing.assert_frame_equal(sim.simulate(CHUNKS, runs=40, seed=1).runs, result.runs)


def test_an_input_set_for_every_replicate_is_that_value_in_the_config():
    fixed = sim.Simulator([*CHUNKS, f"{COST}=0.004"]).run(runs=150, seed=5).runs
    given = sim.Simulator(CHUNKS).run(seed=5, inputs={COST: np.full(150, 0.004)}).runs
    assert (given[f"input.{COST}"] == 0.004).all()
    pd.testing.assert_frame_equal(given.drop(columns=f"input.{COST}"), fixed)


def test_inputs_set_one_row_a_replicate_replace_the_drawn_ones(simulator):
    drawn = "scenario.conflict.cost_horizon_days"  # a distribution in the baseline
    values = np.linspace(90, 365, 150)
    runs = simulator.run(seed=2, inputs=pd.DataFrame({drawn: values, COST: values / 1e5})).runs
    assert len(runs) == 150
    np.testing.assert_array_equal(runs[f"input.{drawn}"], values)
    np.testing.assert_array_equal(runs[f"input.{COST}"], values / 1e5)


def test_a_units_parameter_the_config_draws_can_be_set_per_replicate(simulator):
    path = "mediator.recourses.threat.credibility"  # a recourse's, given as a distribution
    runs = simulator.run(seed=4, inputs={path: [0.2, 0.9, 0.5]}).runs
    assert runs[f"input.{path}"].tolist() == [0.2, 0.9, 0.5]
    with pytest.raises(ConfigError, match=f"inputs.{path}: got 1.5"):
        simulator.run(inputs={path: [0.2, 1.5]})


@pytest.mark.parametrize(("inputs", "message"), [
    ({"scenario.parties.XX.cost_per_day": [0.1]}, "inputs.scenario.parties.XX.cost_per_day: got "
     "0.1; expected a column named by a number the model samples per replicate"),
    ({"scenario.horizon_days": [30.0]}, "inputs.scenario.horizon_days: got 30.0; expected a "
     "column named by a number"),
    ({COST: [0.01, -1.0]}, f"inputs.{COST}: got -1.0; expected a number in [0, 1e+06]"),
    ({COST: [0.01, np.nan]}, f"inputs.{COST}: got <a value that is not a finite number>"),
    ({COST: [0.01], "scenario.conflict.cost_horizon_days": [90.0, 100.0]}, "inputs: got <columns "
     "of [1, 2] rows>; expected columns of one length"),
])
def test_a_bad_input_is_named_with_what_is_allowed(simulator, inputs, message):
    with pytest.raises(ConfigError) as error:
        simulator.run(inputs=inputs)
    assert str(error.value).startswith(message)


def test_a_bad_override_is_refused_when_composed():
    with pytest.raises(ConfigError, match="runs: got 0"):
        sim.Simulator(["runs=0"])
    with pytest.raises(ConfigError, match="a single run"):
        sim.Simulator(["experiment=trust_sweep"])
