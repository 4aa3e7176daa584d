"""A guarantor of a stage: a third party whose security guarantee makes a deal bind where it
otherwise might not. A deal on a stage it guarantees can be revised by a side growing
stronger only in the share the guarantee leaves: the renegotiation share times
(1 - the stage's own guarantee) times (1 - its credibility) (Walter 1997, 2002: a credible
third-party guarantee is what lets belligerents commit to a settlement; Fearon 1995 and Powell
2006 for the commitment problem it lifts, `sim.rules.commitment`). Its credibility 1 makes
the deals it guarantees bind as if power did not shift; 0 changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.roles import Role
from sim.rules.units import Setting, declare


class Guarantor(Role):
    name = "guarantor"
    summary = ("lifts the share `credibility` of the commitment problem on the stages it "
               "guarantees")
    source = ("Walter (1997), The critical barrier to civil war settlement, International "
              "Organization 51(3): 335-364; Walter (2002), Committing to Peace, Princeton "
              "University Press")
    needs_stages = True
    parameters = declare(
        credibility=Setting(
            "share of a deal's renegotiation risk its guarantee removes (1: the deal binds)",
            "share", 0.0, 1.0, 0.5,
            "assumption: 0.5; range 0-1 (Walter 2002: guarantees work where the guarantor is "
            "willing to fight for them)"))

    def assures(self, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return np.asarray(settings["credibility"], float)
