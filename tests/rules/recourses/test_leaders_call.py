"""A leaders' call: where it takes place, every partial stage is tabled and talks follow."""

import numpy as np

from sim.jobs.validation.cases import simulate, with_ladder
from sim.jobs.validation.persistence import deadlocked
from sim.rules.recourses.leaders_call import LeadersCall
from tests.rules.contract import REPLICATES
from tests.rules.recourses.contract import RecourseContract, impasse


class TestLeadersCall(RecourseContract):
    name = "leaders_call"

    def test_story(self, unit: LeadersCall) -> None:
        """A call is sought while calls are left and takes place where the draw says."""
        today = impasse(10)
        settings = {"chance": np.full(REPLICATES, 0.4), "times": np.full(REPLICATES, 1.0)}
        expected = today.stuck & (today.uses < 1) & (today.draw < 0.4)
        assert np.array_equal(unit.takes(today, settings), expected)

    def test_a_call_yields_the_partial_deal_the_table_could_not_reach(self) -> None:
        cfg = with_ladder(deadlocked({"leaders_call": {"chance": 1.0}, "walk_away": {"chance": 1.0}},
                                     style="facilitative", blocked=False), 3)
        cfg["scenario"]["round_interval_days"] = 7
        cfg["scenario"]["parties"]["A"]["linkage"] = {"stage1": {"side_payment": 0.01}}
        out = simulate(cfg, 4, 1)  # impasse after the third weekly round (1, 8, 15): day 15
        assert (out["stage.stage2.signed_day"] == 16).all()
        assert not out["stage.stage1.signed"].any()
