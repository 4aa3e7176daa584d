"""What a report is made from: a saved results folder, read back without the model.

Three kinds of folder: a single run (`summary.json`, `runs.parquet`), a sweep (`summary.json`
of kind "sweep", `sweep.parquet`, point folders in the point store) and a Hydra multirun (job
folders 0, 1, ... each a single run), summarised like a sweep.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.given_data import GIVEN_DATA
from sim.report.multirun import collect
from sim.report.scenarios import Discovery, load_discovery
from sim.results.digest import RunDigest, digest_saved
from sim.results.files import EPISODE, PARAMETERS, RUN_INFO, SUMMARY, load_summary


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@dataclass
class Episode:
    events: pd.DataFrame
    timeline: pd.DataFrame
    outcome: dict[str, Any]


@dataclass
class Results:
    """Everything a report needs, read from disk."""

    folder: Path
    kind: str  # "run", "sweep" or "multirun"
    summary: dict[str, Any]
    info: dict[str, Any] = field(default_factory=dict)
    parameters: pd.DataFrame | None = None
    config_text: str = ""
    table: pd.DataFrame | None = None  # sweeps: one row per point
    sensitivity: pd.DataFrame | None = None
    episode: Episode | None = None
    given_data: pd.DataFrame | None = None  # `negsim-analyze`'s ranking of the inputs, if run
    discovery: Discovery | None = None  # and its scenario discovery, if asked
    reduced: RunDigest | None = None  # the run table's digest, once read

    def digest(self) -> RunDigest:
        """The run table reduced to what the figures read, a row group at a time (once)."""
        if self.reduced is None:
            self.reduced = digest_saved(self.folder, int(self.summary["horizon_days"]))
        return self.reduced

    def point(self, folder: str | Path) -> Results:
        return load_results(Path(folder))


def _episode(folder: Path) -> Episode | None:
    where = folder / EPISODE
    if not (where / "events.csv").exists():
        return None
    return Episode(pd.read_csv(where / "events.csv", keep_default_na=False,
                               na_values={"value": [""], "bar": [""], "reservation": [""]}),
                   pd.read_csv(where / "timeline.csv"), _read_json(where / "episode.json"))


def _common(folder: Path, kind: str, summary: dict[str, Any]) -> Results:
    config = folder / ".hydra" / "config.yaml"
    return Results(
        folder=folder, kind=kind, summary=summary, info=_read_json(folder / RUN_INFO),
        parameters=pd.read_csv(folder / PARAMETERS) if (folder / PARAMETERS).exists() else None,
        config_text=config.read_text(encoding="utf-8") if config.exists() else "",
        episode=_episode(folder), given_data=_given_data(folder),
        discovery=load_discovery(folder))


def _given_data(folder: Path) -> pd.DataFrame | None:
    where = folder / f"{GIVEN_DATA}.parquet"
    return pd.read_parquet(where) if where.exists() else None


def load_results(folder: Path, summary: dict[str, Any] | None = None) -> Results:
    """Read a results folder of any kind; `summary` stands in for a summary.json not yet written."""
    folder = Path(folder)
    if summary is None and (folder / SUMMARY).exists():
        summary = load_summary(folder)
    if summary is not None and summary.get("kind") == "sweep":
        results = _common(folder, "sweep", summary)
        results.table = pd.read_parquet(folder / "sweep.parquet")
        if (folder / "sensitivity.parquet").exists():
            results.sensitivity = pd.read_parquet(folder / "sensitivity.parquet")
        return results
    if summary is not None:
        return _common(folder, "run", summary)
    table, _ = collect(folder)
    if table.empty:
        raise FileNotFoundError(f"{folder}: got no summary.json, nor finished multirun jobs; "
                                "expected a results folder written by negsim")
    first = Path(table["folder"].iloc[0])
    results = _common(first, "multirun", {"kind": "multirun", **load_summary(first)})
    results.folder, results.table = folder, table
    results.config_text = ""
    return results
