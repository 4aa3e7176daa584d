"""Commitment problems: a deal cannot bind a side that grows stronger (Fearon 1995, Powell 2006).

A party weighs a deal against where the balance will stand `shift_days` ahead: its drift, and
the rearmament a truce in force allows each side. Where its own prospects fall, the side grown
stronger can revise the share `renegotiation` of the deal's value down to what the party could
then win by fighting (its future reservation value), unless a guarantor deters it (Walter 2002).
`renegotiation` is the renegotiation share times (1 - the stage's guarantee).

Rules for one replicate, compiled (see `sim.rules.compiled`).
"""

from __future__ import annotations

import numpy as np

from sim.rules.bargaining import contest_success, stage_reservation
from sim.rules.compiled import rule

UNREACHABLE = 1e9
"""A demand no package can meet: every deal is worth less than fighting now."""


@rule
def projected_reservation(log_capability: np.ndarray, drift: np.ndarray, rearmament: np.ndarray,
                          without: np.ndarray, cost_relief: np.ndarray, days: float,
                          decisiveness: float, war_cost: np.ndarray, stakes: np.ndarray,
                          weights: np.ndarray, ahead: np.ndarray, p_ahead: np.ndarray,
                          future: np.ndarray) -> None:
    """Each party's reservation value (n, S) `days` ahead if stage s is signed, into `future`:
    the balance projected by drift plus rearmament times the share of the daily cost the
    other truces in force and stage s avert (`without` (S,) is the share the truces in force
    other than s leave: `cost_left_without`). The cost of war is today's war without stage s
    (`war_cost` (n, S)): the shift is in power only. `ahead` and `p_ahead` (n,) are scratch
    space, so the daily loop allocates nothing; each projection values only its own stage
    (`stage_reservation`)."""
    parties, stages = weights.shape
    for s in range(stages):
        averted = 1.0 - without[s] * (1.0 - cost_relief[s])
        for i in range(parties):
            ahead[i] = log_capability[i] + days * (drift[i] + rearmament[i] * averted)
        contest_success(ahead, decisiveness, p_ahead)
        for i in range(parties):
            future[i, s] = stage_reservation(p_ahead, war_cost[i, s], stakes, weights, i, s)


@rule
def committed_value(utility: float, reservation_now: float, future: float,
                    renegotiation: float) -> float:
    """What a deal's terms are worth to a party once the stronger side's reneging is priced in:
    the share `renegotiation` of what they give above its future reservation value is lost,
    where its prospects fall; a party whose prospects rise loses nothing."""
    if renegotiation <= 0.0 or future >= reservation_now or utility <= future:
        return utility
    return utility - renegotiation * (utility - future)


@rule
def face_demand(reservation_now: float, future: float, renegotiation: float) -> float:
    """The face value of terms a party needs to sign, the reneging priced in: the utility U
    with `committed_value`(U) equal to its reservation value now."""
    if renegotiation <= 0.0 or future >= reservation_now:
        return reservation_now
    if renegotiation >= 1.0:
        return UNREACHABLE
    return (reservation_now - renegotiation * future) / (1.0 - renegotiation)


def face_demands(reservation_now: np.ndarray, future: np.ndarray,
                 renegotiation: np.ndarray) -> np.ndarray:
    """`face_demand` over replicates, (R,)."""
    return np.array([face_demand(a, b, c) for a, b, c in
                     zip(reservation_now, future, renegotiation, strict=True)])


def war_from_shift(shift: float, surplus: float, renegotiation: float) -> bool:
    """Theory, for two parties and a unit stake: bargaining fails exactly when the declining
    side's loss from the shift, weighted by the share the stronger side can revise, exceeds
    the surplus peace saves over the rest of the deal, renegotiation * shift > (1 -
    renegotiation) * surplus (Fearon 1995; Powell 2006)."""
    return renegotiation * shift > (1.0 - renegotiation) * surplus
