"""Two-sided private information through the whole model: with the parties taking turns, each
screening the other, the rounds of war fall away as the lattice calculation says."""

import pytest

from sim.jobs.validation import turns
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_the_lattice_meets_the_closed_forms():
    # P(war) after round 1 is 1/4, after round 2 1/6; on the grid, as on a continuum.
    shares = turns.alternating_path(points=400, rounds=3)
    assert shares[0] == pytest.approx(0.75, abs=1e-3)
    assert 1 - shares[0] - shares[1] == pytest.approx(1 / 6, abs=1e-3)


def test_the_whole_model_takes_turns_as_theory_says():
    rows = turns.alternating_offers(SIZES["signals"][1], 17)
    assert len(rows) == 2
    assert_all_pass(rows)
