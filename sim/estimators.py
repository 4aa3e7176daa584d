"""Estimates with their uncertainty: Wilson intervals for proportions, Kaplan-Meier for times."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


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


def kaplan_meier_quantiles(times: np.ndarray, observed: np.ndarray, horizon: float,
                           quantiles: tuple[float, ...] = (0.25, 0.5, 0.75)
                           ) -> dict[float, float | None]:
    """Time by which a share q of episodes had the event, censoring the rest at `horizon`.

    `times` of unobserved episodes are ignored (they are censored at the horizon). A quantile
    the curve never reaches within the horizon is None.
    """
    event_times = np.asarray(times, float)[np.asarray(observed, bool)]
    censored = np.full(int((~np.asarray(observed, bool)).sum()), float(horizon))
    if event_times.size == 0:
        return dict.fromkeys(quantiles)
    fit = stats.ecdf(stats.CensoredData(uncensored=event_times, right=censored))
    probabilities, at = fit.cdf.probabilities, fit.cdf.quantiles
    found: dict[float, float | None] = {}
    for q in quantiles:
        reached = np.flatnonzero(probabilities >= q - 1e-12)
        found[q] = float(at[reached[0]]) if reached.size else None
    return found
