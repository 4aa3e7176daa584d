"""A round of talks: one compiled pass over every replicate.

In each replicate, for each stage on the table in ladder order, the mediator proposes the
bias-weighted Nash bargaining package over its estimates of the parties' demands, offers the
side-payments it can fund, and each party accepts, rejects, accepts on condition of a carrot,
or stalls. A stage all accept is signed and comes into force; the carrots are paid; a mediator
that learns raises its estimate of whoever rejected. The rules are those of
`sim.rules.bargaining` and `sim.rules.acceptance`, compiled and applied here one replicate at a
time, because a replicate's stages follow one another within a round (payments for one
stage shrink the budget for the next).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from sim.engine.tables import Layout
from sim.engine.truce import IN_FORCE, OFF, TABLED, Docket, Tabling, table_stage
from sim.rules.acceptance import accepts, concession, signing_value, threshold
from sim.rules.bargaining import is_two_party_line, line_choice, nash_product_choice
from sim.rules.ladder import climbs
from sim.rules.mediation import carrot as offered_carrot
from sim.rules.mediation import raised_estimate
from sim.rules.trust import trust_in_others, trust_mean

NONE, ACCEPT, REJECT, STALL, CONDITIONAL = 0, 1, 2, 3, 4
RESPONSES = {ACCEPT: "accept", REJECT: "reject", STALL: "stall", CONDITIONAL: "conditional"}


class Agenda(NamedTuple):
    """Fixed per scenario and mediator: the candidate packages and what each stage is worth."""

    candidate_terms: np.ndarray  # (S, C, K)
    candidate_utility: np.ndarray  # (S, C, n)
    on_a_line: np.ndarray  # (S,) bool: two parties, utilities monotone along the candidates
    first: np.ndarray  # (S, C) the first party's utility of each candidate (contiguous)
    second: np.ndarray  # (S, C) the second party's
    gap: np.ndarray  # (S, C) first - second
    stage_weight: np.ndarray  # (n, S)
    has_linkage: np.ndarray  # (n, S) bool: the party wants a side-payment to sign the stage
    stage_issues: np.ndarray  # (S, K) bool


class Bargainers(NamedTuple):
    """The parties' per-replicate traits and trust, and their stall counts (updated)."""

    sucker_cost: np.ndarray  # (R, n)
    concession_exponent: np.ndarray  # (R, n)
    demand_margin: np.ndarray  # (R, n)
    acceptance_noise: np.ndarray  # (R, n)
    distrust_penalty: np.ndarray  # (R, n)
    side_payment: np.ndarray  # (R, n, S)
    trust_alpha: np.ndarray  # (R, n, n)
    trust_beta: np.ndarray  # (R, n, n)
    mediator_alpha: np.ndarray  # (R, n)
    mediator_beta: np.ndarray  # (R, n)
    stalls: np.ndarray  # (R, n)


class Broker(NamedTuple):
    """The mediator's per-replicate state (updated in place)."""

    nash_weights: np.ndarray  # (R, n)
    premium: np.ndarray  # (R, n, S) hidden demands it has learnt or guessed
    budget: np.ndarray  # (R,) carrots left
    carrots_paid: np.ndarray  # (R,)
    pressure: np.ndarray  # (R, n) sticks in force
    learning_step: np.ndarray  # (R,)


class Round(NamedTuple):
    """What a round produced, for the mediator's reckoning and the event log."""

    tabled: np.ndarray  # (R, S) bool
    codes: np.ndarray  # (R, S, n) response codes
    terms: np.ndarray  # (R, S, K) terms proposed
    signed: np.ndarray  # (R, S) bool
    offered: np.ndarray  # (R, S, n) value of signing plus carrot, to each party
    bar: np.ndarray  # (R, S, n) what each party held out for
    carrots: np.ndarray  # (R, S) carrots paid for the stage
    blocking: np.ndarray  # (R, n) stages each party did not accept
    progress: np.ndarray  # (R,) bool: something was signed
    talking: np.ndarray  # (R,) bool: something was on the table


def agenda(lay: Layout) -> Agenda:
    """The candidate packages of every stage, stacked, and which lie on a two-party line."""
    terms, utility = np.stack(lay.candidate_terms), np.stack(lay.candidate_utility)
    on_a_line = np.array([is_two_party_line(u) for u in lay.candidate_utility])
    first = np.ascontiguousarray(utility[:, :, 0])
    second = np.ascontiguousarray(utility[:, :, -1])
    return Agenda(terms, utility, on_a_line, first, second, first - second, lay.weight,
                  lay.has_linkage, lay.stage_issues > 0)


def new_round(replicates: int, stages: int, parties: int, issues: int) -> Round:
    r, s, n = replicates, stages, parties
    return Round(np.zeros((r, s), np.bool_), np.zeros((r, s, n), np.int64),
                 np.zeros((r, s, issues)), np.zeros((r, s), np.bool_), np.zeros((r, s, n)),
                 np.zeros((r, s, n)), np.zeros((r, s)), np.zeros((r, n)),
                 np.zeros(r, np.bool_), np.zeros(r, np.bool_))


