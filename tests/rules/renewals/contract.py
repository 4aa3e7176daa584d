"""The contract of a renewal rule: a unit's contract, and a decision of the right shape, only
where a truce is at its term, the same under the same seed, alone and through the whole
model."""

from __future__ import annotations

import numpy as np

from sim.jobs.settings import Settings
from sim.rules.renewals import RENEWALS, Expiry, RenewalRule
from tests.conftest import textbook
from tests.rules.contract import REPLICATES, UnitContract


def expiry(seed: int, **changes: object) -> Expiry:
    """A random term day: the truce due in most replicates, the party willing in some (its
    margin plus the day's noise)."""
    rng = np.random.default_rng(seed)
    margin = rng.normal(0.0, 0.1, REPLICATES)
    surplus = margin + rng.normal(0.0, 0.05, REPLICATES)  # the day's acceptance noise
    fields: dict[str, object] = {
        "due": rng.random(REPLICATES) < 0.8, "willing": surplus >= 0.0, "surplus": surplus,
        "margin": margin,
        "renewals": rng.integers(0, 4, REPLICATES), "draw": rng.random(REPLICATES)}
    return Expiry(**(fields | changes))  # type: ignore[arg-type]


RENEWABLE = ("+scenario.stages.truce={label: Truce, issues: [stake], duration_days: 10, "
             "renewal_days: 10, hold_days: 1000, verification: 0.0, max_violations: 1, "
             "cost_relief: 0.0, temptation: 1.0, tabled_again: false}",
             "mediator.ladder=[[truce],[settlement]]")
"""A truce of 10-day terms, renewable, that never holds within the 100-day horizon (so the
ladder never climbs and the episode runs to the horizon), and once expired is not proposed
again (`tabled_again`: a test of signing anew sets it back)."""


class RenewalContract(UnitContract):
    registry = RENEWALS

    def test_it_decides_per_replicate_and_only_where_a_truce_is_due(self, unit) -> None:
        today = expiry(1)
        renews = unit.renews(today, self.settings_for(unit))
        assert renews.shape == (REPLICATES,) and renews.dtype == bool
        assert not renews[~today.due].any()

    def test_it_decides_the_same_under_the_same_seed(self, unit: RenewalRule) -> None:
        first = unit.renews(expiry(7), self.settings_for(unit))
        again = RENEWALS.get(self.name).renews(expiry(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def chosen(self) -> Settings:
        return textbook(*RENEWABLE, *(f"scenario.parties.{p}.renewal.rule={self.name}" for p in "AB"))
