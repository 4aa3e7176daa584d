"""What a result says about where it came from: the code, the libraries, the inputs and the
command, written beside the numbers so a saved folder explains itself."""

from __future__ import annotations

import subprocess
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from sim.domain.mediator import MediatorSpec
from sim.domain.parameters import mediator_table, parameter_table
from sim.domain.scenario import Scenario
from sim.jobs.settings import Settings
from sim.montecarlo.backends import default_workers
from sim.results.files import RUN_INFO, write_csv, write_json


def provenance() -> dict[str, Any]:
    """Package version and git commit of the code that produced a result."""
    try:
        version = metadata.version("negsim")
    except metadata.PackageNotFoundError:
        version = None
    here = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(["git", "-C", str(here), "rev-parse", "HEAD"], check=True,
                                capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "-C", str(here), "status", "--porcelain", "--",
                                     "."], capture_output=True, text=True, timeout=10).stdout)
    except (OSError, subprocess.SubprocessError):
        commit, dirty = None, None
    return {"version": version, "git_commit": commit, "git_dirty": dirty}


def library_versions() -> dict[str, str]:
    """The numerical libraries whose versions can change a point's numbers."""
    import numba
    import numpy
    import scipy

    return {"numpy": numpy.__version__, "numba": numba.__version__, "scipy": scipy.__version__}


def labels(settings: Settings) -> dict[str, dict[str, str]]:
    """Display names for reports, which never read the scenario files."""
    world = settings.scenario
    return {"stages": {k: v.label for k, v in world.stages.items()},
            "parties": {k: v.label for k, v in world.parties.items()},
            "issues": {k: v.description for k, v in world.issues.items()}}


def identity(settings: Settings) -> dict[str, Any]:
    return {"name": settings.options.name, "scenario": settings.scenario.name,
            "mediator": settings.mediator.strategy, "mediator_style": settings.mediator.style,
            "form": settings.scenario.form.name, "seed": settings.options.seed}


def write_run_info(folder: Path, settings: Settings, started: float, argv: list[str]) -> None:
    """What varies between identical runs (workers, timing, command) goes beside the summary."""
    options = settings.options
    write_json(folder / RUN_INFO, {
        "workers": options.workers or default_workers(), "backend": options.backend,
        "chunk_size": options.montecarlo.chunk_size,
        "elapsed_seconds": round(time.perf_counter() - started, 3), "command": argv})


def write_parameter_csv(path: Path, scenario: Scenario, mediator: MediatorSpec) -> None:
    """Save the run's parameter table, so reports never need the model's code."""
    rows = [{"parameter": f"scenario.{p.path}", **{k: getattr(p, k) for k in
                                                    ("value", "meaning", "unit", "source")}}
            for p in parameter_table(scenario)]
    rows += [{"parameter": p.path, "value": p.value, "meaning": p.meaning, "unit": p.unit,
              "source": p.source} for p in mediator_table(mediator)]
    write_csv(path, pd.DataFrame(rows))
