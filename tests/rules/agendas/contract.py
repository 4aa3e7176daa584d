"""The contract of an agenda rule: a unit's contract, and a decision of the right shape that
never moves the mediator back, moves it only where talks went on, and is the same under the
same seed, alone and through the whole model."""

from __future__ import annotations

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.agendas import AGENDAS, AgendaRule, Course
from tests.conftest import textbook
from tests.rules.contract import REPLICATES, UnitContract

TIERS = 4


def course(seed: int, **changes: object) -> Course:
    """A random round's course: the mediator some way up a four-tier ladder."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {
        "tier": rng.integers(0, TIERS, REPLICATES), "tiers": TIERS, "comprehensive_tier": 3,
        "rounds_on_tier": rng.integers(0, 20, REPLICATES),
        "idle_rounds": rng.integers(0, 10, REPLICATES), "talking": rng.random(REPLICATES) < 0.8}
    return Course(**(fields | changes))  # type: ignore[arg-type]


class AgendaContract(UnitContract):
    registry = AGENDAS

    def test_it_decides_a_tier_per_replicate_never_back_and_only_where_talks_went_on(
            self, unit: AgendaRule) -> None:
        today = course(1)
        target = unit.next_tier(today, self.settings_for(unit))
        assert target.shape == (REPLICATES,)
        assert (target >= today.tier).all() and (target < TIERS).all()
        assert (target[~today.talking] == today.tier[~today.talking]).all()

    def test_it_decides_the_same_under_the_same_seed(self, unit: AgendaRule) -> None:
        first = unit.next_tier(course(7), self.settings_for(unit))
        again = AGENDAS.get(self.name).next_tier(course(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def chosen(self) -> Settings:
        return textbook(f"mediator.agenda.rule={self.name}")
