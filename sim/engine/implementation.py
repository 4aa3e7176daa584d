"""Carrying out what was signed: conditions precedent, renewals, and a party's suspending,
resuming or withdrawing from a truce in force, every replicate at once.

A stage signed with conditions precedent is pending (`sim.engine.truce.PENDING`). Each day,
after any round of talks (so from the day of signing), its verification mechanism may be ready
(`conditions.setup_days` after signing) and each third party holding one of its side-payments
decides whether to approve it (`ThirdParty.approve`, its role's rule); once all are met the
stage is in force, and if its deadline passes first it lapses and goes back on the table. At
the term of a renewable truce each party decides whether to renew it (`Party.renew`, its
renewal rule); all must, else it expires. Whether a party would sign the terms in force today
is the same appraisal it makes at a round of talks (`sim.engine.talks.appraise`), computed
here for the parties at a term. Each day a party may suspend its part in a truce in force,
return to one it suspended, or withdraw, as its participation rule decides
(`Party.take_part`).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
from numba import njit

from sim.config.sampling import Sampled, stream_key
from sim.engine.agents import Party
from sim.engine.draws import uniform
from sim.engine.keeping import Day
from sim.engine.reads import Episodes
from sim.engine.tables import stage_table
from sim.engine.talks import Agenda, Bargainers, appraise
from sim.engine.third_parties import ThirdParty
from sim.engine.truce import EXPIRED, IN_FORCE, PENDING, SUSPENDED, Tabling, table_stage
from sim.engine.war import Prospects
from sim.rules.acceptance import accepts
from sim.rules.participation import RETURN, SUSPEND, WITHDRAW


class Carrying(Episodes, Protocol):
    """What carrying out signed stages reads besides the common: the parties and third parties
    who act on them, today's record, and what a party weighs when it decides to renew."""

    parties: list[Party]
    third_parties: list[ThirdParty]
    today: Day
    prospects: Prospects  # each party's outlook: reservation values, option value
    agenda: Agenda
    bargainers: Bargainers
    resolve: np.ndarray | None  # (R, n) each party's private resolve (a `lasting` form), or None

    def exposure(self) -> float:
        """Days of public commitment audience costs have grown for today."""
        ...


