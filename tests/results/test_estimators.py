"""Wilson intervals and Kaplan-Meier quantiles agree with their textbook definitions."""

import math

import numpy as np
import pytest
from scipy import stats

from sim.results.estimators import Durations, interval_text, kaplan_meier, kaplan_meier_quantiles, wilson


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


@pytest.mark.parametrize("kind", ["sf", "cdf"])
def test_kaplan_meier_from_counts_equals_scipy_on_the_episodes(kind):
    """Counting durations by day loses nothing: curve, at-risk counts and Greenwood band are
    scipy's own, ties and censoring on event days included."""
    rng = np.random.default_rng(7)
    days = rng.integers(0, 60, 3_000).astype(float)
    observed = rng.random(3_000) < 0.6
    expected = getattr(stats.ecdf(stats.CensoredData(uncensored=days[observed],
                                                     right=days[~observed])), kind)
    halves = Durations.of(days[:1_000], observed[:1_000]) + Durations.of(days[1_000:],
                                                                          observed[1_000:])
    curve = kaplan_meier(halves, kind)
    np.testing.assert_array_equal(curve.quantiles, expected.quantiles)
    np.testing.assert_allclose(curve.probabilities, expected.probabilities, rtol=1e-14)
    with np.errstate(all="ignore"):
        band, scipy_band = curve.confidence_interval(0.95), expected.confidence_interval(0.95)
    np.testing.assert_allclose(band.low.probabilities, scipy_band.low.probabilities, rtol=1e-12)
    np.testing.assert_allclose(band.high.probabilities, scipy_band.high.probabilities, rtol=1e-12)


def test_durations_are_counted_by_day_and_censored_at_the_horizon():
    counted = Durations.of(np.array([2.0, 2.0, np.nan, 4.0]), np.array([True, True, False, False]),
                           horizon=5)
    assert counted.events.tolist() == [0, 0, 2, 0, 0, 0]
    assert counted.censored.tolist() == [0, 0, 0, 0, 1, 1]
    assert counted.longest == 5


def test_durations_refuse_fractional_days():
    with pytest.raises(ValueError, match="whole"):
        Durations.of(np.array([1.5]), np.array([True]))


@pytest.mark.parametrize(("p", "low", "high", "shown"), [
    (0.335, 0.326, 0.345, ("33.5%", "32.6%–34.5%")),   # 0 decimals would give 34% (33%–34%)
    (0.3411, 0.3360, 0.3440, ("34.1%", "33.6%–34.4%")),
    (0.34, 0.3399, 0.3401, ("34.00%", "33.99%–34.01%")),
    (0.5, 0.40, 0.60, ("50%", "40%–60%")),
    (0.0, 0.0, 0.0003, ("0.00%", "0.00%–0.03%")),
])
def test_an_interval_is_printed_at_a_precision_that_shows_it(p, low, high, shown):
    """The headline said "34% (95% CI 33%–34%)": its interval rounded onto its own edge."""
    assert interval_text(p, low, high) == shown
