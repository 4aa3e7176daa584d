"""The whole base-rate table from a folder holding the data sets, and its file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.results.baserates import agreements, ceasefires, endings, renewals
from sim.results.baserates.table import COLUMNS, BaseRateError, frame
from sim.results.files import write_csv

PROJECT = Path(__file__).resolve().parents[3]
TABLE = PROJECT / "seeds" / "baserates.csv"
"""The committed table, derived from the data sets by `negsim-baserates`."""
SHARED_DATA = PROJECT.parent / "shared" / "data"
"""Where the data sets are looked for when no folder is given: ../shared/data beside the project."""


def derive(data_dir: Path) -> pd.DataFrame:
    """Every row, from the CSVs in `data_dir`; a BaseRateError (one line) for unusable input."""
    if not data_dir.is_dir():
        raise BaseRateError(f"{data_dir}: no such folder (the data sets' folder, --data-dir)")
    rows = [*ceasefires.survival_rows(data_dir), *renewals.rows(data_dir),
            *agreements.rows(data_dir), *endings.rows(data_dir)]
    return frame(rows)


def write(table: pd.DataFrame, path: Path) -> None:
    """The table as CSV, written whole or not at all."""
    write_csv(path, table[list(COLUMNS)])


def load(path: Path) -> pd.DataFrame:
    """A written table, read back with its row ids as the index."""
    return pd.read_csv(path, keep_default_na=True).set_index("id", drop=False)
