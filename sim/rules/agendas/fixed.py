"""The ladder as written: the mediator moves to the next tier only once every stage of the
current one has held, so a stage that never holds blocks every later one."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.agendas import AgendaRule, Course


class Fixed(AgendaRule):
    name = "fixed"
    summary = "climbs only as the ladder does: a tier that never holds blocks the rest"
    source = "Kissinger's step-by-step diplomacy, 1973-75, as in Touval (1982), The Peace Brokers"
    steers = False

    def next_tier(self, course: Course, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return course.tier.copy()
