"""Leverage (manipulation): the mediator pays carrots and, when patience runs out, presses the
main blocker with a stick while it has sticks left (Beardsley et al. 2006; Beardsley 2008 on the
durability of agreements reached so)."""

from __future__ import annotations

import numpy as np

from sim.rules.styles import MediatorStyle


class Leverage(MediatorStyle):
    name = "leverage"
    summary = "fund linked side-payments; press the main blocker with sticks before walking away"
    source = "Beardsley, Quinn, Biswas & Wilkenfeld (2006), J. Conflict Resolution 50(1): 58-86"
    funds_side_payments = True

    def can_press(self, sticks: np.ndarray, max_sticks: int) -> np.ndarray:
        return sticks < max_sticks