@njit(cache=True)
def hold_talks(day: int, horizon: float, live: np.ndarray, noise: np.ndarray,
               stalling: np.ndarray, reservation: np.ndarray, option: np.ndarray, levered: bool, learns: bool,
               agenda: Agenda, sides: Bargainers, broker: Broker, docket: Docket,
               out: Round) -> None:  # pragma: no cover - compiled
    """One round in every live replicate. `noise` (S, R, n) are the round's standard normals
    for acceptance; `stalling` (R, S, n) the stages each party stalls, as its delay tactic
    decided (`sim.rules.tactics`); `reservation` (R, n, S) and `option` (R, n) are today's
    prospects.

    One loop over local arrays, longer than house style: reading the tuples' fields inside the
    loop, or in helpers inlined into it, made it 2.4 times slower (measured)."""
    candidate_terms, utility = agenda.candidate_terms, agenda.candidate_utility
    on_a_line, first, second, gap = agenda.on_a_line, agenda.first, agenda.second, agenda.gap
    weights, linked, issues = agenda.stage_weight, agenda.has_linkage, agenda.stage_issues
    premium, budget, nash_weights = broker.premium, broker.budget, broker.nash_weights
    tabled, codes, terms, signed = out.tabled, out.codes, out.terms, out.signed
    offered, bars, carrots, blocking = out.offered, out.bar, out.carrots, out.blocking
    progress, talking = out.progress, out.talking
    status, stalls, acceptances = docket.status, sides.stalls, docket.acceptances
    _clear(out)
    _on_the_table(live, status, tabled, talking)
    estimate, parties = np.empty(reservation.shape[1]), reservation.shape[1]
    for r in range(live.shape[0]):
        if not talking[r]:
            continue
        for s in range(status.shape[1]):
            if not tabled[r, s]:
                continue
            for i in range(parties):  # the mediator proposes over its estimates of demands
                estimate[i] = reservation[r, i, s] + premium[r, i, s]
            if on_a_line[s]:
                choice = line_choice(first[s], second[s], gap[s], estimate[0], estimate[1],
                                     nash_weights[r, 0], nash_weights[r, 1])
            else:
                choice = nash_product_choice(utility[s], estimate, nash_weights[r])
            terms[r, s] = candidate_terms[s, choice]
            signed[r, s] = True
            for i in range(parties):  # with the carrots it can fund, each party answers
                carrot, met = offered_carrot(linked[i, s], sides.side_payment[r, i, s], budget[r], levered)
                carrots[r, s] += carrot
                offered[r, s, i] = carrot + signing_value(
                    utility[s, choice, i], reservation[r, i, s],
                    trust_in_others(sides.trust_alpha, sides.trust_beta, r, i),
                    sides.sucker_cost[r, i], weights[i, s])
                distrust = 1.0 - trust_mean(sides.mediator_alpha[r, i], sides.mediator_beta[r, i])
                bars[r, s, i] = threshold(
                    reservation[r, i, s], sides.demand_margin[r, i],
                    concession(day, horizon, sides.concession_exponent[r, i]), option[r, i],
                    distrust, sides.distrust_penalty[r, i], weights[i, s])
                code = REJECT
                if accepts(offered[r, s, i], bars[r, s, i], sides.acceptance_noise[r, i],
                           noise[s, r, i], weights[i, s]):
                    code = ACCEPT if met else CONDITIONAL
                if stalling[r, s, i]:
                    code = STALL  # its delay tactic holds the stage up
                codes[r, s, i] = code
                acceptances[r, s, i] += code == ACCEPT
                stalls[r, i] += code == STALL
                blocking[r, i] += code != ACCEPT
                signed[r, s] &= code == ACCEPT
            docket.proposals[r, s] += 1
            if signed[r, s]:
                _sign(r, s, day, candidate_terms[s, choice], utility[s, choice], issues, docket)
                budget[r] -= carrots[r, s]  # the carrots are paid, the sticks lifted
                broker.carrots_paid[r] += carrots[r, s]
                broker.pressure[r] = 0.0
                progress[r] = True
            for i in range(parties if learns else 0):  # a rejection shows a higher demand
                if codes[r, s, i] == REJECT:
                    floor = utility[s, choice, i] - reservation[r, i, s]
                    step = broker.learning_step[r] * weights[i, s]
                    premium[r, i, s] = raised_estimate(premium[r, i, s], floor, step)


@njit(cache=True)
def _clear(out: Round) -> None:  # pragma: no cover - compiled
    out.tabled[:] = False
    out.codes[:] = NONE
    out.signed[:] = False
    out.carrots[:] = 0.0
    out.blocking[:] = 0.0
    out.progress[:] = False
    out.talking[:] = False


@njit(cache=True)
def _on_the_table(live: np.ndarray, status: np.ndarray, tabled: np.ndarray,
                  talking: np.ndarray) -> None:  # pragma: no cover - compiled
    """Mark the stages on the table in live replicates. A pass of its own: inside the round's
    loop the same test cost ≈ 10 ns a stage (measured)."""
    for r in range(live.shape[0]):
        if live[r]:
            for s in range(status.shape[1]):
                if status[r, s] == TABLED:
                    tabled[r, s] = talking[r] = True


@njit(cache=True, inline="always")
def _sign(r: int, s: int, day: int, terms: np.ndarray, utility: np.ndarray, issues: np.ndarray,
          docket: Docket) -> None:  # pragma: no cover - compiled
    """Bring stage s into force with the proposed terms and their value to each party."""
    if not docket.signed[r, s]:
        docket.signed_day[r, s] = day
    docket.signed[r, s] = True
    docket.spells[r, s] += 1
    docket.status[r, s] = IN_FORCE
    docket.days_current[r, s] = docket.reports_current[r, s] = 0
    docket.terms[r, s] = terms
    for k in range(terms.shape[0]):
        if issues[s, k]:
            docket.final_terms[r, k] = terms[k]
    docket.utility[r, :, s] = utility


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
