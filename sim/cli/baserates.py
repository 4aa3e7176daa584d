"""`negsim-baserates [--data-dir DIR] [--out PATH]`: derive the table of base rates (how long
ceasefires last, how often one follows another, how agreements and wars end) from public conflict
data sets, and write it as CSV (by default into the project, seeds/baserates.csv).

DIR holds the data sets' CSV files (eth_prio_ceasefires.csv, pax_agreements.csv,
ucdp_peace_agreements_22_1.csv, ucdp_termination_conflict_3_2021.csv); it defaults to
../shared/data beside the project where that exists. The files themselves stay out of the
project; each row of the table names its data set and citation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sim.results.baserates.build import SHARED_DATA, TABLE, derive, write
from sim.results.baserates.table import BaseRateError

PROG = "negsim-baserates"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=f"the data sets' folder (default: {SHARED_DATA} where it exists)")
    parser.add_argument("--out", type=Path, default=TABLE, help=f"the table (default: {TABLE})")
    return parser


def main(argv: list[str] | None = None) -> None:
    """Console script `negsim-baserates`: one error line and exit 2 on bad input, nothing
    written."""
    args = _parser().parse_args(argv)
    data_dir = args.data_dir
    if data_dir is None:
        if not SHARED_DATA.is_dir():
            _refuse(f"no --data-dir given and {SHARED_DATA} does not exist")
        data_dir = SHARED_DATA
    try:
        table = derive(data_dir)
    except BaseRateError as error:
        _refuse(str(error))
    try:
        write(table, args.out)
    except OSError as error:
        _refuse(f"{args.out}: cannot write the table ({error.strerror or error})")
    print(f"{len(table)} base rates from {data_dir} written to {args.out}")


def _refuse(line: str) -> None:
    print(f"{PROG}: error: {line}", file=sys.stderr)
    sys.exit(2)
