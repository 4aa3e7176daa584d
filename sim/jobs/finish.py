"""Finishing a run whose results are saved: its summary and its report, from the saved
results only, never the model. `sim.jobs.head_start` may do it in a process of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class Job:
    """What finishing a run needs beside its saved results: the horizon (for the durations),
    the report's formats, and the summary's fields that come from the settings: `head` before
    the estimates (kind, names, seed), `tail` after them (labels, provenance)."""

    folder: Path
    horizon_days: int
    formats: tuple[str, ...]
    head: dict[str, Any]
    tail: dict[str, Any]
    questions: dict[str, str] = field(default_factory=dict)
    """The forecast questions' texts, by name, for the summary."""


def finish(job: Job, split: bool = False) -> tuple[dict[str, Any], str]:
    """Summarise the run table, write the report (its figures drawn by two processes if
    `split`), then `summary.json`, last: it marks the folder complete. Returns the summary
    and its text for the terminal."""
    from sim.report.build import build_report
    from sim.results.digest import digest_saved
    from sim.results.files import SUMMARY, write_json
    from sim.results.summary import format_summary, summarise_digest

    digest = digest_saved(job.folder, job.horizon_days)
    summary = {**job.head, **summarise_digest(digest, job.questions), **job.tail}
    note = ""
    try:
        build_report(job.folder, summary, job.formats, digest, split=split)
    except Exception as error:  # the results are whole: a report that fails must not lose them
        summary["report_error"] = f"{type(error).__name__}: {error}".splitlines()[0]
        note = (f"\nnegsim: warning: the report could not be built ({summary['report_error']}); "
                f"the results are complete: rebuild it with negsim-report {job.folder}")
    write_json(job.folder / SUMMARY, summary)
    return summary, format_summary(summary) + note


class Finishing(Protocol):
    """What finishes a run once its results are saved: `FINISH_HERE` unless the caller brings
    its own (`negsim` brings a process started early, `sim.jobs.head_start.Finisher`)."""

    def prepare(self) -> None:
        """The Monte Carlo is over and its workers are gone: what finishing needs may get
        ready while the run saves the rest of its results."""

    def __call__(self, job: Job) -> tuple[dict[str, Any], str]:
        """Finish `job` (`finish`): the summary and its text for the terminal."""


class FinishHere:
    """Finishing in this process, once the run asks."""

    def prepare(self) -> None:
        """Nothing to ready: `finish` imports what it needs as it goes."""

    def __call__(self, job: Job) -> tuple[dict[str, Any], str]:
        return finish(job)


FINISH_HERE = FinishHere()
