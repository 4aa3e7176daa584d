"""The state of every stage in every replicate: tabled, signed and pending on its conditions,
in force, suspended by a party, held, collapsed, expired."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from sim.config.sampling import Sampled
from sim.domain.scenario import Scenario
from sim.engine.tables import Layout
from sim.rules.delay import stalemate
from sim.rules.stages import STAGE_RULES, StageRule

OFF, TABLED, IN_FORCE, EXPIRED, PENDING, SUSPENDED = 0, 1, 2, 3, 4, 5
TABLINGS = 8
"""Hold-out draws kept per stage and party; a stage tabled more often reuses them in turn."""
WEEK = 7
"""Days of reports a rule that `reads_week` sees (`sim.rules.stages.Spell.week`)."""


class Ledger(NamedTuple):
    """The truce records the loop updates in place (the arrays of `sim.engine.truce.Truces`)."""

    status: np.ndarray  # (R, S) int8
    utility: np.ndarray  # (R, n, S) each party's value of the signed terms
    spells: np.ndarray  # (R, S)
    held: np.ndarray  # (R, S) bool
    collapses: np.ndarray  # (R, S)
    days_in_force: np.ndarray  # (R, S)
    days_current: np.ndarray  # (R, S)
    reports_current: np.ndarray  # (R, S)
    reports: np.ndarray  # (R, S) reported violations over every spell
    first_spell_days: np.ndarray  # (R, S)
    first_spell_collapsed: np.ndarray  # (R, S) bool
    violations: np.ndarray  # (R, S, n) true violations by party
    held_day: np.ndarray  # (R, S) day it first held (nan: never)
    collapsed_day: np.ndarray  # (R, S) day it first collapsed (nan: never)
    hold_days: np.ndarray  # (R, S) days in force after which a truce has held
    term: np.ndarray  # (R, S) days in force after which it expires or is up for renewal (inf:
    # open-ended): the first term, plus each renewal's
    renewable: np.ndarray  # (S,) bool: at its term the parties decide whether to renew it
    comprehensive: np.ndarray  # (S,) bool: holding it is the agreement


class Tabling(NamedTuple):
    """The records that putting a stage on the table writes (the arrays of `Truces`)."""

    hold_out: np.ndarray  # (R, S, n, TABLINGS) days each party would hold out
    tablings: np.ndarray  # (R, S) times tabled
    contestant: np.ndarray  # (R, S, n) bool: stalls until the stalemate ends
    stalemate_end: np.ndarray  # (R, S) day a stalling contest ends
    status: np.ndarray  # (R, S)


class Docket(NamedTuple):
    """The truce records a round reads and writes (the arrays of `sim.engine.truce.Truces`)."""

    status: np.ndarray  # (R, S)
    signed: np.ndarray  # (R, S) bool: ever signed
    signed_day: np.ndarray  # (R, S) first signing
    signed_again_day: np.ndarray  # (R, S) second signing, after a collapse or expiry
    spells: np.ndarray  # (R, S) times signed
    days_current: np.ndarray  # (R, S)
    reports_current: np.ndarray  # (R, S)
    terms: np.ndarray  # (R, S, K)
    utility: np.ndarray  # (R, n, S)
    final_terms: np.ndarray  # (R, K)
    proposals: np.ndarray  # (R, S)
    acceptances: np.ndarray  # (R, S, n)
    in_force_day: np.ndarray  # (R, S) first day in force (nan: never)
    spell_signed_day: np.ndarray  # (R, S) the day this spell was signed
    chosen: np.ndarray  # (R, S) the candidate package signed this spell
    term: np.ndarray  # (R, S) the current spell's term, reset at signing
    duration: np.ndarray  # (S,) a stage's first term (inf: open-ended)
    conditional: np.ndarray  # (S,) bool: signing leaves it pending on conditions precedent


class Truces:
    """Per-replicate stage records, (R, S) arrays. Stages are tabled here at the start, and by
    the compiled loops (`table_stage`) after a collapse or on climbing the ladder; signing,
    and keeping or losing a truce, happen in the loops that read `docket` and `ledger`."""

    def __init__(self, lay: Layout, replicates: int, hold_out: np.ndarray,
                 rules: list[tuple[StageRule, dict[str, np.ndarray]]],
                 hold_days: np.ndarray) -> None:
        r, s, k = replicates, len(lay.stages), len(lay.issues)
        self.layout = lay
        self.hold_days = hold_days  # (R, S) days in force after which each truce has held
        self.rules = rules  # each stage's rule and its parameters (R,), in stage order
        self.status = np.full((r, s), OFF, dtype=np.int8)
        self.hold_out = hold_out  # (R, S, n, TABLINGS) days each party would hold out
        self.tablings = np.zeros((r, s), dtype=np.int64)
        self.stalemate_end = np.zeros((r, s))
        self.contestant = np.zeros((r, s, len(lay.parties)), dtype=bool)
        self.signed = np.zeros((r, s), dtype=bool)
        self.signed_day = np.full((r, s), np.nan)
        self.signed_again_day = np.full((r, s), np.nan)  # second signing
        self.held = np.zeros((r, s), dtype=bool)
        self.collapses = np.zeros((r, s), dtype=np.int32)
        self.days_in_force = np.zeros((r, s), dtype=np.int32)
        self.days_current = np.zeros((r, s), dtype=np.int32)
        self.reports_current = np.zeros((r, s), dtype=np.int32)
        self.reports = np.zeros((r, s), dtype=np.int32)  # over every spell
        self.violations = np.zeros((r, s, len(lay.parties)), dtype=np.int32)  # true, by party
        self.proposals = np.zeros((r, s), dtype=np.int32)
        self.spells = np.zeros((r, s), dtype=np.int32)  # times signed
        self.first_spell_days = np.zeros((r, s), dtype=np.int32)  # durability of the first truce
        self.first_spell_collapsed = np.zeros((r, s), dtype=bool)
        self.held_day = np.full((r, s), np.nan)  # first held
        self.collapsed_day = np.full((r, s), np.nan)  # first collapsed
        self.acceptances = np.zeros((r, s, len(lay.parties)), dtype=np.int32)
        self.terms = np.full((r, s, k), np.nan)
        self.utility = np.zeros((r, len(lay.parties), s))  # each party's value of the terms
        self.final_terms = np.full((r, k), np.nan)
        self.in_force_day = np.full((r, s), np.nan)  # first in force
        self.spell_signed_day = np.full((r, s), np.nan)  # this spell's signing
        self.chosen = np.zeros((r, s), dtype=np.int64)  # the candidate signed this spell
        self.term = np.broadcast_to(lay.duration, (r, s)).copy()  # grows with each renewal
        self.renewable = ~np.isnan(lay.renewal_days)  # (S,)
        self.lapses = np.zeros((r, s), dtype=np.int32)  # signed, its conditions unmet in time
        self.lapsed_day = np.full((r, s), np.nan)  # first lapse
        self.renewals = np.zeros((r, s), dtype=np.int32)
        self.renewed_day = np.full((r, s), np.nan)  # first renewal
        self.declined = np.zeros((r, s, len(lay.parties)), dtype=np.int32)  # renewals refused
        self.approved = np.zeros((r, s, len(lay.parties)), dtype=bool)  # side-payment, this spell
        self.suspensions = np.zeros((r, s), dtype=np.int32)  # a party suspended its part
        self.suspended_day = np.full((r, s), np.nan)  # first suspension
        self.suspended_by = np.full((r, s), -1, dtype=np.int64)  # the party, while suspended
        self.suspended_since = np.zeros((r, s), dtype=np.int64)
        self.withdrawn = np.zeros((r, s, len(lay.parties)), dtype=bool)  # by party
        self.withdrawn_day = np.full((r, s), np.nan)
        self.declared_by = np.zeros((r, s, len(lay.parties) + 1), dtype=np.int32)  # collapses
        # declared by each party, and (last) the mediator
        self.week = np.zeros((r, s, len(lay.parties), WEEK), dtype=np.int32)  # reports by day
        self.week_day = np.full((r, s, WEEK), -WEEK - 1, dtype=np.int64)  # the day of each slot

    @property
    def docket(self) -> Docket:
        """The records the compiled round of talks (`sim.engine.talks`) reads and writes."""
        return Docket(self.status, self.signed, self.signed_day, self.signed_again_day,
                      self.spells, self.days_current, self.reports_current, self.terms,
                      self.utility, self.final_terms, self.proposals, self.acceptances,
                      self.in_force_day, self.spell_signed_day, self.chosen, self.term, self.layout.duration,
                      self.layout.conditional)

    @property
    def ledger(self) -> Ledger:
        """The records the compiled daily loop (`sim.engine.keeping`) updates in place."""
        lay = self.layout
        return Ledger(self.status, self.utility, self.spells, self.held, self.collapses,
                      self.days_in_force, self.days_current, self.reports_current,
                      self.reports, self.first_spell_days, self.first_spell_collapsed,
                      self.violations,
                      self.held_day, self.collapsed_day, self.hold_days,
                      self.term, self.renewable, lay.comprehensive)

    @property
    def tabling(self) -> Tabling:
        """The records tabling a stage writes, for the compiled loops that table stages."""
        return Tabling(self.hold_out, self.tablings, self.contestant, self.stalemate_end,
                       self.status)

    def last_week(self, s: int, in_force: np.ndarray, reports: np.ndarray,
                  today: int) -> np.ndarray:
        """(R, n) reported against each party in stage s's spell over its last seven days,
        today's `reports` (R, n) included: a ring of days, each slot stamped with its day, so
        a slot from before the spell began or over a week old counts for nothing."""
        slot = today % WEEK
        self.week[in_force, s, :, slot] = reports[in_force]
        self.week_day[in_force, s, slot] = today
        stamp = self.week_day[:, s]
        began = today - self.days_current[:, s]
        recent = (stamp > today - WEEK) & (stamp >= began[:, None])  # (R, WEEK)
        return (self.week[:, s] * recent[:, None, :]).sum(axis=2)

    def declare(self, s: int, who: np.ndarray) -> None:
        """Count the collapses of stage s declared today by `who` (R,): a party's index, the
        mediator's (the number of parties), or NOBODY."""
        rows = np.flatnonzero(who >= 0)
        self.declared_by[rows, s, who[rows]] += 1

    def table(self, mask: np.ndarray, day: int) -> None:
        """Put stages (R, S mask) on the table; stalling parties start a war of attrition."""
        _table(np.ascontiguousarray(mask), day, self.tabling)


