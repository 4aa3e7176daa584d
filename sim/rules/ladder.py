"""The mediator's ladder of stages: when an episode moves on to the next tier.

A rule for one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


@rule
def climbs(held: np.ndarray, stage_tier: np.ndarray, tier: int, tiers: int) -> bool:
    """Whether an episode moves past its current `tier`: every stage of that tier has held
    (`held`, `stage_tier` over stages), and a higher tier exists."""
    if tier >= tiers - 1:
        return False
    for s in range(held.shape[0]):  # noqa: SIM110 - compiled: a plain loop, no generator
        if stage_tier[s] == tier and not held[s]:
            return False
    return True
