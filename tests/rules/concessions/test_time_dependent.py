"""Time-dependent concession: a party gives up its margin as the clock runs down."""

import numpy as np
import pytest

from sim.rules.concessions.time_dependent import TimeDependent
from tests.conftest import run_model, textbook
from tests.rules.concessions.contract import ConcessionContract, stance


class TestTimeDependent(ConcessionContract):
    name = "time_dependent"

    def test_story(self, unit: TimeDependent) -> None:
        # A quarter of a 100-day deadline gone: a linear party still demands 3/4 of its margin,
        # a Boulware one (e = 0.5) 1 - 0.25^2 = 15/16, a Conceder (e = 2) 1 - 0.25^0.5 = 1/2.
        quarter = stance(0, day=25, deadline_days=np.full(3, 100.0),
                         exponent=np.array([1.0, 0.5, 2.0]), cost_borne=np.zeros(3))
        assert unit.demands(quarter, {}) == pytest.approx([0.75, 15 / 16, 0.5])
        over = stance(0, day=150, deadline_days=np.full(2, 100.0), exponent=np.ones(2),
                      cost_borne=np.zeros(2))
        assert (unit.demands(over, {}) == 0.0).all()

    def test_each_replicate_concedes_to_its_own_deadline(self, unit: TimeDependent) -> None:
        # Day 50 of deadlines of 50, 100 and 200 days: a linear party has given up all, half
        # and a quarter of its margin.
        day_50 = stance(0, day=50, deadline_days=np.array([50.0, 100.0, 200.0]),
                        exponent=np.ones(3), cost_borne=np.zeros(3))
        assert unit.demands(day_50, {}) == pytest.approx([0.0, 0.5, 0.75])

    def test_in_the_textbook_case_the_parties_sign_once_their_margins_fit_the_range(self):
        # Each gets a surplus of 0.1 over its reservation value (0.4) under the Nash split and
        # demands 0.15 (1 - t/100): both accept from t = 100/3 on, so they sign on day 34.
        _, columns = run_model(textbook(*MARGINS), 100, seed=2)
        assert (columns["agreement_day"] == 34).all()


    def test_a_party_concedes_its_whole_margin_by_its_deadline_not_the_horizon(self):
        # With 50-day deadlines each demands 0.15 (1 - t/50), within its surplus of 0.1 from
        # t = 50/3 on: they sign on day 17, half the time a 100-day horizon would have taken.
        deadlines = (f"scenario.parties.{p}.deadline_days=50" for p in "AB")
        _, columns = run_model(textbook(*MARGINS, *deadlines), 100, seed=2)
        assert (columns["agreement_day"] == 17).all()

    def test_watching_longer_does_not_make_the_parties_concede_more_slowly(self):
        # The horizon is how long the run watches, not the parties' deadline: doubling it
        # leaves the day they sign where their 100-day deadlines put it.
        _, columns = run_model(textbook(*MARGINS, "scenario.horizon_days=200"), 100, seed=2)
        assert (columns["agreement_day"] == 34).all()


    def test_a_party_with_no_deadline_given_concedes_to_the_horizon(self):
        # null stands in the horizon: over 200 days, the day 200/3 puts them in range.
        none = (f"scenario.parties.{p}.deadline_days=null" for p in "AB")
        _, columns = run_model(textbook(*MARGINS, *none, "scenario.horizon_days=200"), 100, seed=2)
        assert (columns["agreement_day"] == 67).all()

    def test_a_deadline_may_be_uncertain(self):
        # A's drawn per replicate between 30 and 60 days, B's 30: each replicate signs on the
        # day ceil(T/3) of A's own, when A too is in range.
        drawn = "scenario.parties.A.deadline_days={dist: uniform, low: 30, high: 60}"
        model, columns = run_model(textbook(*MARGINS, drawn, "scenario.parties.B.deadline_days=30"),
                                   200, seed=2)
        deadline = model.party_table.params["deadline_days"][:, 0]
        assert (columns["agreement_day"] == np.ceil(deadline / 3)).all()


MARGINS = ("mediator.patience_rounds=1000", "scenario.parties.A.demand_margin=0.15",
           "scenario.parties.B.demand_margin=0.15")
