"""The war's daily rules: the balance, the daily cost and the ladder's climb."""

import numpy as np
import pytest

from sim.rules.conflict import (
    advance_balance,
    cost_left,
    daily_cost,
    escalating,
    escalation_starts,
)
from sim.rules.ladder import climbs


def test_balance_drifts_diffuses_and_jumps():
    assert advance_balance(1.0, 0.01, 0.1, 2.0, 0.5) == pytest.approx(1.0 + 0.01 + 0.2 + 0.5)


def test_truces_in_force_compound_their_relief_and_sticks_raise_the_cost():
    cost = np.empty(2)
    relief, base = np.array([0.5, 0.5, 0.9]), np.array([0.02, 0.01])
    none = np.zeros(2)
    daily_cost(base, none, cost_left(relief, np.array([False, False, False])), none, cost)
    assert cost == pytest.approx(base)
    daily_cost(base, none, cost_left(relief, np.array([True, True, False])), none, cost)
    assert cost == pytest.approx(base * 0.25)  # each averts half of what the other leaves
    daily_cost(base, np.array([1.0, 0.0]), cost_left(relief, np.array([False, False, False])),
               none, cost)
    assert cost == pytest.approx([0.04, 0.01])  # a stick of size 1 doubles the cost


def test_another_sides_unilateral_truce_lifts_its_share_of_the_cost():
    cost, base = np.empty(2), np.array([0.02, 0.01])
    daily_cost(base, np.zeros(2), 1.0, np.array([0.0, 0.4]), cost)
    assert cost == pytest.approx([0.02, 0.006])  # B's cost falls while A holds fire


def test_escalation_windows_open_every_period():
    assert [escalating(d, 30, 5) for d in (29, 30, 34, 35)] == [False, True, True, False]
    assert escalation_starts(30, 30, 5) and not escalation_starts(0, 30, 5)
    assert not escalating(30, 30, 0)


def test_the_ladder_climbs_only_when_every_stage_of_the_tier_held():
    stage_tier = np.array([0, 0, 1, -1])
    assert climbs(np.array([True, True, False, False]), stage_tier, 0, 2)
    assert not climbs(np.array([True, False, False, False]), stage_tier, 0, 2)
    assert not climbs(np.array([True, True, True, True]), stage_tier, 1, 2)  # top tier
