"""`negsim-report PATH [--formats png svg pdf]`: rebuild the report of a saved results folder,
running nothing.

PATH may be a single run, an experiment or sweep folder, or a Hydra multirun folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from sim.results.files import FORMATS, ResultsError, check_readable


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
    with saved_results("negsim-report", args.folder):
        from sim.report.build import build_report

        report = build_report(args.folder, formats=tuple(dict.fromkeys(args.formats)))
    print(f"Report written to {report}")


@contextlib.contextmanager
def saved_results(program: str, folder: Path) -> Iterator[None]:
    """Read a saved results folder and write beside it, every failure one line and exit 2:
    a folder that is not one, files cut short or not negsim's, a folder that cannot be written.
    NEGSIM_DEBUG=1 shows the traceback instead."""
    try:
        check_readable(folder)
        yield
    except Exception as error:
        if os.environ.get("NEGSIM_DEBUG"):
            raise
        if isinstance(error, ResultsError | FileNotFoundError):
            line = str(error)
        elif isinstance(error, OSError):
            where = Path(error.filename or folder)
            if where.name.startswith(".") and where.name.endswith(".tmp"):
                where = where.parent  # the folder, not the temporary file written into it
            line = (f"{where}: got a place that cannot be written ({error.strerror or error}); "
                    f"expected a folder {program} can write")
        else:
            line = (f"{folder}: got results {program} cannot read ({type(error).__name__}: "
                    f"{str(error).splitlines()[0] if str(error) else ''}); expected a results "
                    "folder written by negsim")
        print(f"{program}: error: {line}", file=sys.stderr)
        sys.exit(2)
