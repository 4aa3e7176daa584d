"""Readings of a private cost: they combine by precision, and the belief they give is the prior
times their likelihood, cut where rejections put a bound."""

import numpy as np
import pytest
from scipy import stats

from sim.config.distributions import Distribution
from sim.rules.signals import Readings, below

UNIFORM = Distribution("uniform", (("low", 0.0), ("high", 0.5)))
BETA = Distribution("beta", (("a", 2.0), ("b", 3.0), ("low", 0.0), ("high", 0.5)))


def test_two_readings_weigh_by_their_precision():
    # Readings 0.2 (sd 0.1) and 0.4 (sd 0.2): mean (0.2/0.01 + 0.4/0.04) / (100 + 25) = 0.24,
    # spread 1/sqrt(125). An exact reading then settles it; a day without fighting adds nothing.
    readings = Readings.none(2)
    every, first = np.ones(2, dtype=bool), np.array([True, False])
    readings.add(every, np.array([0.2, 0.2]), 0.1)
    readings.add(first, np.array([0.4, 9.0]), 0.2)
    assert readings.mean(every) == pytest.approx([0.24, 0.2])
    assert readings.sd(every) == pytest.approx([1 / np.sqrt(125), 0.1])
    readings.add(first, np.array([0.3, 9.0]), 0.0)
    readings.add(first, np.array([0.1, 9.0]), 0.1)
    assert readings.mean(every)[0] == 0.3 and readings.sd(every)[0] == 0.0
    assert np.isinf(Readings.none(1).sd(np.ones(1, dtype=bool))).all()


def test_a_uniform_prior_with_a_reading_is_a_truncated_normal():
    cost = np.array([[0.1, 0.25, 0.4]])
    bound, mean, sd = np.array([0.35]), np.array([0.3]), np.array([0.1])
    expected = stats.truncnorm(-3.0, 0.5, 0.3, 0.1).cdf(np.minimum(cost, 0.35))
    assert below(UNIFORM, cost, bound, mean, sd) == pytest.approx(expected)
    # No reading: the uniform cut at the bound; an exact reading: a step at the cost.
    assert below(UNIFORM, cost, bound, mean, np.array([np.inf])) == pytest.approx(
        np.array([[0.1 / 0.35, 0.25 / 0.35, 1.0]]))
    assert (below(UNIFORM, cost, bound, mean, np.array([0.0])) == [[0, 0, 1]]).all()


def test_another_prior_is_weighed_on_its_quantiles():
    # Beta(2, 3) on [0, 0.5] times N(0.2, 0.05), below 0.3: numerical integration agrees
    # within the grid's resolution.
    x = np.linspace(0, 0.3, 20001)
    density = stats.beta.pdf(x, 2, 3, 0, 0.5) * stats.norm.pdf(x, 0.2, 0.05)
    cdf = np.cumsum(density) / density.sum()
    cost = np.array([[0.15, 0.2, 0.25]])
    exact = np.interp(cost, x, cdf)
    got = below(BETA, cost, np.array([0.3]), np.array([0.2]), np.array([0.05]))
    assert got == pytest.approx(exact, abs=2e-3)
    # A known cost leaves nothing to learn.
    assert (below(0.2, cost, np.array([1.0]), np.array([0.0]), np.array([0.1])) == [[0, 0, 1]]).all()
