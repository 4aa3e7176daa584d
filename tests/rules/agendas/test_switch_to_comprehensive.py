"""Changing strategy: after k rounds on a tier, the comprehensive tier at once."""

import numpy as np

from sim.jobs.validation.agendas import blocked
from sim.jobs.validation.cases import simulate
from sim.rules.agendas.switch_to_comprehensive import SwitchToComprehensive
from tests.rules.agendas.contract import AgendaContract, course
from tests.rules.contract import REPLICATES


class TestSwitchToComprehensive(AgendaContract):
    name = "switch_to_comprehensive"

    def test_story(self, unit: SwitchToComprehensive) -> None:
        """To the comprehensive tier where it has talked k rounds below it; elsewhere it stays."""
        today = course(9)
        target = unit.next_tier(today, {"after_rounds": np.full(REPLICATES, 4.0)})
        switches = today.talking & (today.rounds_on_tier >= 4) & (today.tier < 3)
        assert np.array_equal(target, np.where(switches, 3, today.tier))

    def test_the_steps_between_are_skipped(self) -> None:
        out = simulate(blocked(3, self.name, 2), 8, 1)
        assert (out["agreement_day"] == 3).all()
        assert (out["stage.stage2.proposals"] == 0).all()
