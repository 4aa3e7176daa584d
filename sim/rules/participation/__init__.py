"""Participation rules: whether a party, while a truce it signed is in force, suspends its part
and returns, or withdraws, a registered unit each.

Each day, for every stage in force (or suspended by it), a party's rule decides in every
replicate at once: stay, suspend (the truce is out of force, not on the table, until the
party returns: its term and hold test wait), return, or withdraw (the truce ends, as an expiry
does, and is not tabled again). It reads the party's standing by name (`Standing`) and its own
parameters, (R,) arrays sampled per replicate. A rule is chosen per party in the scenario
(`parties.<name>.participation.rule`, its parameters under `participation.parameters`);
`stays` is the default, and a rule that never decides (`decides = False`) costs nothing. The
Black Sea Grain Initiative saw both: Russia suspended its part on 29 October 2022 and returned
on 2 November, and withdrew on 17 July 2023 (facts G7, G8, G12). To add one, see
docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit

STAY, SUSPEND, RETURN, WITHDRAW = 0, 1, 2, 3
"""A party's decision on a truce, per replicate."""


@dataclass(frozen=True)
class Standing:
    """A party's part in one stage's truce, in every replicate, today."""

    in_force: np.ndarray  # (R,) bool: the truce is in force (it may suspend or withdraw)
    suspended: np.ndarray  # (R,) bool: it has suspended its part (it may return or withdraw)
    days_suspended: np.ndarray  # (R,) int: days since it suspended (0 where it has not)
    draw: np.ndarray  # (R,) uniform in [0, 1), today's, for this stage and party
    days_owed: np.ndarray | None = None  # (R,) int: days a side-payment owed to it on this
    # stage has gone undelivered since signing, -1 where none is owed (None: none anywhere)


class ParticipationRule(Unit):
    """The base of every participation rule."""

    decides: ClassVar[bool] = True
    """Whether it ever suspends or withdraws (a rule that never does is not asked)."""

    def decide(self, standing: Standing, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) int8: STAY, SUSPEND (only where in force), RETURN (only where suspended) or
        WITHDRAW (where in force or suspended)."""
        raise NotImplementedError


PARTICIPATION: Registry[ParticipationRule] = Registry("participation rule", ParticipationRule,
                                                      __name__, "rule")
"""Every participation rule, by name."""
