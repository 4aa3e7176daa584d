"""Keeping the truces in force: one compiled pass a day over every replicate.

NumPy spent most of a day here in many small passes over (R, S, n) arrays, each with its own
temporary. This loop takes one replicate at a time through the same rules (`sim.rules.violation`
and `sim.rules.trust`, compiled with Numba and called here on that replicate's numbers), so a
replicate's state is read and written once a day. Its random numbers are counter-based
(`sim.engine.draws`), computed only for truces in force.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from sim.engine.draws import uniform
from sim.engine.truce import EXPIRED, IN_FORCE, Ledger, Tabling, table_stage
from sim.rules.holding import has_collapsed, has_expired, has_held
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


def new_day(replicates: int, stages: int, parties: int) -> Day:
    return Day(np.zeros((replicates, stages, parties), dtype=np.bool_),
               np.zeros((replicates, stages, parties), dtype=np.int32),
               *(np.zeros((replicates, stages), dtype=np.bool_) for _ in range(3)),
               np.zeros(replicates, dtype=np.bool_), np.zeros(replicates, dtype=np.bool_))


DRAWS = ("violate", "detect", "attribute", "scapegoat", "rumour")
"""The kinds of a party's daily draws for a truce in force, each under its own key: a new kind
is a new key, and moves no other kind's numbers."""
VIOLATE, DETECT, ATTRIBUTE, SCAPEGOAT, RUMOUR = range(len(DRAWS))


@njit(cache=True)
def keep_truces(live: np.ndarray, keys: np.ndarray, today: int, days: int,
                reservation: np.ndarray, option: np.ndarray, escalating: np.ndarray,
                drive: Propensity, trust_alpha: np.ndarray, trust_beta: np.ndarray,
                reported: np.ndarray, ledger: Ledger, tabling: Tabling,
                day: Day) -> bool:  # pragma: no cover
    """One day of every truce in force, every replicate: who breaks it, what is reported
    against whom, how trust moves, and which truces collapse (and go back on the table),
    hold or expire. Whether any replicate reached agreement today.

    Each party has five uniforms a day for each truce in force (violation, detection,
    attribution, scapegoat, false report), counter-based (`sim.engine.draws`), each kind under
    its own key (`keys`, in the order of DRAWS): replicate, day (`today` of `days`), stage and
    party name the counter; the middle three are computed only when a violation or a false
    report needs them. `escalating` (n,) is 1 for a party
    in an escalation window."""
    # Fields are read into locals before the loop: reading the tuples' fields inside a loop
    # that stores into arrays made it many times slower (measured).
    status, utility, violations = ledger.status, ledger.utility, ledger.violations
    violated, reports, watched = day.violated, day.reports, day.watched
    base_hazard, stage_weight = drive.base_hazard, drive.stage_weight
    incentive_weight, distrust_weight = drive.incentive_weight, drive.distrust_weight
    escalation_weight, accuracy = drive.escalation_weight, drive.attribution_accuracy
    false_rate, temptation = drive.false_report_per_day, drive.temptation
    verifications, detection_base = drive.verification, drive.detection_base
    compliance_weight, violation_weight = drive.compliance_weight, drive.violation_weight
    parties = reported.shape[1]
    distrust = np.empty(parties)
    _clear(day)
    _watch(live, status, watched)
    for r in range(status.shape[0]):
        if not watched[r]:
            continue
        for i in range(parties):
            distrust[i] = 1.0 - trust_in_others(trust_alpha, trust_beta, r, i)
        for s in range(status.shape[1]):
            if status[r, s] != IN_FORCE:
                continue
            verification = verifications[r, s]
            seen = detection_chance(detection_base[r], verification)
            for i in range(parties):
                counter = ((r * days + today) * status.shape[1] + s) * parties + i
                weight = max(stage_weight[i, s], 1e-12)
                hazard = violation_hazard(
                    base_hazard[r, i] * temptation[r, s],
                    incentive(reservation[r, i, s] - utility[r, i, s], option[r, i], weight),
                    distrust[i], escalating[i], verification, incentive_weight[r, i],
                    distrust_weight[r, i], escalation_weight[r, i])
                broke = uniform(keys[VIOLATE], counter) < hazard
                violated[r, s, i] = broke
                violations[r, s, i] += broke
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
        _observe(r, reports, compliance_weight[r], violation_weight[r], trust_alpha, trust_beta,
                 reported)
    return _record(ledger, day, today, tabling)


@njit(cache=True)
def _watch(live: np.ndarray, status: np.ndarray,
           watched: np.ndarray) -> None:  # pragma: no cover - compiled
    """Mark the live replicates with a truce in force. A pass of its own: inside the main loop
    the same test cost 28 ns a replicate, here ≈ 3 ns (measured)."""
    for r in range(status.shape[0]):
        if live[r]:
            for s in range(status.shape[1]):
                if status[r, s] == IN_FORCE:
                    watched[r] = True
                    break


@njit(cache=True)
def _clear(day: Day) -> None:  # pragma: no cover - compiled
    day.violated[:] = False
    day.reports[:] = 0
    day.collapsed[:] = False
    day.held[:] = False
    day.expired[:] = False
    day.watched[:] = False
    day.agreed[:] = False


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


@njit(cache=True)
def _record(ledger: Ledger, day: Day, today: int,
            tabling: Tabling) -> bool:  # pragma: no cover - compiled
    """Count a day of every truce in force: collapse on too many reports (the stage goes back
    on the table at once), held, expired. Whether any replicate reached agreement."""
    status, spells, held, collapses = ledger.status, ledger.spells, ledger.held, ledger.collapses
    days_in_force, days, current = ledger.days_in_force, ledger.days_current, ledger.reports_current
    first_days, first_collapsed = ledger.first_spell_days, ledger.first_spell_collapsed
    max_violations, hold_days = ledger.max_violations, ledger.hold_days
    duration, comprehensive = ledger.duration, ledger.comprehensive
    reports, collapsed, newly_held, expired = day.reports, day.collapsed, day.held, day.expired
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
            for i in range(reports.shape[2]):
                current[r, s] += reports[r, s, i]
            first = spells[r, s] == 1
            if has_collapsed(current[r, s], max_violations[s]):
                collapsed[r, s] = True
                collapses[r, s] += 1
                current[r, s] = days[r, s] = 0
                first_collapsed[r, s] |= first
                table_stage(r, s, today, hold_out, tablings, contestant, stalemate_end, status)
                continue
            days[r, s] += 1
            days_in_force[r, s] += 1
            first_days[r, s] += first
            if not held[r, s] and has_held(days[r, s], hold_days[s]):
                held[r, s] = newly_held[r, s] = True
                agreed[r] |= comprehensive[s]
                anyone_agreed |= comprehensive[s]
            if has_expired(days[r, s], duration[s]):
                status[r, s] = EXPIRED
                expired[r, s] = True
    return anyone_agreed
