"""Each reported violation breaks the truce with a chance: most violations of a ceasefire do not
end it (Fortna 2004 on ceasefires that outlast their violations). With `per_report` q, a day
with k reports ends the truce with probability 1 - (1 - q)^k; a day without reports never
does. The chance itself is an assumption, not an estimate.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.stages import Spell, StageRule
from sim.rules.units import Setting, declare


class Chance(StageRule):
    name = "chance"
    summary = "each reported violation breaks the truce with probability per_report"
    source = "Fortna (2004), Peace Time, Princeton University Press"
    draws = True
    parameters = declare(per_report=Setting(
        "chance that one reported violation breaks the truce", "probability", 0.0, 1.0, 0.2,
        "assumption: 0.05-0.5 (most reported violations leave a ceasefire standing, Fortna "
        "2004)"))

    def collapses(self, spell: Spell, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert spell.draw is not None
        survives = (1.0 - settings["per_report"]) ** spell.reports_today
        return spell.in_force & (spell.reports_today > 0) & (spell.draw >= survives)
