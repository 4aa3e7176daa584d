"""A party keeps a truce in force unless leaving it is clearly worth more, whatever the day's
mood."""

import numpy as np

from sim.rules.renewals.inertia import Inertia
from tests.conftest import run_model, textbook
from tests.rules.renewals.contract import RENEWABLE, RenewalContract, expiry


class TestInertia(RenewalContract):
    name = "inertia"

    def test_story(self, unit: Inertia) -> None:
        """It reads the margin, not the noisy surplus: where the terms are worth its bar less
        the threshold it renews, whether or not today's noise would have had it sign; beyond,
        it lets the truce expire even on a good day."""
        today = expiry(2)
        renews = unit.renews(today, {"threshold": np.full(today.due.shape, 0.05)})
        assert np.array_equal(renews, today.due & (today.margin >= -0.05))
        lucky = today.due & today.willing & (today.margin < -0.05)
        unlucky = today.due & ~today.willing & (today.margin >= 0.0)
        assert lucky.any() and unlucky.any()
        assert not renews[lucky].any() and renews[unlucky].all()

    def test_the_days_noise_does_not_decide_a_renewal(self):
        """Two parties at a 50-50 split of the stake, every renewal a coin toss of mood under
        as_signing (noise 0.3 of the stake, no drift): some terms are declined. Under inertia
        with no threshold the truce, worth exactly what fighting is, is never let expire: once
        signed (in most replicates; the noise sometimes delays that) it is renewed at every
        term, whatever the noise."""
        def terms(rule: str) -> tuple[np.ndarray, np.ndarray]:
            s = textbook(*RENEWABLE, *(f"scenario.parties.{p}.acceptance_noise=0.3" for p in "AB"),
                         *(f"scenario.parties.{p}.renewal.rule={rule}" for p in "AB"),
                         *(f"+scenario.parties.{p}.renewal.parameters.threshold=0.0" for p in "AB"
                           if rule == "inertia"))
            out = run_model(s, 16)[1]
            return (out["stage.truce.renewals"],
                    out["stage.truce.renewal_declined.A"] + out["stage.truce.renewal_declined.B"])

        assert terms("as_signing")[1].sum() > 0
        renewed, declined = terms("inertia")
        assert (renewed > 0).mean() > 0.8 and (declined == 0).all()
