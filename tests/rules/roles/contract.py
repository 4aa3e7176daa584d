"""The contract of a third-party role: a unit's contract, and decisions of the right shape,
only where they apply (a payment waiting, a truce exposed, a round held), the same under the same seed, alone
and through the whole model."""

from __future__ import annotations

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.roles import ROLES, Moment, Request, Role
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


def moment(seed: int, talks: bool = False, **changes: object) -> Moment:
    """A random day for a spoiler: a truce it targets in force in most replicates."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {"exposed": rng.random(REPLICATES) < 0.8, "talks_today": talks,
                                 "draw": rng.random(REPLICATES)}
    return Moment(**(fields | changes))  # type: ignore[arg-type]


class RoleContract(UnitContract):
    registry = ROLES

    def test_it_approves_per_replicate_and_only_where_a_payment_waits(self, unit: Role) -> None:
        today = request(1)
        approves = unit.approves(today, self.settings_for(unit))
        assert approves.shape == (REPLICATES,) and approves.dtype == bool
        assert not approves[~today.waiting].any()
        assert unit.holds_payments or not approves.any()

    def test_it_strikes_per_replicate_and_only_where_a_truce_is_exposed(self, unit: Role) -> None:
        for talks in (False, True):
            today = moment(2, talks)
            strikes = unit.strikes(today, self.settings_for(unit))
            assert strikes.shape == (REPLICATES,) and strikes.dtype == bool
            assert not strikes[~today.exposed].any()
            assert unit.blames or not strikes.any()

    def test_it_hosts_per_replicate_and_only_where_a_round_is_held(self, unit: Role) -> None:
        today = moment(4, True)
        hosts = unit.hosts(today, self.settings_for(unit))
        assert hosts.shape == (REPLICATES,) and hosts.dtype == bool
        assert not hosts[~today.exposed].any()
        assert unit.hosts_talks or not hosts.any()

    def test_what_it_assures_is_a_share_per_replicate_or_nothing(self, unit: Role) -> None:
        lifted = unit.assures(self.settings_for(unit))
        assert lifted is None or (lifted.shape == (REPLICATES,)
                                  and ((lifted >= 0) & (lifted <= 1)).all())

    def test_it_decides_the_same_under_the_same_seed(self, unit: Role) -> None:
        again = ROLES.get(self.name)
        assert np.array_equal(unit.approves(request(7), self.settings_for(unit)),
                              again.approves(request(7), self.settings_for(unit)))
        assert np.array_equal(unit.strikes(moment(7), self.settings_for(unit)),
                              again.strikes(moment(7), self.settings_for(unit)))

    def chosen(self) -> Settings:
        return textbook(*HOLDER, "+scenario.third_parties={V: {label: V, role: "
                        f"{self.name}, holds: [A.settlement]}}}}")
