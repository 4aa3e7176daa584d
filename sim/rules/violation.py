"""Violations of a truce in force: who strikes, what is detected and whom it is blamed on.

Compiled with Numba, so that each rule exists once: called over NumPy arrays from Python (as a
ufunc that broadcasts) and on one replicate's numbers inside the model's compiled daily loop.
"""

from __future__ import annotations

import math

import numpy as np
from numba import guvectorize, njit, vectorize


@vectorize(["f8(f8, f8, f8, f8, f8, f8, f8, f8)"], cache=True)
def violation_hazard(base: float, incentive: float, distrust: float, escalating: float,
                     verification: float, incentive_weight: float, distrust_weight: float,
                     escalation_weight: float) -> float:  # pragma: no cover - compiled
    """Daily chance of violating: grows with the gain from striking, distrust and escalation,
    falls with verification. Capped at 1."""
    drive = incentive_weight * incentive + distrust_weight * distrust + escalation_weight * escalating
    # Capped before exp: the hazard saturates at 1 anyway, and 0 * inf must not become NaN.
    return min(base * np.exp(min(drive, 50.0)) * (1.0 - verification), 1.0)


@vectorize(["f8(f8, f8)"], cache=True)
def detection_chance(base: float, verification: float) -> float:  # pragma: no cover - compiled
    """Monitoring raises the chance a violation is seen from `base` toward certainty."""
    return base + (1.0 - base) * verification


@vectorize(["i8(i8, f8, i8)"], cache=True)
def other_party(own: int, uniform: float, parties: int) -> int:  # pragma: no cover - compiled
    """A party other than `own`, chosen uniformly from a uniform draw in [0, 1)."""
    pick = math.floor(uniform * (parties - 1))
    return pick + 1 if pick >= own else pick


@njit(cache=True)
def blame_one(violated: np.ndarray, detected: np.ndarray, correct: np.ndarray,
              scapegoat: np.ndarray, reports: np.ndarray) -> None:  # pragma: no cover - compiled
    """For one replicate and stage: reports (n,) against each party. Detected violations are
    blamed on the violator when `correct`, otherwise on the party `scapegoat` (index)."""
    reports[:] = 0
    for culprit in range(violated.shape[0]):
        if violated[culprit] and detected[culprit]:
            reports[culprit if correct[culprit] else scapegoat[culprit]] += 1


@guvectorize(["void(b1[:], b1[:], b1[:], i8[:], i4[:])"], "(n),(n),(n),(n)->(n)", cache=True)
def blame(violated: np.ndarray, detected: np.ndarray, correct: np.ndarray,
          scapegoat: np.ndarray, reports: np.ndarray) -> None:  # pragma: no cover - compiled
    """`blame_one` over any leading axes: reports against each party (..., n)."""
    blame_one(violated, detected, correct, scapegoat, reports)
