"""A party renews a truce with a fixed chance at each term, whatever the war or the terms:
a check against theory more than behaviour. With chances p_i for the parties, each term is
renewed with probability prod p_i, so the number of renewals before the first lapse is
geometric: P(N = k) = q^k (1 - q), q = prod p_i (before any horizon cuts it short)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.renewals import Expiry, RenewalRule
from sim.rules.units import Setting, declare


class FixedChance(RenewalRule):
    name = "fixed_chance"
    summary = "renews with probability chance at each term, independently of everything else"
    source = "assumption: a Bernoulli decision, the check of the geometric law of renewals"
    draws = True
    parameters = declare(chance=Setting(
        "chance it renews the truce at each term", "probability", 0.0, 1.0, 0.5,
        "assumption: 0-1, set by the case that uses it"))

    def renews(self, expiry: Expiry, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert expiry.draw is not None
        return expiry.due & (expiry.draw < settings["chance"])
