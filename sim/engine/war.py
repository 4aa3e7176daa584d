"""The war behind the talks: one compiled pass a day over every replicate.

Each day the balance of capabilities moves in every live episode, each party pays the day's
cost of war (less what truces in force avert, more any stick the mediator wields), and every
party's prospects follow: its chance of prevailing, its reservation value for each stage and
the option value of waiting, and, where deals cannot bind a side growing stronger, what each
could win by fighting once the balance has shifted. The rules are those of `sim.rules.conflict`,
`sim.rules.bargaining`, `sim.rules.acceptance` and `sim.rules.commitment`, applied here to one
replicate at a time.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from sim.engine.truce import IN_FORCE
from sim.rules.acceptance import option_value
from sim.rules.bargaining import contest_success, stage_reservation
from sim.rules.commitment import projected_reservation
from sim.rules.conflict import (
    advance_balance,
    cost_left,
    cost_left_without,
    daily_cost,
    expected_cost,
    party_cost,
)


class Front(NamedTuple):
    """Fixed per episode: how the balance moves and what the war costs."""

    drift: np.ndarray  # (R, n) log-capability per day
    volatility: np.ndarray  # (R, n) log-capability per day
    cost_per_day: np.ndarray  # (R, n) shares of the whole stake per day
    cost_relief: np.ndarray  # (R, S) share of the daily cost a truce in force averts
    decisiveness: np.ndarray  # (R,) contest exponent
    cost_horizon: np.ndarray  # (R,) days of war a party weighs against a deal
    lookahead: np.ndarray  # (R,) days over which a party values a trend its way
    stakes: np.ndarray  # (n, n, S) what party i gets on stage s if party j wins, [j, i, s]
    stage_weight: np.ndarray  # (n, S) what a stage's cost of war is charged by (0: a truce valued
    # by what it averts, `value_truces`)
    rearmament: np.ndarray  # (R, n) log-capability per day a truce lets it gain, times relief
    shift_days: np.ndarray  # (R,) days ahead a party projects the balance when weighing a deal
    rearms: np.ndarray  # (R,) bool: some party rearms under truces there
    commits: np.ndarray  # (R,) bool: deals there may not bind (a renegotiation share above 0)
    depth: np.ndarray  # (S, C) share of its full relief each candidate package gives in force
    truce: np.ndarray  # (S,) bool: valued by what it does to the war (`value_truces`)
    freezes: bool  # the `averted` valuation: truces are valued by what they do to the war
    # (`value_truces`), and those in force stop the balance's drift as they stop the fighting


class Prospects(NamedTuple):
    """Each party's outlook, rewritten in place every day."""

    p_win: np.ndarray  # (R, n)
    reservation: np.ndarray  # (R, n, S)
    option: np.ndarray  # (R, n)
    daily_cost: np.ndarray  # (R, n) shares of the stake the next day of war costs
    cost_multiplier: np.ndarray  # (R, n) daily cost per unit of base cost (sticks, truces)
    future: np.ndarray  # (R, n, S) reservation after the shift if s is signed (where `commits`)
    stale: np.ndarray  # (R,) bool: assessed since `future` was last projected (`project`)
    menace: np.ndarray  # (R, n) rise in daily cost a party expects from a threat (a share)
    respite: np.ndarray  # (R, n) share of its daily cost another's unilateral truce lifts today
    without: np.ndarray  # (R, S) share of the daily cost the truces in force other than s leave
    war_cost: np.ndarray  # (R, n, S) the cost of the war without s a party weighs against s
    truce_value: np.ndarray  # (R, n, S) what a complete truce s does for a party over its life
    kept: np.ndarray  # (R, n, S) that value where s is in force, times its depth (else 0)


