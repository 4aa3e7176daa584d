"""Shared helpers: compose configs exactly as `negsim` does, and build models from them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sim.config.compose import compose_config
from sim.engine.model import NegotiationModel
from sim.jobs.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = sorted(p.stem for p in (ROOT / "configs" / "scenario").glob("*.yaml"))
MEDIATORS = sorted(p.stem for p in (ROOT / "configs" / "mediator").glob("*.yaml"))


def composed(*overrides: str) -> dict[str, Any]:
    """The job config `negsim OVERRIDES` would run, as a plain mapping; on one worker (in this
    process) unless the overrides say otherwise: the numbers are the same for any number of
    workers (tested where it is the claim), and starting worker processes costs a small run
    more than it simulates."""
    one = [] if any(o.lstrip("+").startswith("workers=") for o in overrides) else ["workers=1"]
    return compose_config([*one, *overrides])


def settings(*overrides: str) -> Settings:
    return load_settings(composed(*overrides))


def textbook(*overrides: str) -> Settings:
    """The symmetric textbook case with a neutral, fully informed mediator."""
    return settings("scenario=symmetric_textbook", "mediator=neutral", *overrides)


def run_model(s: Settings, replicates: int, seed: int = 1, trace: bool = False):
    model = NegotiationModel(s.scenario, s.mediator, replicates, seed, trace=trace)
    return model, model.run()


@pytest.fixture(scope="session")
def baseline() -> Settings:
    return settings()


SLOW_MODULES = {  # every test here starts processes or a browser, or runs many points
    "tests/app/test_browser.py", "tests/report/test_browser.py", "tests/report/test_multirun.py",
    "tests/jobs/test_reliability.py", "tests/jobs/test_head_start.py",
    "tests/jobs/test_experiments.py", "tests/montecarlo/test_points.py",
    "tests/cli/test_analyze.py", "tests/cli/test_main.py", "tests/cli/test_score.py",
    "tests/engine/test_properties.py", "tests/docs/test_commands.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of SLOW_MODULES slow (`scripts/test --quick` leaves them out); a single
    slow test elsewhere carries its own `@pytest.mark.slow`."""
    for item in items:
        if item.nodeid.split("::")[0] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
