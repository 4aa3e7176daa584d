"""Stalling as a war of attrition (Maynard Smith 1974).

`stalemate` is a rule for one stage of one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


def concession_times(prize: np.ndarray, cost_per_day: np.ndarray,
                     exponential: np.ndarray) -> np.ndarray:
    """Days each party holds out: exponential with hazard cost/prize; 0 for one with no prize."""
    return exponential * prize / cost_per_day


@rule
def stalemate(hold_out: np.ndarray) -> float:
    """Days of stalemate over one stage, from each party's hold-out (n,): the contest ends
    when the first contestant concedes.

    Only parties that stall (hold-out > 0) are contestants; with none, there is no stalemate.
    With two symmetric contestants the mean is V / (2c).
    """
    first = np.inf
    for days in hold_out:
        if 0.0 < days < first:
            first = days
    return first if first < np.inf else 0.0
