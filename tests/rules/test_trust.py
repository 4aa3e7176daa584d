"""Trust is a Beta posterior: quiet days add a little to alpha, reported violations much to beta."""

import numpy as np
import pytest

from sim.rules.trust import confidence, doubt, trust_in_others, trust_mean


def test_beta_posterior_update():
    """One reported violation against the first counterpart, a quiet day with the second."""
    assert doubt(3.0, 1, 2.0) == pytest.approx(5.0) and doubt(3.0, 0, 2.0) == 3.0
    assert confidence(2.0, 1, 0.1) == 2.0 and confidence(2.0, 0, 0.1) == pytest.approx(2.1)
    assert trust_mean(2.0, 5.0) == pytest.approx(2 / 7)


def test_trust_mean_takes_arrays_of_replicates():
    assert trust_mean(np.array([2.0, 2.1]), np.array([5.0, 3.0])) == pytest.approx(
        [2 / 7, 2.1 / 5.1])


def test_a_violation_costs_more_trust_than_a_quiet_day_earns():
    before = trust_mean(5.0, 5.0)
    violated = trust_mean(5.0, doubt(5.0, 1, 1.0))
    quiet = trust_mean(confidence(5.0, 0, 0.05), 5.0)
    assert before - violated > quiet - before > 0


def test_trust_in_others_averages_a_partys_row_leaving_itself_out():
    alpha = np.array([[[9.0, 1.0, 3.0], [1.0, 9.0, 1.0], [1.0, 1.0, 9.0]]])
    beta = np.array([[[9.0, 1.0, 1.0], [3.0, 9.0, 1.0], [1.0, 1.0, 9.0]]])
    assert trust_in_others(alpha, beta, 0, 0) == pytest.approx((0.5 + 0.75) / 2)
    assert trust_in_others(alpha, beta, 0, 1) == pytest.approx((0.25 + 0.5) / 2)
