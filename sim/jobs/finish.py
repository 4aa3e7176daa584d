"""Finishing a run whose results are saved: its summary and its report, from the saved
results only, never the model. `sim.jobs.head_start` may do it in a process of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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
    split: bool = False
    """Whether a finishing process may draw the figures in two processes (`sim.report.build`).
    Only for a run that kept its Monte Carlo in one process: the forked copy counts its shared
    pages again in the memory the processes hold (≈ 270 MB, measured), room that the larger
    process of a run with workers does not leave under 1 GiB."""


def finish(job: Job, split: bool = False) -> tuple[dict[str, Any], str]:
    """Summarise the run table, write the report (its figures drawn by two processes if
    `split` and the job allows it), then `summary.json`, last: it marks the folder complete.
    Returns the summary and its text for the terminal."""
    from sim.report.build import build_report
    from sim.results.digest import digest_saved
    from sim.results.files import SUMMARY, write_json
    from sim.results.summary import format_summary, summarise_digest

    digest = digest_saved(job.folder, job.horizon_days)
    summary = {**job.head, **summarise_digest(digest, job.questions), **job.tail}
    note = ""
    try:
        build_report(job.folder, summary, job.formats, digest, split=split and job.split)
    except Exception as error:  # the results are whole: a report that fails must not lose them
        summary["report_error"] = f"{type(error).__name__}: {error}".splitlines()[0]
        note = (f"\nnegsim: warning: the report could not be built ({summary['report_error']}); "
                f"the results are complete: rebuild it with negsim-report {job.folder}")
    write_json(job.folder / SUMMARY, summary)
    return summary, format_summary(summary) + note
