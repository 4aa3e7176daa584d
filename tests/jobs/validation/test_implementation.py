"""Carrying out what was signed, through the whole model: a veto player that refuses the
side-payment keeps a signed stage out of force; one that grants it by exception brings it into
force on a geometric day; fixed renewal chances give a geometric number of renewals."""

from sim.jobs.validation import implementation
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_a_veto_player_keeps_a_signed_stage_out_of_force_as_theory_says():
    rows = implementation.conditions_precedent(SIZES["open_range"][1], 18)
    assert len(rows) == 2
    assert_all_pass(rows)


def test_renewals_follow_the_geometric_law():
    rows = implementation.renewals(SIZES["signals"][1], 19)
    assert len(rows) == 2
    assert_all_pass(rows)
