"""Running a sweep: every point's Monte Carlo, each point saved whole as soon as it is done.

Points are keyed by a fingerprint of what determines their numbers (their composed config,
runs, seed, chunk size, the code of `sim.engine.fingerprint` and the numerical libraries' versions),
and stored under `point_store/<key>/`. A stored point is reused only if it verifies: its
summary is whole and names its key and runs, and its run table has the bytes the summary
recorded. Rerunning an interrupted sweep picks up where it stopped. Every point uses the same
root seed (unless the sweep varies it), hence the same replicate seeds: common random numbers
across points. This layer knows nothing of parties.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from sim.montecarlo.backends import Backend
from sim.montecarlo.chunks import Chunk, Columns, plan, run_chunks
from sim.results.files import RUNS, SUMMARY, RunTable, load_summary, write_json
from sim.results.summary import summarise_saved


@dataclass(frozen=True)
class Point:
    """One point of a sweep: its parameter values, the overrides that set them, and what to run.

    `runs`, `seed` and `chunk_size` are the point's own (a sweep may vary them); `meta` goes
    into its summary."""

    index: int
    values: Mapping[str, Any]
    overrides: tuple[str, ...]
    simulate: Callable[[Chunk], Columns]
    horizon: int
    identity: Mapping[str, Any]  # what determines its numbers besides how it is run
    runs: int
    seed: int
    chunk_size: int
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """A digest of the identity and of how the point is run: runs, seed and chunk size
        (taken from the fields the run uses, so the key cannot disagree with them)."""
        made = {**self.identity, "runs": self.runs, "seed": self.seed,
                "chunk_size": self.chunk_size}
        text = json.dumps(made, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:20]

    def chunks(self) -> list[Chunk]:
        return plan(self.runs, self.chunk_size, self.seed)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def verified(point: Point, folder: Path) -> bool:
    """Whether a stored point can be reused: its summary is whole, made for this key and this
    many runs, and its run table has exactly the bytes the summary recorded."""
    try:
        summary = load_summary(folder)
        whole = (isinstance(summary, dict) and summary.get("key") == point.key
                 and summary.get("runs") == point.runs
                 and all(isinstance(summary.get(k), dict) for k in ESTIMATES))
        return whole and summary.get("runs_sha256") == file_digest(folder / RUNS)
    except (OSError, ValueError):
        return False


def _finish(point: Point, folder: Path) -> dict[str, Any]:
    summary = {**point.meta, "point": point.index, "key": point.key,
               "values": dict(point.values), "overrides": list(point.overrides),
               **summarise_saved(folder, point.horizon),
               "runs_sha256": file_digest(folder / RUNS)}
    write_json(folder / SUMMARY, summary)
    return summary


def run_points(points: list[Point], backend: Backend, store: Path,
               progress: bool = False) -> list[int]:
    """Compute every point not stored whole; return the indices of the points computed now.

    A stored point that does not verify (cut short, edited, made for other runs) is computed
    again: its old summary goes first, so nothing claims it is complete meanwhile."""
    todo = [p for p in points if not verified(p, store / p.key)]
    for point in todo:
        (store / point.key / SUMMARY).unlink(missing_ok=True)
    plans = {point.index: point.chunks() for point in todo}
    work = [(point.simulate, chunk) for point in todo for chunk in plans[point.index]]
    owners = [point for point in todo for _ in plans[point.index]]
    table: RunTable | None = None
    with tqdm(total=len(points), initial=len(points) - len(todo), unit="point",
              disable=not progress, position=0) as bar:
        try:
            for (chunk, columns), point in zip(run_chunks(work, backend, progress, 1), owners,
                                               strict=True):
                folder = store / point.key
                if chunk.index == 0:
                    folder.mkdir(parents=True, exist_ok=True)
                    table = RunTable(folder)
                assert table is not None
                table.append(columns)
                if chunk.index == len(plans[point.index]) - 1:
                    table.close()
                    table = None
                    _finish(point, folder)
                    bar.update(1)
        except BaseException:
            if table is not None:
                table.abandon()
            raise
    return [p.index for p in todo]


def _flatten(prefix: str, value: Any, row: dict[str, Any]) -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, row)
    elif isinstance(value, list) and len(value) == 2 and prefix.split(".")[-2:-1] == ["ci"]:
        row[f"{prefix}_low"], row[f"{prefix}_high"] = value
    elif not isinstance(value, list):
        row[prefix] = value


ESTIMATES = ("agreement", "agreement_held", "stages", "time_to_agreement_days", "end_reasons",
             "questions")


def estimate_row(summary: Mapping[str, Any]) -> dict[str, Any]:
    """Every estimate of a run summary with its interval, as flat columns."""
    row: dict[str, Any] = {}
    for key in ESTIMATES:
        _flatten(key, summary.get(key, {}), row)
    return row


def sweep_table(points: list[Point], store: Path) -> pd.DataFrame:
    """One row per point: index, folder, parameter values, every estimate with its interval."""
    rows = []
    for point in points:
        summary = load_summary(store / point.key)
        row = {"point": point.index, "folder": str(store / point.key),
               **{f"param.{k}": v for k, v in point.values.items()}}
        rows.append(row | estimate_row(summary))
    return _as_cells(pd.DataFrame(rows))


def _as_cells(table: pd.DataFrame) -> pd.DataFrame:
    """A parameter column holding a whole block anywhere (a mapping or list: a party's red
    lines, a distribution) is stored as the JSON text of every value, one type per column."""
    for column in [c for c in table.columns if c.startswith("param.")]:
        if table[column].map(lambda v: isinstance(v, Mapping | list | tuple)).any():
            table[column] = table[column].map(lambda v: json.dumps(v, sort_keys=True))
    return table
