"""Gestures: steps short of a truce that the parties take outside the mediator's ladder, a
registered unit each.

A party may declare a short unilateral truce (for cover, for signalling, on a holiday: common
in the ETH/PRIO ceasefire data), and the parties may agree humanitarian deals (prisoner
exchanges, the return of bodies) that carry no ceasefire but move trust. A gesture's one
decision, `made`, says in every replicate at once whether it is made today, from its
occasion (`Occasion`: where it is free to be made, and its uniforms for the day) and its own
parameters, (R,) arrays sampled per replicate; `carry_out` then acts through the engine's
means (`Means`): holding fire for some days, or an exchange.

A gesture is declared in the scenario (`gestures.<name>`: its `rule`, the party that makes it
alone, `by`, for a unilateral one, the `days` it may be made on, none for any day, and its
`parameters`). To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Protocol

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Occasion:
    """A day on which a gesture may be made, in every replicate."""

    free: np.ndarray  # (R,) bool: live, and this gesture is not already under way
    draws: np.ndarray  # (R, k) uniforms in [0, 1), today's: the unit's `draws`, then one a party


class Means(Protocol):
    """What a gesture can do, over the replicates in `rows` (R,) bool."""

    def hold_fire(self, rows: np.ndarray, relief: np.ndarray, days: np.ndarray,
                  reciprocated: np.ndarray, kept: np.ndarray, weight: np.ndarray) -> None:
        """The party making it holds fire for `days`: the others' daily cost of war falls by the
        share `relief` (its own too, where `reciprocated`); when it ends the others weigh it as
        `weight` observations of its keeping its word (where `kept`) or breaking it."""

    def exchange(self, rows: np.ndarray, weight: np.ndarray) -> None:
        """An exchange carried out: every party adds `weight` observations of compliance to its
        trust in every other."""


class Gesture(Unit):
    """The base of every gesture."""

    unilateral: ClassVar[bool] = False
    """Whether one party makes it alone (`gestures.<name>.by`), or the parties together."""
    draws: ClassVar[int] = 1
    """Uniforms it needs per replicate a day, before one for each party (`Occasion.draws`)."""

    def made(self, occasion: Occasion, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where it is made today (only where it is free)."""
        raise NotImplementedError

    def carry_out(self, means: Means, rows: np.ndarray, occasion: Occasion,
                  settings: Mapping[str, np.ndarray]) -> None:
        """Carry it out where `rows` (R,) bool, through the engine's `means`."""
        raise NotImplementedError


GESTURES: Registry[Gesture] = Registry("gesture", Gesture, __name__, "rule")
"""Every gesture, by name."""
