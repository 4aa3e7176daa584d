"""Commitment problems: a deal is worth less to a side whose power falls, because the side
growing stronger can revise it; a guarantor and a rising balance of one's own undo that."""

import numpy as np
import pytest

from sim.rules.bargaining import contest_success, reservation, war_stakes
from sim.rules.commitment import (
    UNREACHABLE,
    committed_value,
    face_demand,
    projected_reservation,
    war_from_shift,
)


def test_deals_that_bind_are_worth_their_face_value():
    assert committed_value(0.6, 0.4, 0.3, 0.0) == 0.6
    assert face_demand(0.4, 0.3, 0.0) == 0.4


def test_a_declining_side_loses_the_revisable_share_above_its_future_war_value():
    # A's terms are worth 0.6; after the shift it could win 0.3; half can be revised down
    assert committed_value(0.6, 0.4, 0.3, 0.5) == pytest.approx(0.45)
    # so it needs terms of face value 0.5 to do as well as fighting now (0.4)
    assert face_demand(0.4, 0.3, 0.5) == pytest.approx(0.5)
    assert committed_value(face_demand(0.4, 0.3, 0.5), 0.4, 0.3, 0.5) == pytest.approx(0.4)


def test_a_rising_side_fears_no_revision_and_a_full_revision_leaves_no_deal():
    assert committed_value(0.6, 0.3, 0.4, 0.5) == 0.6  # its prospects rise
    assert face_demand(0.3, 0.4, 0.5) == 0.3
    assert face_demand(0.4, 0.3, 1.0) == UNREACHABLE


def test_the_projection_follows_drift_and_the_rearmament_a_truce_allows():
    ideal, salience, issues = np.array([[1.0], [0.0]]), np.ones((2, 1)), np.ones((2, 1))
    stakes, weights = war_stakes(ideal, salience, issues), salience @ issues.T
    future, cost = np.empty((2, 2)), np.array([0.05, 0.05])
    log_cap, relief = np.zeros(2), np.array([0.0, 1.0])  # the second stage ends the fighting
    war_cost = np.repeat(cost[:, None], 2, axis=1)  # no truce in force: the same war for both
    projected_reservation(log_cap, np.zeros(2), np.array([0.0, 0.01]), np.ones(2), relief, 100.0,
                          1.0, war_cost, stakes, weights, np.empty(2), np.empty(2), future)
    p_later, value = np.empty(2), np.empty((2, 2))
    contest_success(np.array([0.0, 1.0]), 1.0, p_later)  # B rearms 0.01 a day for 100 days
    reservation(p_later, cost, stakes, weights, value)
    assert future[:, 0] == pytest.approx([0.45, 0.45])  # no truce, no rearmament: no shift
    assert future[:, 1] == pytest.approx(value[:, 1])
    assert future[0, 1] < 0.45 < future[1, 1]


def test_war_comes_exactly_when_the_weighted_shift_exceeds_the_weighted_surplus():
    assert not war_from_shift(0.09, 0.1, 0.5)
    assert war_from_shift(0.11, 0.1, 0.5)
    assert not war_from_shift(0.3, 0.1, 0.2)  # a guarantee shrinks the revisable share
