"""Trust as a Beta posterior on the counterpart's compliance.

Compiled with Numba (see `sim.rules.violation`): one rule, over arrays or one replicate.
"""

from __future__ import annotations

import numpy as np
from numba import vectorize


@vectorize(["f8(f8, f8)"], cache=True)
def trust_mean(alpha: float, beta: float) -> float:  # pragma: no cover - compiled
    """Expected chance that the counterpart complies: alpha / (alpha + beta)."""
    return alpha / (alpha + beta)


@vectorize(["f8(f8, f8, f8)"], cache=True)
def doubt(beta: float, reported: float, violation_weight: float) -> float:  # pragma: no cover
    """Beta after a day: each reported violation adds much to it."""
    return beta + violation_weight * reported


@vectorize(["f8(f8, f8, b1, f8)"], cache=True)
def confidence(alpha: float, reported: float, watched: bool,
               compliance_weight: float) -> float:  # pragma: no cover - compiled
    """Alpha after a day: a quiet day under a truce (`watched`, no report) adds a little."""
    return alpha + compliance_weight * (watched and reported == 0)


def observe(alpha: np.ndarray, beta: np.ndarray, reported: np.ndarray, watched: np.ndarray,
            compliance_weight: np.ndarray, violation_weight: np.ndarray) -> None:
    """Update in place after one day: a reported violation adds much to beta, a quiet day
    under a truce adds a little to alpha. `reported` counts reports, `watched` marks truce days."""
    doubt(beta, reported, violation_weight, out=beta)
    confidence(alpha, reported, watched, compliance_weight, out=alpha)
