"""Disengage: the mediator leaves and the episode ends, with a chance `chance` at each impasse
that reaches it (1: always, the fixed exit of before). Below 1 the mediator sometimes stays
on, its count of idle rounds reset, so the impasse at which it leaves is geometric:
P(leaves at the k-th) = (1 - c)^(k-1) c. Walking away is one recourse among the others, tried
in its place in the list."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class WalkAway(Recourse):
    name = "walk_away"
    summary = "leaves, ending the episode, with probability chance at each impasse"
    source = ("Beardsley (2011), The Mediation Dilemma, Cornell UP; Touval & Zartman (1985), "
              "International Mediation in Theory and Practice")
    parameters = declare(chance=Setting(
        "chance it leaves at an impasse that reaches this recourse", "probability", 0.0, 1.0,
        1.0, "assumption: 1 (always, as before); range 0.2-1"))
    draws = True
    column = None  # counted in `end_reason` (withdrew)

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert impasse.draw is not None
        return impasse.stuck & (impasse.draw < settings["chance"])

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.walk_away(rows)
