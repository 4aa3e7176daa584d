"""`negsim-collect DIR`: summarise a Hydra --multirun folder into the same table as a sweep,
and build its report."""

from __future__ import annotations

import sys
from pathlib import Path

from sim.cli.report import saved_results
from sim.report.multirun import SWEEP_TABLE, collect
from sim.results.files import ResultsError, write_parquet


def main() -> None:
    """Console script `negsim-collect`."""
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print("usage: negsim-collect MULTIRUN_FOLDER", file=sys.stderr)
        sys.exit(2)
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
