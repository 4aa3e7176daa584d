"""Keeping the truces in force: the day's compiled passes over every replicate.

Each party keeps or breaks each truce in force (`violate`, for `Party.violate`); monitoring
detects, attributes and falsely reports, and the parties' trust moves (`monitor`); the truces
collapse, hold or expire (`record`). NumPy spent most of a day here in many small passes over
(R, S, n) arrays, each with its own temporary; these loops take one replicate at a time through
the same rules (`sim.rules.violation`, `sim.rules.trust`, `sim.rules.holding`). Their random
numbers are counter-based (`sim.engine.draws`), computed only for truces in force, so the order
of the passes changes none of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
from numba import njit

from sim.engine.draws import uniform, uniforms
from sim.engine.truce import EXPIRED, IN_FORCE, Ledger, Tabling, Truces, table_stage
from sim.rules.holding import has_expired, has_held
from sim.rules.stages import Spell
from sim.rules.trust import confidence, doubt, trust_in_others
from sim.rules.violation import (
    NOBODY,
    accused,
    detection_chance,
    incentive,
    other_party,
    violation_hazard,
)


class Propensity(NamedTuple):
    """Fixed per episode: what drives violations and what monitoring sees."""

    base_hazard: np.ndarray  # (R, n) daily chance at no incentive, before the stage's temptation
    incentive_weight: np.ndarray  # (R, n)
    distrust_weight: np.ndarray  # (R, n)
    escalation_weight: np.ndarray  # (R, n)
    temptation: np.ndarray  # (R, S)
    verification: np.ndarray  # (R, S)
    stage_weight: np.ndarray  # (n, S) each party's stake in each stage
    detection_base: np.ndarray  # (R,)
    attribution_accuracy: np.ndarray  # (R,)
    false_report_per_day: np.ndarray  # (R,)
    compliance_weight: np.ndarray  # (R,)
    violation_weight: np.ndarray  # (R,)


class Day(NamedTuple):
    """What happened today, (R, S, n) or (R, S): for the model's ending and its event log."""

    violated: np.ndarray  # (R, S, n) bool
    reports: np.ndarray  # (R, S, n) int32, against each party
    collapsed: np.ndarray  # (R, S) bool
    held: np.ndarray  # (R, S) bool, newly held
    expired: np.ndarray  # (R, S) bool
    watched: np.ndarray  # (R,) bool, a truce was in force
    agreed: np.ndarray  # (R,) bool, a comprehensive stage held today
    standing: np.ndarray  # (R, S) bool, in force in a live replicate, before today's ending
    reported: np.ndarray  # (R, S) int32, today's reports against any party
    due: np.ndarray  # (R, S) bool: a renewable truce reached its term (the parties decide)


def new_day(replicates: int, stages: int, parties: int) -> Day:
    return Day(np.zeros((replicates, stages, parties), dtype=np.bool_),
               np.zeros((replicates, stages, parties), dtype=np.int32),
               *(np.zeros((replicates, stages), dtype=np.bool_) for _ in range(3)),
               np.zeros(replicates, dtype=np.bool_), np.zeros(replicates, dtype=np.bool_),
               np.zeros((replicates, stages), dtype=np.bool_),
               np.zeros((replicates, stages), dtype=np.int32),
               np.zeros((replicates, stages), dtype=np.bool_))


DRAWS = ("violate", "detect", "attribute", "scapegoat", "rumour")
"""The kinds of a party's daily draws for a truce in force, each under its own key: a new kind
is a new key, and moves no other kind's numbers."""
VIOLATE, DETECT, ATTRIBUTE, SCAPEGOAT, RUMOUR = range(len(DRAWS))


@njit(cache=True)
def open_day(live: np.ndarray, status: np.ndarray,
             day: Day) -> bool:  # pragma: no cover - compiled
    """Clear yesterday's record and mark the live replicates with a truce in force (`watched`).
    Whether there is any."""
    _clear(day)
    return _watch(live, status, day.watched)