class Implementation:
    """The model's passes over signed stages: conditions precedent met or lapsed, renewals."""

    def __init__(self, model: Carrying, values: Sampled) -> None:
        lay = model.layout
        self.model = model
        self.setup_days = stage_table(values, lay, "conditions.setup_days")  # (R, S)
        stages = model.world.stages
        self.deadline = np.array([stages[s].conditions.deadline_days or np.inf
                                  for s in lay.stages], float)  # (S,)
        self.conditional = bool(lay.conditional.any())
        # the side-payments a stage's entry into force waits on: (party, stage) rows
        self.conditions = np.argwhere(lay.brokered & ~lay.owed).astype(np.int64)
        self.met = np.zeros((model.replicates, len(lay.stages)), dtype=bool)
        self.lapsed = np.zeros_like(self.met)
        self.owing = bool(lay.owed.any())  # side-payments owed after entry into force
        self.renewable = bool(model.truces.renewable.any())
        self.noise_key = np.uint64(stream_key(model.seed_sequence, "renewal:noise"))
        no_resolve = np.zeros((0, len(lay.parties)))  # weekly: a fresh draw at each term
        self.resolve = no_resolve if model.resolve is None else model.resolve
        self.willing = np.zeros((model.replicates, len(lay.parties)), dtype=bool)
        self.surplus = np.zeros((model.replicates, len(lay.parties)))
        self.margin = np.zeros_like(self.surplus)

    def fulfil(self, live: np.ndarray) -> None:
        """Today's pending stages: in force where every condition is met, else lapsed where
        the deadline has passed (back on the table). Side-payments owed on a stage in force
        (or suspended) wait on their holders' approval too."""
        model, truces = self.model, self.model.truces
        if self.owing:
            standing = live[:, None] & ((truces.status == IN_FORCE)
                                        | (truces.status == SUSPENDED))
            if standing.any():
                waited = model.day - truces.spell_signed_day
                before = truces.approved.copy()
                for third in model.third_parties:
                    third.approve(standing, waited, owed=True)
                self._learn(kept=truces.approved & ~before)
        pending = live[:, None] & (truces.status == PENDING)
        if not self.conditional or not pending.any():
            return
        waited = model.day - truces.spell_signed_day  # nan where never signed: not pending
        before = truces.approved.copy()
        for third in model.third_parties:
            third.approve(pending, waited)
        self._learn(kept=truces.approved & ~before)
        enter_into_force(pending, waited, self.setup_days, self.deadline, self.conditions,
                         model.day, truces.approved, truces.in_force_day, truces.lapses,
                         truces.lapsed_day, truces.tabling, self.met, self.lapsed)
        self._learn(broken=self.lapsed[:, :, None] & model.layout.brokered.T[None])
        model.log("in_force", self.met)
        model.log("lapsed", self.lapsed)

    def _learn(self, kept: np.ndarray | None = None, broken: np.ndarray | None = None) -> None:
        """Each party's belief that the side-payments third parties hold for it are delivered:
        one observation for each approval (`kept`, (R, S, n)), one against each lapse or term
        passed unpaid (`broken`, (R, S, n)), a Beta update."""
        table = self.model.party_table
        if kept is not None:
            table.delivery_alpha += kept.transpose(0, 2, 1)
        if broken is not None:
            table.delivery_beta += broken.transpose(0, 2, 1)

    def renew(self, live: np.ndarray) -> None:
        """Today's renewable truces at their term: renewed for another term where every party
        renews, else expired (the parties that declined are counted)."""
        model, truces, today = self.model, self.model.truces, self.model.today
        if not self.renewable or not today.due.any():
            return
        lay = model.layout
        due = today.due & live[:, None]
        demanded = np.stack([party.concede() for party in model.parties], axis=-1)
        if self.owing:  # a term passed with a payment still owed is evidence against it
            unpaid = due[:, :, None] & lay.owed.T[None] & ~truces.approved
            self._learn(broken=unpaid)
        renewed = np.zeros_like(due)
        for s in np.flatnonzero(due.any(axis=0)):
            renews = due[:, s].copy()
            for party in model.parties:
                willing = self._willing(party.index, int(s), due, demanded)
                said = party.renew(int(s), due[:, s], willing, self.surplus[:, party.index],
                                   self.margin[:, party.index])
                truces.declined[:, s, party.index] += due[:, s] & ~said
                renews &= said
            ended = due[:, s] & ~renews
            truces.term[renews, s] += lay.renewal_days[s]
            truces.renewals[renews, s] += 1
            truces.renewed_day[renews & np.isnan(truces.renewed_day[:, s]), s] = model.day
            truces.status[ended, s] = EXPIRED
            today.expired[ended, s] = True
            renewed[:, s] = renews
        model.log("renewed", renewed)

    def take_part(self, live: np.ndarray) -> None:
        """Each party whose participation rule decides: on each truce in force it may suspend
        its part (out of force, off the table, its term and hold test waiting), on one it
        suspended it may return, and on either it may withdraw (the truce ends)."""
        model, truces = self.model, self.model.truces
        for party in model.parties:
            if not party.participation.decides:
                continue
            i = party.index
            mine = truces.suspended_by == i
            for s in range(truces.status.shape[1]):
                in_force = live & (truces.status[:, s] == IN_FORCE)
                suspended = live & (truces.status[:, s] == SUSPENDED) & mine[:, s]
                if not (in_force.any() or suspended.any()):
                    continue
                code = party.take_part(s, in_force, suspended,
                                       model.day - truces.suspended_since[:, s],
                                       self._days_owed(i, s))
                self._carry_out(i, s, code, in_force, suspended)

    def _days_owed(self, i: int, s: int) -> np.ndarray | None:
        """(R,) days the side-payment owed to party i on stage s has gone undelivered since
        signing, -1 where none is owed; None where the stage owes it nothing."""
        truces = self.model.truces
        if not self.model.layout.owed[i, s]:
            return None
        days = np.nan_to_num(self.model.day - truces.spell_signed_day[:, s], nan=-1.0)
        return np.where(truces.approved[:, s, i], -1, days).astype(np.int64)

    def _carry_out(self, i: int, s: int, code: np.ndarray, in_force: np.ndarray,
                   suspended: np.ndarray) -> None:
        """Party i's decisions on stage s: suspensions, returns, withdrawals."""
        model, truces, day = self.model, self.model.truces, self.model.day
        out = in_force & (code == SUSPEND)
        back = suspended & (code == RETURN)
        gone = (in_force | suspended) & (code == WITHDRAW)
        truces.status[out, s], truces.suspended_by[out, s] = SUSPENDED, i
        truces.suspended_since[out, s] = day
        truces.suspensions[out, s] += 1
        truces.suspended_day[out & np.isnan(truces.suspended_day[:, s]), s] = day
        truces.status[back, s], truces.suspended_by[back, s] = IN_FORCE, -1
        truces.status[gone, s], truces.suspended_by[gone, s] = EXPIRED, -1
        truces.withdrawn[gone, s, i] = True
        truces.withdrawn_day[gone & np.isnan(truces.withdrawn_day[:, s]), s] = day
        for kind, mask in (("suspended", out), ("returned", back), ("withdrawn", gone)):
            if mask.any():
                model.log(kind, mask, party=model.layout.parties[i],
                          stage=model.layout.stages[s])

    def _willing(self, i: int, s: int, due: np.ndarray, demanded: np.ndarray) -> np.ndarray:
        """(R,) whether party i would sign the terms of stage s in force today, with its
        acceptance noise (a normal under the `renewal:noise` key, counter-based)."""
        model = self.model
        prospects = model.prospects
        willing(i, s, due, model.truces.chosen, demanded[:, s, i], self._carrot(i, s),
                prospects.reservation, prospects.option, prospects.future, model.exposure(),
                model.agenda, model.bargainers, self.noise_key, self.resolve, model.day,
                model.world.horizon_days + 1, self.willing, self.surplus, self.margin)
        return self.willing[:, i].copy()

    def _carrot(self, i: int, s: int) -> np.ndarray:
        """(R,) the side-payment party i counts on renewing stage s, as at signing: in full
        where the mediator funds it or its holder has approved it, else what it expects to be
        delivered."""
        model = self.model
        promised = model.party_table.side_payment[:, i, s]
        if not model.layout.brokered[i, s]:
            return promised
        expected = model.party_table.expected_payment(i, s)
        return np.where(model.truces.approved[:, s, i], promised, expected)


