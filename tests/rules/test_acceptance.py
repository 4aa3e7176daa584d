"""Acceptance: concession over time, the option value of waiting, trust-weighted value."""

import numpy as np
import pytest

from sim.rules.acceptance import accepts, concession, option_value, signing_value, threshold

EXPONENTS = (0.3, 1.0, 3.0)  # Boulware, linear, Conceder


def test_concession_starts_full_and_ends_at_zero():
    assert [concession(0, 100, e) for e in EXPONENTS] == pytest.approx([1, 1, 1])
    assert [concession(100, 100, e) for e in EXPONENTS] == pytest.approx([0, 0, 0])
    assert concession(150, 100, 1.0) == 0.0  # past the horizon nothing more is conceded


def test_boulware_holds_out_longer_than_a_conceder():
    boulware, linear, conceder = (concession(50, 100, e) for e in EXPONENTS)
    assert boulware > linear > conceder
    assert linear == pytest.approx(0.5)


def test_option_value_is_zero_without_drift_and_positive_for_the_party_gaining():
    p, value = np.array([0.6, 0.4]), np.full(2, np.nan)
    option_value(p, np.zeros(2), 1.0, 90.0, value)
    assert value == pytest.approx([0, 0])
    option_value(p, np.array([0.001, 0.0]), 1.0, 90.0, value)
    # dp_A/dt = k p_A p_B (mu_A - mu_B) = 0.24e-3 a day
    assert value == pytest.approx([90 * 0.24e-3, 0.0])


def test_full_trust_values_the_terms_and_no_trust_the_war():
    args = (np.array([0.7, 0.7]), np.array([0.5, 0.5]))
    value = signing_value(*args, np.array([1.0, 0.0]), np.array([0.1, 0.1]), np.array(1.0))
    assert value == pytest.approx([0.7, 0.4])


def test_without_frictions_a_party_accepts_exactly_what_beats_its_reservation():
    zero = np.zeros(3)
    bar = threshold(np.full(3, 0.5), zero, zero, zero, zero, zero, np.ones(3))
    assert list(accepts(np.array([0.49, 0.5, 0.51]), bar, zero, zero, np.ones(3))) == [
        False, True, True]


def test_a_veto_player_ratifies_only_terms_worth_its_premium_more():
    from sim.rules.acceptance import ratifies

    # Reservation 0.4 on a stage worth 0.5 to the party; the veto player wants 0.1 x 0.5 more.
    assert ratifies(0.45, 0.4, 0.1, 0.5) and not ratifies(0.449, 0.4, 0.1, 0.5)
    assert ratifies(0.4, 0.4, 0.0, 0.5)  # no veto player: the negotiator's yes stands
