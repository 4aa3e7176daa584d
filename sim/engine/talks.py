"""A round of talks, as the agents' compiled passes over every replicate.

For each stage on the table, in ladder order: the mediator proposes the bias-weighted Nash
bargaining package over its estimates of the parties' demands, with the side-payments it can
fund (`propose`, for `Mediator.propose`); each party accepts, rejects, accepts on condition of
a carrot, or stalls (`respond`, for `Party.respond`); the mediator signs what all accepted,
pays its carrots and learns from rejections (`settle`, for `Mediator.settle`). The rules are
those of `sim.rules.bargaining`, `sim.rules.acceptance` and `sim.rules.mediation`. Stages are
settled one after another because payments for one shrink the budget for the next.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from sim.engine.tables import Layout
from sim.engine.truce import IN_FORCE, PENDING, TABLED, Docket
from sim.engine.war import Prospects
from sim.rules.acceptance import accepts, ratifies, signing_value, threshold
from sim.rules.bargaining import is_two_party_line, line_choice, nash_product_choice
from sim.rules.commitment import committed_value, face_demand
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
    brokered: np.ndarray  # (n, S) bool: that side-payment is a third party's to approve
    stage_issues: np.ndarray  # (S, K) bool
    audience: np.ndarray  # (S, C, n) audience cost per day of commitment of crossing red lines
    depth: np.ndarray  # (S, C) how much of a complete truce each candidate is
    truce: np.ndarray  # (S,) bool: valued by what it does to the war (`truce_value` adds to it)


class Bargainers(NamedTuple):
    """The parties' per-replicate traits and trust, and their stall counts (updated)."""

    sucker_cost: np.ndarray  # (R, n)
    demand_margin: np.ndarray  # (R, n)
    acceptance_noise: np.ndarray  # (R, n)
    distrust_penalty: np.ndarray  # (R, n)
    side_payment: np.ndarray  # (R, n, S)
    trust_alpha: np.ndarray  # (R, n, n)
    trust_beta: np.ndarray  # (R, n, n)
    mediator_alpha: np.ndarray  # (R, n)
    mediator_beta: np.ndarray  # (R, n)
    stalls: np.ndarray  # (R, n)
    ratification_premium: np.ndarray  # (R, n) what its veto player demands on top
    vetoes: np.ndarray  # (R, n) packages its negotiator accepted and its veto player did not
    renegotiation: np.ndarray  # (R, S) share of a deal the stronger side can revise, unguaranteed


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
    choice: np.ndarray  # (R, S) int: the candidate package proposed
    carrot_offer: np.ndarray  # (R, S, n) side-payment offered to each party
    carrot_met: np.ndarray  # (R, S, n) bool: the party's side-payment condition is met
    blocking: np.ndarray  # (R, n) stages each party did not accept
    progress: np.ndarray  # (R,) bool: something was signed
    talking: np.ndarray  # (R,) bool: something was on the table


class Seat(NamedTuple):
    """Who holds a round, and what the parties face there: the replicates a host holds (R,)
    bool (None: the mediator holds it everywhere), the Nash weights (R, n) its packages use,
    and the parties' traits and trust in whoever holds it."""

    hosted: np.ndarray | None
    weights: np.ndarray
    bargainers: Bargainers


class Sitting(NamedTuple):
    """A round of talks as those at the table read it: who holds it (`seat`), the parties'
    prospects of war, the days of public commitment their audience costs have grown for, the
    share of a deal a side grown stronger can revise (R, S), the agenda's candidate packages,
    and the round's record, which the proposal, the answers and the settling write."""

    seat: Seat
    prospects: Prospects
    exposure: float
    renegotiation: np.ndarray
    agenda: Agenda
    record: Round


