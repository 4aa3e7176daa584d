"""The base-rate table's rows, its data sets, and the estimators every row is made with."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from sim.results.estimators import Durations, kaplan_meier, wilson

COLUMNS = ("id", "measure", "condition", "estimate", "ci_low", "ci_high", "unit", "n", "events",
           "method", "dataset", "citation")
"""The table's columns, in order; `id` is stable across versions of the data."""

DATA_SETS: dict[str, tuple[str, str]] = {
    "eth_prio": ("eth_prio_ceasefires.csv", "ETH/PRIO Civil Conflict Ceasefire data set, 1989-2020"),
    "pax": ("pax_agreements.csv", "PA-X Peace Agreements Database, 1990-2020"),
    "ucdp_pa": ("ucdp_peace_agreements_22_1.csv", "UCDP Peace Agreement data set v22.1, 1975-2021"),
    "ucdp_term": ("ucdp_termination_conflict_3_2021.csv",
                  "UCDP Conflict Termination data set v3-2021 (conflict level), 1946-2020"),
}
"""Per data set: its file in the data folder and its name."""

CITATIONS = {
    "eth_prio": "Clayton, G. et al. (2022/23), Introducing the ETH/PRIO Civil Conflict Ceasefire "
                "Dataset, Journal of Conflict Resolution, doi:10.1177/00220027221129195; "
                "ETH Zürich and PRIO",
    "pax": "Bell, C. and Badanjak, S. (2019), Introducing PA-X: A new peace agreement database "
           "and dataset, Journal of Peace Research 56(3); PA-X, University of Edinburgh",
    "ucdp_pa": "Pettersson, T. and Öberg, M.; Högbladh, S. (2011), Peace agreements 1975-2011; "
               "UCDP Peace Agreement data set v22.1, Uppsala University",
    "ucdp_term": "Kreutz, J. (2010), How and when armed conflicts end: Introducing the UCDP "
                 "Conflict Termination dataset, Journal of Peace Research 47(2)",
}

CONFIDENCE = 0.95


class BaseRateError(Exception):
    """Input the derivation cannot use: a missing folder or file, a broken CSV, a missing
    column. Its message is one line naming the file."""


@dataclass(frozen=True)
class Row:
    """One statistic: what it measures, under which condition, from what, and how sure."""

    id: str
    measure: str
    condition: str
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    unit: str
    n: int
    events: int
    method: str
    dataset: str

    def record(self) -> dict[str, object]:
        name = DATA_SETS[self.dataset][1]
        return {**asdict(self), "dataset": name, "citation": CITATIONS[self.dataset]}


def read(data_dir: Path, key: str, columns: Iterable[str]) -> pd.DataFrame:
    """A data set's CSV with the columns the derivation needs, or a one-line BaseRateError."""
    path = data_dir / DATA_SETS[key][0]
    if not path.is_file():
        raise BaseRateError(f"{path}: no such file (expected {DATA_SETS[key][1]})")
    try:
        frame = pd.read_csv(path, low_memory=False)
    except (ValueError, OSError) as error:  # a parser error, no columns, undecodable bytes
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        raise BaseRateError(f"{path}: not a readable CSV ({reason})") from error
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise BaseRateError(f"{path}: missing column(s) {', '.join(missing)}")
    return frame[list(columns)].copy()


def share(successes: int, trials: int) -> tuple[float | None, float | None, float | None]:
    """A share with its Wilson interval; nothing where there are no trials."""
    if trials == 0:
        return None, None, None
    found = wilson(successes, trials, CONFIDENCE)
    return found.p, found.ci_low, found.ci_high


def median(values: np.ndarray) -> tuple[float | None, float | None, float | None]:
    """A sample median with its distribution-free (order statistic) interval."""
    if values.size == 0:
        return None, None, None
    interval = stats.quantile_test(values, q=float(np.median(values)), p=0.5
                                   ).confidence_interval(CONFIDENCE)
    return float(np.median(values)), _finite(interval.low), _finite(interval.high)


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


@dataclass(frozen=True)
class Survival:
    """A Kaplan-Meier curve with its log-log Greenwood band, read at days and at its median."""

    days: np.ndarray
    observed: np.ndarray

    @property
    def n(self) -> int:
        return int(self.days.size)

    @property
    def events(self) -> int:
        return int(self.observed.sum())

    def _curves(self) -> tuple[object, object, object]:
        curve = kaplan_meier(Durations.of(self.days, self.observed), "sf")
        with warnings.catch_warnings():  # undefined where the curve reaches 0: handled below
            warnings.simplefilter("ignore", RuntimeWarning)
            band = curve.confidence_interval(CONFIDENCE, method="log-log")
        return curve, band.low, band.high

    def at(self, day: float) -> tuple[float | None, float | None, float | None]:
        """S(day): the share still going `day` days on, with its interval."""
        if self.n == 0:
            return None, None, None
        curve, low, high = self._curves()
        value = float(curve.evaluate(day))
        bounds = [float(b.evaluate(day)) for b in (low, high)]
        bounds = [value if np.isnan(b) else b for b in bounds]  # S = 0 (or 1): no spread
        return value, bounds[0], bounds[1]

    def median(self) -> tuple[float | None, float | None, float | None]:
        """The first day on which S falls to a half, with the days its band does (None where
        it never does within the data)."""
        if self.n == 0:
            return None, None, None
        curve, low, high = self._curves()
        times = np.unique(np.concatenate([[0.0], curve.quantiles]))

        def first(band: object) -> float | None:
            values = np.nan_to_num(np.asarray(band.evaluate(times), float), nan=0.0)
            below = np.flatnonzero(values <= 0.5 + 1e-12)
            return float(times[below[0]]) if below.size else None

        return first(curve), first(low), first(high)


def frame(rows: Iterable[Row]) -> pd.DataFrame:
    """The table, rounded so that a rerun on the same data gives the same file."""
    table = pd.DataFrame([r.record() for r in rows], columns=list(COLUMNS))
    for column in ("estimate", "ci_low", "ci_high"):
        table[column] = pd.to_numeric(table[column]).round(4)
    return table
