"""Stalling as a war of attrition (Maynard Smith 1974; Fearon 1995 on delay as costly signalling).

Each time a stage is tabled, each party with a prize for outlasting the other draws how long it
would hold out (exponential, hazard cost/prize per day); the contest ends when the first
contestant concedes (`sim.rules.delay.stalemate`). Until then, every contestant stalls.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.tactics import DelayTactic, Situation


class Attrition(DelayTactic):
    name = "attrition"
    summary = "hold out on a newly tabled stage until the first contestant concedes"
    source = "Maynard Smith (1974), J. Theor. Biol. 47: 209-221"
    contests = True

    def stalls(self, situation: Situation, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return (situation.day < situation.stalemate_end) & situation.contestant
