"""Stalling is a war of attrition: concession hazard c/V, symmetric stalemate V/(2c)."""

import numpy as np
import pytest

from sim.rules.delay import concession_times, stalemate


def test_symmetric_war_of_attrition_lasts_v_over_2c_on_average():
    prize, cost, n = 0.1, 0.005, 400_000
    rng = np.random.default_rng(3)
    hold = concession_times(np.full((n, 2), prize), np.full((n, 2), cost),
                            rng.standard_exponential((n, 2)))
    lengths = np.array([stalemate(row) for row in hold])
    expected = prize / (2 * cost)  # 10 days
    standard_error = lengths.std() / np.sqrt(n)
    assert abs(lengths.mean() - expected) < 4 * standard_error


def test_a_party_with_no_prize_does_not_stall_nor_end_the_others_stall():
    hold = concession_times(np.array([[0.1, 0.0]]), np.array([[0.01, 1.0]]), np.array([[2.0, 5.0]]))
    assert hold[0] == pytest.approx([20.0, 0.0])
    assert stalemate(hold[0]) == pytest.approx(20.0)


def test_the_first_concession_ends_the_stalemate():
    assert stalemate(np.array([7.0, 3.0, 0.0])) == pytest.approx(3.0)


def test_without_contestants_there_is_no_stalemate():
    assert stalemate(np.zeros(2)) == 0.0
