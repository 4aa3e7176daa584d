"""Saving and loading a run's results, atomically: nothing half-written ever looks complete.

Every file is written under a temporary name and renamed into place; `summary.json` is written
last, so its presence marks a complete results folder.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

SUMMARY, RUNS, EVENTS, TIMELINE = "summary.json", "runs.parquet", "events.csv", "timeline.csv"
RUN_INFO = "run.json"
PARAMETERS, EPISODE = "parameters.csv", "episode"  # beside the run table, for the report
FORMATS = ("png", "svg", "pdf")
"""Figure files a report can write; `report.html` is always written, its figures embedded."""


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _publish(tmp: Path, path: Path) -> None:
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _clean(value: Any) -> Any:
    """JSON-safe: numpy scalars to Python, NaN and infinities to null."""
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    tmp = _temporary(path)
    tmp.write_text(json.dumps(_clean(data), indent=2, allow_nan=False) + "\n", encoding="utf-8")
    _publish(tmp, path)


def write_csv(path: Path, frame: pd.DataFrame) -> None:
    tmp = _temporary(path)
    frame.to_csv(tmp, index=False)
    _publish(tmp, path)


ROW_GROUP_ROWS = 50_000
"""Rows per row group of `runs.parquet`. The writer keeps ~75 KB of metadata per row group in
memory until it closes, so one per 5,000-replicate chunk would grow by 15 MB per million runs."""


class RunTable:
    """Streams run-table chunks to `runs.parquet` without holding all replicates in memory:
    chunks are gathered into row groups of ROW_GROUP_ROWS rows and written."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / RUNS
        self.tmp = _temporary(self.path)
        self.writer: pq.ParquetWriter | None = None
        self.pending: list[pa.Table] = []

    def append(self, columns: Mapping[str, np.ndarray]) -> None:
        self.pending.append(pa.table({name: pa.array(values) for name, values in columns.items()}))
        if sum(t.num_rows for t in self.pending) >= ROW_GROUP_ROWS:
            self._write()

    def _write(self) -> None:
        if not self.pending:
            return
        table = pa.concat_tables(self.pending)
        self.pending = []
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.tmp, table.schema)
        self.writer.write_table(table, row_group_size=table.num_rows)

    def close(self) -> None:
        self._write()
        if self.writer is not None:
            self.writer.close()
            _publish(self.tmp, self.path)

    def abandon(self) -> None:
        self.pending = []
        if self.writer is not None:
            self.writer.close()
        self.tmp.unlink(missing_ok=True)


def load_summary(folder: Path) -> dict[str, Any]:
    return json.loads((Path(folder) / SUMMARY).read_text(encoding="utf-8"))


def load_runs(folder: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """The run table (or some of its columns); text columns (end reasons, stage names) come as
    categories, a few bytes a row rather than a Python string each."""
    table = pq.read_table(Path(folder) / RUNS, columns=columns)
    # each column's Arrow memory is freed as it is converted: one copy at a time, not two
    return table.to_pandas(strings_to_categorical=True, split_blocks=True, self_destruct=True)


def run_columns(folder: Path) -> list[str]:
    """The column names of a saved run table, read from its schema alone."""
    return list(pq.read_schema(Path(folder) / RUNS).names)