@njit(cache=True)
def wage_war(live: np.ndarray, shocks: np.ndarray, jump: np.ndarray, front: Front,
             log_capability: np.ndarray, pressure: np.ndarray, status: np.ndarray,
             chosen: np.ndarray, cost_borne: np.ndarray,
             prospects: Prospects) -> None:  # pragma: no cover - compiled
    """One day of war in every live episode: the balance moves (each side rearming as truces
    in force let it), the prospects are reassessed and each party pays the day's cost. An
    episode that has ended stays as it ended. `shocks` (R, n) are standard normals and `jump`
    (R, n) the day's escalation jumps; `chosen` (R, S) the package each stage was signed at."""
    drift, volatility, cost = front.drift, front.volatility, prospects.daily_cost
    rearmament, in_force = front.rearmament, np.empty(status.shape[1])
    for r in range(live.shape[0]):
        if live[r]:
            gain = 0.0  # rearmament under truces: the share of the daily cost they avert
            if front.rearms[r] or front.freezes:
                cover(r, front, status, chosen, in_force)
                gain = 1.0 - cost_left(front.cost_relief[r], in_force)
            for i in range(drift.shape[1]):
                trend = drift[r, i] + rearmament[r, i] * gain if gain > 0.0 else drift[r, i]
                if front.freezes and gain > 0.0:  # the front moves only where war goes on
                    trend -= drift[r, i] * gain
                log_capability[r, i] = advance_balance(log_capability[r, i], trend,
                                                       volatility[r, i], shocks[r, i], jump[r, i])
    assess(live, front, log_capability, pressure, status, chosen, prospects)
    for r in range(live.shape[0]):
        if live[r]:
            for i in range(drift.shape[1]):
                cost_borne[r, i] += cost[r, i]


@njit(cache=True)
def cover(r: int, front: Front, status: np.ndarray, chosen: np.ndarray,
          in_force: np.ndarray) -> None:  # pragma: no cover - compiled
    """How much of each stage is in force in replicate r, into `in_force` (S,): 0 where it is
    not, else the depth of the package it was signed at (1 for a complete truce)."""
    for s in range(status.shape[1]):
        in_force[s] = front.depth[s, chosen[r, s]] if status[r, s] == IN_FORCE else 0.0


@njit(cache=True)
def assess(live: np.ndarray, front: Front, log_capability: np.ndarray, pressure: np.ndarray,
           status: np.ndarray, chosen: np.ndarray,
           prospects: Prospects) -> None:  # pragma: no cover - compiled
    """Each live replicate's cost of the next day of war, chances of prevailing, reservation
    values and option values, from the balance, the sticks and the truces in force; where
    deals may not bind, it marks the reservation values after the shift for `project`. A
    truce in force is valued against the war without it (`price_stages`)."""
    cost_per_day, cost_relief, stakes = front.cost_per_day, front.cost_relief, front.stakes
    decisiveness, horizon, lookahead = front.decisiveness, front.cost_horizon, front.lookahead
    drift, weights = front.drift, front.stage_weight
    p_win, value = prospects.p_win, prospects.reservation
    option, cost = prospects.option, prospects.daily_cost
    in_force = np.empty(status.shape[1])
    cost_of_war = np.empty(drift.shape[1])
    for r in range(status.shape[0]):
        if not live[r]:
            continue
        cover(r, front, status, chosen, in_force)
        left = cost_left(cost_relief[r], in_force)
        daily_cost(cost_per_day[r], pressure[r], left, prospects.respite[r], cost[r])
        for i in range(drift.shape[1]):
            cost_of_war[i] = expected_cost(cost[r, i], cost_per_day[r, i],
                                           prospects.menace[r, i], left) * horizon[r]
            prospects.cost_multiplier[r, i] = ((1.0 + pressure[r, i]) * left
                                               * (1.0 - prospects.respite[r, i]))
        contest_success(log_capability[r], decisiveness[r], p_win[r])
        price_stages(r, front, pressure, in_force, left, cost_of_war, prospects)
        for i in range(drift.shape[1]):
            for s in range(status.shape[1]):
                value[r, i, s] = stage_reservation(p_win[r], prospects.war_cost[r, i, s],
                                                   stakes, weights, i, s)
        if front.freezes:
            value_truces(r, front, in_force, prospects)
        option_value(p_win[r], drift[r], decisiveness[r], lookahead[r], option[r])
        prospects.stale[r] = front.commits[r]  # projected when a round needs it: `project`


