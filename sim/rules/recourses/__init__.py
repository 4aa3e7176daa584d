"""Recourses: what a mediator does when its patience runs out, a registered unit each.

After a round of talks the mediator counts the rounds without a signing; when they reach its
patience (`mediator.patience_rounds`) it is at an impasse. Instead of one fixed reply (press
with a stick, else leave), it tries its recourses in the order its config lists them
(`mediator.recourses`, a mapping from a recourse's name to its parameters): the first whose
one decision, `takes`, says yes in a replicate is carried out there. A stick, a threat whose
enforcement is uncertain, a pause, a change of envoy, a call between leaders and walking away
are each a recourse; walking away is one among them, with its own rule. Where none takes, the
mediator persists: it goes on talking, its count of idle rounds reset. Every recourse but
walking away resets that count too.

A recourse reads the impasse by name (`Impasse`) and its own parameters, (R,) arrays sampled
per replicate, and carries itself out through the mediator's means (`Means`), which the engine
provides. The default, `{stick: {}, walk_away: {}}`, presses the main blocker while the style
allows, else leaves with walk_away's default exit hazard (a chance per impasse, not a
certainty). To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Protocol

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Impasse:
    """The mediator at an impasse, in every replicate, after a round of talks."""

    stuck: np.ndarray  # (R,) bool: out of patience, no recourse taken yet (decide only there)
    uses: np.ndarray  # (R,) int: times this recourse was taken before in the episode
    can_press: np.ndarray  # (R,) bool: its style may wield a stick and it has sticks left
    credibility: np.ndarray  # (R,) chance it carries out a threat; NaN before its first
    threatening: np.ndarray  # (R,) bool: a threat of its stands, its deadline not yet come
    draw: np.ndarray | None  # (R,) uniform in [0, 1), today's, if the recourse draws


class Means(Protocol):
    """What a mediator can do at an impasse, over the replicates in `rows` (R,) bool."""

    def press(self, rows: np.ndarray, share: np.ndarray, delay_days: np.ndarray) -> None:
        """A stick on the main blocker: `share` of the stick size, landing after a delay."""

    def threaten(self, rows: np.ndarray, credibility: np.ndarray, deadline_rounds: np.ndarray,
                 loss: np.ndarray) -> None:
        """A stick on the main blocker unless a stage is signed within the deadline, carried
        out with the mediator's credibility (`credibility` at its first threat), which falls
        by the share `loss` when it is not."""

    def pause(self, rows: np.ndarray, days: np.ndarray) -> None:
        """No talks for `days`; then it returns."""

    def change_envoy(self, rows: np.ndarray) -> None:
        """A new envoy: the parties' trust in the mediator starts again from its prior."""

    def call_leaders(self, rows: np.ndarray) -> None:
        """A call between the leaders: every partial stage not yet tabled is, at once, and
        talks are held the next day."""

    def walk_away(self, rows: np.ndarray) -> None:
        """The mediator leaves; the episode ends."""


class Recourse(Unit):
    """The base of every recourse."""

    draws: ClassVar[bool] = False
    """Whether it needs a uniform draw per replicate at each impasse (`Impasse.draw`)."""
    column: ClassVar[str | None] = None
    """Its column of the run table, `mediator.<column>`: the times it was taken in each
    replicate; None where another column counts it (a stick in `sticks`, walking away in
    `end_reason`)."""
    keeps: ClassVar[tuple[str, ...]] = ()
    """Columns after its own, `mediator.<key>`, of what the mediator's means keep for it
    (`sim.engine.persistence.Persistence.kept`): a threat's, how many were carried out and
    the credibility left."""
    place: ClassVar[float] = math.inf
    """Where its columns stand among the mediator's, lowest first, then by name. The four
    recourses with columns hold places 1 to 4, the order run tables have always had; a new
    recourse needs none: its columns come after theirs."""

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where the mediator takes this recourse now (only where it is stuck)."""
        raise NotImplementedError

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        """Do it, where `rows` (R,) bool: through the mediator's `means`."""
        raise NotImplementedError


RECOURSES: Registry[Recourse] = Registry("recourse", Recourse, __name__, "recourses")
"""Every recourse, by name."""


def counted(units: Iterable[type[Recourse]]) -> list[type[Recourse]]:
    """The recourses that name a column of the run table, in the table's order."""
    return sorted((unit for unit in units if unit.column is not None),
                  key=lambda unit: (unit.place, unit.name))
