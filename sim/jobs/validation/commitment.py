"""Validation of commitment problems, through the whole model: power shifts by a known amount
and a deal cannot bind the side that gains (Fearon 1995; Powell 2006).

On the textbook case B's capability drifts up (or B rearms under the truce) with no noise. On
day 1, the only round, A projects the balance `shift_days` ahead: its share of the stake it
could win by fighting falls by the shift. B can revise the share `renegotiation` of the deal's
value down to what A could then win. Theory: bargaining fails exactly when renegotiation x shift
> (1 - renegotiation) x surplus (`sim.rules.commitment.war_from_shift`); a guarantor of
credibility g scales the share by 1 - g. With deals that bind, every case is settled."""

from __future__ import annotations

import math

from sim.jobs.validation.cases import Row, simulate, textbook
from sim.rules.commitment import war_from_shift

COST = 0.05  # each party's cost of war over the 100 days weighed: the surplus is 0.1
SHIFT_DAYS, SHARE = 100, 0.5
CASES = (  # (B's drift a day, B's rearmament a day under the truce, the stage's guarantee)
    (0.0032, 0.0, 0.0),  # a shift just below the surplus: peace
    (0.0049, 0.0, 0.0),  # just above: war
    (0.006, 0.0, 0.6),  # a larger shift, guaranteed: peace
    (0.0, 0.006, 0.0),  # no drift, but the truce lets B rearm: war
)


def shares(drift: float, rearmament: float) -> tuple[float, float]:
    """A's chance of prevailing on day 1 and `SHIFT_DAYS` later, under the truce (relief 1)."""
    now = 1.0 / (1.0 + math.exp(drift))
    later = 1.0 / (1.0 + math.exp(drift + SHIFT_DAYS * (drift + rearmament)))
    return now, later


def shifting_power(replicates: int, seed: int) -> list[Row]:
    rows = []
    for drift, rearmament, guarantee in CASES:
        now, later = shares(drift, rearmament)
        renegotiation = SHARE * (1.0 - guarantee)
        war = war_from_shift(now - later, 2 * COST, renegotiation)
        given = (f"scenario.conflict.drift_per_day.B={drift}",
                 f"scenario.parties.B.truce_rearmament={rearmament}",
                 f"scenario.stages.settlement.guarantee={guarantee}",
                 f"scenario.conflict.commitment.shift_days={SHIFT_DAYS}",
                 f"scenario.conflict.commitment.renegotiation_share={SHARE}",
                 f"scenario.parties.A.cost_per_day={COST / 100}",
                 f"scenario.parties.B.cost_per_day={COST / 100}", "scenario.horizon_days=1")
        out = simulate(textbook(*given), replicates, seed)
        binding = simulate(textbook(*given, "scenario.conflict.commitment.renegotiation_share=0"),
                           replicates, seed)["agreement"]  # deals that bind: always a deal
        agreed = out["agreement"]
        cause = "rearming under the truce" if rearmament else "drift"
        rows.append(Row(
            f"Shift {now - later:.3f} by {cause}, guarantee {guarantee:g}: "
            f"{renegotiation:g} x shift vs {1 - renegotiation:g} x surplus {2 * COST:g}",
            "Fearon 1995; Powell 2006; Walter 2002",
            "P = 0 (war)" if war else "P = 1 (a deal on day 1)",
            f"P = {agreed.mean():.3f}; deals binding: P = {binding.mean():.3f}", "exact",
            bool(binding.all() and (not agreed.any() if war else agreed.all()))))
    return rows
