"""Violations of a truce in force: who strikes, what is detected and whom it is blamed on."""

from __future__ import annotations

import numpy as np


def violation_hazard(base: np.ndarray, incentive: np.ndarray, distrust: np.ndarray,
                     escalating: np.ndarray, verification: np.ndarray,
                     weights: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Daily chance of violating: grows with the gain from striking, distrust and escalation,
    falls with verification. Capped at 1."""
    incentive_w, distrust_w, escalation_w = weights
    drive = incentive_w * incentive + distrust_w * distrust + escalation_w * escalating
    # Capped before exp: the hazard saturates at 1 anyway, and 0 * inf must not become NaN.
    return np.minimum(base * np.exp(np.minimum(drive, 50.0)) * (1.0 - verification), 1.0)


def detection_chance(base: np.ndarray, verification: np.ndarray) -> np.ndarray:
    """Monitoring raises the chance a violation is seen from `base` toward certainty."""
    return base + (1.0 - base) * verification


def blame(violated: np.ndarray, detected: np.ndarray, correct: np.ndarray,
          scapegoat: np.ndarray) -> np.ndarray:
    """Reports against each party (..., n): detected violations blamed on the violator when
    `correct`, otherwise on the party `scapegoat` (index, another party)."""
    seen = violated & detected
    reports = (seen & correct).astype(np.int32)
    misattributed = seen & ~correct
    n = violated.shape[-1]
    for culprit in range(n):  # slices, not a reduction: the party axis is short
        wrongly = misattributed[..., culprit]
        for target in range(n):
            if target != culprit:
                reports[..., target] += wrongly & (scapegoat[..., culprit] == target)
    return reports


def other_party(own: np.ndarray, uniform: np.ndarray, parties: int) -> np.ndarray:
    """A party other than `own`, chosen uniformly from a uniform draw in [0, 1)."""
    pick = np.floor(uniform * (parties - 1)).astype(np.int64)
    return pick + (pick >= own)