def agenda(lay: Layout) -> Agenda:
    """The candidate packages of every stage, stacked, and which lie on a two-party line."""
    terms, utility = np.stack(lay.candidate_terms), np.stack(lay.candidate_utility)
    on_a_line = np.array([is_two_party_line(u) for u in lay.candidate_utility]) & ~lay.truce
    first = np.ascontiguousarray(utility[:, :, 0])
    second = np.ascontiguousarray(utility[:, :, -1])
    return Agenda(terms, utility, on_a_line, first, second, first - second, lay.weight,
                  lay.has_linkage, lay.brokered, lay.stage_issues > 0, np.stack(lay.audience),
                  lay.depth, lay.truce)


def new_round(replicates: int, stages: int, parties: int, issues: int) -> Round:
    r, s, n = replicates, stages, parties
    return Round(np.zeros((r, s), np.bool_), np.zeros((r, s, n), np.int64),
                 np.zeros((r, s, issues)), np.zeros((r, s), np.bool_), np.zeros((r, s, n)),
                 np.zeros((r, s, n)), np.zeros((r, s)), np.zeros((r, s), np.int64),
                 np.zeros((r, s, n)), np.zeros((r, s, n), np.bool_), np.zeros((r, n)),
                 np.zeros(r, np.bool_), np.zeros(r, np.bool_))


@njit(cache=True)
def open_round(live: np.ndarray, status: np.ndarray,
               out: Round) -> None:  # pragma: no cover - compiled
    """Clear the last round's record and mark the stages on the table in live replicates."""
    _clear(out)
    _on_the_table(live, status, out.tabled, out.talking)


@njit(cache=True)
def propose(s: int, reservation: np.ndarray, future: np.ndarray, truce_value: np.ndarray,
            renegotiation: np.ndarray, levered: bool, demands: np.ndarray, agenda: Agenda,
            broker: Broker, offered: np.ndarray, out: Round) -> None:  # pragma: no cover
    """The mediator's proposal for stage s in every replicate where it is on the table: the
    package a proposing party offers (`offered` (R,), -1 where none does: `sim.engine.offers`),
    else the bias-weighted Nash bargaining package over its estimates of the parties' demands
    (`reservation` (R, n, S), raised where a deal would not bind a side growing stronger
    (`future`, `renegotiation`: `sim.rules.commitment`), plus the hidden demands it has learnt
    or guessed; a truce valued by what it does to the war is worth its depth times
    `truce_value` (R, n, S) on top of its terms); and to each
    party that links the stage to a side-payment (`demands` (R, n, S)) the carrot it can fund
    from what is left of its budget, or, where a third party holds it, the carrot promised,
    worth to the party what it expects to be delivered (`demands` are then the expected
    payments) and delivered only on that party's approval (`sim.engine.implementation`)."""
    candidate_terms, utility = agenda.candidate_terms[s], agenda.candidate_utility[s]
    first, second, gap = agenda.first[s], agenda.second[s], agenda.gap[s]
    on_a_line, linked = agenda.on_a_line[s], agenda.has_linkage
    premium, budget, nash_weights = broker.premium, broker.budget, broker.nash_weights
    tabled, choices, terms, signed = out.tabled, out.choice, out.terms, out.signed
    carrots, carrot_offer, carrot_met = out.carrots, out.carrot_offer, out.carrot_met
    parties = reservation.shape[1]
    estimate = np.empty(parties)
    valued = np.empty_like(utility)  # a truce's candidates as this replicate values them
    for r in range(tabled.shape[0]):
        if not tabled[r, s]:
            continue
        for i in range(parties):
            estimate[i] = face_demand(reservation[r, i, s], future[r, i, s],
                                      renegotiation[r, s]) + premium[r, i, s]
        if offered[r] >= 0:
            choice = offered[r]
        elif on_a_line:
            choice = line_choice(first, second, gap, estimate[0], estimate[1],
                                 nash_weights[r, 0], nash_weights[r, 1])
        elif agenda.truce[s]:
            for c in range(utility.shape[0]):
                for i in range(parties):
                    valued[c, i] = worth_of_terms(agenda, truce_value, r, i, s, c)
            choice = nash_product_choice(valued, estimate, nash_weights[r])
        else:
            choice = nash_product_choice(utility, estimate, nash_weights[r])
        choices[r, s] = choice
        terms[r, s] = candidate_terms[choice]
        signed[r, s] = True  # until someone does not accept
        for i in range(parties):
            brokered = agenda.brokered[i, s]
            carrot, met = offered_carrot(linked[i, s], demands[r, i, s], budget[r], levered,
                                         brokered)
            carrot_offer[r, s, i], carrot_met[r, s, i] = carrot, met
            carrots[r, s] += 0.0 if brokered else carrot  # a third party's costs it nothing


