"""Saving and loading a run's results, atomically: nothing half-written ever looks complete.

Every file is written under a temporary name and renamed into place; `summary.json` is written
last, so its presence marks a complete results folder.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections.abc import Callable, Mapping
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
    try:
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """`write(tmp)` writes a temporary file, published as `path` once whole; a write that
    fails (a full disk, an interrupt) leaves neither behind."""
    tmp = _temporary(path)
    try:
        write(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _publish(tmp, path)


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
    text = json.dumps(_clean(data), indent=2, allow_nan=False) + "\n"
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_csv(path: Path, frame: pd.DataFrame) -> None:
    write_atomically(path, lambda tmp: frame.to_csv(tmp, index=False))


def write_parquet(path: Path, frame: pd.DataFrame) -> None:
    write_atomically(path, lambda tmp: frame.to_parquet(tmp, index=False))


ROW_GROUP_ROWS = 20_000
"""Rows per row group of `runs.parquet`. The writer keeps ~75 KB of metadata per row group in
memory until it closes (≈ 4 MB per million runs); the rows waiting for their group are held
in memory beside the workers (50,000 rows held ≈ 100 MB more, measured)."""


def arrow_table(columns: Mapping[str, np.ndarray]) -> pa.Table:
    """A chunk's columns as the run table holds them (the one conversion: files and the
    in-process API give the same frame)."""
    return pa.table({name: pa.array(values) for name, values in columns.items()})


class RunTable:
    """Streams run-table chunks to `runs.parquet` without holding all replicates in memory:
    chunks are gathered into row groups of ROW_GROUP_ROWS rows and written."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / RUNS
        self.tmp = _temporary(self.path)
        self.writer: pq.ParquetWriter | None = None
        self.pending: list[pa.Table] = []

    def append(self, columns: Mapping[str, np.ndarray]) -> None:
        self.pending.append(arrow_table(columns))
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
        try:
            self._write()
            if self.writer is not None:
                self.writer.close()
        except BaseException:
            self.abandon()
            raise
        if self.writer is not None:
            _publish(self.tmp, self.path)

    def abandon(self) -> None:
        """Drop what was written: the temporary file goes, even if closing it fails too (a
        full disk fails the close as it failed the write)."""
        self.pending = []
        if self.writer is not None:
            with contextlib.suppress(Exception):
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


class ResultsError(ValueError):
    """A saved results file that cannot be read as negsim wrote it; one line for the user."""


def check_readable(folder: Path) -> None:
    """Refuse, with one line naming the file, a results folder whose summary or tables cannot
    be read (cut short, edited, or not negsim's), before anything reads it for real."""
    folder = Path(folder)
    if not folder.is_dir():
        what = "nothing there" if not folder.exists() else "a file"
        raise ResultsError(f"{folder}: got {what}; expected a results folder")
    summary = folder / SUMMARY
    if summary.exists():
        try:
            data = json.loads(summary.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise ResultsError(f"{summary}: got a file that is not whole JSON (cut short or "
                               "edited?); expected the summary negsim wrote") from None
        if not isinstance(data, dict) or not isinstance(data.get("horizon_days", 0), int):
            raise ResultsError(f"{summary}: got {type(data).__name__} content; expected the "
                               "summary negsim wrote")
    for name in (RUNS, "sweep.parquet", "sensitivity.parquet"):
        if (folder / name).exists():
            try:
                pq.read_metadata(folder / name)
            except (OSError, pa.ArrowException) as error:
                reason = str(error).splitlines()[0]
                raise ResultsError(f"{folder / name}: got a file Parquet cannot read ({reason}); "
                                   "expected the table negsim wrote") from None
