"""A party renews a truce with a fixed chance at each term."""

import numpy as np

from sim.rules.renewals.fixed_chance import FixedChance
from tests.conftest import run_model, textbook
from tests.rules.contract import REPLICATES
from tests.rules.renewals.contract import RENEWABLE, RenewalContract, expiry


class TestFixedChance(RenewalContract):
    name = "fixed_chance"

    def test_story(self, unit: FixedChance) -> None:
        """Always at chance 1, never at chance 0, and on a draw below the chance between."""
        today = expiry(4)
        for chance in (0.0, 0.3, 1.0):
            settings = {"chance": np.full(REPLICATES, chance)}
            assert today.draw is not None
            assert np.array_equal(unit.renews(today, settings),
                                  today.due & (today.draw < chance))

    def test_a_party_that_never_renews_ends_the_truce_at_its_first_term(self) -> None:
        """A declines at day 11; B's chance does not matter: the truce lived one term."""
        _, out = run_model(textbook(*RENEWABLE, "scenario.parties.A.renewal.rule=fixed_chance",
                                    "+scenario.parties.A.renewal.parameters={chance: 0.0}"), 8)
        assert (out["stage.truce.renewals"] == 0).all()
        assert (out["stage.truce.renewal_declined.A"] == 1).all()
        assert (out["stage.truce.days_in_force"] == 10).all()
