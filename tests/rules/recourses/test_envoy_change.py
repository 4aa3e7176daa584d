"""A change of envoy: the parties' trust in the mediator starts again from its prior."""

import numpy as np

from sim.jobs.validation.cases import simulate
from sim.jobs.validation.persistence import deadlocked
from sim.rules.recourses.envoy_change import EnvoyChange
from tests.rules.contract import REPLICATES
from tests.rules.recourses.contract import RecourseContract, impasse


class TestEnvoyChange(RecourseContract):
    name = "envoy_change"

    def test_story(self, unit: EnvoyChange) -> None:
        """Where it has changed envoy fewer times than allowed, it does."""
        today = impasse(9)
        settings = {"times": np.full(REPLICATES, 1.0)}
        assert np.array_equal(unit.takes(today, settings), today.stuck & (today.uses < 1))

    def test_trust_worn_down_by_favouritism_is_restored_then_wears_down_again(self) -> None:
        cfg = deadlocked({"envoy_change": {"times": 1}, "walk_away": {"chance": 1.0}}, style="facilitative")
        cfg["mediator"]["bias"] = {"A": 0.2}
        cfg["scenario"]["parties"]["B"]["bias_sensitivity"] = 1.0
        out = simulate(cfg, 4, 1)  # rounds 1-3, a new envoy, rounds 4-6, then it leaves
        assert np.allclose(out["party.B.trust_in_mediator"], 1 / (1 + 0.2 * 3))
        assert (out["end_day"] == 6).all() and (out["mediator.envoy_changes"] == 1).all()
