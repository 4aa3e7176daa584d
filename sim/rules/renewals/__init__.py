"""Renewal rules: whether a party renews a time-limited truce at its term, a registered unit
each.

At the term of a renewable truce in force (`stages.<name>.renewal_days`), every party decides
whether to renew it for another term; it is renewed only if all do, else it expires, and the
parties that declined are recorded. A rule's one decision, `renews`, says for one party in
every replicate at once whether it renews. It reads the expiry by name (`Expiry`) and its own
parameters, (R,) arrays sampled per replicate. A rule is chosen per party in the scenario
(`parties.<name>.renewal.rule`, its parameters under `renewal.parameters`); `as_signing` is
the default. To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Expiry:
    """A party at the term of a renewable truce, in every replicate."""

    due: np.ndarray  # (R,) bool: the truce reaches its term today (decide only there)
    willing: np.ndarray  # (R,) bool: it would sign the terms in force today, as at signing
    surplus: np.ndarray  # (R,) by how much (negative: short), in shares of the stage's weight,
    # its acceptance noise included: willing is surplus >= 0
    margin: np.ndarray  # (R,) the same without today's acceptance noise: what the terms in
    # force are worth to it against its bar, in shares of the stage's weight
    renewals: np.ndarray  # (R,) int: times the truce has been renewed before
    draw: np.ndarray | None  # (R,) uniform in [0, 1), today's, if the rule draws


class RenewalRule(Unit):
    """The base of every renewal rule."""

    draws: ClassVar[bool] = False
    """Whether it needs a uniform draw per replicate at each term (`Expiry.draw`)."""

    def renews(self, expiry: Expiry, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where the party renews the truce (only where it is due)."""
        raise NotImplementedError


RENEWALS: Registry[RenewalRule] = Registry("renewal rule", RenewalRule, __name__, "rule")
"""Every renewal rule, by name."""
