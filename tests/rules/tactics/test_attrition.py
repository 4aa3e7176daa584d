"""Attrition: a contestant stalls a stage until the war of attrition over it ends."""

import numpy as np

from sim.rules.tactics.attrition import Attrition
from tests.rules.tactics.contract import TacticContract, situation


class TestAttrition(TacticContract):
    name = "attrition"
    overrides = ("scenario.parties.A.delay.prize=0.1", "scenario.parties.B.delay.prize=0.1",
                 "scenario.parties.A.delay.cost_per_day=0.01",
                 "scenario.parties.B.delay.cost_per_day=0.01")

    def test_story(self, unit: Attrition) -> None:
        # Day 10: the contest over the first stage runs to day 20, over the second it ended
        # on day 5; over the third the party holds out in no contest at all.
        today = situation(0, day=10, stalemate_end=np.array([[20.0, 5.0, 40.0]]),
                          contestant=np.array([[True, True, False]]), idle_rounds=np.zeros(1))
        assert unit.stalls(today, {}).tolist() == [[True, False, False]]
        # On the day the contest ends, it talks.
        ended = situation(0, day=20, stalemate_end=np.array([[20.0, 5.0, 40.0]]),
                          contestant=np.array([[True, True, False]]), idle_rounds=np.zeros(1))
        assert not unit.stalls(ended, {}).any()
