"""A threat: made where the mediator may press, none stands and it is credible enough."""

import numpy as np

from sim.jobs.validation.cases import simulate
from sim.jobs.validation.persistence import deadlocked
from sim.rules.recourses.threat import Threat
from tests.rules.contract import REPLICATES
from tests.rules.recourses.contract import RecourseContract, impasse


class TestThreat(RecourseContract):
    name = "threat"

    def test_story(self, unit: Threat) -> None:
        """Before its first threat its credibility is the configured one; below the floor, or
        with a threat standing, or without sticks, it does not threaten."""
        settings = self.settings_for(unit) | {"credibility": np.full(REPLICATES, 0.5),
                                              "floor": np.full(REPLICATES, 0.3)}
        today = impasse(6)
        credibility = np.where(np.isnan(today.credibility), 0.5, today.credibility)
        expected = today.stuck & today.can_press & ~today.threatening & (credibility >= 0.3)
        assert np.array_equal(unit.takes(today, settings), expected)

    def test_an_empty_threat_loses_credibility_and_then_is_not_made(self) -> None:
        """Credibility 0.4 losing half each time, floor 0.15: never carried out (a blocker
        that cannot sign, and draws above 0.4 aside), it falls 0.4, 0.2, 0.1 and stops."""
        out = simulate(deadlocked({"threat": {"credibility": 0.4, "loss": 0.5, "floor": 0.15,
                                              "deadline_rounds": 1}, "walk_away": {"chance": 1.0}},
                                  patience=2), 200, 3)
        empty = out["mediator.threats_carried_out"] == 0
        assert empty.any()
        assert (out["mediator.threats"][empty] == 2).all()
        assert np.allclose(out["mediator.credibility"][empty], 0.1)
