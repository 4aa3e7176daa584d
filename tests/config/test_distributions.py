"""Uncertain inputs are sampled per replicate from their own streams."""

import numpy as np
import pytest

from sim.config.distributions import parse_distribution
from sim.config.sampling import sample


@pytest.mark.parametrize(("raw", "mean"), [
    ({"dist": "uniform", "low": 1, "high": 3}, 2.0),
    ({"dist": "triangular", "low": 0, "mode": 0.3, "high": 0.9}, 0.4),
    ({"dist": "beta", "a": 2, "b": 6}, 0.25),
    ({"dist": "beta", "a": 1, "b": 1, "low": 2, "high": 4}, 3.0),
    ({"dist": "lognormal", "median": 1.0, "sigma": 0.5}, float(np.exp(0.125))),
])
def test_samples_stay_in_support_and_average_the_mean(raw, mean):
    dist = parse_distribution(raw, "x")
    draws = dist.sample(np.random.default_rng(0), 200_000)
    low, high = dist.support
    assert draws.min() >= low and draws.max() <= high
    assert dist.mean() == pytest.approx(mean)
    assert draws.mean() == pytest.approx(mean, rel=0.01)


def test_each_parameter_draws_from_its_own_stream(baseline):
    seed = np.random.SeedSequence(5)
    a = sample(baseline.scenario, "scenario", seed, 100)
    b = sample(baseline.scenario, "scenario", seed, 100)
    np.testing.assert_array_equal(a["scenario.parties.RU.capability"],
                                  b["scenario.parties.RU.capability"])
    assert not np.array_equal(a["scenario.parties.RU.capability"],
                              a["scenario.parties.RU.cost_per_day"])
    assert (a["scenario.parties.UA.capability"] == 1.0).all()


@pytest.mark.parametrize("raw", [{"dist": "uniform", "low": 0, "high": 2},
                                 {"dist": "triangular", "low": 0, "mode": 1, "high": 2},
                                 {"dist": "beta", "a": 2, "b": 2, "low": 0, "high": 2},
                                 {"dist": "lognormal", "median": 1, "sigma": 0.5}])
def test_the_cdf_is_the_share_of_draws_below(raw):
    dist = parse_distribution(raw, "x")
    draws = dist.sample(np.random.default_rng(1), 200_000)
    points = np.array([0.5, 1.0, 1.5])
    assert np.allclose(dist.cdf(points), [(draws <= x).mean() for x in points], atol=0.005)
