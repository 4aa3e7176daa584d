"""Set a blocked stage aside: after `after_rounds` rounds of talks on a tier without climbing,
the mediator tables the next tier too; the blocked stages stay on the table, a parallel track
(fractionating a conflict, Fisher 1964: what cannot be settled now is set aside, not allowed
to hold up what can). With a first tier that can never be signed, the second is tabled after
round `after_rounds` and, in the textbook case, signed in the next round."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.agendas import AgendaRule, Course
from sim.rules.units import Setting, declare


class SkipBlocked(AgendaRule):
    name = "skip_blocked"
    summary = "after after_rounds rounds on a tier, tables the next one too (a parallel track)"
    source = ("Fisher (1964), Fractionating conflict, in Fisher (ed.), International Conflict "
              "and Behavioral Science, Basic Books")
    parameters = declare(after_rounds=Setting(
        "rounds of talks on a tier before it tables the next one beside it", "rounds", 1.0,
        1000.0, 4.0, "assumption: a month of weekly rounds; range 2-12"))

    def next_tier(self, course: Course, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        moves = (course.talking & (course.rounds_on_tier >= settings["after_rounds"])
                 & (course.tier < course.tiers - 1))
        return course.tier + moves
