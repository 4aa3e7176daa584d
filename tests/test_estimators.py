"""Wilson intervals and Kaplan-Meier quantiles agree with their textbook definitions."""

import math

import numpy as np
import pytest
from scipy import stats

from sim.estimators import kaplan_meier_quantiles, wilson


def wilson_by_hand(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


@pytest.mark.parametrize(("k", "n"), [(0, 10), (3, 10), (10, 10), (2345, 10000)])
def test_wilson_interval_matches_the_formula(k, n):
    estimate = wilson(k, n)
    assert estimate.p == k / n
    assert (estimate.ci_low, estimate.ci_high) == pytest.approx(wilson_by_hand(k, n), abs=1e-12)
    scipy_ci = stats.binomtest(k, n).proportion_ci(0.95, method="wilson")
    assert (estimate.ci_low, estimate.ci_high) == (scipy_ci.low, scipy_ci.high)


def test_kaplan_meier_with_censoring_at_the_horizon():
    """Events at 1, 2, 3 among five; two censored at 5: S = 4/5, 3/5, 2/5 after each event."""
    q = kaplan_meier_quantiles(np.array([1, 2, 3, np.nan, np.nan]),
                               np.array([True, True, True, False, False]), horizon=5)
    assert q[0.25] == 2 and q[0.5] == 3 and q[0.75] is None


def test_kaplan_meier_differs_from_the_naive_mean_over_finished_runs():
    times = np.array([10.0, 10.0, np.nan, np.nan, np.nan, np.nan])
    q = kaplan_meier_quantiles(times, np.isfinite(times), horizon=100)
    assert q[0.25] == 10 and q[0.5] is None


def test_no_events_means_no_quantiles():
    q = kaplan_meier_quantiles(np.full(4, np.nan), np.zeros(4, bool), horizon=10)
    assert q == {0.25: None, 0.5: None, 0.75: None}
