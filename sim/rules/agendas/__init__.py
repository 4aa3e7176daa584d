"""Agenda rules: how a mediator moves along its ladder when a stage is blocked, a registered
unit each.

The ladder climbs by itself: once every stage of the current tier has held, the next tier is
tabled (`sim.rules.ladder`). An agenda rule decides, after each round of talks and for every
replicate at once, whether the mediator moves on without that: to skip or postpone a blocked
stage (the next tier is tabled while the blocked stage stays on the table, a parallel track)
or to switch to the comprehensive deal after failures. Its one decision, `next_tier`, returns
the tier the mediator works on from the next round; it reads the mediator's course by name
(`Course`) and its own parameters, (R,) arrays sampled per replicate. A mediator chooses one by
name (`mediator.agenda.rule`, its parameters under `agenda.parameters`); `fixed` is the
default. To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Course:
    """Where the mediator stands on its ladder, in every replicate, after a round of talks."""

    tier: np.ndarray  # (R,) int: the tier it is on (0 first)
    tiers: int  # tiers in its ladder
    comprehensive_tier: int  # the first tier with a comprehensive stage
    rounds_on_tier: np.ndarray  # (R,) int: rounds of talks since it reached this tier
    idle_rounds: np.ndarray  # (R,) int: rounds in a row without a signing
    talking: np.ndarray  # (R,) bool: something was on the table this round (decide only there)


class AgendaRule(Unit):
    """The base of every agenda rule."""

    steers: ClassVar[bool] = True
    """Whether it ever moves the mediator on (a rule that never does is not asked)."""

    def next_tier(self, course: Course, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) int: the tier to work on from the next round, never below the current one
        (equal to it: stay, and climb only as the ladder does)."""
        raise NotImplementedError


AGENDAS: Registry[AgendaRule] = Registry("agenda rule", AgendaRule, __name__, "rule")
"""Every agenda rule, by name."""