@njit(cache=True)
def willing(i: int, s: int, due: np.ndarray, chosen: np.ndarray, demanded: np.ndarray,
            carrot: np.ndarray, reservation: np.ndarray, option: np.ndarray, future: np.ndarray,
            exposure: float, agenda: Agenda, sides: Bargainers, key: np.uint64,
            resolve: np.ndarray, today: int, days: int, out: np.ndarray, surplus: np.ndarray,
            margin: np.ndarray) -> None:  # pragma: no cover - compiled
    """Whether party i would sign the package of stage s in force, where it is due (into
    `out[:, i]`): its appraisal at a round of talks (`sim.engine.talks.appraise`), the
    side-payment it counts on (`carrot` (R,)) and its acceptance noise, a standard normal by
    Box-Muller from two counter-based uniforms whose counter names replicate, day (`today` of
    `days`), stage and party; or, where `resolve` (R, n) has rows (the `lasting` form), its
    private resolve, the same at every term. `surplus[:, i]` is by how much, in shares of the stage's weight,
    noise included: what a renewal rule that weighs the status quo reads; `margin[:, i]` the
    same without the noise: what a rule of inertia reads."""
    utility, weight = agenda.candidate_utility[s], agenda.stage_weight[i, s]
    stages, parties = due.shape[1], reservation.shape[1]
    for r in range(due.shape[0]):
        out[r, i] = False
        if not due[r, s]:
            continue
        choice = chosen[r, s]
        _, value, bar = appraise(r, i, s, utility[choice, i],
                                 agenda.audience[s, choice, i] * exposure, demanded[r],
                                 reservation, option, future, weight, sides)
        if resolve.shape[0] > 0:
            noise = resolve[r, i]
        else:
            counter = 2 * (((r * days + today) * stages + s) * parties + i)
            first = 1.0 - uniform(key, counter)  # in (0, 1]
            noise = (np.sqrt(-2.0 * np.log(first))
                     * np.cos(2.0 * np.pi * uniform(key, counter + 1)))
        out[r, i] = accepts(value + carrot[r], bar, sides.acceptance_noise[r, i], noise, weight)
        if weight > 0.0:
            margin[r, i] = (value + carrot[r] - bar) / weight
            surplus[r, i] = margin[r, i] + sides.acceptance_noise[r, i] * noise
        else:  # a stage it gives no weight: nothing to weigh as the status quo either
            surplus[r, i] = 0.0 if out[r, i] else -np.inf
            margin[r, i] = surplus[r, i]


