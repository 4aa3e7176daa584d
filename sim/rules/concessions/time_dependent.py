"""Time-dependent concession (Faratin, Sierra and Jennings 1998): the margin still demanded falls
with the share of the horizon elapsed, 1 - (t/T)^(1/e); e < 1 is Boulware (holds firm until
late), e > 1 a Conceder (gives ground early), e = 1 linear. `e` is the party's
`concession_exponent`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numba import njit

from sim.rules.acceptance import concession
from sim.rules.concessions import ConcessionStyle, Stance


class TimeDependent(ConcessionStyle):
    name = "time_dependent"
    summary = "concede the opening margin as the horizon runs out: 1 - (t/T)^(1/e)"
    source = "Faratin, Sierra & Jennings (1998), Robotics and Autonomous Systems 24: 159-182"

    def demands(self, stance: Stance, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return conceded(float(stance.day), float(stance.horizon_days), stance.exponent)


@njit(cache=True)
def conceded(elapsed: float, span: float, exponent: np.ndarray) -> np.ndarray:
    """The rule `concession` per replicate, compiled like the round that used to apply it."""
    out = np.empty(exponent.shape[0])
    for r in range(exponent.shape[0]):
        out[r] = concession(elapsed, span, exponent[r])
    return out
