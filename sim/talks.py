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

from sim.rules.acceptance import accepts, concession, signing_value, threshold
from sim.rules.bargaining import is_two_party_line, line_choice, nash_product_choice
from sim.rules.ladder import climbs
from sim.rules.trust import trust_mean
from sim.tables import Layout
from sim.truce import IN_FORCE, TABLED, Docket

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
               reservation: np.ndarray, option: np.ndarray, levered: bool, learns: bool,
               agenda: Agenda, sides: Bargainers, broker: Broker, docket: Docket,
               out: Round) -> None:  # pragma: no cover - compiled
    """One round in every live replicate. `noise` (S, R, n) are the round's standard normals
    for acceptance; `reservation` (R, n, S) and `option` (R, n) are today's prospects."""
    _clear(out)
    status, utility = docket.status, agenda.candidate_utility
    estimate = np.empty(reservation.shape[1])  # scratch
    for r in range(live.shape[0]):
        if not live[r]:
            continue
        for s in range(status.shape[1]):
            if status[r, s] != TABLED:
                continue
            out.tabled[r, s] = out.talking[r] = True
            choice = _propose(r, s, reservation, agenda, broker, estimate)
            out.terms[r, s] = agenda.candidate_terms[s, choice]
            _answer(r, s, day, horizon, utility[s, choice], reservation, option, noise, levered,
                    agenda, sides, broker, docket, out)
            docket.proposals[r, s] += 1
            if out.signed[r, s]:
                _sign(r, s, day, choice, agenda, docket)
                _pay(r, broker, out.carrots[r, s])
                out.progress[r] = True
            if learns:
                _learn(r, s, choice, reservation, agenda, broker, out)


@njit(cache=True, inline="always")
def _answer(r: int, s: int, day: int, horizon: float, value: np.ndarray, reservation: np.ndarray,
            option: np.ndarray, noise: np.ndarray, levered: bool, agenda: Agenda,
            sides: Bargainers, broker: Broker, docket: Docket,
            out: Round) -> None:  # pragma: no cover - compiled
    """Every party's answer to the proposal of stage s, with the carrots offered for it."""
    # Fields are read into locals first: reading a tuple's fields inside a loop that stores
    # into arrays made the compiled loop many times slower (measured).
    alpha, beta = sides.trust_alpha, sides.trust_beta
    mediator_alpha, mediator_beta = sides.mediator_alpha, sides.mediator_beta
    sucker, exponent, margin = sides.sucker_cost, sides.concession_exponent, sides.demand_margin
    penalty, spread, demands = sides.distrust_penalty, sides.acceptance_noise, sides.side_payment
    linked, weights, budget = agenda.has_linkage, agenda.stage_weight, broker.budget
    codes, offered, bars, stalls = out.codes, out.offered, out.bar, sides.stalls
    signed, parties = True, reservation.shape[1]
    for i in range(parties):
        carrot, met = _carrot(linked[i, s], demands[r, i, s], budget[r], levered)
        out.carrots[r, s] += carrot
        others = 0.0
        for j in range(parties):
            if j != i:
                others += trust_mean(alpha[r, i, j], beta[r, i, j])
        weight = weights[i, s]
        worth = signing_value(value[i], reservation[r, i, s], others / (parties - 1),
                              sucker[r, i], weight) + carrot
        still = concession(day, horizon, exponent[r, i])
        distrust = 1.0 - trust_mean(mediator_alpha[r, i], mediator_beta[r, i])
        bar = threshold(reservation[r, i, s], margin[r, i], still, option[r, i], distrust,
                        penalty[r, i], weight)
        offered[r, s, i], bars[r, s, i] = worth, bar
        code = REJECT
        if accepts(worth, bar, spread[r, i], noise[s, r, i], weight):
            code = ACCEPT if met else CONDITIONAL
        if day < docket.stalemate_end[r, s] and docket.contestant[r, s, i]:
            code = STALL
        codes[r, s, i] = code
        docket.acceptances[r, s, i] += code == ACCEPT
        stalls[r, i] += code == STALL
        out.blocking[r, i] += code != ACCEPT
        signed &= code == ACCEPT
    out.signed[r, s] = signed


