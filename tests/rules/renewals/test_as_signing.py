"""A party renews a truce as it would sign it today."""

import numpy as np

from sim.rules.renewals.as_signing import AsSigning
from tests.conftest import run_model, textbook
from tests.rules.renewals.contract import RENEWABLE, RenewalContract, expiry


class TestAsSigning(RenewalContract):
    name = "as_signing"

    def test_story(self, unit: AsSigning) -> None:
        """It renews exactly where it is due and would sign the terms today."""
        today = expiry(2)
        assert np.array_equal(unit.renews(today, {}), today.due & today.willing)

    def test_terms_worth_more_than_war_are_renewed_at_every_term(self) -> None:
        """The textbook split is worth 0.5 against a reservation value of 0.4 to each side:
        signed on day 1, the truce is renewed on days 11, 21, ..., 91."""
        _, out = run_model(self.chosen(), 8)
        assert (out["stage.truce.renewals"] == 9).all()
        assert (out["stage.truce.renewed_day"] == 11).all()

    def test_a_side_grown_stronger_by_the_term_lets_the_truce_expire_and_signs_anew(self):
        """A's capability grows 5% a day: the split it signed on day 1 is worth less to it by
        day 11 than fighting on, so it declines, B renews, and the truce expires. A one-off
        stays expired; otherwise it is back on the table, and that day's round signs it again
        on terms that give A more."""
        rising = textbook(*RENEWABLE, "scenario.conflict.drift_per_day.A=0.05",
                          *(f"scenario.parties.{p}.renewal.rule=as_signing" for p in "AB"))
        _, once = run_model(rising, 8)
        assert (once["stage.truce.renewals"] == 0).all()  # a one-off: over at its first term
        assert np.isnan(once["stage.truce.signed_again_day"]).all()
        _, out = run_model(textbook(*RENEWABLE, "scenario.stages.truce.tabled_again=true",
                                    "scenario.conflict.drift_per_day.A=0.05",
                                    *(f"scenario.parties.{p}.renewal.rule=as_signing"
                                      for p in "AB")), 8)
        assert (out["stage.truce.signed_day"] == 1).all()
        assert (out["stage.truce.signed_again_day"] == 11).all()
        assert (out["stage.truce.renewal_declined.A"] >= 1).all()
        assert (out["stage.truce.renewal_declined.B"] == 0).all()