def stage_rules(scenario: Scenario, values: Sampled,
                replicates: int) -> list[tuple[StageRule, dict[str, np.ndarray]]]:
    """Each stage's collapse rule (`sim.rules.stages`) and its parameters per replicate."""
    rules = []
    for name, stage in scenario.stages.items():
        unit = STAGE_RULES.get(stage.collapse.rule)
        drawn = values.scenario.stages[name].collapse.parameters
        rules.append((unit, unit.settings_of(drawn, replicates)))
    return rules


@njit(cache=True)
def _table(mask: np.ndarray, day: int, tabling: Tabling) -> None:  # pragma: no cover - compiled
    """Table the stages in `mask`. Compiled: NumPy's fancy indexing cost ≈ 130 µs a call
    (measured)."""
    hold_out, tablings, status = tabling.hold_out, tabling.tablings, tabling.status
    contestant, stalemate_end = tabling.contestant, tabling.stalemate_end
    for r in range(mask.shape[0]):
        for s in range(mask.shape[1]):
            if mask[r, s]:  # out of line: inlined, the scan ran ≈ 5x slower (measured)
                _table_one(r, s, day, hold_out, tablings, contestant, stalemate_end, status)


@njit(cache=True)
def _table_one(r: int, s: int, day: int, hold_out: np.ndarray, tablings: np.ndarray,
               contestant: np.ndarray, stalemate_end: np.ndarray,
               status: np.ndarray) -> None:  # pragma: no cover - compiled
    table_stage(r, s, day, hold_out, tablings, contestant, stalemate_end, status)


@njit(cache=True, inline="always")
def table_stage(r: int, s: int, day: int, hold_out: np.ndarray, tablings: np.ndarray,
                contestant: np.ndarray, stalemate_end: np.ndarray,
                status: np.ndarray) -> None:  # pragma: no cover - compiled
    """Put replicate r's stage s on the table: each party's next hold-out draw decides whether
    it stalls and, the first concession ending the contest, when the stalemate ends."""
    draw = hold_out[r, s, :, tablings[r, s] % TABLINGS]
    for i in range(draw.shape[0]):
        contestant[r, s, i] = draw[i] > 0
    stalemate_end[r, s] = day + stalemate(draw)
    tablings[r, s] += 1
    status[r, s] = TABLED