@njit(cache=True)
def violate(i: int, keys: np.ndarray, today: int, days: int, reservation: np.ndarray,
            option: np.ndarray, escalating: float, drive: Propensity, trust_alpha: np.ndarray,
            trust_beta: np.ndarray, ledger: Ledger, day: Day) -> None:  # pragma: no cover
    """Party i's choice, in every truce in force, to keep it or strike today: a daily hazard
    that grows with its gain from war over the signed terms, its distrust of the others and
    escalation (`escalating` is 1 in its escalation window), and falls with verification.

    Its draw is counter-based (`sim.engine.draws`) under the `violate` key: replicate, day
    (`today` of `days`), stage and party name the counter."""
    status, utility, violations = ledger.status, ledger.utility, ledger.violations
    violated, watched = day.violated, day.watched
    base_hazard, stage_weight, temptation = drive.base_hazard, drive.stage_weight, drive.temptation
    incentive_weight, distrust_weight = drive.incentive_weight, drive.distrust_weight
    escalation_weight, verifications = drive.escalation_weight, drive.verification
    stages, parties = status.shape[1], reservation.shape[1]
    for r in range(status.shape[0]):
        if not watched[r]:
            continue
        distrust = 1.0 - trust_in_others(trust_alpha, trust_beta, r, i)
        for s in range(stages):
            if status[r, s] != IN_FORCE:
                continue
            counter = ((r * days + today) * stages + s) * parties + i
            weight = max(stage_weight[i, s], 1e-12)
            hazard = violation_hazard(
                base_hazard[r, i] * temptation[r, s],
                incentive(reservation[r, i, s] - utility[r, i, s], option[r, i], weight),
                distrust, escalating, verifications[r, s], incentive_weight[r, i],
                distrust_weight[r, i], escalation_weight[r, i])
            broke = uniform(keys[VIOLATE], counter) < hazard
            violated[r, s, i] = broke
            violations[r, s, i] += broke


@njit(cache=True)
def monitor(keys: np.ndarray, today: int, days: int, drive: Propensity, status: np.ndarray,
            trust_alpha: np.ndarray, trust_beta: np.ndarray, reported: np.ndarray,
            reports_current: np.ndarray, day: Day) -> None:  # pragma: no cover - compiled
    """What monitoring makes of today's violations, every truce in force: a violation is
    detected (more surely under verification) and attributed, rightly or to a scapegoat;
    false reports arise at a daily rate; every party then updates its trust in each other
    party from the reports against it. Each truce in force is marked (`day.standing`), its
    reports today counted (`day.reported`) and added to its spell's (`reports_current`).

    Each party has four uniforms a day for each truce in force (detection, attribution,
    scapegoat, false report), counter-based (`sim.engine.draws`), each kind under its own key
    (`keys`, in the order of DRAWS), with the counter of its violation draw; the first three
    are computed only when a violation or a false report needs them."""
    violated, reports, watched = day.violated, day.reports, day.watched
    standing, reported_today = day.standing, day.reported
    accuracy, false_rate = drive.attribution_accuracy, drive.false_report_per_day
    verifications, detection_base = drive.verification, drive.detection_base
    compliance_weight, violation_weight = drive.compliance_weight, drive.violation_weight
    stages, parties = status.shape[1], reported.shape[1]
    for r in range(status.shape[0]):
        if not watched[r]:
            continue
        for s in range(stages):
            if status[r, s] != IN_FORCE:
                continue
            seen = detection_chance(detection_base[r], verifications[r, s])
            for i in range(parties):
                counter = ((r * days + today) * stages + s) * parties + i
                broke = violated[r, s, i]
                rumour = uniform(keys[RUMOUR], counter) < false_rate[r]
                # The other draws matter only after a violation or a false report, and a
                # counter-based draw is the same whenever it is computed: skipping them
                # changes no number (most days neither happens).
                detected = broke and uniform(keys[DETECT], counter) < seen
                correct = detected and uniform(keys[ATTRIBUTE], counter) < accuracy[r]
                scapegoat = (other_party(i, uniform(keys[SCAPEGOAT], counter), parties)
                             if rumour or (detected and not correct) else i)
                _report(reports, r, s, accused(i, detected, correct, scapegoat))
                _report(reports, r, s, accused(i, rumour, False, scapegoat))  # a false report
            standing[r, s] = True
            for j in range(parties):
                reported_today[r, s] += reports[r, s, j]
            reports_current[r, s] += reported_today[r, s]
        _observe(r, reports, compliance_weight[r], violation_weight[r], trust_alpha, trust_beta,
                 reported)


@njit(cache=True)
def _watch(live: np.ndarray, status: np.ndarray,
           watched: np.ndarray) -> bool:  # pragma: no cover - compiled
    """Mark the live replicates with a truce in force; whether there is any. A pass of its own:
    inside the main loop the same test cost 28 ns a replicate, here ≈ 3 ns (measured)."""
    anyone = False
    for r in range(status.shape[0]):
        if live[r]:
            for s in range(status.shape[1]):
                if status[r, s] == IN_FORCE:
                    watched[r] = anyone = True
                    break
    return anyone


@njit(cache=True)
def _clear(day: Day) -> None:  # pragma: no cover - compiled
    day.violated[:] = False
    day.reports[:] = 0
    day.collapsed[:] = False
    day.held[:] = False
    day.expired[:] = False
    day.watched[:] = False
    day.agreed[:] = False
    day.standing[:] = False
    day.reported[:] = 0
    day.due[:] = False


