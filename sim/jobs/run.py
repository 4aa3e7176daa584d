"""The main job as a plain function: validate, simulate in chunks, save, summarise.

The Hydra entry point in `sim.cli.main` only calls `run`; tests call it directly.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from sim.jobs.finish import FINISH_HERE, Finishing, Job
from sim.jobs.provenance import identity, labels, provenance, write_parameter_csv, write_run_info
from sim.jobs.settings import Settings, load_settings
from sim.jobs.simulation import chunks_of
from sim.montecarlo.backends import release_workers
from sim.results.files import (
    EPISODE,
    EVENTS,
    PARAMETERS,
    TIMELINE,
    RunTable,
    write_csv,
    write_json,
)

if TYPE_CHECKING:
    from sim.engine.model import NegotiationModel


def _write_trace(model: NegotiationModel, folder: Path, echo: Callable[[str], None]) -> None:
    from sim.engine.trace import EVENT_COLUMNS
    from sim.report.narrative import narrate

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
        finish: Finishing = FINISH_HERE) -> dict[str, Any]:
    """Validate `cfg` and run it: one Monte Carlo, or a sweep when it has a `sweep` block.

    `overrides` are the command-line overrides that produced `cfg`; a sweep composes each of
    its points from them plus the point's own. `finish` finishes a single run once its
    results are saved (`sim.jobs.finish`).
    """
    settings: Settings = load_settings(cfg)
    if settings.options.sweep is not None:
        from sim.jobs.study import run_study

        return run_study(settings, list(overrides or []), folder, echo,
                         argv if argv is not None else sys.argv)
    return run_single(settings, folder, echo, argv if argv is not None else sys.argv, finish)


def run_single(settings: Settings, folder: Path, echo: Callable[[str], None],
               argv: list[str], finish: Finishing = FINISH_HERE) -> dict[str, Any]:
    """One Monte Carlo run: run table, trace if asked, summary; returns the summary."""
    started = time.perf_counter()
    kept = _simulate(settings, folder)
    finish.prepare()  # it may get ready while the rest of the results is saved
    if kept:
        _write_trace(kept[0], folder, echo)
    write_run_info(folder, settings, started, argv)
    save_for_report(folder, settings)
    summary, text = finish(_job(settings, folder))
    echo(text)
    echo(f"\nResults written to {_shown(folder)}")
    return summary


def _simulate(settings: Settings, folder: Path) -> list[NegotiationModel]:
    """The Monte Carlo, chunk by chunk into the run table in `folder`; its workers are let go
    once it is whole. Returns the model kept to write the episode's events, if traced."""
    folder.mkdir(parents=True, exist_ok=True)
    options = settings.options
    kept: list[NegotiationModel] | None = [] if options.traced else None
    table = RunTable(folder)
    try:
        for _, columns in chunks_of(settings, progress=options.montecarlo.progress, trace=kept):
            table.append(columns)
    except BaseException:
        table.abandon()
        raise
    table.close()
    release_workers()
    return kept or []


def _job(settings: Settings, folder: Path) -> Job:
    """What finishing the run in `folder` needs beside its saved results."""
    return Job(folder, settings.scenario.horizon_days, settings.options.report.formats,
               {"kind": "run", **identity(settings)},
               {"labels": labels(settings), **provenance(),
                **({"questions_not_asked": dict(settings.questions.not_asked)}
                   if settings.questions.not_asked else {})},
               questions={q.name: q.text for q in settings.questions.questions})


def save_for_report(folder: Path, settings: Settings) -> None:
    """The parameter table with provenance and a representative episode, beside the results.
    The model is imported here, not before: a run whose chunks went to workers needs it only
    now, once they are gone (`sim.jobs.simulation`)."""
    from sim.engine.episode import representative_episode
    from sim.engine.trace import EVENT_COLUMNS

    write_parameter_csv(folder / PARAMETERS, settings.scenario, settings.mediator)
    events, timeline, outcome = representative_episode(settings.scenario, settings.mediator,
                                                       settings.options.seed)
    where = folder / EPISODE
    where.mkdir(exist_ok=True)
    write_csv(where / "events.csv", pd.DataFrame(events, columns=EVENT_COLUMNS))
    write_csv(where / "timeline.csv", pd.DataFrame(timeline))
    write_json(where / "episode.json", outcome)
