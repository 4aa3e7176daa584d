"""Trust is a Beta posterior: quiet days add a little to alpha, reported violations much to beta."""

import numpy as np
import pytest

from sim.rules.trust import observe, trust_mean


def test_beta_posterior_update():
    alpha, beta = np.array([2.0, 2.0]), np.array([3.0, 3.0])
    reported, watched = np.array([1, 0]), np.array([True, True])
    observe(alpha, beta, reported, watched, np.array(0.1), np.array(2.0))
    assert alpha == pytest.approx([2.0, 2.1])
    assert beta == pytest.approx([5.0, 3.0])
    assert trust_mean(alpha, beta) == pytest.approx([2 / 7, 2.1 / 5.1])


def test_no_truce_no_evidence():
    alpha, beta = np.array([1.0]), np.array([1.0])
    observe(alpha, beta, np.array([0]), np.array([False]), np.array(0.5), np.array(1.0))
    assert (alpha[0], beta[0]) == (1.0, 1.0)


def test_a_violation_costs_more_trust_than_a_quiet_day_earns():
    alpha, beta = np.array([5.0, 5.0]), np.array([5.0, 5.0])
    observe(alpha, beta, np.array([1, 0]), np.array([True, True]), np.array(0.05), np.array(1.0))
    before = 0.5
    violated, quiet = trust_mean(alpha, beta)
    assert before - violated > quiet - before > 0
