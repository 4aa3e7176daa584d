"""Time-dependent concession: a party gives up its margin as the clock runs down."""

import numpy as np
import pytest

from sim.rules.concessions.time_dependent import TimeDependent
from tests.conftest import run_model, textbook
from tests.rules.concessions.contract import ConcessionContract, stance


class TestTimeDependent(ConcessionContract):
    name = "time_dependent"

    def test_story(self, unit: TimeDependent) -> None:
        # A quarter of a 100-day horizon gone: a linear party still demands 3/4 of its margin,
        # a Boulware one (e = 0.5) 1 - 0.25^2 = 15/16, a Conceder (e = 2) 1 - 0.25^0.5 = 1/2.
        quarter = stance(0, day=25, horizon_days=100, exponent=np.array([1.0, 0.5, 2.0]),
                         cost_borne=np.zeros(3))
        assert unit.demands(quarter, {}) == pytest.approx([0.75, 15 / 16, 0.5])
        over = stance(0, day=150, horizon_days=100, exponent=np.ones(2), cost_borne=np.zeros(2))
        assert (unit.demands(over, {}) == 0.0).all()

    def test_in_the_textbook_case_the_parties_sign_once_their_margins_fit_the_range(self):
        # Each gets a surplus of 0.1 over its reservation value (0.4) under the Nash split and
        # demands 0.15 (1 - t/100): both accept from t = 100/3 on, so they sign on day 34.
        _, columns = run_model(textbook(*MARGINS), 100, seed=2)
        assert (columns["agreement_day"] == 34).all()


MARGINS = ("mediator.patience_rounds=1000", "scenario.parties.A.demand_margin=0.15",
           "scenario.parties.B.demand_margin=0.15")
