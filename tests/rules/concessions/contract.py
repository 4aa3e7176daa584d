"""The contract of a concession style: a unit's contract, and a decision of the right shape, in
[0, 1], the same under the same seed, alone and through the whole model."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.concessions import CONCESSIONS, ConcessionStyle, Stance
from tests.conftest import textbook
from tests.rules.contract import REPLICATES, UnitContract


def stance(seed: int, **changes: object) -> Stance:
    """A random round's stance for one party: some way into the talks, some cost borne."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {
        "day": 90, "deadline_days": np.full(REPLICATES, 365.0), "exponent": rng.uniform(0.2, 3.0, REPLICATES),
        "cost_borne": rng.uniform(0.0, 0.3, REPLICATES)}
    return Stance(**(fields | changes))  # type: ignore[arg-type]


class ConcessionContract(UnitContract):
    registry = CONCESSIONS
    overrides: ClassVar[tuple[str, ...]] = ()
    """Extra overrides that give the style something to do in the textbook case."""


    def test_it_demands_a_share_of_the_margin_per_replicate(self, unit: ConcessionStyle) -> None:
        demanded = unit.demands(stance(1), self.settings_for(unit))
        assert demanded.shape == (REPLICATES,) and demanded.dtype == float
        assert ((demanded >= 0) & (demanded <= 1)).all()

    def test_it_demands_its_whole_margin_before_anything_has_happened(self, unit) -> None:
        opening = stance(2, day=0, cost_borne=np.zeros(REPLICATES))
        assert (unit.demands(opening, self.settings_for(unit)) == 1.0).all()

    def test_it_decides_the_same_under_the_same_seed(self, unit: ConcessionStyle) -> None:
        first = unit.demands(stance(7), self.settings_for(unit))
        again = CONCESSIONS.get(self.name).demands(stance(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def chosen(self) -> Settings:
        return textbook(*(f"scenario.parties.{p}.concession.style={self.name}" for p in "AB"),
                        *self.overrides)
