"""Estimators on the model's own output: coverage, Kaplan-Meier, seeds."""

from sim.jobs.validation import statistics
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_wilson_intervals_cover_the_known_probability():
    assert_all_pass(statistics.coverage(*SIZES["coverage"][1], seed=5))


def test_kaplan_meier_quantiles_on_a_memoryless_case():
    rows = statistics.kaplan_meier(SIZES["km"][1], 6)
    assert len(rows) == 3
    assert_all_pass(rows)


def test_estimates_from_five_seeds_agree():
    assert_all_pass(statistics.seeds_agree(SIZES["seeds"][1], (11, 12, 13, 14, 15)))
