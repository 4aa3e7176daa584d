"""What a proposer learns of the other side's private cost of war besides rejections: the losses
it sees in each day's fighting (battles as signals: Slantchev 2003; Powell 2004; Smith and Stam
2004's convergence of beliefs through war) and what a mediator discloses (Kydd 2003; Rauchhaus
2006 on mediators as providers of information).

Each reading is the responder's daily cost plus Gaussian noise of known spread, so the readings
combine by their precision (1 / sd^2) into one mean and one spread (`Readings`). With a common
prior and a bound learnt from rejections, the proposer's belief is the prior times the Gaussian
likelihood, cut at the bound (Bayes' rule): under a uniform prior a truncated normal, exactly;
under another family, the same product on a grid of the prior's quantiles.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import ndtr

from sim.config.distributions import Distribution

GRID = 2048
"""Quantiles of a non-uniform prior the posterior is weighed on (their spacing in probability,
1/2048, bounds its error)."""


@dataclass
class Readings:
    """The precision-weighted readings of one party's daily cost, per replicate."""

    precision: np.ndarray  # (R,) sum of 1 / sd^2 over the readings (0: none)
    weighted: np.ndarray  # (R,) sum of reading / sd^2

    @classmethod
    def none(cls, replicates: int) -> Readings:
        return cls(np.zeros(replicates), np.zeros(replicates))

    def add(self, rows: np.ndarray, readings: np.ndarray, sd: float) -> None:
        """Take in one reading of spread `sd` (0: exact) in each of `rows` (a mask (R,))."""
        weight = np.inf if sd == 0 else 1.0 / sd ** 2
        if np.isinf(weight):  # an exact reading settles the belief at that value
            self.precision[rows], self.weighted[rows] = np.inf, readings[rows]
            return
        exact = rows & np.isinf(self.precision)
        self.precision[rows & ~exact] += weight
        self.weighted[rows & ~exact] += readings[rows & ~exact] * weight

    def mean(self, rows: np.ndarray) -> np.ndarray:
        """(rows,) the readings' mean (for exact readings, the reading itself)."""
        precision, weighted = self.precision[rows], self.weighted[rows]
        exact = np.isinf(precision)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(exact, weighted, weighted / np.where(precision > 0, precision, 1.0))

    def sd(self, rows: np.ndarray) -> np.ndarray:
        """(rows,) the spread of the readings' mean: inf with none, 0 when exact."""
        precision = self.precision[rows]
        with np.errstate(divide="ignore"):
            return np.where(precision > 0, 1.0 / np.sqrt(np.where(precision > 0, precision, 1.0)),
                            np.inf) * (~np.isinf(precision))


def below(prior: Distribution | float, cost: np.ndarray, bound: np.ndarray, mean: np.ndarray,
          sd: np.ndarray) -> np.ndarray:
    """(R, C) the believed chance that the responder's daily cost is below `cost` (R, C), given
    the prior, the bound (R,) it lies below, and readings of mean and spread (R,) (sd inf: no
    reading). Where the evidence leaves no mass (readings far outside the bound), the belief
    falls back on the bound alone."""
    if not isinstance(prior, Distribution):  # a known cost: nothing to learn
        return (cost > float(prior)).astype(float)
    if prior.family == "uniform":
        low, high = prior.support
        chance = _truncated_normal(cost, low, np.minimum(high, bound), mean, sd)
    else:
        chance = _on_grid(_quantiles(prior), cost, bound, mean, sd)
    exact = (sd == 0)[:, None]  # an exact reading: the cost is known
    return np.where(exact, (cost > mean[:, None]).astype(float), chance)


def _truncated_normal(cost: np.ndarray, low: float, high: np.ndarray, mean: np.ndarray,
                      sd: np.ndarray) -> np.ndarray:
    """P(c < cost) for c uniform on [low, high] times N(mean, sd): a truncated normal (a
    uniform where sd is inf)."""
    high, mean, sd = high[:, None], mean[:, None], sd[:, None]
    cut = np.clip(cost, low, high)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = lambda x: (x - mean) / np.where(sd > 0, sd, 1.0)  # noqa: E731
        mass = ndtr(z(high)) - ndtr(z(low))
        informed = (ndtr(z(cut)) - ndtr(z(low))) / np.where(mass > 0, mass, 1.0)
        flat = (cut - low) / np.where(high > low, high - low, 1.0)
    flat = np.where(high > low, flat, (cost > low).astype(float))
    return np.where(np.isinf(sd) | (mass <= 0), flat, informed)


def _quantiles(prior: Distribution) -> np.ndarray:
    """The prior's quantiles at the midpoints of GRID equal slices of probability."""
    from scipy import stats  # only a screening proposer with readings needs it

    p = prior.params
    u = (np.arange(GRID) + 0.5) / GRID
    if prior.family == "triangular":
        width = p["high"] - p["low"]
        return stats.triang.ppf(u, (p["mode"] - p["low"]) / max(width, 1e-300), p["low"], width)
    if prior.family == "beta":
        return stats.beta.ppf(u, p["a"], p["b"], p["low"], p["high"] - p["low"])
    return stats.lognorm.ppf(u, max(p["sigma"], 1e-300), scale=p["median"])


def _on_grid(grid: np.ndarray, cost: np.ndarray, bound: np.ndarray, mean: np.ndarray,
             sd: np.ndarray) -> np.ndarray:
    """P(c < cost) with the prior's equal-mass quantiles `grid` weighed by the likelihood."""
    inside = grid[None, :] < bound[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (grid[None, :] - mean[:, None]) / np.where(sd > 0, sd, 1.0)[:, None]
        log_weight = np.where(np.isinf(sd)[:, None], 0.0, -0.5 * z * z)
    log_weight = np.where(inside, log_weight, -np.inf)
    top = log_weight.max(axis=1, keepdims=True)
    weight = np.where(np.isfinite(top), np.exp(log_weight - np.where(np.isfinite(top), top, 0)),
                      0.0)
    total = np.concatenate([np.zeros((len(bound), 1)), np.cumsum(weight, axis=1)], axis=1)
    mass = total[:, -1:]
    index = np.searchsorted(grid, cost, side="left")  # quantiles strictly below each cost
    taken = np.take_along_axis(total, index, axis=1)
    return np.where(mass > 0, taken / np.where(mass > 0, mass, 1.0), (cost > 0).astype(float))
