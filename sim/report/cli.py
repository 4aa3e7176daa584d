"""`negsim-report PATH [--formats png svg pdf]`: rebuild the report of a saved results folder,
running nothing.

PATH may be a single run, an experiment or sweep folder, or a Hydra multirun folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sim.results import FORMATS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="negsim-report", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a results folder")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=["png"],
                        help="figure files beside report.html (default: png)")
    return parser


def main(argv: list[str] | None = None) -> None:
    """Console script `negsim-report`."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.exit(2, f"negsim-report: error: {args.folder}: not a folder\n")
    from sim.report.build import build_report

    try:
        report = build_report(args.folder, formats=tuple(dict.fromkeys(args.formats)))
    except FileNotFoundError as error:
        parser.exit(2, f"negsim-report: error: {error}\n")
    print(f"Report written to {report}")
