"""Stage rules: when a truce in force collapses, a registered unit each.

A stage's rule decides, each day and in every replicate at once, whether its truce in force
collapses under the violations reported against the parties (a collapsed truce goes back on
the table at once). It reads the day's `Spell` by name and its own parameters, (R,) arrays
sampled per replicate. A rule that needs chance declares `draws`, and gets one uniform per
replicate a day under its stream's key; one that `reads_week` gets the reports of the spell's
last seven days against each party; one that `declares` says who called each collapse. A rule
is chosen per stage in the scenario
(`stages.<name>.collapse.rule`, its parameters under `collapse.parameters`); `reports` is the
default. To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit

NOBODY = -1
"""No one declared it (no collapse, or a rule whose truces just fall)."""


@dataclass(frozen=True)
class Spell:
    """A stage's truce today, in every replicate, as its rule sees it after the day's reports."""

    in_force: np.ndarray  # (R,) bool: in force in a live replicate (decide only there)
    reports_today: np.ndarray  # (R,) int: violations reported today, against any party
    reports: np.ndarray  # (R,) int: reported since this spell in force began, today's included
    days: np.ndarray  # (R,) int: days this spell has been in force before today
    max_violations: int  # the stage's reported-violation limit
    draw: np.ndarray | None  # (R,) uniform in [0, 1), today's, if the rule draws
    week: np.ndarray | None = None  # (R, n) int: reported against each party in this spell's
    # last seven days, today's included, if the rule reads the week


class StageRule(Unit):
    """The base of every stage rule."""

    draws: ClassVar[bool] = False
    """Whether it needs a uniform draw per replicate a day (`Spell.draw`)."""
    stream: ClassVar[str] = "collapse"
    """The name of its draws' key: a rule whose draws are a new kind of decision names its
    own, so that the other rules' numbers stay as they were."""
    reads_week: ClassVar[bool] = False
    """Whether it reads the reports of the spell's last seven days by party (`Spell.week`)."""
    declares: ClassVar[bool] = False
    """Whether someone declares its collapses (`declared_by`); else the truce just falls."""

    def collapses(self, spell: Spell, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where the truce in force collapses today."""
        raise NotImplementedError

    def declared_by(self, spell: Spell, settings: Mapping[str, np.ndarray],
                    collapsed: np.ndarray) -> np.ndarray:
        """(R,) int: who declared each of today's collapses: a party's index, n (the number of
        parties) for the mediator, NOBODY where none was declared (a rule that does not
        `declares`: its truce falls at a trigger, called by no one in particular)."""
        return np.full(collapsed.shape, NOBODY, dtype=np.int64)


STAGE_RULES: Registry[StageRule] = Registry("stage rule", StageRule, __name__, "rule")
"""Every stage rule, by name."""
