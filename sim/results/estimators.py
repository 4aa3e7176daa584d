"""Estimates with their uncertainty: Wilson intervals for proportions, Kaplan-Meier for times."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats
from scipy.stats._result_classes import EmpiricalDistributionFunction


@dataclass(frozen=True)
class Proportion:
    p: float
    ci_low: float
    ci_high: float

    def as_dict(self) -> dict[str, float]:
        return {"p": self.p, "ci_low": self.ci_low, "ci_high": self.ci_high}


def wilson(successes: int, trials: int, confidence: float = 0.95) -> Proportion:
    """Share of successes with its Wilson score interval (scipy)."""
    interval = stats.binomtest(int(successes), int(trials)).proportion_ci(confidence, "wilson")
    return Proportion(successes / trials, float(interval.low), float(interval.high))


@dataclass(frozen=True)
class Durations:
    """Whole-day durations kept as counts: `events[d]` episodes had the event on day d and
    `censored[d]` were lost on day d without it. Memory grows with the longest day, never with
    the number of episodes, so a run table of any size is summarised a row group at a time."""

    events: np.ndarray
    censored: np.ndarray

    @classmethod
    def empty(cls) -> Durations:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64))

    @classmethod
    def of(cls, days: np.ndarray, observed: np.ndarray, horizon: float | None = None) -> Durations:
        """Counts of `days` (whole numbers); those not `observed` are censored on their own day,
        or at `horizon` where their day is missing (NaN or infinite)."""
        observed = np.asarray(observed, bool)
        days = np.asarray(days, float)
        if horizon is not None:
            days = np.where(np.isfinite(days) | observed, days, horizon)
        whole = days.astype(np.int64)
        if days.size and (days < 0).any() | (whole != days).any():
            raise ValueError("durations must be whole, non-negative numbers of days")
        size = int(whole.max()) + 1 if whole.size else 0
        return cls(np.bincount(whole[observed], minlength=size),
                   np.bincount(whole[~observed], minlength=size))

    def __add__(self, other: Durations) -> Durations:
        size = max(self.events.size, other.events.size)

        def grown(a: np.ndarray) -> np.ndarray:
            return np.pad(a, (0, size - a.size))

        return Durations(grown(self.events) + grown(other.events),
                         grown(self.censored) + grown(other.censored))

    @property
    def total(self) -> int:
        """How many episodes are counted, with the event or lost."""
        return int(self.events.sum() + self.censored.sum())

    @property
    def longest(self) -> int:
        """The last day on which any episode had the event or was lost (0 with none)."""
        seen = np.flatnonzero(self.events + self.censored)
        return int(seen[-1]) if seen.size else 0


def kaplan_meier(durations: Durations, kind: str = "sf") -> EmpiricalDistributionFunction:
    """The Kaplan-Meier survival (`sf`) or cumulative (`cdf`) curve of counted durations.

    The same estimate, at-risk counts and Greenwood intervals as `scipy.stats.ecdf` on the
    individual episodes (a test holds them equal), built from counts because scipy wants every
    episode in memory.
    """
    lost = durations.events + durations.censored
    times = np.flatnonzero(lost)
    at_risk = np.cumsum(lost[::-1])[::-1][times]
    deaths = durations.events[times]
    survival = np.cumprod((at_risk - deaths) / at_risk)
    values = survival if kind == "sf" else 1.0 - survival
    return EmpiricalDistributionFunction(times.astype(float), values, at_risk, deaths, kind)


def curve_quantiles(curve: EmpiricalDistributionFunction, quantiles: tuple[float, ...]
                    ) -> dict[float, float | None]:
    """First time a cumulative curve reaches each share q; None where it never does."""
    found: dict[float, float | None] = {}
    for q in quantiles:
        reached = np.flatnonzero(curve.probabilities >= q - 1e-12)
        found[q] = float(curve.quantiles[reached[0]]) if reached.size else None
    return found


def kaplan_meier_quantiles(times: np.ndarray, observed: np.ndarray, horizon: float,
                           quantiles: tuple[float, ...] = (0.25, 0.5, 0.75)
                           ) -> dict[float, float | None]:
    """Time by which a share q of episodes had the event, censoring the rest at `horizon`.

    `times` of unobserved episodes are ignored (they are censored at the horizon). A quantile
    the curve never reaches within the horizon is None.
    """
    observed = np.asarray(observed, bool)
    days = np.where(observed, np.asarray(times, float), horizon)
    return curve_quantiles(kaplan_meier(Durations.of(days, observed), "cdf"), quantiles)


def interval_text(p: float | None, low: float | None, high: float | None,
                  separator: str = "–", least: int = 0) -> tuple[str, str]:
    """An estimate and its interval as percentages, at the fewest decimals (`least` to 3) that keep
    the estimate apart from each end it differs from: "33.5%", "32.6%–34.5%", never an
    interval rounded onto its own edge ("34% (33%–34%)")."""
    if p is None or low is None or high is None:
        return "n/a", "n/a"
    for digits in range(least, 4):
        shown = [round(100 * v, digits) for v in (low, p, high)]
        apart = ((shown[0] != shown[1] or low == p) and (shown[1] != shown[2] or p == high))
        if apart:
            break
    text = [f"{100 * v:.{digits}f}%" for v in (p, low, high)]
    return text[0], f"{text[1]}{separator}{text[2]}"
