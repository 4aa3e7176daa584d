"""A two-level game through the whole model: agreement exactly when the win-sets meet, and a
constrained negotiator gets better terms from a mediator that learns from its vetoes."""

from sim.jobs.validation import ratification
from sim.jobs.validation.document import SIZES
from tests.conftest import run_model, settings
from tests.jobs.validation.test_theory import assert_all_pass


def test_agreement_exactly_when_the_win_sets_meet_and_the_constrained_side_gains():
    rows = ratification.two_level_game(SIZES["small"][1], 9)
    assert len(rows) == 3
    assert_all_pass(rows)


def test_a_negotiators_yes_stands_without_a_veto_player_and_each_veto_is_counted():
    # B demands a margin of 0.15 over a surplus of 0.1: only acceptance noise makes it say yes
    # to the mediator's 0.5. With no veto player (premium 0) such a yes stands; a veto player
    # asking 0.6 more than B's reservation value (0.4) refuses 0.5, every time B says yes.
    noisy = ("scenario=symmetric_textbook", "scenario.parties.B.acceptance_noise=0.3",
             "scenario.parties.B.demand_margin=0.15", "scenario.parties.B.concession_exponent=0.001",
             "mediator.patience_rounds=5")
    _, free = run_model(settings(*noisy), 400, seed=2)
    _, vetoed = run_model(settings(*noisy, "scenario.parties.B.ratification_premium=0.6"),
                          400, seed=2)
    assert (free["party.B.vetoes"] == 0).all() and free["agreement"].any()
    assert vetoed["party.B.vetoes"].sum() > 0
    assert not vetoed["agreement"].any()  # 0.5 is worth 0.5 to B: below 0.4 + 0.6 x 1
    assert (vetoed["stage.settlement.acceptances.B"] == 0).all()  # a vetoed yes is a no
    assert free["stage.settlement.acceptances.B"].sum() > 0
