"""Escalate to a call between the leaders: with chance `chance` the call takes place, and every
partial stage of the ladder not yet on the table is tabled at once, beside what is, with a
round of talks the next day, so an ad hoc partial deal can come of it where the parties
accept one (F6: the energy moratorium was agreed in a leaders' call, not at the table). At
most `times` calls an episode. With a blocked first stage and an acceptable second, a call
that takes place yields the second the next day (the validation case)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class LeadersCall(Recourse):
    name = "leaders_call"
    summary = "with chance chance, tables every partial stage and talks the next day"
    source = ("Touval & Zartman (1985), International Mediation in Theory and Practice; "
              "Putnam (1988), Int. Organization 42(3) (the leaders' level); seed fact F6")
    parameters = declare(
        chance=Setting("chance the leaders agree to a call when it is sought", "probability",
                       0.0, 1.0, 0.5, "assumption: 0.5; range 0.2-0.9"),
        times=Setting("calls that may take place in an episode", "count", 0.0, 1000.0, 1.0,
                      "assumption: 1; range 0-3"))
    draws = True
    column = "leaders_calls"
    place = 4

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert impasse.draw is not None
        return (impasse.stuck & (impasse.uses < settings["times"])
                & (impasse.draw < settings["chance"]))

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.call_leaders(rows)
