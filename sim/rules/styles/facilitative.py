"""Facilitation: the mediator proposes and relays, with no carrots and no sticks."""

from __future__ import annotations

import numpy as np

from sim.rules.styles import MediatorStyle


class Facilitative(MediatorStyle):
    name = "facilitative"
    summary = "propose and relay only: no side-payments and no sticks"
    source = "Beardsley, Quinn, Biswas & Wilkenfeld (2006), J. Conflict Resolution 50(1): 58-86"
    funds_side_payments = False

    def can_press(self, sticks: np.ndarray, max_sticks: int) -> np.ndarray:
        return np.zeros(sticks.shape, dtype=bool)
