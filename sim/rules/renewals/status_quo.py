"""A party renews a truce as it would sign it, with the truce in force weighing as the status
quo: it lets the truce expire only where the terms fall short of its bar by more than the
status quo's weight. Signing is a change and renewing is not; people and governments keep
what they have unless the case against it is clear (Samuelson & Zeckhauser 1988 on status quo
bias), and a truce in force has shown it can be kept, so a fresh draw of acceptance noise at
each term should not undo it as often as it would block a first signing (Fortna 2004 on
ceasefires that become self-enforcing as they last). With weight 0 it is `as_signing`."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.renewals import Expiry, RenewalRule
from sim.rules.units import Setting, declare


class StatusQuo(RenewalRule):
    name = "status_quo"
    summary = ("renews unless the terms in force fall short of its bar today by more than the "
               "status quo's weight")
    source = ("Samuelson & Zeckhauser (1988), Status quo bias in decision making, J. Risk "
              "Uncertainty 1; Fortna (2004), Peace Time")
    parameters = declare(weight=Setting(
        "how much the truce in force counts for, against letting it expire", "share of the "
        "stage's weight", 0.0, 1.0, 0.05,
        "assumption: one acceptance-noise standard deviation of the baseline (0.05); range 0-0.1"))

    def renews(self, expiry: Expiry, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return expiry.due & (expiry.surplus + settings["weight"] >= 0.0)