@njit(cache=True)
def enter_into_force(pending: np.ndarray, waited: np.ndarray, setup_days: np.ndarray,
                     deadline: np.ndarray, conditions: np.ndarray, today: int,
                     approved: np.ndarray, in_force_day: np.ndarray, lapses: np.ndarray,
                     lapsed_day: np.ndarray, tabling: Tabling, met: np.ndarray,
                     lapsed: np.ndarray) -> None:  # pragma: no cover - compiled
    """Each pending stage (`pending` (R, S), signed `waited` days ago) comes into force where
    every side-payment it waits on is approved (`conditions`, (party, stage) rows) and its
    set-up is done, else lapses where its deadline has passed: back on the table, every
    approval to be asked again. Marks `met` and `lapsed` (R, S)."""
    met[:] = False
    lapsed[:] = False
    for r in range(pending.shape[0]):
        for s in range(pending.shape[1]):
            if pending[r, s]:  # the rest out of line: the scan stays a tight loop (≈ 6x)
                _enter(r, s, waited[r, s], setup_days[r, s], deadline[s], conditions, today,
                       approved, in_force_day, lapses, lapsed_day, tabling, met, lapsed)


@njit(cache=True)
def _enter(r: int, s: int, waited: float, setup_days: float, deadline: float,
           conditions: np.ndarray, today: int, approved: np.ndarray, in_force_day: np.ndarray,
           lapses: np.ndarray, lapsed_day: np.ndarray, tabling: Tabling, met: np.ndarray,
           lapsed: np.ndarray) -> None:  # pragma: no cover - compiled
    delivered = True
    for k in range(conditions.shape[0]):
        if conditions[k, 1] == s and not approved[r, s, conditions[k, 0]]:
            delivered = False
    if delivered and waited >= setup_days:
        met[r, s] = True
        tabling.status[r, s] = IN_FORCE
        if np.isnan(in_force_day[r, s]):
            in_force_day[r, s] = today
    elif waited >= deadline:
        lapsed[r, s] = True
        lapses[r, s] += 1
        if np.isnan(lapsed_day[r, s]):
            lapsed_day[r, s] = today
        approved[r, s, :] = False
        table_stage(r, s, today, tabling.hold_out, tabling.tablings, tabling.contestant,
                    tabling.stalemate_end, tabling.status)
