"""Running a sweep: every point's Monte Carlo, each point saved whole as soon as it is done.

Points are keyed by a fingerprint of what determines their numbers (their composed config,
runs, seed, chunk size and the model's code), and stored under `point_store/<key>/`. A point
whose `summary.json` exists is finished and is never recomputed: rerunning an interrupted
sweep picks up where it stopped. Every point uses the same root seed, hence the same replicate
seeds: common random numbers across points. This layer knows nothing of parties.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from sim.backends import Backend
from sim.montecarlo import Chunk, Columns, plan, run_chunks
from sim.results import SUMMARY, RunTable, load_summary, write_json
from sim.summary import summarise_saved

CODE = Path(__file__).resolve().parent
NUMBERS = ("config", "domain", "rules", "agents.py", "model.py", "tables.py", "truce.py",
           "episode.py", "montecarlo.py", "summary.py", "estimators.py")
"""The parts of the code that determine a point's numbers (not the CLI, reports or sweeps)."""


def code_fingerprint() -> str:
    """Hash of the simulator's model code: a point computed by other code is not reused."""
    digest = hashlib.sha256()
    files = [p for name in NUMBERS for p in sorted((CODE / name).rglob("*.py"))
             if (CODE / name).is_dir()] + [CODE / n for n in NUMBERS if n.endswith(".py")]
    for path in files:
        digest.update(path.relative_to(CODE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Point:
    """One point of a sweep: its parameter values, the overrides that set them, and what to run."""

    index: int
    values: Mapping[str, Any]
    overrides: tuple[str, ...]
    simulate: Callable[[Chunk], Columns]
    horizon: int
    identity: Mapping[str, Any]  # everything that determines the point's numbers

    @property
    def key(self) -> str:
        text = json.dumps(self.identity, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:20]


def _finish(point: Point, folder: Path, meta: Mapping[str, Any]) -> dict[str, Any]:
    summary = {**meta, "point": point.index, "values": dict(point.values),
               "overrides": list(point.overrides),
               **summarise_saved(folder, point.horizon)}
    write_json(folder / SUMMARY, summary)
    return summary


def run_points(points: list[Point], runs: int, seed: int, chunk_size: int, backend: Backend,
               store: Path, meta: Callable[[Point], Mapping[str, Any]],
               progress: bool = False) -> list[int]:
    """Compute every unfinished point; return the indices of the points computed now."""
    todo = [p for p in points if not (store / p.key / SUMMARY).exists()]
    chunks = plan(runs, chunk_size, seed)
    work = [(point.simulate, chunk) for point in todo for chunk in chunks]
    owners = [point for point in todo for _ in chunks]
    table: RunTable | None = None
    with tqdm(total=len(points), initial=len(points) - len(todo), unit="point",
              disable=not progress, position=0) as bar:
        for (chunk, columns), point in zip(run_chunks(work, backend, progress, 1), owners,
                                           strict=True):
            folder = store / point.key
            if chunk.index == 0:
                folder.mkdir(parents=True, exist_ok=True)
                table = RunTable(folder)
            assert table is not None
            table.append(columns)
            if chunk.index == len(chunks) - 1:
                table.close()
                _finish(point, folder, meta(point))
                bar.update(1)
    return [p.index for p in todo]


def _flatten(prefix: str, value: Any, row: dict[str, Any]) -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, row)
    elif isinstance(value, list) and len(value) == 2 and prefix.split(".")[-2:-1] == ["ci"]:
        row[f"{prefix}_low"], row[f"{prefix}_high"] = value
    elif not isinstance(value, list):
        row[prefix] = value


ESTIMATES = ("agreement", "agreement_held", "stages", "time_to_agreement_days", "end_reasons")


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
    return pd.DataFrame(rows)
