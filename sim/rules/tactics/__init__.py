"""Delay tactics: how a party stalls the stages on the table, a registered unit each.

A tactic's one decision, `stalls`, says for one party in every replicate at once which stages
it stalls in this round of talks: a stalled stage cannot be signed, and the round counts as
idle for the mediator. It reads the round's situation by name (`Situation`) and its own
parameters, (R,) arrays sampled per replicate like every scenario number. A tactic is chosen
per party in the scenario (`parties.<name>.delay.tactic`, its parameters under
`delay.parameters`); `attrition` is the default. To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Situation:
    """What a party knows when it decides whether to stall, for every replicate."""

    day: int  # today
    horizon_days: int  # the episode's last day
    stalemate_end: np.ndarray  # (R, S) day the war of attrition over each stage ends
    contestant: np.ndarray  # (R, S) bool: the party holds out in that war of attrition
    idle_rounds: np.ndarray  # (R,) rounds in a row the mediator has seen no progress
    patience_rounds: np.ndarray  # (R,) idle rounds after which the mediator presses or walks away


class DelayTactic(Unit):
    """The base of every delay tactic."""

    contests: ClassVar[bool] = False
    """Whether the party's hold-out draws (delay.prize / delay.cost_per_day) enter the war of
    attrition over each stage it is tabled; a tactic that stalls for other reasons says no."""

    def stalls(self, situation: Situation, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R, S) bool: the stages this party stalls in this round."""
        raise NotImplementedError


TACTICS: Registry[DelayTactic] = Registry("delay tactic", DelayTactic, __name__, "tactic")
"""Every delay tactic, by name."""
