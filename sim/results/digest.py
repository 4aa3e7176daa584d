"""A run table reduced a row group at a time to what summaries and reports read: counts, sums,
durations counted by day, agreed terms counted on a fine grid, and the running agreement share.

Its memory depends on the horizon and the number of columns, never on the number of runs, so a
run table of any size is summarised and reported in bounded memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from sim.results.estimators import Durations
from sim.results.files import RUNS

TERM_GRID = 10_000
"""Agreed terms are counted to the nearest 1/10,000 of their issue's 0-1 scale."""
CHECKPOINTS = 200
"""Replicate counts, evenly spaced in log scale, at which the running agreement share is kept."""
BATCH_ROWS = 65_536

TEXT = ("end_reason", "highest_stage")
SUMMED = ("agreement", "agreement_held")
SUMMED_SUFFIXES = (".signed", ".held", ".collapsed", ".stalls", ".violations",
                   ".reported_violations", ".trust_in_mediator")
SPELL_DAYS, SPELL_COLLAPSED = ".first_spell_days", ".first_spell_collapsed"
EVER = {".in_force_day": ".in_force", ".lapses": ".lapsed"}
"""Columns counted as whether the event ever happened: a stage that came into force (a day is
recorded), one whose conditions precedent lapsed at least once; summed under the new name."""
QUESTION = "question."


def digest_columns(columns: list[str]) -> list[str]:
    """The run-table columns a digest reads; the rest of a large table is never loaded."""
    return [c for c in columns if c in (*TEXT, *SUMMED, "agreement_day")
            or c.startswith(("terms.", QUESTION))
            or (c.startswith(("stage.", "party.")) and c.endswith(
                (*SUMMED_SUFFIXES, SPELL_DAYS, SPELL_COLLAPSED, *EVER)))]


def checkpoints(runs: int) -> np.ndarray:
    """Replicate counts 1..runs, about evenly spaced in log scale, at most CHECKPOINTS of them."""
    if runs == 0:
        return np.zeros(0, np.int64)
    return np.unique(np.geomspace(1, runs, num=min(runs, CHECKPOINTS)).astype(np.int64))


