"""The contract of a gesture: a unit's contract, and a decision of the right shape, made only
where the gesture is free to be made, the same under the same seed; carried out through the
engine's means and nothing else; and a whole-model run with it (the textbook case at war for
its horizon)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.jobs.settings import Settings, load_settings
from sim.jobs.validation.gestures import at_war
from sim.rules.gestures import GESTURES, Gesture, Occasion
from tests.rules.contract import REPLICATES, UnitContract
from tests.rules.recourses.contract import Means

PARTIES = 2


def occasion(unit: Gesture, seed: int, **changes: object) -> Occasion:
    """A random day: the gesture free in most replicates, its uniforms drawn."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {"free": rng.random(REPLICATES) < 0.7,
                                 "draws": rng.random((REPLICATES, unit.draws + PARTIES))}
    return Occasion(**(fields | changes))  # type: ignore[arg-type]


class GestureContract(UnitContract):
    registry = GESTURES

    def test_it_decides_per_replicate_and_only_where_it_is_free(self, unit: Gesture) -> None:
        today = occasion(unit, 1)
        made = unit.made(today, self.settings_for(unit))
        assert made.shape == (REPLICATES,) and made.dtype == bool
        assert not (made & ~today.free).any()

    def test_it_decides_the_same_under_the_same_seed(self, unit: Gesture) -> None:
        first = unit.made(occasion(unit, 7), self.settings_for(unit))
        again = GESTURES.get(self.name).made(occasion(unit, 7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def test_it_is_carried_out_through_the_means_where_made(self, unit: Gesture) -> None:
        means, today = Means(), occasion(unit, 3)
        unit.carry_out(means, today.free, today, self.settings_for(unit))  # type: ignore[arg-type]
        assert len(means.asked) == 1 and np.array_equal(means.asked[0][1], today.free)

    def spec(self) -> dict[str, Any]:
        by = {"by": "A"} if GESTURES.get(self.name).unilateral else {}
        return {"label": self.name, "rule": self.name, **by}

    def chosen(self) -> Settings:
        return load_settings(at_war({"g": self.spec()}))
