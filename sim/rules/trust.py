"""Trust as a Beta posterior on the counterpart's compliance."""

from __future__ import annotations

import numpy as np


def trust_mean(alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Expected chance that the counterpart complies: alpha / (alpha + beta)."""
    return alpha / (alpha + beta)


def observe(alpha: np.ndarray, beta: np.ndarray, reported: np.ndarray, watched: np.ndarray,
            compliance_weight: np.ndarray, violation_weight: np.ndarray) -> None:
    """Update in place after one day: a reported violation adds much to beta, a quiet day
    under a truce adds a little to alpha. `reported` counts reports, `watched` marks truce days."""
    beta += violation_weight * reported
    alpha += compliance_weight * (watched & (reported == 0))
