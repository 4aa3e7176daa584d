"""A pause: talks stop for its days, then the mediator returns, as often as allowed."""

import numpy as np

from sim.jobs.validation.cases import simulate
from sim.jobs.validation.persistence import deadlocked
from sim.rules.recourses.pause import Pause
from tests.rules.contract import REPLICATES
from tests.rules.recourses.contract import RecourseContract, impasse


class TestPause(RecourseContract):
    name = "pause"

    def test_story(self, unit: Pause) -> None:
        """Where it has paused fewer times than allowed, it pauses."""
        today = impasse(8)
        settings = self.settings_for(unit) | {"times": np.full(REPLICATES, 2.0)}
        assert np.array_equal(unit.takes(today, settings), today.stuck & (today.uses < 2))

    def test_two_pauses_of_five_days_hold_no_talks_on_those_days(self) -> None:
        out = simulate(deadlocked({"pause": {"days": 5, "times": 2}, "walk_away": {"chance": 1.0}},
                                  style="facilitative"), 4, 2)
        assert (out["end_day"] == 3 + 5 + 3 + 5 + 3).all()  # patience 3, daily rounds
        assert (out["stage.settlement.proposals"] == 9).all() and (out["mediator.pauses"] == 2).all()
