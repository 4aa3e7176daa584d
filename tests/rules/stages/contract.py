"""The contract of a stage rule: a unit's contract, and a decision of the right shape, only where
a truce is in force, the same under the same seed, alone and through the whole model."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.stages import NOBODY, STAGE_RULES, Spell, StageRule
from tests.conftest import textbook
from tests.rules.contract import REPLICATES, UnitContract


def spell(seed: int, **changes: object) -> Spell:
    """A random day of a truce: in force in most replicates, a few reports here and there."""
    rng = np.random.default_rng(seed)
    today = rng.poisson(0.5, REPLICATES)
    fields: dict[str, object] = {
        "in_force": rng.random(REPLICATES) < 0.8, "reports_today": today,
        "reports": today + rng.poisson(1.0, REPLICATES),
        "days": rng.integers(0, 60, REPLICATES), "max_violations": 3,
        "draw": rng.random(REPLICATES), "week": rng.poisson(0.5, (REPLICATES, 2))}
    return Spell(**(fields | changes))  # type: ignore[arg-type]


class StageRuleContract(UnitContract):
    registry = STAGE_RULES
    overrides: ClassVar[tuple[str, ...]] = ()
    """Extra overrides that give the rule something to do in the textbook case."""


    def test_it_decides_per_replicate_and_only_where_a_truce_is_in_force(self, unit) -> None:
        today = spell(1)
        collapses = unit.collapses(today, self.settings_for(unit))
        assert collapses.shape == (REPLICATES,) and collapses.dtype == bool
        assert not collapses[~today.in_force].any()

    def test_it_decides_the_same_under_the_same_seed(self, unit: StageRule) -> None:
        first = unit.collapses(spell(7), self.settings_for(unit))
        again = STAGE_RULES.get(self.name).collapses(spell(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def test_whoever_it_says_declared_a_collapse_is_a_party_or_the_mediator(self, unit) -> None:
        today = spell(3)
        settings = self.settings_for(unit)
        collapsed = unit.collapses(today, settings)
        who = unit.declared_by(today, settings, collapsed)
        assert who.shape == (REPLICATES,) and (who[~collapsed] == NOBODY).all()
        parties_or_mediator = (who[collapsed] >= 0) & (who[collapsed] <= 2)
        assert parties_or_mediator.all() if unit.declares else (who == NOBODY).all()

    def chosen(self) -> Settings:
        return textbook(f"scenario.stages.settlement.collapse.rule={self.name}",
                        "scenario.parties.A.violation.base_hazard=0.2",
                        "scenario.stages.settlement.hold_days=30", *self.overrides)