@njit(cache=True)
def respond(i: int, s: int, noise: np.ndarray, stalling: np.ndarray, demanded: np.ndarray,
            reservation: np.ndarray, option: np.ndarray, future: np.ndarray,
            truce_value: np.ndarray, exposure: float, agenda: Agenda, sides: Bargainers,
            acceptances: np.ndarray,
            out: Round) -> None:  # pragma: no cover - compiled
    """Party i's answer to the proposal of stage s in every replicate where it is on the
    table: accept, reject, accept on condition of the carrot it was not offered, or stall; a
    package it would accept its veto player may still refuse to ratify (a rejection).
    `noise` (R,) are its acceptance normals for the stage this round; `stalling` (R,) whether
    its delay tactic holds the stage up (`sim.rules.tactics`); `demanded` (R,) the share of its
    opening margin it still demands (`sim.rules.concessions`); `reservation` (R, n, S) and
    `option` (R, n) are today's prospects, `future` (R, n, S) its reservation after the shift
    (a deal's terms are worth less where the stronger side can revise them); `exposure` the
    days of public commitment its audience costs have grown for, less any political cover."""
    weight = agenda.stage_weight[i, s]
    noise_scale, stalls = sides.acceptance_noise, sides.stalls
    tabled, choices, codes, signed = out.tabled, out.choice, out.codes, out.signed
    offered, bars, blocking = out.offered, out.bar, out.blocking
    carrot_offer, carrot_met = out.carrot_offer, out.carrot_met
    for r in range(tabled.shape[0]):
        if not tabled[r, s]:
            continue
        choice = choices[r, s]
        terms = worth_of_terms(agenda, truce_value, r, i, s, choice)
        worth, value, bars[r, s, i] = appraise(r, i, s, terms,
                                               agenda.audience[s, choice, i] * exposure,
                                               demanded[r], reservation, option, future, weight,
                                               sides)
        offered[r, s, i] = carrot_offer[r, s, i] + value
        code = REJECT
        if accepts(offered[r, s, i], bars[r, s, i], noise_scale[r, i], noise[r], weight):
            code = ACCEPT if carrot_met[r, s, i] else CONDITIONAL
            veto = sides.ratification_premium[r, i]  # 0: no veto player
            if veto > 0.0 and not ratifies(worth, reservation[r, i, s], veto, weight):
                code = REJECT  # its veto player refuses: a rejection the mediator learns from
                sides.vetoes[r, i] += 1
        if stalling[r]:
            code = STALL  # its delay tactic holds the stage up
        codes[r, s, i] = code
        acceptances[r, s, i] += code == ACCEPT
        stalls[r, i] += code == STALL
        blocking[r, i] += code != ACCEPT
        signed[r, s] &= code == ACCEPT


@njit(cache=True, inline="always")
def worth_of_terms(agenda: Agenda, truce_value: np.ndarray, r: int, i: int, s: int,
                   c: int) -> float:  # pragma: no cover - compiled
    """What candidate c of stage s is worth to party i in replicate r: its terms, plus, for a
    truce valued by what it does to the war, its depth times that value (`truce_value`
    (R, n, S), 0 under the stakes valuation)."""
    return agenda.candidate_utility[s, c, i] + agenda.depth[s, c] * truce_value[r, i, s]


