"""Figures whose cost must not grow with the number of runs."""

import numpy as np

from sim.report.outcomes import VIOLIN_POINTS, quantile_sample
from sim.results.digest import TERM_GRID


def counted(values: np.ndarray) -> np.ndarray:
    return np.bincount(np.rint(values * TERM_GRID).astype(int), minlength=TERM_GRID + 1)


def test_the_violin_of_a_million_terms_is_drawn_from_its_quantiles():
    values = np.random.default_rng(0).beta(2, 5, size=1_000_000)
    sample = quantile_sample(counted(values))
    assert sample.size == VIOLIN_POINTS
    assert abs(np.median(sample) - np.median(values)) <= 1 / TERM_GRID  # the data's median
    assert sample.min() == np.rint(values.min() * TERM_GRID) / TERM_GRID
    assert sample.max() == np.rint(values.max() * TERM_GRID) / TERM_GRID


def test_a_small_set_of_terms_is_drawn_as_it_is():
    values = np.array([0.2, 0.5, 0.5, 0.9])
    np.testing.assert_allclose(quantile_sample(counted(values)), values)
