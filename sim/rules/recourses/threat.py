"""Threaten the main blocker: sign within `deadline_rounds` rounds, or a stick falls
(`mediator.leverage.stick_size`, in full, at once). Whether a threat is carried out is
uncertain: the mediator carries it out with probability equal to its credibility, which starts
at `credibility` and falls by the share `loss` each time a threat is not carried out (Schelling
1966; Sartori 2005 on reputation for honesty). While a threat stands, the threatened party
weighs the stick it expects, credibility times its size, in its cost of war, so a credible
threat can open the range before it is carried out. A signing lifts the threat. The mediator
threatens only where its style may wield a stick and it has sticks left, no threat of its
stands, and its credibility is at least `floor`; a carried-out threat counts as a stick.

With a blocker that never signs, the number of threats carried out before credibility falls
below the floor is a sum of geometric counts, one per credibility level q_f = q (1 - loss)^f:
its mean is sum_f q_f / (1 - q_f) (the validation case)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class Threat(Recourse):
    name = "threat"
    summary = "a stick unless a stage is signed within deadline_rounds, carried out w.p. credibility"
    source = ("Schelling (1966), Arms and Influence, Yale UP; Sartori (2005), Deterrence by "
              "Diplomacy, Princeton UP")
    parameters = declare(
        credibility=Setting("chance, at the first threat, that it is carried out", "probability",
                            0.0, 1.0, 0.5, "assumption: 0.5; range 0.1-0.9"),
        loss=Setting("share of its credibility lost each time a threat is not carried out",
                     "share", 0.0, 1.0, 0.5, "assumption: 0.5; range 0-0.8"),
        floor=Setting("credibility below which it no longer threatens", "probability", 0.0,
                      1.0, 0.1, "assumption: 0.1; range 0-0.3"),
        deadline_rounds=Setting("rounds of talks the blocker is given to sign", "rounds", 1.0,
                                1000.0, 2.0, "assumption: 2 (a fortnight of weekly rounds); "
                                "range 1-6"))
    column = "threats"
    keeps = ("threats_carried_out", "credibility")
    place = 1

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        credibility = np.where(np.isnan(impasse.credibility), settings["credibility"],
                               impasse.credibility)
        return (impasse.stuck & impasse.can_press & ~impasse.threatening
                & (credibility >= settings["floor"]))

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.threaten(rows, settings["credibility"], settings["deadline_rounds"],
                       settings["loss"])