@njit(cache=True)
def _clear(out: Round) -> None:  # pragma: no cover - compiled
    out.tabled[:] = False
    out.codes[:] = NONE
    out.signed[:] = False
    out.carrots[:] = 0.0
    out.blocking[:] = 0.0
    out.progress[:] = False
    out.talking[:] = False


@njit(cache=True, inline="always")
def _propose(r: int, s: int, reservation: np.ndarray, agenda: Agenda, broker: Broker,
             estimate: np.ndarray) -> int:  # pragma: no cover - compiled
    """The mediator's Nash bargaining package over its estimate of each party's demand."""
    for i in range(estimate.shape[0]):
        estimate[i] = reservation[r, i, s] + broker.premium[r, i, s]
    if agenda.on_a_line[s]:
        return line_choice(agenda.first[s], agenda.second[s], agenda.gap[s], estimate[0],
                               estimate[1], broker.nash_weights[r, 0], broker.nash_weights[r, 1])
    return nash_product_choice(agenda.candidate_utility[s], estimate, broker.nash_weights[r])


@njit(cache=True, inline="always")
def _carrot(linked: bool, demand: float, budget: float,
            levered: bool) -> tuple[float, bool]:  # pragma: no cover - compiled
    """The side-payment offered to a party for a stage, and whether its condition is met: a
    mediator with leverage offers what it demands, up to what is left of the budget."""
    if not linked:
        return 0.0, True
    offer = min(demand, budget) if levered else 0.0
    met = offer >= demand - 1e-12
    return (offer if met else 0.0), met


@njit(cache=True, inline="always")
def _sign(r: int, s: int, day: int, choice: int, agenda: Agenda,
          docket: Docket) -> None:  # pragma: no cover - compiled
    """Bring stage s into force with the proposed terms and their value to each party."""
    if not docket.signed[r, s]:
        docket.signed_day[r, s] = day
    docket.signed[r, s] = True
    docket.spells[r, s] += 1
    docket.status[r, s] = IN_FORCE
    docket.days_current[r, s] = docket.reports_current[r, s] = 0
    for k in range(docket.terms.shape[2]):
        docket.terms[r, s, k] = agenda.candidate_terms[s, choice, k]
        if agenda.stage_issues[s, k]:
            docket.final_terms[r, k] = agenda.candidate_terms[s, choice, k]
    for i in range(docket.utility.shape[1]):
        docket.utility[r, i, s] = agenda.candidate_utility[s, choice, i]


@njit(cache=True, inline="always")
def _pay(r: int, broker: Broker, carrots: float) -> None:  # pragma: no cover - compiled
    """Deliver the carrots of a signed stage and lift the sticks as a reward."""
    broker.budget[r] -= carrots
    broker.carrots_paid[r] += carrots
    for i in range(broker.pressure.shape[1]):
        broker.pressure[r, i] = 0.0


@njit(cache=True, inline="always")
def _learn(r: int, s: int, choice: int, reservation: np.ndarray, agenda: Agenda, broker: Broker,
           out: Round) -> None:  # pragma: no cover - compiled
    """A rejection shows the party wants more than the offer gave it: raise the estimate."""
    for i in range(reservation.shape[1]):
        if out.codes[r, s, i] == REJECT:
            floor = agenda.candidate_utility[s, choice, i] - reservation[r, i, s]
            step = broker.learning_step[r] * agenda.stage_weight[i, s]
            broker.premium[r, i, s] = max(broker.premium[r, i, s], floor) + step


@njit(cache=True)
def climb_ladder(live: np.ndarray, held: np.ndarray, stage_tier: np.ndarray, tier: np.ndarray,
                 tiers: int) -> np.ndarray:  # pragma: no cover - compiled
    """Which live replicates move to the next tier of the mediator's ladder today, (R,)."""
    done = np.zeros(live.shape[0], np.bool_)
    for r in range(live.shape[0]):
        done[r] = live[r] and climbs(held[r], stage_tier, tier[r], tiers)
    return done
