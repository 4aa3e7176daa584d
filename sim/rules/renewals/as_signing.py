"""A party renews a truce as it would sign it: the terms in force, worth what a deal is worth
to it today (trust in the others, the fear of reneging, audience costs), against what it holds
out for today (its remaining margin, the option of waiting, its distrust of the mediator),
with its acceptance noise (`sim.rules.acceptance`, read through `Expiry.willing`). A renewal
is a new decision to sign: each extension of the Black Sea Grain Initiative was bargained over
at its term, once for half the usual term, and Russia at last declined (facts G9-G12 of
seeds/black_sea_grain_2022_facts.md)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.renewals import Expiry, RenewalRule


class AsSigning(RenewalRule):
    name = "as_signing"
    summary = "renews where it would sign the terms in force today, as at a round of talks"
    source = "Fearon (1995) on a party's choice of a deal over war, applied at each term"

    def renews(self, expiry: Expiry, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return expiry.due & expiry.willing
