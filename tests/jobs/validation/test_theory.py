"""The whole model against theory (quick sizes of the cases in docs/validation.md)."""

import pytest

from sim.jobs.validation import theory
from sim.jobs.validation.document import SIZES

MODEL = SIZES["model"][1]


def assert_all_pass(rows):
    failed = [(r.case, r.expected, r.measured) for r in rows if not r.passed]
    assert rows and failed == []


def test_nash_solution_inside_the_fearon_range_and_never_when_empty():
    rows = theory.nash_and_fearon(SIZES["small"][1], 1)
    assert len(rows) == 3
    assert_all_pass(rows)


def test_war_of_attrition_distribution():
    assert_all_pass(theory.war_of_attrition(MODEL, 2))


def test_ladder_matches_the_absorbing_markov_chain():
    rows = theory.markov_ladder(MODEL, 3)
    assert len(rows) == 3
    assert_all_pass(rows)


def test_truce_survival_is_geometric():
    assert_all_pass(theory.truce_survival(MODEL, 4))


def test_the_chain_solution_itself():
    """With certain acceptance the chain signs stage k on day 2k - 1 with probability 1."""
    reach, day = theory._ladder_chain(1.0, patience=3, tiers=3)
    assert reach == pytest.approx([1, 1, 1])
    assert day == pytest.approx([1, 3, 5])
    reach, _ = theory._ladder_chain(0.5, patience=1, tiers=2)
    assert reach == pytest.approx([0.5, 0.25])