@njit(cache=True)
def value_truces(r: int, front: Front, in_force: np.ndarray,
                 prospects: Prospects) -> None:  # pragma: no cover - compiled
    """What each truce short of the settlement does for each party over the days it weighs, in
    replicate r, into `prospects.truce_value` (the `averted` valuation): the share of the war
    without it that it stops (`cost_relief`) times the cost of that war, less the ground the
    party would have gained meanwhile (its momentum, net of the other side's rearmament under
    the truce), priced at what a point of the chance of prevailing is worth to it in the
    settlement (`settlement_worth`). A party losing ground gains from a truce on both counts.
    Where a truce is in force, its value (times its depth) is taken off the party's reservation
    for it (`kept`): the war without it is worse by what it does (Fortna 2004; Werner & Yuen
    2005; Clayton et al. 2022 on ceasefires as tactical moves; docs/ODD.md, section 7.28)."""
    p, drift, rearm = prospects.p_win[r], front.drift[r], front.rearmament[r]
    mean_drift, mean_rearm = 0.0, 0.0
    for j in range(p.shape[0]):
        mean_drift += p[j] * drift[j]
        mean_rearm += p[j] * rearm[j]
    for i in range(p.shape[0]):
        pace = front.decisiveness[r] * p[i] * ((drift[i] - mean_drift) - (rearm[i] - mean_rearm))
        frozen = front.cost_horizon[r] * pace * settlement_worth(p, front.stakes, front.truce, i)
        for s in range(front.truce.shape[0]):
            value = 0.0
            if front.truce[s]:
                value = front.cost_relief[r, s] * (prospects.war_cost[r, i, s] - frozen)
            prospects.truce_value[r, i, s] = value
            prospects.kept[r, i, s] = in_force[s] * value
            prospects.reservation[r, i, s] -= in_force[s] * value


@njit(cache=True)
def settlement_worth(p: np.ndarray, stakes: np.ndarray, truce: np.ndarray,
                     i: int) -> float:  # pragma: no cover - compiled
    """What one point of party i's chance of prevailing is worth to it on the stages the war's
    winner decides (those not valued as truces): dE_i/dp_i, the others' chances shrinking in
    proportion, sum over s of stakes[i, i, s] - sum_{j != i} p_j / (1 - p_i) stakes[j, i, s]."""
    rest = max(1.0 - p[i], 1e-12)
    worth = 0.0
    for s in range(truce.shape[0]):
        if truce[s]:
            continue
        worth += stakes[i, i, s]
        for j in range(p.shape[0]):
            if j != i:
                worth -= p[j] / rest * stakes[j, i, s]
    return worth


@njit(cache=True)
def price_stages(r: int, front: Front, pressure: np.ndarray, in_force: np.ndarray, left: float,
                 cost_of_war: np.ndarray, prospects: Prospects) -> None:  # pragma: no cover
    """The war each party weighs against each stage in replicate r: for a stage not in force
    (`in_force` (S,) is how much of each is: `cover`), today's (`cost_of_war` (n,)); for one in
    force, the war without it, every other truce in
    force still averting its share (`cost_left_without`). Keeping a truce, renewing it or
    breaking it is a choice between it and the war it stops, not the war it already stops."""
    horizon, base = front.cost_horizon[r], front.cost_per_day[r]
    for s in range(in_force.shape[0]):
        held = in_force[s] > 0.0
        without = cost_left_without(front.cost_relief[r], in_force, s) if held else left
        prospects.without[r, s] = without
        for i in range(base.shape[0]):
            if not held:
                prospects.war_cost[r, i, s] = cost_of_war[i]
                continue
            cost = party_cost(base[i], pressure[r, i], without, prospects.respite[r, i])
            prospects.war_cost[r, i, s] = expected_cost(cost, base[i], prospects.menace[r, i],
                                                        without) * horizon


@njit(cache=True)
def project(front: Front, log_capability: np.ndarray,
            prospects: Prospects) -> None:  # pragma: no cover - compiled
    """Where deals may not bind, each party's reservation values after the shift, from the
    state its last assessment saw (`sim.rules.commitment`). Only talks read them, so they are
    projected on the days a round (or a measure of the bargaining range) needs them, for the
    replicates assessed since: the same numbers as projecting every day, at a fraction of the
    cost."""
    parties = front.drift.shape[1]
    ahead, p_ahead = np.empty(parties), np.empty(parties)
    for r in range(prospects.stale.shape[0]):
        if not prospects.stale[r]:
            continue
        projected_reservation(log_capability[r], front.drift[r], front.rearmament[r],
                              prospects.without[r], front.cost_relief[r], front.shift_days[r],
                              front.decisiveness[r], prospects.war_cost[r], front.stakes,
                              front.stage_weight, ahead, p_ahead, prospects.future[r])
        if front.freezes:  # a truce in force is worth to it then what it is today
            for i in range(parties):
                for s in range(prospects.kept.shape[2]):
                    prospects.future[r, i, s] -= prospects.kept[r, i, s]
        prospects.stale[r] = False
