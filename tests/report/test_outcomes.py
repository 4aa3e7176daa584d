"""Figures whose cost must not grow with the number of runs."""

import numpy as np

from sim.report.outcomes import VIOLIN_POINTS, _quantile_sample


def test_the_violin_of_a_million_terms_is_drawn_from_its_quantiles():
    values = np.random.default_rng(0).beta(2, 5, size=1_000_000)
    sample = _quantile_sample(values)
    assert sample.size == VIOLIN_POINTS
    assert np.median(sample) == np.median(values)  # the marked median is the data's
    assert (sample.min(), sample.max()) == (values.min(), values.max())


def test_a_small_set_of_terms_is_drawn_as_it_is():
    values = np.array([0.2, 0.5, 0.9])
    assert _quantile_sample(values) is values
