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

from sim.results import SUMMARY, ResultsError, check_readable, load_summary, write_parquet
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


def main() -> None:
    """Console script `negsim-collect`."""
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print("usage: negsim-collect MULTIRUN_FOLDER", file=sys.stderr)
        sys.exit(2)
    from sim.report.cli import saved_results

    folder = Path(sys.argv[1])
    with saved_results("negsim-collect", folder):
        table, missing = collect(folder)
        if table.empty:
            raise ResultsError(f"{folder}: got no finished job (folders 0, 1, ... with a "
                               "summary.json); expected a Hydra multirun folder")
        write_parquet(folder / SWEEP_TABLE, table)
    shown = [c for c in table.columns if c.startswith("param.")] + [
        "agreement.p", "agreement.ci_low", "agreement.ci_high"]
    print(table[["point", *shown]].to_string(index=False))
    for job in missing:
        print(f"left out (no readable summary.json): {job}")
    print(f"{len(table)} jobs summarised into {folder / SWEEP_TABLE}")
    from sim.report.build import build_report

    with saved_results("negsim-collect", folder):
        report = build_report(folder)
    print(f"Report written to {report}")
