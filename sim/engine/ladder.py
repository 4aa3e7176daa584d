"""The mediator's ladder: when every stage of an episode's current tier has held, the next
tier's stages are tabled (the rule is `sim.rules.ladder.climbs`), a compiled pass over every
replicate; and where its agenda rule moves it on without that (`sim.rules.agendas`), the tier
it chose is tabled beside the stages still on the table."""

from __future__ import annotations

import numpy as np
from numba import njit

from sim.engine.truce import OFF, Tabling, Truces, table_stage
from sim.rules.ladder import climbs


@njit(cache=True)
def climb_ladder(live: np.ndarray, held: np.ndarray, stage_tier: np.ndarray, tier: np.ndarray,
                 tiers: int, day: int, tabling: Tabling,
                 newly_tabled: np.ndarray) -> bool:  # pragma: no cover - compiled
    """Move live replicates whose current tier has held to the next tier of the mediator's
    ladder, and table that tier's stages not yet tabled (marked in `newly_tabled`, (R, S)).
    Whether any replicate climbed."""
    hold_out, tablings, status = tabling.hold_out, tabling.tablings, tabling.status
    contestant, stalemate_end = tabling.contestant, tabling.stalemate_end
    climbed = False
    newly_tabled[:] = False
    for r in range(live.shape[0]):
        if not (live[r] and climbs(held[r], stage_tier, tier[r], tiers)):
            continue
        climbed = True
        tier[r] += 1
        for s in range(status.shape[1]):
            if stage_tier[s] == tier[r] and status[r, s] == OFF:
                table_stage(r, s, day, hold_out, tablings, contestant, stalemate_end, status)
                newly_tabled[r, s] = True
    return climbed


def move_to(target: np.ndarray, tier: np.ndarray, stage_tier: np.ndarray, truces: Truces,
            day: int) -> np.ndarray:
    """Move replicates to tier `target` (R,) where it differs from `tier` (R,, updated),
    tabling that tier's stages not yet tabled; the stages (R, S) tabled."""
    moving = target != tier
    tier[moving] = target[moving]
    tabled = moving[:, None] & (stage_tier[None, :] == target[:, None]) & (truces.status == OFF)
    truces.table(tabled, day)
    return tabled
