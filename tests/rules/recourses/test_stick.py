"""A stick: taken where the style may press and sticks are left; it lands late and in part."""

import numpy as np

from sim.jobs.settings import load_settings
from sim.jobs.validation.persistence import STICK, deadlocked
from sim.rules.recourses.stick import Stick
from tests.conftest import run_model
from tests.rules.recourses.contract import RecourseContract, impasse


class TestStick(RecourseContract):
    name = "stick"

    def counted_in(self, out: dict[str, np.ndarray]) -> np.ndarray:
        return out["sticks"]  # the mediator's sticks, whichever way they were decided

    def test_story(self, unit: Stick) -> None:
        """Stuck where it can press: a stick; stuck where it cannot: not this recourse."""
        today = impasse(2)
        assert np.array_equal(unit.takes(today, self.settings_for(unit)),
                              today.stuck & today.can_press)

    def test_a_late_partial_stick_lands_on_its_day_at_its_share(self) -> None:
        cfg = deadlocked({"stick": {"share": 0.5, "delay_days": 4}, "walk_away": {"chance": 0}})
        cfg["mediator"]["leverage"]["max_sticks"] = 1
        s = load_settings(cfg)
        model, _ = run_model(s, 2)  # patience 3, daily rounds: decided on day 3
        assert np.allclose(model.mediator.pressure[:, 0], 0.5 * STICK)  # on A, the blocker
        assert (model.mediator.pressure[:, 1] == 0).all()
        assert (model.mediator.sticks == 1).all()
