"""Uncertain inputs: a parameter is either a fixed number or a distribution sampled per replicate."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.config.errors import ConfigError

TAIL_Z = 8.3
"""Standard normal quantile of the draws a lognormal is expected to reach (P(|Z| > 8.3) ≈ 1e-16)."""

# Each family: its parameter names, and a check that returns None or what is wrong.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "beta": ("a", "b", "low", "high"),
    "lognormal": ("median", "sigma"),
}
_OPTIONAL = {"beta": {"low": 0.0, "high": 1.0}}


@dataclass(frozen=True)
class Distribution:
    """A named family with its parameters; `support` is the closed interval of possible draws."""

    family: str
    args: tuple[tuple[str, float], ...]

    @property
    def params(self) -> dict[str, float]:
        return dict(self.args)

    @property
    def support(self) -> tuple[float, float]:
        p = self.params
        if self.family == "lognormal":
            return (0.0, math.inf)
        return (p["low"], p["high"])

    def reach(self) -> tuple[float, float]:
        """The lowest and highest draws to expect: the support, or for a lognormal (whose
        support (0, inf) no draw reaches) its quantiles at z = ±8.3, beyond which a draw falls
        with probability 1e-16. A field's bounds are checked against these."""
        if self.family == "lognormal":
            p = self.params
            with np.errstate(over="ignore", under="ignore"):
                spread = float(np.exp(TAIL_Z * p["sigma"]))
            return (p["median"] / spread, p["median"] * spread)
        return self.support

    def range(self) -> tuple[float, float]:
        """A finite range covering the distribution: its support, or the 1st to 99th
        percentile where the support is unbounded (lognormal)."""
        if self.family == "lognormal":
            p, z = self.params, 2.3263478740408408
            return (p["median"] * math.exp(-z * p["sigma"]), p["median"] * math.exp(z * p["sigma"]))
        return self.support

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        p = self.params
        if self.family == "uniform":
            return rng.uniform(p["low"], p["high"], size)
        if self.family == "triangular":
            if p["low"] == p["high"]:
                return np.full(size, p["low"])
            return rng.triangular(p["low"], p["mode"], p["high"], size)
        if self.family == "beta":
            return p["low"] + (p["high"] - p["low"]) * rng.beta(p["a"], p["b"], size)
        return p["median"] * np.exp(p["sigma"] * rng.standard_normal(size))

    def cdf(self, x: np.ndarray) -> np.ndarray:
        """P(draw <= x), elementwise: what a party that knows only this distribution believes
        of another's draw (a common prior, as in Fearon 1995's private information)."""
        p, x = self.params, np.asarray(x, float)
        if self.family in ("uniform", "triangular", "beta") and p["low"] == p["high"]:
            return (x >= p["low"]).astype(float)
        if self.family == "uniform":
            return np.clip((x - p["low"]) / (p["high"] - p["low"]), 0.0, 1.0)
        from scipy import stats  # only here: a run's simulating process avoids scipy.stats

        if self.family == "triangular":
            width = p["high"] - p["low"]
            return stats.triang.cdf(x, (p["mode"] - p["low"]) / width, p["low"], width)
        if self.family == "beta":
            return stats.beta.cdf(x, p["a"], p["b"], p["low"], p["high"] - p["low"])
        if p["sigma"] == 0:
            return (x >= p["median"]).astype(float)
        return stats.lognorm.cdf(x, p["sigma"], scale=p["median"])

    def mean(self) -> float:
        """Expected value, used where a single representative number is needed (e.g. captions)."""
        p = self.params
        if self.family == "uniform":
            return (p["low"] + p["high"]) / 2
        if self.family == "triangular":
            return (p["low"] + p["mode"] + p["high"]) / 3
        if self.family == "beta":
            return p["low"] + (p["high"] - p["low"]) * p["a"] / (p["a"] + p["b"])
        return p["median"] * math.exp(p["sigma"] ** 2 / 2)


def _problem(family: str, p: Mapping[str, float]) -> str | None:
    if family in ("uniform", "triangular", "beta") and not p["low"] <= p["high"]:
        return "needs low <= high"
    if family == "triangular" and not p["low"] <= p["mode"] <= p["high"]:
        return "needs low <= mode <= high"
    if family == "beta" and not (p["a"] > 0 and p["b"] > 0):
        return "needs a > 0 and b > 0"
    if family == "lognormal" and not (p["median"] > 0 and p["sigma"] >= 0):
        return "needs median > 0 and sigma >= 0"
    return None


def parse_distribution(raw: Mapping[str, Any], path: str) -> Distribution:
    """Read `{dist: family, ...}` and refuse unknown families, missing or impossible parameters."""
    family = raw.get("dist")
    if family not in _FAMILIES:
        raise ConfigError(path + ".dist", family, f"one of {', '.join(_FAMILIES)}")
    names = _FAMILIES[family]
    values = dict(_OPTIONAL.get(family, {}))
    for key, value in raw.items():
        if key == "dist":
            continue
        if key not in names:
            raise ConfigError(f"{path}.{key}", value, f"a {family} parameter: {', '.join(names)}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ConfigError(f"{path}.{key}", value, "a finite number")
        values[key] = float(value)
    missing = [n for n in names if n not in values]
    if missing:
        needs = ", ".join(names)
        raise ConfigError(f"{path}.{missing[0]}", "<missing>", f"a number ({family} needs {needs})")
    problem = _problem(family, values)
    if problem:
        raise ConfigError(path, dict(raw), f"a {family} distribution that {problem}")
    return Distribution(family, tuple((n, values[n]) for n in names))
