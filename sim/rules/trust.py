"""Trust as a Beta posterior on the counterpart's compliance.

Rules for one replicate, compiled (see `sim.rules.compiled`); `trust_mean` also takes arrays."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


@rule
def trust_mean(alpha: float, beta: float) -> float:
    """Expected chance that the counterpart complies: alpha / (alpha + beta)."""
    return alpha / (alpha + beta)


@rule
def trust_in_others(alpha: np.ndarray, beta: np.ndarray, r: int, i: int) -> float:
    """Party i's mean trust that the other parties comply, in replicate r of the (R, n, n)
    evidence `alpha` and `beta` (row i is party i's evidence about each other party)."""
    total, parties = 0.0, alpha.shape[2]
    for j in range(parties):
        if j != i:
            total += trust_mean(alpha[r, i, j], beta[r, i, j])
    return total / (parties - 1)


@rule
def doubt(beta: float, reported: float, violation_weight: float) -> float:
    """Beta after a day under a truce: each reported violation adds much to it."""
    return beta + violation_weight * reported


@rule
def confidence(alpha: float, reported: float, compliance_weight: float) -> float:
    """Alpha after a day under a truce: a quiet day (no report) adds a little to it."""
    return alpha + compliance_weight * (reported == 0)
