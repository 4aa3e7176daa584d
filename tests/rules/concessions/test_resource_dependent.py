"""Resource-dependent concession: a party gives up its margin as the war's cost mounts."""

import numpy as np
import pytest

from sim.rules.concessions.resource_dependent import ResourceDependent
from tests.conftest import run_model, textbook
from tests.rules.concessions.contract import ConcessionContract, stance
from tests.rules.concessions.test_time_dependent import MARGINS

RESOURCE = tuple(f"scenario.parties.{p}.concession.style=resource_dependent" for p in "AB")


def endurance(value: float) -> tuple[str, ...]:
    return tuple(f"+scenario.parties.{p}.concession.parameters.endurance={value}" for p in "AB")


class TestResourceDependent(ConcessionContract):
    name = "resource_dependent"

    def test_story(self, unit: ResourceDependent) -> None:
        # Endurance 0.2: a linear party that has borne 0.05 still demands 3/4 of its margin,
        # a Boulware one (e = 0.5) 15/16; one that has borne 0.3 demands nothing more.
        costs = stance(0, exponent=np.array([1.0, 0.5, 1.0]),
                       cost_borne=np.array([0.05, 0.05, 0.3]))
        assert unit.demands(costs, {"endurance": np.full(3, 0.2)}) == pytest.approx(
            [0.75, 15 / 16, 0.0])

    def test_when_the_war_costs_what_the_clock_does_it_signs_on_the_time_dependent_day(self):
        # War costs each textbook party 0.001 a day; with an endurance of 0.1 (the cost of the
        # whole 100-day horizon) its spent share is the time-dependent clock's t/100, so both
        # sign on day 34 as in the time-dependent story.
        _, columns = run_model(textbook(*MARGINS, *RESOURCE, *endurance(0.1)), 100, seed=2)
        assert (columns["agreement_day"] == 34).all()

    def test_a_party_that_can_bear_twice_the_cost_holds_out_twice_as_long(self):
        # Endurance 0.2: the margins fit the range once 0.001 t / 0.2 >= 1/3, on day 67.
        _, columns = run_model(textbook(*MARGINS, *RESOURCE, *endurance(0.2)), 100, seed=2)
        assert (columns["agreement_day"] == 67).all()