@dataclass
class RunDigest:
    """Everything the summary and the report read from a run table of `runs` rows."""

    runs: int
    horizon: int
    seen: int = 0
    sums: dict[str, float] = field(default_factory=dict)
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    agreement_days: Durations = field(default_factory=Durations.empty)
    first_spells: dict[str, Durations] = field(default_factory=dict)
    timed: dict[str, Durations] = field(default_factory=dict)  # time-to-event questions
    terms: dict[str, np.ndarray] = field(default_factory=dict)  # among agreements
    signed_terms: dict[str, np.ndarray] = field(default_factory=dict)  # wherever it was signed
    running_at: np.ndarray = field(init=False)  # checkpoints(runs)
    running_hits: np.ndarray = field(init=False)  # agreements among the first running_at rows
    agreed_so_far: int = 0

    def __post_init__(self) -> None:
        self.running_at = checkpoints(self.runs)
        self.running_hits = np.zeros(self.running_at.size, np.int64)

    def add(self, batch: pd.DataFrame) -> None:
        """Fold in the next rows of the table (in replicate order)."""
        for column in batch.columns:
            if column.startswith(QUESTION):
                self._count_answers(column, batch[column])
            elif column in SUMMED or column.endswith(SUMMED_SUFFIXES):
                self.sums[column] = self.sums.get(column, 0.0) + float(batch[column].sum())
            elif column in TEXT:
                self.counts.setdefault(column, Counter()).update(
                    batch[column].astype(str).value_counts().to_dict())
            elif column.startswith("terms."):
                self._count_terms(column.removeprefix("terms."), batch[column], batch["agreement"])
            elif column.endswith(SPELL_DAYS):
                self._count_spells(column.removesuffix(SPELL_DAYS), batch)
            elif column.startswith("stage.") and column.endswith(tuple(EVER)):
                self._count_ever(column, batch[column])
        if "agreement" in batch:
            agreed = batch["agreement"].to_numpy(bool)
            self.agreement_days += Durations.of(batch["agreement_day"].to_numpy(float), agreed,
                                                self.horizon)
            self._count_running(agreed)
        self.seen += len(batch)

    def _count_terms(self, issue: str, values: pd.Series, agreed: pd.Series) -> None:
        """The last terms signed on an issue: among agreements, and wherever it was signed."""
        every = values.to_numpy(float)
        for counts, kept in ((self.terms, every[agreed.to_numpy(bool)]),
                             (self.signed_terms, every)):
            kept = kept[np.isfinite(kept)]
            grid = np.rint(np.clip(kept, 0.0, 1.0) * TERM_GRID).astype(np.int64)  # scale 0-1
            counts[issue] = counts.get(issue, 0) + np.bincount(grid, minlength=TERM_GRID + 1)

    def term_quantiles(self, issue: str) -> dict[str, float | int | None]:
        """Median and quartiles of the last terms signed on `issue` (on the counting grid),
        over the replicates that signed it, and how many did."""
        counts = np.asarray(self.signed_terms.get(issue, np.zeros(TERM_GRID + 1)))
        n = int(counts.sum())
        if n == 0:
            return {"median": None, "q25": None, "q75": None, "signed_in": 0}
        cumulative = np.cumsum(counts)
        at = {q: float(np.searchsorted(cumulative, q * n) / TERM_GRID) for q in (0.25, 0.5, 0.75)}
        return {"median": at[0.5], "q25": at[0.25], "q75": at[0.75], "signed_in": n}

    def _count_answers(self, column: str, values: pd.Series) -> None:
        """A yes/no question's answers are summed; a time-to-event one's days are counted, those
        without the event censored at the horizon."""
        name = column.removeprefix(QUESTION)
        if values.dtype == bool:
            self.sums[column] = self.sums.get(column, 0.0) + float(values.sum())
            return
        days = values.to_numpy(float)
        counted = Durations.of(days, np.isfinite(days), self.horizon)
        self.timed[name] = self.timed.get(name, Durations.empty()) + counted

    def _count_ever(self, column: str, values: pd.Series) -> None:
        """Runs in which a stage ever came into force (a finite day) or ever lapsed (a count
        above 0), summed as `stage.NAME.in_force` and `stage.NAME.lapsed`."""
        suffix = next(k for k in EVER if column.endswith(k))
        name = column.removesuffix(suffix) + EVER[suffix]
        x = values.to_numpy(float)
        happened = np.isfinite(x) if suffix == ".in_force_day" else x > 0
        self.sums[name] = self.sums.get(name, 0.0) + float(happened.sum())

    def _count_spells(self, stage_prefix: str, batch: pd.DataFrame) -> None:
        stage = stage_prefix.removeprefix("stage.")
        signed = batch[f"{stage_prefix}.signed"].to_numpy(bool)
        spells = Durations.of(batch[stage_prefix + SPELL_DAYS].to_numpy(float)[signed],
                              batch[stage_prefix + SPELL_COLLAPSED].to_numpy(bool)[signed])
        self.first_spells[stage] = self.first_spells.get(stage, Durations.empty()) + spells

    def _count_running(self, agreed: np.ndarray) -> None:
        inside = (self.running_at > self.seen) & (self.running_at <= self.seen + agreed.size)
        so_far = np.cumsum(agreed)
        self.running_hits[inside] = self.agreed_so_far + so_far[self.running_at[inside] - self.seen - 1]
        self.agreed_so_far += int(so_far[-1]) if so_far.size else 0

    def share(self, column: str) -> tuple[int, int]:
        """(runs where a true/false column holds, runs)."""
        return int(self.sums[column]), self.runs

    def mean(self, column: str) -> float:
        return self.sums[column] / self.runs

    def shares(self, column: str) -> dict[str, float]:
        """Each value's share of a text column, values in sorted order."""
        counts = self.counts.get(column, Counter())
        return {k: counts[k] / self.runs for k in sorted(counts)}

    def names(self, prefix: str, suffix: str) -> list[str]:
        """Names between `prefix` and `suffix` of the summed columns, in table order."""
        return [c[len(prefix):-len(suffix)] for c in self.sums
                if c.startswith(prefix) and c.endswith(suffix)]

    def running_share(self) -> tuple[np.ndarray, np.ndarray]:
        """(replicates so far, agreements among them) at each checkpoint."""
        return self.running_at, self.running_hits


def digest_frame(runs: pd.DataFrame, horizon: int) -> RunDigest:
    """The digest of a run table already in memory."""
    digest = RunDigest(len(runs), horizon)
    digest.add(runs[digest_columns(list(runs.columns))])
    return digest


def digest_saved(folder: Path, horizon: int) -> RunDigest:
    """The digest of a saved run table, read a batch of rows at a time."""
    table = pq.ParquetFile(Path(folder) / RUNS)
    digest = RunDigest(table.metadata.num_rows, horizon)
    columns = digest_columns(table.schema_arrow.names)
    for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns):
        digest.add(batch.to_pandas())
    if digest.seen != digest.runs:
        raise ValueError(f"{folder / RUNS}: read {digest.seen} rows of {digest.runs}")
    return digest
