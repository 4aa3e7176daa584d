"""A Hydra --multirun folder read back as the same table as a sweep (`negsim-collect DIR`).

Each job folder (DIR/0, DIR/1, ...) holds a run's `summary.json` and Hydra's record of its
overrides; the table has one row per finished job: its overrides as `param.<key>` columns and
every estimate with its interval. Jobs without a summary (failed or still running) are listed
and left out.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from sim.montecarlo.points import estimate_row
from sim.results.files import SUMMARY, ResultsError, check_readable, load_summary

SWEEP_TABLE = "sweep.parquet"


def _overrides(job: Path) -> dict[str, str]:
    recorded = job / ".hydra" / "overrides.yaml"
    if not recorded.exists():
        return {}
    items = yaml.safe_load(recorded.read_text(encoding="utf-8")) or []
    pairs = (str(item).lstrip("+~").split("=", 1) for item in items)
    return {key: value for key, *rest in pairs for value in rest}


def collect(folder: Path) -> tuple[pd.DataFrame, list[Path]]:
    """The table of finished jobs under `folder`, and the job folders left out."""
    rows, missing = [], []
    jobs = sorted((p for p in Path(folder).iterdir() if p.is_dir() and p.name.isdigit()),
                  key=lambda p: int(p.name))
    for job in jobs:
        try:
            check_readable(job)
        except ResultsError:
            missing.append(job)
            continue
        if not (job / SUMMARY).exists():
            missing.append(job)
            continue
        summary = load_summary(job)
        rows.append({"point": int(job.name), "folder": str(job),
                     **{f"param.{k}": v for k, v in _overrides(job).items()},
                     **estimate_row(summary)})
    return pd.DataFrame(rows), missing
