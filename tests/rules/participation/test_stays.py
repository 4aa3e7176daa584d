"""Staying: a party never steps out of a truce it signed."""

import numpy as np

from sim.jobs.validation.cases import simulate
from sim.jobs.validation.implementation import stepping_out
from sim.rules.participation import STAY
from sim.rules.participation.stays import Stays
from tests.rules.participation.contract import ParticipationContract, standing


class TestStays(ParticipationContract):
    name = "stays"

    def test_story(self, unit: Stays) -> None:
        assert (unit.decide(standing(2), {}) == STAY).all()
        assert not unit.decides  # the engine does not ask it

    def test_a_truce_it_signed_is_never_suspended(self) -> None:
        out = simulate(stepping_out({"rule": "stays"}), 8, 1)
        assert (out["stage.settlement.suspensions"] == 0).all()
        assert np.isnan(out["stage.settlement.withdrawn_day"]).all()
