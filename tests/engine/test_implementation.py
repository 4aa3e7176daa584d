"""Signed is not in force: a stage waits on its conditions precedent, comes into force once
they are met, and lapses back to the table if its deadline passes first."""

import numpy as np
import pandas as pd

from tests.conftest import run_model, textbook

DEADLINE = "+scenario.stages.settlement.conditions={deadline_days: 5}"


def test_a_deadline_with_nothing_to_wait_for_changes_no_number():
    """No side-payment to approve and nothing to set up: in force the day it is signed, the
    same episode, column by column."""
    _, plain = run_model(textbook("scenario.parties.A.acceptance_noise=0.05"), 64, seed=2)
    _, waiting = run_model(textbook("scenario.parties.A.acceptance_noise=0.05", DEADLINE), 64,
                           seed=2)
    assert pd.DataFrame(plain).equals(pd.DataFrame(waiting))
    assert np.array_equal(plain["stage.settlement.in_force_day"],
                          plain["stage.settlement.signed_day"], equal_nan=True)


def test_a_verification_mechanism_set_up_in_three_days_delays_the_truce_three_days():
    """Signed on day 1, in force on day 4; the hold test of one day then holds it on day 5."""
    _, out = run_model(textbook("+scenario.stages.settlement.conditions={setup_days: 3}"), 8)
    assert (out["stage.settlement.signed_day"] == 1).all()
    assert (out["stage.settlement.in_force_day"] == 4).all()
    assert (out["stage.settlement.held_day"] == 5).all()


def test_a_signing_whose_conditions_cannot_be_met_in_time_lapses_and_is_signed_again():
    """Set-up takes 10 days, the deadline is 5: signed on day 1, lapsed on day 6, signed
    again on day 7 (daily rounds), and so on, never in force."""
    _, out = run_model(textbook("+scenario.stages.settlement.conditions={setup_days: 10, "
                                "deadline_days: 5}"), 8)
    assert (out["stage.settlement.lapsed_day"] == 6).all()
    assert (out["stage.settlement.signed_again_day"] == 7).all()
    assert np.isnan(out["stage.settlement.in_force_day"]).all()
    assert not out["agreement_held"].any()
