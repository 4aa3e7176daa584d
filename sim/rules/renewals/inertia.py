"""A party keeps a truce in force unless leaving it is clearly worth more: it lets the truce
expire only where the terms in force fall short of its bar by more than a threshold, judged
without the day's acceptance noise. A truce in force is a state, not an offer: renewing it
changes nothing, so no fresh draw of mood at each term should decide it, and what has been
kept for a term tends to be kept (Fortna 2004 on ceasefires that last as they become
self-enforcing; Samuelson & Zeckhauser 1988 on status quo bias). Unlike `status_quo`, whose
weight offsets a noisy surplus, a term here is renewed or not by the parties' prospects alone,
so renewals do not regress to the mean of a weekly noise draw. With threshold 0 it renews
exactly where the terms are worth its bar."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.renewals import Expiry, RenewalRule
from sim.rules.units import Setting, declare


class Inertia(RenewalRule):
    name = "inertia"
    summary = ("renews unless the terms in force fall short of its bar, without the day's "
               "noise, by more than a threshold")
    source = ("Fortna (2004), Peace Time: Cease-Fire Agreements and the Durability of Peace; "
              "Samuelson & Zeckhauser (1988), Status quo bias in decision making, J. Risk "
              "Uncertainty 1")
    parameters = declare(threshold=Setting(
        "how far short of its bar the terms in force must fall before it lets the truce "
        "expire", "share of the stage's weight", 0.0, 1.0, 0.05,
        "assumption: one acceptance-noise standard deviation of the baseline (0.05); range 0-0.1"))

    def renews(self, expiry: Expiry, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return expiry.due & (expiry.margin + settings["threshold"] >= 0.0)
