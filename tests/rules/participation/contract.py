"""The contract of a participation rule: a unit's contract, and a decision of the right shape
that suspends only a truce in force, returns only to one it suspended, and is the same under
the same seed, alone and through the whole model."""

from __future__ import annotations

import numpy as np

from sim.jobs.settings import Settings, load_settings
from sim.jobs.validation.implementation import stepping_out
from sim.rules.participation import PARTICIPATION, RETURN, STAY, SUSPEND, ParticipationRule, Standing
from tests.rules.contract import REPLICATES, UnitContract


def standing(seed: int) -> Standing:
    """A random day: the truce in force in some replicates, suspended by the party in others."""
    rng = np.random.default_rng(seed)
    in_force = rng.random(REPLICATES) < 0.5
    suspended = ~in_force & (rng.random(REPLICATES) < 0.5)
    return Standing(in_force, suspended, np.where(suspended, rng.integers(0, 20, REPLICATES), 0),
                    rng.random(REPLICATES))


class ParticipationContract(UnitContract):
    registry = PARTICIPATION

    def test_it_suspends_only_what_is_in_force_and_returns_only_to_what_it_suspended(
            self, unit: ParticipationRule) -> None:
        today = standing(1)
        code = unit.decide(today, self.settings_for(unit))
        assert code.shape == (REPLICATES,)
        assert not ((code == SUSPEND) & ~today.in_force).any()
        assert not ((code == RETURN) & ~today.suspended).any()
        assert ((code == STAY) | today.in_force | today.suspended).all()

    def test_it_decides_the_same_under_the_same_seed(self, unit: ParticipationRule) -> None:
        first = unit.decide(standing(7), self.settings_for(unit))
        again = PARTICIPATION.get(self.name).decide(standing(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def chosen(self) -> Settings:
        return load_settings(stepping_out({"rule": self.name}))