@njit(cache=True, inline="always")
def appraise(r: int, i: int, s: int, utility: float, audience_cost: float, demanded: float,
             reservation: np.ndarray, option: np.ndarray, future: np.ndarray, weight: float,
             sides: Bargainers) -> tuple[float, float, float]:  # pragma: no cover - compiled
    """What terms worth `utility` to party i on stage s in replicate r are worth to it today,
    and what it holds out for: (worth, signing value, bar). Worth prices in a stronger side's
    reneging and its audience costs (`audience_cost`, 0 with no red line crossed); the signing
    value weighs it by its trust in the others; the bar is its reservation plus the margin it
    still demands (`demanded`), the option of waiting and its distrust of the mediator."""
    worth = committed_value(utility, reservation[r, i, s], future[r, i, s],
                            sides.renegotiation[r, s]) - audience_cost
    value = signing_value(worth, reservation[r, i, s],
                          trust_in_others(sides.trust_alpha, sides.trust_beta, r, i),
                          sides.sucker_cost[r, i], weight)
    distrust = 1.0 - trust_mean(sides.mediator_alpha[r, i], sides.mediator_beta[r, i])
    bar = threshold(reservation[r, i, s], sides.demand_margin[r, i], demanded, option[r, i],
                    distrust, sides.distrust_penalty[r, i], weight)
    return worth, value, bar


@njit(cache=True)
def settle(s: int, day: int, reservation: np.ndarray, future: np.ndarray,
           truce_value: np.ndarray, renegotiation: np.ndarray, learns: bool, agenda: Agenda,
           broker: Broker, docket: Docket, out: Round) -> None:  # pragma: no cover - compiled
    """The mediator settles stage s where it was on the table: a stage every party accepted is
    signed and comes into force (or, with conditions precedent, is pending on them), its carrots
    are paid and the sticks lifted; a mediator that
    learns raises its estimate of the hidden demand of whoever rejected."""
    candidate_terms, utility = agenda.candidate_terms[s], agenda.candidate_utility[s]
    weights, issues = agenda.stage_weight, agenda.stage_issues
    premium, budget, learning_step = broker.premium, broker.budget, broker.learning_step
    tabled, choices, codes, signed = out.tabled, out.choice, out.codes, out.signed
    carrots, progress = out.carrots, out.progress
    parties = reservation.shape[1]
    for r in range(tabled.shape[0]):
        if not tabled[r, s]:
            continue
        choice = choices[r, s]
        docket.proposals[r, s] += 1
        if signed[r, s]:
            _sign(r, s, day, choice, candidate_terms[choice], utility[choice], issues, docket)
            budget[r] -= carrots[r, s]
            broker.carrots_paid[r] += carrots[r, s]
            broker.pressure[r] = 0.0
            progress[r] = True
        for i in range(parties if learns else 0):  # a rejection shows a higher demand
            if codes[r, s, i] == REJECT:
                floor = (worth_of_terms(agenda, truce_value, r, i, s, choice)
                         - face_demand(reservation[r, i, s], future[r, i, s],
                                       renegotiation[r, s]))
                step = learning_step[r] * weights[i, s]
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
def _sign(r: int, s: int, day: int, choice: int, terms: np.ndarray, utility: np.ndarray,
          issues: np.ndarray, docket: Docket) -> None:  # pragma: no cover - compiled
    """Sign stage s with the proposed terms and their value to each party: in force at once,
    or pending on its conditions precedent."""
    if not docket.signed[r, s]:
        docket.signed_day[r, s] = day
    docket.signed[r, s] = True
    docket.spells[r, s] += 1
    if docket.spells[r, s] == 2:
        docket.signed_again_day[r, s] = day
    docket.spell_signed_day[r, s] = day
    docket.chosen[r, s] = choice
    docket.term[r, s] = docket.duration[s]
    if docket.conditional[s]:
        docket.status[r, s] = PENDING
    else:
        docket.status[r, s] = IN_FORCE
        if np.isnan(docket.in_force_day[r, s]):
            docket.in_force_day[r, s] = day
    docket.days_current[r, s] = docket.reports_current[r, s] = 0
    docket.terms[r, s] = terms
    for k in range(terms.shape[0]):
        if issues[s, k]:
            docket.final_terms[r, k] = terms[k]
    docket.utility[r, :, s] = utility
