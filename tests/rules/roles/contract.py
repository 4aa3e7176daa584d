"""The contract of a third-party role: a unit's contract, and a decision of the right shape,
only where a side-payment waits on it, the same under the same seed, alone and through the
whole model."""

from __future__ import annotations

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.roles import ROLES, Request, Role
from tests.conftest import textbook
from tests.rules.contract import REPLICATES, UnitContract

HOLDER = ("+scenario.parties.A.linkage={settlement: {side_payment: 0.01}}",
          "+scenario.stages.settlement.conditions={deadline_days: 5}")


def request(seed: int, **changes: object) -> Request:
    """A random day of requests: a side-payment waiting in most replicates, its conditions met
    in some."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {
        "waiting": rng.random(REPLICATES) < 0.8,
        "conditions_met": rng.random(REPLICATES) < 0.5,
        "days_waiting": rng.integers(0, 30, REPLICATES), "draw": rng.random(REPLICATES)}
    return Request(**(fields | changes))  # type: ignore[arg-type]


class RoleContract(UnitContract):
    registry = ROLES

    def test_it_decides_per_replicate_and_only_where_a_payment_waits(self, unit: Role) -> None:
        today = request(1)
        approves = unit.approves(today, self.settings_for(unit))
        assert approves.shape == (REPLICATES,) and approves.dtype == bool
        assert not approves[~today.waiting].any()

    def test_it_decides_the_same_under_the_same_seed(self, unit: Role) -> None:
        first = unit.approves(request(7), self.settings_for(unit))
        again = ROLES.get(self.name).approves(request(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def chosen(self) -> Settings:
        return textbook(*HOLDER, "+scenario.third_parties={V: {label: V, role: "
                        f"{self.name}, holds: [A.settlement]}}}}")
