"""Logrolling through the whole model: with two issues of opposite saliences, per-issue terms
give each party the issue it cares about, a package linprog cannot improve on; one weight for
the whole package splits both and leaves value on the table."""

from sim.jobs.validation import logrolling
from sim.jobs.validation.document import SIZES
from tests.conftest import run_model, settings
from tests.jobs.validation.test_theory import assert_all_pass


def test_logrolling_reaches_the_frontier_and_a_single_weight_does_not():
    rows = logrolling.efficient_frontier(SIZES["small"][1], 11)
    assert [r.case.split(", ")[1] for r in rows] == ["logrolling packages", "compromise packages"]
    assert_all_pass(rows)


def test_logrolling_on_one_issue_is_the_compromise_line_itself():
    plain = settings("scenario=symmetric_textbook", "mediator=neutral")
    rolled = settings("scenario=symmetric_textbook", "mediator=neutral",
                      "mediator.proposal.packages=logrolling")
    _, a = run_model(plain, 50, seed=4)
    _, b = run_model(rolled, 50, seed=4)
    assert (a["terms.stake"] == b["terms.stake"]).all() and (b["terms.stake"] == 0.5).all()
