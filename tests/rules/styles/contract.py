"""The contract of a mediator style: a unit's contract, and a decision of the right shape that
is the same under the same seed, alone and through the whole model."""

from __future__ import annotations

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.styles import STYLES, MediatorStyle
from tests.conftest import settings
from tests.rules.contract import UnitContract


class StyleContract(UnitContract):
    registry = STYLES

    def test_it_decides_per_replicate(self, unit: MediatorStyle) -> None:
        pressing = unit.can_press(np.array([0, 1, 2, 3]), 2)
        assert pressing.shape == (4,) and pressing.dtype == bool

    def test_it_decides_the_same_under_the_same_seed(self, unit: MediatorStyle) -> None:
        sticks = np.random.default_rng(7).integers(0, 4, 64)
        assert np.array_equal(unit.can_press(sticks, 2), STYLES.get(self.name).can_press(sticks, 2))

    def chosen(self) -> Settings:
        return settings("mediator=comprehensive", f"mediator.style={self.name}")
