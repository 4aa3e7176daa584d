"""A flexible agenda through the whole model: a blocked first stage stops a fixed ladder, and
a mediator that sets it aside, or switches to the comprehensive deal, signs on the day theory
says."""

from sim.jobs.validation import agendas
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_a_mediator_that_moves_on_signs_when_theory_says():
    rows = agendas.flexible_agenda(SIZES["small"][1], 20)
    assert len(rows) == 3
    assert_all_pass(rows)
