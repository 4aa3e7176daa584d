"""The scenario's fixed tables: red lines cost what they say, only where they are crossed and
only on the stages whose issues they bind; a package that changes nothing is never a deal."""

import numpy as np

from sim.engine.tables import no_empty_deals, red_line_costs
from tests.conftest import run_model, settings


def test_a_red_line_costs_only_the_packages_beyond_it_on_its_own_stage():
    s = settings("scenario=symmetric_textbook", "mediator=neutral",
                 "+scenario.parties.B.red_lines.stake={limit: 0.3, cost: 2, audience_growth: 0.01}")
    ideal = np.array([[1.0], [0.0]])
    terms = np.array([[0.2], [0.3], [0.31], [0.9]])
    fixed, audience = red_line_costs(s.scenario, ["A", "B"], ["stake"], ideal, terms,
                                     np.array([1.0]))
    assert fixed.tolist() == [[0, 0], [0, 0], [0, 2], [0, 2]]
    assert audience[:, 1].tolist() == [0, 0, 0.01, 0.01] and not audience[:, 0].any()
    off_stage = red_line_costs(s.scenario, ["A", "B"], ["stake"], ideal, terms, np.array([0.0]))
    assert not off_stage[0].any() and not off_stage[1].any()


def test_a_package_that_changes_nothing_is_replaced_by_the_nearest_that_does():
    terms = np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0], [1.0, 0.0]])
    on_stage = np.array([1.0, 0.0])
    kept = no_empty_deals(terms, on_stage, np.array([0.0, np.nan]))
    assert kept[:, 0].tolist() == [1.0, 1.0, 1.0, 1.0]
    assert no_empty_deals(terms, on_stage, np.array([np.nan, np.nan])) is terms


def test_an_indivisible_truce_is_never_signed_as_no_truce():
    # the textbook stake as a truce, its range [-0.05, 0.6] holding only the "none" end
    given = ("scenario=symmetric_textbook", "mediator=neutral", "mediator.patience_rounds=3",
             "scenario.issues.stake.kind=indivisible", "scenario.parties.A.cost_per_day=0.0055",
             "scenario.parties.B.cost_per_day=0.001")
    _, before = run_model(settings(*given), 50, seed=5)
    assert before["agreement"].all() and (before["terms.stake"] == 0).all()  # a truce of none
    _, after = run_model(settings(*given, "scenario.issues.stake.status_quo=0"), 50, seed=5)
    assert not after["stage.settlement.signed"].any()  # only a real truce (1) is proposed
