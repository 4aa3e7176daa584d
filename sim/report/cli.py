"""`negsim-report PATH`: rebuild the report of a saved results folder, running nothing.

PATH may be a single run, an experiment or sweep folder, or a Hydra multirun folder.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    """Console script `negsim-report`."""
    from sim.report.build import build_report

    if len(sys.argv) != 2:
        print("usage: negsim-report RESULTS_FOLDER", file=sys.stderr)
        sys.exit(2)
    folder = Path(sys.argv[1])
    if not folder.is_dir():
        print(f"negsim-report: error: {folder}: not a folder", file=sys.stderr)
        sys.exit(2)
    try:
        report = build_report(folder)
    except FileNotFoundError as error:
        print(f"negsim-report: error: {error}", file=sys.stderr)
        sys.exit(2)
    print(f"Report written to {report}")
