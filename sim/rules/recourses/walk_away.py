"""Disengage: the mediator leaves and the episode ends, with a chance `chance` at each impasse
that reaches it: an exit hazard. An impasse is seldom the end of a mediator's engagement
(mediation in a conflict is often a series of attempts, Greig & Diehl 2012), so where it does
not leave it stays on, its count of idle rounds reset, and the impasse at which it leaves is
geometric: P(leaves at the k-th) = (1 - c)^(k-1) c. Walking away is one recourse among the
others, tried in its place in the list."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class WalkAway(Recourse):
    name = "walk_away"
    summary = "leaves, ending the episode, with probability chance at each impasse"
    source = ("Beardsley (2011), The Mediation Dilemma, Cornell UP; Touval & Zartman (1985), "
              "International Mediation in Theory and Practice; Greig & Diehl (2012), "
              "International Mediation, Polity")
    parameters = declare(chance=Setting(
        "chance it leaves at an impasse that reaches this recourse", "probability", 0.0, 1.0,
        0.25, "assumption: a quarter (range 0.05-0.5); mediation is often a series of "
        "attempts, so an impasse is no certain exit (Greig & Diehl 2012)"))
    draws = True
    column = None  # counted in `end_reason` (withdrew)

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert impasse.draw is not None
        return impasse.stuck & (impasse.draw < settings["chance"])

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.walk_away(rows)
