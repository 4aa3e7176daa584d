"""Private information through the whole model: Fearon's risk-return trade-off and the
screening offers after each rejection come out as theory says."""

import pytest

from sim.jobs.validation import information
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_the_closed_forms_are_fearons():
    # x* = p + (c_max - c_A) / 2 and P(war) = (x* - p) / c_max; none when c_max <= c_A.
    assert information.optimal_offer(0.5) == pytest.approx((0.7, 0.4))
    assert information.optimal_offer(0.08) == (0.5, 0.0)
    path = information.screening_path(0.5)
    assert [round(x, 3) for x, _ in path] == [0.7, 0.55, 0.5]
    assert [round(s, 3) for _, s in path] == [0.6, 0.3, 0.1]


def test_the_whole_model_reproduces_the_optimal_offer_its_risk_and_the_screening_path():
    rows = information.risk_return(SIZES["model"][1], 7)
    assert len(rows) == 3
    assert_all_pass(rows)
