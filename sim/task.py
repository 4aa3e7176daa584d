"""The main job as a plain function: validate, simulate in chunks, save, summarise.

The Hydra entry point in `sim.cli` only calls `run`; tests call it directly.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

import mesa  # noqa: F401 - first: its import inspects the stack against every loaded module
import pandas as pd

from sim.backends import default_workers, release_workers
from sim.domain.parameters import write_parameter_csv
from sim.episode import EVENT_COLUMNS
from sim.finisher import Finisher, Job, finish
from sim.model import NegotiationModel, representative_episode, simulate_chunk
from sim.montecarlo import plan, run_chunks
from sim.narrative import narrate
from sim.results import (
    EPISODE,
    EVENTS,
    PARAMETERS,
    RUN_INFO,
    TIMELINE,
    RunTable,
    write_csv,
    write_json,
)
from sim.settings import Settings, load_settings


def provenance() -> dict[str, Any]:
    """Package version and git commit of the code that produced a result."""
    try:
        version = metadata.version("negsim")
    except metadata.PackageNotFoundError:
        version = None
    here = Path(__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "-C", str(here), "rev-parse", "HEAD"], check=True,
                                capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "-C", str(here), "status", "--porcelain", "--",
                                     "."], capture_output=True, text=True, timeout=10).stdout)
    except (OSError, subprocess.SubprocessError):
        commit, dirty = None, None
    return {"version": version, "git_commit": commit, "git_dirty": dirty}


def _write_trace(model: NegotiationModel, folder: Path, echo: Callable[[str], None]) -> None:
    assert model.events is not None
    events = pd.DataFrame(model.events.rows, columns=EVENT_COLUMNS)
    write_csv(folder / EVENTS, events)
    write_csv(folder / TIMELINE, pd.DataFrame(model.events.timeline))
    labels = {s: model.world.stages[s].label for s in model.world.stages}
    parties = {p: model.world.parties[p].label for p in model.world.parties}
    echo("Episode 0, day by day:\n" + narrate(events, labels, parties) + "\n")


def _shown(folder: Path) -> Path:
    """The folder relative to the working directory when it lies inside it."""
    try:
        return folder.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return folder


def run(cfg: Mapping[str, Any], folder: Path, echo: Callable[[str], None] = print,
        argv: list[str] | None = None, overrides: list[str] | None = None,
        finisher: Finisher | None = None) -> dict[str, Any]:
    """Validate `cfg` and run it: one Monte Carlo, or a sweep when it has a `sweep` block.

    `overrides` are the command-line overrides that produced `cfg`; a sweep composes each of
    its points from them plus the point's own.
    """
    settings: Settings = load_settings(cfg)
    if settings.options.sweep is not None:
        from sim.study import run_study

        return run_study(settings, list(overrides or []), folder, echo,
                         argv if argv is not None else sys.argv)
    return run_single(settings, folder, echo, argv if argv is not None else sys.argv, finisher)


def run_single(settings: Settings, folder: Path, echo: Callable[[str], None],
               argv: list[str], finisher: Finisher | None = None) -> dict[str, Any]:
    """One Monte Carlo run: run table, trace if asked, summary; returns the summary.
    `finisher`, when given, summarises and reports in its own process (`sim.finisher`)."""
    options = settings.options
    started = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    chunks = plan(options.runs, options.montecarlo.chunk_size, options.seed)
    sink: list[NegotiationModel] | None = [] if options.traced else None
    simulate = partial(simulate_chunk, settings.scenario, settings.mediator, trace=sink)
    backend = options.monte_carlo
    table = RunTable(folder)
    try:
        for _, columns in run_chunks([(simulate, c) for c in chunks], backend,
                                     options.montecarlo.progress):
            table.append(columns)
    except BaseException:
        table.abandon()
        raise
    table.close()
    release_workers()
    if finisher is not None:  # it imports while this process traces the episode
        finisher.start()
    if sink:
        _write_trace(sink[0], folder, echo)
    write_run_info(folder, settings, started, argv)
    save_for_report(folder, settings)
    job = Job(folder, settings.scenario.horizon_days, settings.options.report.formats,
              {"kind": "run", **identity(settings)},
              {"labels": labels(settings), **provenance()}, split=not backend.spreads(len(chunks)))
    summary, text = (finisher or finish)(job)
    echo(text)
    echo(f"\nResults written to {_shown(folder)}")
    return summary


def labels(settings: Settings) -> dict[str, dict[str, str]]:
    """Display names for reports, which never read the scenario files."""
    world = settings.scenario
    return {"stages": {k: v.label for k, v in world.stages.items()},
            "parties": {k: v.label for k, v in world.parties.items()},
            "issues": {k: v.description for k, v in world.issues.items()}}


def save_for_report(folder: Path, settings: Settings) -> None:
    """The parameter table with provenance and a representative episode, beside the results."""
    write_parameter_csv(folder / PARAMETERS, settings.scenario, settings.mediator)
    events, timeline, outcome = representative_episode(settings.scenario, settings.mediator,
                                                       settings.options.seed)
    where = folder / EPISODE
    where.mkdir(exist_ok=True)
    write_csv(where / "events.csv", pd.DataFrame(events, columns=EVENT_COLUMNS))
    write_csv(where / "timeline.csv", pd.DataFrame(timeline))
    write_json(where / "episode.json", outcome)


def identity(settings: Settings) -> dict[str, Any]:
    return {"name": settings.options.name, "scenario": settings.scenario.name,
            "mediator": settings.mediator.strategy, "mediator_style": settings.mediator.style,
            "seed": settings.options.seed}


def write_run_info(folder: Path, settings: Settings, started: float, argv: list[str]) -> None:
    """What varies between identical runs (workers, timing, command) goes beside the summary."""
    options = settings.options
    write_json(folder / RUN_INFO, {
        "workers": options.workers or default_workers(), "backend": options.backend,
        "chunk_size": options.montecarlo.chunk_size,
        "elapsed_seconds": round(time.perf_counter() - started, 3), "command": argv})
