"""Change strategy after failures: after `after_rounds` rounds of talks on a tier below the
comprehensive deal without climbing, the mediator tables the comprehensive tier at once,
skipping the steps between (the formula before the details, Zartman and Berman 1982: when
step-by-step stalls, negotiate the whole). The stages already tabled stay on the table."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.agendas import AgendaRule, Course
from sim.rules.units import Setting, declare


class SwitchToComprehensive(AgendaRule):
    name = "switch_to_comprehensive"
    summary = "after after_rounds rounds on a tier, jumps to the comprehensive tier"
    source = "Zartman and Berman (1982), The Practical Negotiator, Yale University Press"
    parameters = declare(after_rounds=Setting(
        "rounds of talks on a tier before it switches to the comprehensive deal", "rounds", 1.0,
        1000.0, 8.0, "assumption: two months of weekly rounds; range 4-26"))

    def next_tier(self, course: Course, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        switches = (course.talking & (course.rounds_on_tier >= settings["after_rounds"])
                    & (course.tier < course.comprehensive_tier))
        return np.where(switches, course.comprehensive_tier, course.tier)
