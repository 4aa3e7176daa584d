"""What a screening proposer learns besides rejections, through the whole model: a mediator's
disclosure and the losses seen in battle shrink the risk of war as the quadrature says, the
rounds of war fall away as fighting reveals the cost, and a bluff pays its maker at a risk."""

import pytest

from sim.jobs.validation import signals
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_the_quadrature_meets_its_limits():
    # A reading with no spread leaves no war; one with a wide spread, Fearon's 40%.
    assert signals.informed_war(1e-4)[0] == pytest.approx(0.0, abs=2e-3)
    assert signals.informed_war(5.0)[0] == pytest.approx(0.4, abs=0.01)
    assert signals.informed_war(0.1)[0] == pytest.approx(0.1687, abs=1e-3)


def test_the_whole_model_learns_from_the_mediator_and_from_battle():
    size = SIZES["signals"][1]
    rows = [*signals.disclosure(size, 14), signals.bluffing(size, 15)]
    assert len(rows) == 5
    assert_all_pass(rows)
