"""`negsim-collect DIR`: summarise a Hydra --multirun folder into the same table as a sweep.

Each job folder (DIR/0, DIR/1, ...) holds a run's `summary.json` and Hydra's record of its
overrides; the table has one row per finished job: its overrides as `param.<key>` columns and
every estimate with its interval. Jobs without a summary (failed or still running) are listed
and left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import yaml

from sim.results import SUMMARY, load_summary
from sim.sweep import estimate_row

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
        if not (job / SUMMARY).exists():
            missing.append(job)
            continue
        summary = load_summary(job)
        rows.append({"point": int(job.name), "folder": str(job),
                     **{f"param.{k}": v for k, v in _overrides(job).items()},
                     **estimate_row(summary)})
    return pd.DataFrame(rows), missing


def main() -> None:
    """Console script `negsim-collect`."""
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        print("usage: negsim-collect MULTIRUN_FOLDER", file=sys.stderr)
        sys.exit(2)
    folder = Path(sys.argv[1])
    table, missing = collect(folder)
    if table.empty:
        print(f"negsim-collect: error: no finished job under {folder}", file=sys.stderr)
        sys.exit(2)
    tmp = folder / f".{SWEEP_TABLE}.tmp"
    table.to_parquet(tmp, index=False)
    tmp.replace(folder / SWEEP_TABLE)
    shown = [c for c in table.columns if c.startswith("param.")] + [
        "agreement.p", "agreement.ci_low", "agreement.ci_high"]
    print(table[["point", *shown]].to_string(index=False))
    for job in missing:
        print(f"left out (no summary.json): {job}")
    print(f"{len(table)} jobs summarised into {folder / SWEEP_TABLE}")
    from sim.report.build import build_report

    print(f"Report written to {build_report(folder)}")
