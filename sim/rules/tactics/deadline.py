"""Deadline diplomacy: hold out until the mediator's patience is nearly spent, then talk.

Experimental bargainers strike most agreements in the last moments before a deadline (Roth,
Murnighan and Schoumaker 1988), and a side that expects a better offer later has reason to
wait for the last one (Ma and Manove 1993). Here the deadline is the mediator's: after
`patience_rounds` idle rounds it presses the blocker or walks away. The party stalls every
stage on the table while more than `margin_rounds` of that patience is left (this round
included), and answers on the merits in the last `margin_rounds`. A stick resets the
mediator's count, and with it the party's stalling.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.tactics import DelayTactic, Situation
from sim.rules.units import Setting, declare


class Deadline(DelayTactic):
    name = "deadline"
    summary = "stall every stage until the mediator's patience is nearly spent, then talk"
    source = ("Roth, Murnighan & Schoumaker (1988), AER 78(4): 806-823; Ma & Manove (1993), "
              "Econometrica 61(6): 1313-1339")
    parameters = declare(margin_rounds=Setting(
        "rounds of the mediator's patience left when it stops stalling", "rounds", 1, 20, 1,
        "assumption: 1-3 rounds (agreements cluster in the last moments, Roth et al. 1988)"))

    def stalls(self, situation: Situation, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        left = situation.patience_rounds - situation.idle_rounds  # this round included
        stalling = left > settings["margin_rounds"]
        return np.broadcast_to(stalling[:, None], situation.stalemate_end.shape).copy()
