"""A truce collapses once the violations reported since it came into force reach the stage's
`max_violations`: a trigger strategy on public reports (Fortna 2004, *Peace Time*, on how
ceasefires break down after violations; with a limit of one, a grim trigger).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.stages import Spell, StageRule


class Reports(StageRule):
    name = "reports"
    summary = "collapse once the reported violations of this spell reach max_violations"
    source = "Fortna (2004), Peace Time, Princeton University Press"

    def collapses(self, spell: Spell, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return spell.in_force & (spell.reports >= spell.max_violations)
