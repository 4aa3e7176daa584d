"""Setting a blocked stage aside: after k rounds on a tier, the next tier is tabled beside it."""

import numpy as np

from sim.jobs.validation.agendas import blocked
from sim.jobs.validation.cases import simulate
from sim.rules.agendas.skip_blocked import SkipBlocked
from tests.rules.agendas.contract import TIERS, AgendaContract, course
from tests.rules.contract import REPLICATES


class TestSkipBlocked(AgendaContract):
    name = "skip_blocked"

    def test_story(self, unit: SkipBlocked) -> None:
        """One tier up where it has talked k rounds or more, below the top; elsewhere it stays."""
        today = course(5)
        k = np.full(REPLICATES, 6.0)
        target = unit.next_tier(today, {"after_rounds": k})
        moves = today.talking & (today.rounds_on_tier >= 6) & (today.tier < TIERS - 1)
        assert np.array_equal(target, today.tier + moves)

    def test_a_blocked_first_stage_no_longer_blocks_the_settlement(self) -> None:
        out = simulate(blocked(2, self.name, 2), 8, 1)
        assert (out["agreement_day"] == 3).all()
        assert (out["stage.stage1.signed"] == 0).all()
