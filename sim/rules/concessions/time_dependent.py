"""Time-dependent concession (Faratin, Sierra and Jennings 1998): the margin still demanded falls
with the share of the party's time elapsed, 1 - (t/T)^(1/e), T its deadline
(`parties.<name>.deadline_days`, the horizon where none is given): on it and after, the party
demands no more than its reservation value. e < 1 is Boulware (holds firm until late), e > 1 a
Conceder (gives ground early), e = 1 linear. `e` is the party's `concession_exponent`. The
deadline is the party's, not the span the analyst watches: a party whose deadline lies beyond
the horizon has not conceded all of its margin by the end of the run.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numba import njit

from sim.rules.acceptance import concession
from sim.rules.concessions import ConcessionStyle, Stance


class TimeDependent(ConcessionStyle):
    name = "time_dependent"
    summary = "concede the opening margin as the deadline nears: 1 - (t/T)^(1/e)"
    source = "Faratin, Sierra & Jennings (1998), Robotics and Autonomous Systems 24: 159-182"

    def demands(self, stance: Stance, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return conceded(float(stance.day), stance.deadline_days, stance.exponent)


@njit(cache=True)
def conceded(elapsed: float, deadline: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """The rule `concession` per replicate, each to its own deadline, compiled like the round
    that used to apply it."""
    out = np.empty(exponent.shape[0])
    for r in range(exponent.shape[0]):
        out[r] = concession(elapsed, deadline[r], exponent[r])
    return out
