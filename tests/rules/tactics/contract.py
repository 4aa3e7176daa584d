"""The contract of a delay tactic: a unit's contract, and a decision of the right shape that is
the same under the same seed, alone and through the whole model."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.tactics import TACTICS, DelayTactic, Situation
from tests.conftest import textbook
from tests.rules.contract import REPLICATES, UnitContract

STAGES = 3


def situation(seed: int, **changes: object) -> Situation:
    """A random round's situation for one party: some stages in a war of attrition, the
    mediator some way through its patience."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {
        "day": 30, "horizon_days": 365,
        "stalemate_end": rng.uniform(0, 60, (REPLICATES, STAGES)),
        "contestant": rng.random((REPLICATES, STAGES)) < 0.5,
        "idle_rounds": rng.integers(0, 6, REPLICATES), "patience_rounds": 6}
    return Situation(**(fields | changes))  # type: ignore[arg-type]


class TacticContract(UnitContract):
    registry = TACTICS
    overrides: ClassVar[tuple[str, ...]] = ()
    """Extra overrides that give the tactic something to do in the textbook case."""


    def test_it_decides_per_replicate_and_stage(self, unit: DelayTactic) -> None:
        stalls = unit.stalls(situation(1), self.settings_for(unit))
        assert stalls.shape == (REPLICATES, STAGES) and stalls.dtype == bool

    def test_it_decides_the_same_under_the_same_seed(self, unit: DelayTactic) -> None:
        first = unit.stalls(situation(7), self.settings_for(unit))
        again = TACTICS.get(self.name).stalls(situation(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def chosen(self) -> Settings:
        return textbook(*(f"scenario.parties.{p}.delay.tactic={self.name}" for p in "AB"),
                        *self.overrides)
