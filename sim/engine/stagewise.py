"""A party's delay tactic or concession style, stage by stage.

A party may stall or haggle over some stages only (a humanitarian pause it would sign at once,
a settlement it plays for time on), and a stage whose facts differ may have its own values of
the unit's settings. `Stagewise` lays that out once for the round's decisions: where the unit
applies and, for each stage with its own values, the settings it decides with there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from sim.config.sampling import Drawn
from sim.domain.scenario import Concession, Delay


@dataclass(frozen=True)
class Stagewise:
    """Where a unit applies, (S,) bool, its settings (R,) each, and a stage's own settings
    (every key, its own values over the party's) by stage index."""

    applies: np.ndarray
    settings: dict[str, np.ndarray]
    own: dict[int, dict[str, np.ndarray]]

    def decide(self, decision: Callable[[Mapping[str, np.ndarray]], np.ndarray],
               stages: int) -> np.ndarray:
        """(R, S) the unit's decision on each stage: `decision(settings)` gives it for every
        stage ((R, S)) or for all alike ((R,)); a stage with its own settings takes its column
        from a decision made with them."""
        out = _columns(decision(self.settings), stages)
        for s, settings in self.own.items():
            out[:, s] = _columns(decision(settings), stages)[:, s]
        return out


def _columns(decided: np.ndarray, stages: int) -> np.ndarray:
    """A decision as (R, S), a new array: one made for all stages alike is repeated."""
    if decided.ndim == 1:
        return np.repeat(decided[:, None], stages, axis=1)
    return np.array(decided)


def stagewise(settings: dict[str, np.ndarray], config: Delay | Concession, drawn: Drawn,
              stages: list[str]) -> Stagewise:
    """A party's unit stage by stage: `settings` its (R,) settings (with the party's own
    values the unit reads, such as `prize`), `config` the part of its config that chooses the
    unit (`delay`, `concession`) and `drawn` that part's draws."""
    applies = np.array([config.stages is None or s in config.stages for s in stages])
    own = {stages.index(s): settings | drawn.per_stage[s].numbers() for s in config.per_stage}
    return Stagewise(applies, settings, own)
