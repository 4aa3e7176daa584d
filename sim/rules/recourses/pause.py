"""Pause the talks and return: no rounds for `days` days, then the mediator comes back with its
count of idle rounds reset, at most `times` times an episode (Kleiboer 1996 and Beardsley 2011
on mediators who step back to let a conflict ripen; the US in March 2025 paused aid to Ukraine
and resumed it once talks moved, X9). With a blocker that never signs and a pause of D days,
the mediator leaves at a day known exactly (the validation case)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class Pause(Recourse):
    name = "pause"
    summary = "suspends the talks for days days, then returns, at most times times"
    source = ("Kleiboer (1996), J. Conflict Resolution 40(2): 360-389; Beardsley (2011), The "
              "Mediation Dilemma, Cornell UP")
    parameters = declare(
        days=Setting("days without talks", "days", 1.0, 365.0, 14.0,
                     "assumption: a fortnight; range 7-60"),
        times=Setting("pauses it may take in an episode", "count", 0.0, 1000.0, 1.0,
                      "assumption: 1; range 0-3"))
    column = "pauses"
    place = 2

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return impasse.stuck & (impasse.uses < settings["times"])

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.pause(rows, settings["days"])
