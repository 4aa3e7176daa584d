"""Stalling as a war of attrition (Maynard Smith 1974)."""

from __future__ import annotations

import numpy as np


def concession_times(prize: np.ndarray, cost_per_day: np.ndarray,
                     exponential: np.ndarray) -> np.ndarray:
    """Days each party holds out: exponential with hazard cost/prize; 0 for one with no prize."""
    return exponential * prize / cost_per_day


def stalemate(hold_out: np.ndarray) -> np.ndarray:
    """Days of stalemate: the contest ends when the first contestant concedes.

    Only parties that stall (hold-out > 0) are contestants; with none, there is no stalemate.
    With two symmetric contestants the mean is V / (2c).
    """
    contesting = np.where(hold_out > 0, hold_out, np.inf)
    first = contesting.min(axis=-1)
    return np.where(np.isfinite(first), first, 0.0)
