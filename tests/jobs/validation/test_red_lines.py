"""Red lines through the whole model: a hard line narrows the bargaining range and can close
it; an audience cost that grows with public commitment lets an early offer through and stops
a late one, unless political cover lifts it on the day."""

from sim.jobs.validation import red_lines
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_a_hard_red_line_keeps_the_terms_inside_it_or_leaves_no_deal():
    rows = red_lines.hard_lines(SIZES["small"][1], 12)
    assert [r.expected.startswith("P = 0") for r in rows] == [False, True]
    assert_all_pass(rows)


def test_an_audience_cost_stops_a_late_offer_and_cover_lets_it_through():
    rows = red_lines.audience_costs(SIZES["small"][1], 13)
    assert len(rows) == 3
    assert_all_pass(rows)