@njit(cache=True, inline="always")
def _report(reports: np.ndarray, r: int, s: int, party: int) -> None:  # pragma: no cover
    """One more report against `party` (none for NOBODY) in replicate r's stage s, today."""
    if party != NOBODY:
        reports[r, s, party] += 1


@njit(cache=True, inline="always")
def _observe(r: int, reports: np.ndarray, compliance_weight: float, violation_weight: float,
             alpha: np.ndarray, beta: np.ndarray, reported: np.ndarray) -> None:  # pragma: no cover
    """Every party updates its trust in each other party from replicate r's reports (S, n)."""
    stages, parties = reports.shape[1], reports.shape[2]
    for j in range(parties):
        against = 0
        for s in range(stages):
            against += reports[r, s, j]
        reported[r, j] += against
        for i in range(parties):
            if i != j:
                beta[r, i, j] = doubt(beta[r, i, j], against, violation_weight)
                alpha[r, i, j] = confidence(alpha[r, i, j], against, compliance_weight)


def judge(truces: Truces, day: Day, today: int, days: int,
          keys: Mapping[str, np.uint64]) -> None:
    """Each stage's rule decides where its truce in force collapses today, after the day's
    reports (into `day.collapsed`), and, if someone declares its collapses, who did. A rule
    that draws gets one uniform per replicate under its stream's key (`keys`), its counter
    naming replicate, day (`today` of `days`) and stage."""
    stages = len(truces.rules)
    for s, (rule, settings) in enumerate(truces.rules):
        in_force = day.standing[:, s]
        if not in_force.any():
            continue
        draw = (uniforms(keys[rule.stream], today * stages + s, days * stages, in_force.shape[0])
                if rule.draws else None)
        week = (truces.last_week(s, in_force, day.reports[:, s], today)
                if rule.reads_week else None)
        spell = Spell(in_force, day.reported[:, s], truces.reports_current[:, s],
                      truces.days_current[:, s], int(truces.layout.max_violations[s]), draw,
                      week)
        day.collapsed[:, s] = collapsed = rule.collapses(spell, settings)
        if rule.declares and collapsed.any():
            truces.declare(s, rule.declared_by(spell, settings, collapsed))


@njit(cache=True)
def record(ledger: Ledger, day: Day, today: int,
            tabling: Tabling) -> bool:  # pragma: no cover - compiled
    """Count a day of every truce in force: collapsed where its stage's rule said so (marked in
    `day.collapsed`; the stage goes back on the table at once), else held, expired, or, if
    renewable, due for the parties' renewal (`day.due`). Whether any
    replicate reached agreement."""
    status, spells, held, collapses = ledger.status, ledger.spells, ledger.held, ledger.collapses
    days_in_force, days, current = ledger.days_in_force, ledger.days_current, ledger.reports_current
    first_days, first_collapsed = ledger.first_spell_days, ledger.first_spell_collapsed
    hold_days, term, comprehensive = ledger.hold_days, ledger.term, ledger.comprehensive
    held_day, collapsed_day = ledger.held_day, ledger.collapsed_day
    collapsed, newly_held, expired = day.collapsed, day.held, day.expired
    watched, agreed = day.watched, day.agreed
    hold_out, tablings = tabling.hold_out, tabling.tablings
    contestant, stalemate_end = tabling.contestant, tabling.stalemate_end
    anyone_agreed = False
    for r in range(status.shape[0]):
        if not watched[r]:
            continue
        for s in range(status.shape[1]):
            if status[r, s] != IN_FORCE:
                continue
            first = spells[r, s] == 1
            ledger.reports[r, s] += day.reported[r, s]
            if collapsed[r, s]:  # as the stage's rule decided (`sim.rules.stages`)
                if collapses[r, s] == 0:
                    collapsed_day[r, s] = today
                collapses[r, s] += 1
                current[r, s] = days[r, s] = 0
                first_collapsed[r, s] |= first
                table_stage(r, s, today, hold_out, tablings, contestant, stalemate_end, status)
                continue
            days[r, s] += 1
            days_in_force[r, s] += 1
            first_days[r, s] += first
            if not held[r, s] and has_held(days[r, s], hold_days[r, s]):
                held[r, s] = newly_held[r, s] = True
                held_day[r, s] = today
                agreed[r] |= comprehensive[s]
                anyone_agreed |= comprehensive[s]
            if has_expired(days[r, s], term[r, s]):
                if ledger.renewable[s]:
                    day.due[r, s] = True  # the parties decide (`sim.engine.implementation`)
                else:
                    status[r, s] = EXPIRED
                    expired[r, s] = True
    return anyone_agreed
