"""The mediator's ladder of stages: when a replicate moves on to the next tier."""

from __future__ import annotations

import numpy as np
from numba import guvectorize


@guvectorize(["void(b1, b1[:], i8[:], i8, i8, b1[:])"], "(),(s),(s),(),()->()", cache=True)
def climbs(live: bool, held: np.ndarray, stage_tier: np.ndarray, tier: int, tiers: int,
           done: np.ndarray) -> None:  # pragma: no cover - compiled
    """Whether a live episode moves past its current `tier`: every stage of that tier has
    held, and a higher tier exists."""
    done[0] = live and tier < tiers - 1
    for s in range(held.shape[0]):
        if stage_tier[s] == tier and not held[s]:
            done[0] = False
