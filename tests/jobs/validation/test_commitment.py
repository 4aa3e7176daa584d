"""Shifting power through the whole model: war exactly when the shift, weighted by the share
the stronger side can revise, exceeds the weighted surplus; a guarantee restores the deal,
and a truce that lets one side rearm can be refused for that reason alone."""

from sim.jobs.validation import commitment
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_war_exactly_when_the_shift_exceeds_the_surplus_as_theory_states():
    rows = commitment.shifting_power(SIZES["small"][1], 10)
    assert len(rows) == len(commitment.CASES)
    assert_all_pass(rows)
    assert [r.expected.startswith("P = 0") for r in rows] == [False, True, False, True]
