"""Small saved results folders that report tests build from: a run, a sweep, a multirun."""

import shutil
from pathlib import Path

import pytest
import yaml

from sim.jobs.run import run
from tests.conftest import composed

RUN = ("runs=300", "montecarlo.chunk_size=150", "montecarlo.progress=false", "seed=5",
       "report=publication")


def _quiet(_: str) -> None:
    pass


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("run")
    run(composed(*RUN), folder, echo=_quiet, argv=["negsim", *RUN])
    return folder


def _study(tmp_path_factory, experiment: str, runs: int, horizon: int) -> Path:
    root = tmp_path_factory.mktemp(experiment)
    args = [f"experiment={experiment}", f"runs={runs}", f"montecarlo.chunk_size={runs}",
            "montecarlo.progress=false", f"scenario.horizon_days={horizon}",
            f"point_store={root / 'p'}"]
    run(composed(*args), root / "out", echo=_quiet, argv=["negsim", *args], overrides=args)
    return root / "out"


@pytest.fixture(scope="session")
def sweep_folder(tmp_path_factory) -> Path:
    """A comparison of the four strategies."""
    return _study(tmp_path_factory, "mediator_strategies", 100, 200)


@pytest.fixture(scope="session")
def grid_folder(tmp_path_factory) -> Path:
    """A 4 x 4 grid over carrots and sticks."""
    return _study(tmp_path_factory, "leverage", 40, 120)


@pytest.fixture(scope="session")
def multirun_folder(tmp_path_factory, run_folder) -> Path:
    """A multirun folder as Hydra lays it out: numbered jobs with their recorded overrides."""
    root = tmp_path_factory.mktemp("multirun")
    for job, seed in ((0, 5), (1, 6)):
        target = root / str(job)
        shutil.copytree(run_folder, target)
        (target / ".hydra").mkdir(exist_ok=True)
        (target / ".hydra" / "overrides.yaml").write_text(yaml.safe_dump([f"seed={seed}"]))
    return root
