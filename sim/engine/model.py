"""NegotiationModel: R independent replicates of one mediated negotiation, advanced in lockstep.

One day per step: the war goes on, truces in force are kept or broken, and on round days the
mediator proposes and the parties respond. R=1 is a single episode to inspect.
"""

from __future__ import annotations

from collections.abc import Mapping

import mesa
import numpy as np

from sim.config.sampling import Sampled, sample, stream, stream_key, uncertain
from sim.domain.mediator import MediatorSpec
from sim.domain.scenario import Scenario
from sim.engine.agents import Mediator, Party
from sim.engine.endings import AGREEMENT, HORIZON, RUNNING, WITHDREW
from sim.engine.gestures import Gestures
from sim.engine.implementation import Implementation
from sim.engine.initial import start
from sim.engine.keeping import DRAWS, Propensity, judge, monitor, new_day, open_day, record
from sim.engine.ladder import climb_ladder, move_to
from sim.engine.lines import Lines
from sim.engine.outcomes import outcomes
from sim.engine.tables import Layout, PartyRecords, layout, nash_weights, party_table, stage_table
from sim.engine.talks import Bargainers, Seat, Sitting, agenda, new_round, open_round
from sim.engine.third_parties import ThirdParty, seat
from sim.engine.trace import EventLog
from sim.engine.truce import IN_FORCE, PENDING, TABLED, TABLINGS, Truces, stage_rules
from sim.engine.war import Front, Prospects, assess, project, wage_war
from sim.rules.bargaining import range_open
from sim.rules.choices import check_choices
from sim.rules.commitment import face_demands
from sim.rules.conflict import escalating, escalation_starts
from sim.rules.rows import any_of
from sim.rules.stages import STAGE_RULES


class NegotiationModel(mesa.Model):
    """A mediated, staged negotiation between parties at war, over R replicates at once."""

    def __init__(self, scenario: Scenario, mediator: MediatorSpec, replicates: int = 1,
                 seed: int | np.random.SeedSequence = 0, trace: bool = False,
                 probe_days: tuple[int, ...] = (),
                 given: Mapping[str, np.ndarray] | None = None) -> None:
        check_choices(scenario, mediator)  # however they were made: loaded, or built in code
        self.seed_sequence = seed if isinstance(seed, np.random.SeedSequence) else (
            np.random.SeedSequence(seed))
        super().__init__(rng=stream(self.seed_sequence, "mesa"))
        self.world, self.mediator_spec, self.replicates = scenario, mediator, replicates
        self.day = 0
        values = sample(scenario, "scenario", self.seed_sequence, replicates)
        values |= sample(mediator, "mediator", self.seed_sequence, replicates)
        given = dict(given or {})  # inputs the caller sets per replicate, recorded as drawn
        unknown = set(given) - set(values)
        if unknown:
            raise KeyError(f"not a number the model samples per replicate: {sorted(unknown)}")
        values = Sampled({"scenario": scenario, "mediator": mediator}, values | given)
        drawn = uncertain(scenario, "scenario") + uncertain(mediator, "mediator")
        self.inputs = {k: values[k] for k in [*drawn, *(k for k in given if k not in drawn)]}
        self.layout: Layout = layout(scenario, mediator)
        self.party_table = party_table(values, self.layout)
        self._read_world(values)
        self.records = PartyRecords.none_yet(replicates, len(self.layout.parties))
        self.parties = [Party(self, name, i, values) for i, name in enumerate(self.layout.parties)]
        self.third_parties = [ThirdParty(self, name, values) for name in scenario.third_parties]
        for third in self.third_parties:
            third.assure(self.renegotiation)  # a guarantor's, before the parties weigh deals
        self.spoilers = [third for third in self.third_parties if third.blamed >= 0]
        self.hosts = [third for third in self.third_parties if third.role.hosts_talks]
        first_error = self._random("belief").standard_normal(
            (replicates, len(self.parties), len(self.layout.stages)))
        self.mediator = Mediator(self, values, nash_weights(values, self.layout, mediator),
                                 first_error * values.mediator.belief_error[:, None, None])
        shape = (replicates, len(self.layout.stages), len(self.parties), TABLINGS)
        hold = self._random("delay").standard_exponential(shape)
        for party in self.parties:  # none where it is no contestant
            hold[:, :, party.index] *= party.hold_scale()[:, :, None]
        self.truces = Truces(self.layout, replicates, hold,
                             stage_rules(scenario, values, replicates),
                             stage_table(values, self.layout, "hold_days"))
        self.started = start(self.truces, scenario.initial, self.layout)  # signed by day 0
        self.implementation = Implementation(self, values)  # conditions precedent, renewals
        self.gestures = Gestures(self, values)  # unilateral truces, humanitarian exchanges
        self.end_reason = np.full(replicates, RUNNING, dtype=object)
        self._live = np.ones(replicates, dtype=bool)  # end_reason == RUNNING, kept in step
        self.end_day = np.full(replicates, scenario.horizon_days)
        self.tier = np.zeros(replicates, dtype=np.int64)
        self.events = EventLog(self) if trace else None
        self.probe_days = probe_days  # days whose stages in force the outcomes report
        self.in_force_on: dict[int, np.ndarray] = {}  # (R, S) at the end of each probe day
        self._lay_out_loops()
        self.lines = Lines(self.layout, values, [i.kind for i in scenario.issues.values()])
        assess(self._live, self.front, self.log_capability, self.mediator.pressure,
               self.truces.status, self.truces.chosen, self.prospects)
        self.lines.anchor(self._live, self.truces.status, self.prospects)
        first = (self.layout.tier == 0) & ~self.started
        self.truces.table(np.broadcast_to(first, self.truces.status.shape), 0)
        for kind, code in (("in_force_at_start", IN_FORCE), ("pending_at_start", PENDING)):
            self.log(kind, self.started[None, :] & (self.truces.status == code))
        self.log("tabled", self.truces.status == TABLED)

    def _random(self, name: str) -> np.random.Generator:
        return stream(self.seed_sequence, name)

    def _read_world(self, values: Sampled) -> None:
        """What the daily loops read of the draws, laid out once: the war's front, what drives
        violations, the escalation's jump and the share of a deal each stage leaves revisable."""
        conflict = values.scenario.conflict
        self.jump = conflict.escalation.jump
        self.log_capability = np.log(self.party_table.params["capability"]).copy()
        share = conflict.commitment.renegotiation_share
        guarantee = stage_table(values, self.layout, "guarantee")
        self.renegotiation = share[:, None] * (1.0 - guarantee)  # (R, S)
        self.front, self.propensity = self._front(values), self._propensity(values)
        self.streams = {name: self._random(name) for name in ("balance", "acceptance",
                                                              "acceptance:call")}
        self.resolve = None  # (R, n) a private resolve drawn once, in the `lasting` form
        self._resolve_by_stage = None  # the same, (S, R, n): what every round reads
        if self.world.form.resolve == "lasting":
            self.resolve = self._random("resolve").standard_normal(self.party_table.drift.shape)
            self._resolve_by_stage = np.repeat(self.resolve[None], len(self.layout.stages),
                                               axis=0)
        self.violation_keys = np.array([stream_key(self.seed_sequence, f"violation:{kind}")
                                        for kind in DRAWS], dtype=np.uint64)  # counter-based
        self.collapse_keys = {rule.stream: np.uint64(stream_key(self.seed_sequence, rule.stream))
                              for rule in STAGE_RULES}  # each stage rule's own draws

    def _lay_out_loops(self) -> None:
        """The tables the compiled daily loops read, and the buffers they write each day."""
        lay, r, n = self.layout, self.replicates, len(self.parties)
        self.agenda, self.bargainers = agenda(lay), self._bargainers()
        self.prospects = Prospects(np.empty((r, n)), np.empty((r, *lay.weight.shape)),
                                   np.empty((r, n)), np.empty((r, n)), np.empty((r, n)),
                                   np.zeros((r, *lay.weight.shape)),
                                   np.zeros(r, dtype=bool), np.zeros((r, n)), np.zeros((r, n)),
                                   np.ones((r, len(lay.stages))),
                                   np.zeros((r, *lay.weight.shape)),
                                   np.zeros((r, *lay.weight.shape)),
                                   np.zeros((r, *lay.weight.shape)))
        self.today = new_day(r, len(lay.stages), n)
        # The mediator's weights never change, so neither does the favouritism a party sees
        # each round of talks: the gap to the favourite's weight, times its sensitivity.
        weights = self.mediator.nash_weights
        gap = np.maximum(weights.max(axis=1, keepdims=True) - weights, 0.0)
        self.favouritism = self.party_table.params["bias_sensitivity"] * gap
        self.no_jump, self.jumps = np.zeros((r, n)), np.zeros((r, n))
        self.talks = new_round(r, len(lay.stages), n, len(lay.issues))
        self.newly_tabled = np.zeros((r, len(lay.stages)), dtype=bool)  # on climbing the ladder

    def _bargainers(self) -> Bargainers:
        """The parties' traits and trust, laid out for the compiled round of talks."""
        p, table = self.party_table.params, self.party_table
        return Bargainers(p["sucker_cost"], p["demand_margin"],
                          p["acceptance_noise"], p["mediator_distrust_penalty"],
                          table.side_payment, table.trust_alpha, table.trust_beta,
                          table.mediator_alpha, table.mediator_beta, self.records.stalls,
                          p["ratification_premium"], self.records.vetoes, self.renegotiation)

    def _front(self, values: Sampled) -> Front:
        """How the balance moves and what the war costs, laid out for the daily loop."""
        table, lay, conflict = self.party_table, self.layout, values.scenario.conflict
        rearmament = table.params["truce_rearmament"]
        return Front(table.drift, table.volatility, table.params["cost_per_day"],
                     stage_table(values, lay, "cost_relief"), conflict.contest_exponent,
                     conflict.cost_horizon_days, conflict.option_lookahead_days, lay.stakes,
                     lay.weight * ~lay.truce, rearmament, conflict.commitment.shift_days,
                     (rearmament != 0).any(axis=1), conflict.commitment.renegotiation_share > 0,
                     lay.depth, lay.truce, self.world.form.averts)

    def _propensity(self, values: Sampled) -> Propensity:
        """What drives violations and what monitoring sees, laid out for the daily loop."""
        p, mon, lay = self.party_table.params, values.scenario.monitoring, self.layout
        return Propensity(
            p["violation.base_hazard"], p["violation.incentive_weight"],
            p["violation.distrust_weight"], p["violation.escalation_weight"],
            stage_table(values, lay, "temptation"), stage_table(values, lay, "verification"),
            lay.weight, mon.detection_base, mon.attribution_accuracy, mon.false_report_per_day,
            mon.compliance_weight, mon.violation_weight)

    @property
    def live(self) -> np.ndarray:
        """Replicates whose episode has not ended, (R,) (a copy: today's ends do not change it)."""
        return self._live.copy()

    def step(self) -> None:
        """One day: sticks landing, fighting, truce keeping (and renewals), a round of talks if
        due (and the mediator not pausing), conditions precedent, the ladder, the ending."""
        self.day += 1
        live, persistence = self.live, self.mediator.persistence
        persistence.land(self.day)  # sticks decided earlier, their delay up
        self.gestures.make(live, self.day, self.prospects.respite)
        self._fight(live)
        self._keep_truces(live)
        self.implementation.take_part(self._live)  # a party suspends, returns or withdraws
        if self.world.round_due(self.day):
            self._negotiate(persistence.at_table(live, self.day), "acceptance", self.hosts)
        elif (called := persistence.called_for(self.day)).any():  # a leaders' call's round:
            self._negotiate(persistence.at_table(live & called, self.day), "acceptance:call")
        self.implementation.fulfil(self._live)  # today's signings too: approval may be at once
        self._climb_ladder(self._live)
        if self.day >= self.world.horizon_days:
            self._end(self.live, HORIZON)
        self.running = bool(self._live.any())
        if self.day in self.probe_days:
            self.in_force_on[self.day] = self.in_force_at(self.day)
        if self.events is not None:
            self.events.snapshot()

    def range_open(self, stage: int) -> np.ndarray:
        """(R,) whether Fearon's bargaining range on `stage` is open today: some package the
        mediator can propose is worth, to every party, at least the face value it needs to
        prefer it to fighting on (its reservation value, raised where a deal would not bind a
        side growing stronger), its red lines' costs counted. Frictions (demand margins, trust,
        noise, stalling) are not: they are why an open range can still mean war."""
        self.project()
        prospects = self.prospects
        utility = (self.agenda.candidate_utility[stage][None]
                   - self.agenda.audience[stage][None] * self.exposure()
                   + self.agenda.depth[stage][None, :, None]
                   * prospects.truce_value[:, None, :, stage])
        demand = np.stack([face_demands(prospects.reservation[:, i, stage],
                                        prospects.future[:, i, stage], self.renegotiation[:, stage])
                           for i in range(len(self.parties))], axis=1)
        return range_open(utility, demand)

    def project(self) -> None:
        """Ready what deals are worth once the balance has shifted, where they may not bind
        (`sim.engine.war.project`), relative to any lines of control: read only by talks."""
        projected = self.prospects.stale.copy()
        project(self.front, self.log_capability, self.prospects)
        self.lines.relate(projected, self.prospects.future)

    def exposure(self) -> float:
        """Days of public commitment audience costs have grown for today, less the share any
        political cover lifts (a cover day's window includes the day itself)."""
        cover = self.world.political_cover
        covered = any(0 <= self.day - d <= cover.window_days for d in cover.days)
        return self.day * (1.0 - cover.share) if covered else float(self.day)

    def in_force_at(self, day: int) -> np.ndarray:
        """(R, S) stages in force at the end of `day`. An ended episode's truces stay as they
        were, except that a time-limited one lapses at its current term: after the end nothing
        renews it."""
        truces = self.truces
        left = truces.term - truces.days_current
        lapsed = ~self._live[:, None] & (day - self.end_day[:, None] >= left)
        return (truces.status == IN_FORCE) & ~lapsed

    def run(self) -> dict[str, np.ndarray]:
        """Run every replicate to its end; return the outcome columns."""
        while self.running:
            self.step()
        return outcomes(self)

    # --- the war -------------------------------------------------------------------------
    def _fight(self, live: np.ndarray) -> None:
        esc = self.world.conflict.escalation
        shocks = self.streams["balance"].standard_normal(self.log_capability.shape)
        jump = self.no_jump
        if esc.party is not None and escalation_starts(self.day, esc.period_days, esc.window_days):
            jump = self.jumps
            jump[:, self.layout.parties.index(esc.party)] = self.jump
            self.log("escalation", live, party=esc.party)
        wage_war(live, shocks, jump, self.front, self.log_capability, self.mediator.pressure,
                 self.truces.status, self.truces.chosen, self.records.cost_borne, self.prospects)
        self.lines.anchor(live, self.truces.status, self.prospects)
        self.mediator.offers.watch(live)  # a screening proposer reads the losses in battle

    # --- truces in force -------------------------------------------------------------------
    def _keep_truces(self, live: np.ndarray) -> None:
        """Each party keeps or breaks each truce in force; monitoring reports what it sees and
        trust moves; truces collapse (back on the table), hold or expire."""
        truces, today = self.truces, self.today
        if not (truces.status == IN_FORCE).any() or not open_day(live, truces.status, today):
            return
        esc = self.world.conflict.escalation
        self.agents_by_type[Party].do("violate",
                                      escalating(self.day, esc.period_days, esc.window_days))
        own = today.violated.copy() if self.spoilers else None
        for spoiler in self.spoilers:  # its strikes look like a party's violations
            spoiler.strike(live, truces.status, today.violated)
        table = self.party_table
        monitor(self.violation_keys, self.day, self.world.horizon_days + 1, self.propensity,
                truces.status, table.trust_alpha, table.trust_beta, self.records.reported,
                truces.reports_current, today)
        judge(truces, today, self.day, self.world.horizon_days + 1, self.collapse_keys)
        agreed = record(truces.ledger, today, self.day, truces.tabling)
        self.implementation.renew(live)
        self._table_again(today.expired)
        if own is not None:
            today.violated[:] = own  # the parties' own, for the log
        if self.events is not None:
            self.log("violation", today.violated, per_stage_party=True)
            self.log("report", today.reports > 0, per_stage_party=True)
        for kind in ("collapsed", "held", "expired"):  # a collapsed stage is back on the table
            self.log(kind, getattr(today, kind))
        if agreed:
            self._end(today.agreed, AGREEMENT)

    def _table_again(self, expired: np.ndarray) -> None:
        """A truce that ran its term and was not renewed is back on the table, as a collapsed
        one is, where it is on the mediator's ladder (and not a one-off: `tabled_again`): a
        second pause can follow the first."""
        again = expired & self.layout.tabled_again[None, :]
        if again.any():
            self.truces.table(again, self.day)
            self.log("tabled", again)

    # --- talks -------------------------------------------------------------------------------
    def _negotiate(self, live: np.ndarray, stream: str, hosts: list[ThirdParty] = ()) -> None:
        """A round: each stage on the table, in ladder order, is proposed by the mediator,
        answered by every party and settled; then the mediator reckons with the round. Its
        acceptance noise comes from `stream`: a round a leaders' call set off the schedule
        draws from its own, so it leaves every scheduled round's numbers as they were. Where
        one of `hosts` holds it, the parties face the host's trust and bias instead."""
        self._hold_round(live, stream, self.sit(live, hosts))

    def sit(self, live: np.ndarray, hosts: list[ThirdParty] = ()) -> Sitting:
        """Today's round as those at its table read it, held as `hosts` (if any) and the
        mediator share it out over the live replicates."""
        return Sitting(self._seat(live, hosts), self.prospects, self.exposure(),
                       self.renegotiation, self.agenda, self.talks)

    def _seat(self, live: np.ndarray, hosts: list[ThirdParty]) -> Seat:
        """Who holds today's round where, and the weights and trust the parties face there."""
        weights = self.mediator.nash_weights
        if not hosts:
            return Seat(None, weights, self.bargainers)
        table = self.party_table
        hosted, weights, alpha, beta = seat(hosts, live, weights, table.mediator_alpha,
                                            table.mediator_beta)
        return Seat(hosted, weights, self.bargainers._replace(mediator_alpha=alpha,
                                                               mediator_beta=beta))

    def _hold_round(self, live: np.ndarray, stream: str, sitting: Sitting) -> None:
        """The round itself, held as `sitting` says."""
        med, parties = self.mediator, self.agents_by_type[Party]
        noise = self._acceptance_noise(stream)
        self.project()
        stalling = np.stack(parties.map("stall"), axis=-1)
        demanded = np.stack(parties.map("concede"), axis=-1)
        talks = self.talks
        open_round(live, self.truces.status, talks)
        for s in np.flatnonzero(talks.tabled.any(axis=0)):  # later stages spend what is left
            med.propose(int(s), sitting)
            parties.do("respond", int(s), noise[s], stalling[:, s], demanded[:, s], sitting)
            med.settle(int(s), sitting)
        self.lines.record(talks, self.truces)
        if self.events is not None:
            self.events.talks(talks, self.prospects.reservation)
        hosted = sitting.seat.hosted
        self._lose_faith_in_mediator(talks.talking if hosted is None else talks.talking & ~hosted)
        under_test = any_of(self.truces.status[:, self.layout.comprehensive] == IN_FORCE)
        pressed, withdrew = med.reconsider(talks.progress, talks.talking, talks.blocking,
                                           under_test, sitting.seat.weights)
        self.log("stick", pressed)
        self._end(withdrew & live, WITHDREW)
        self._move_to(med.steer(talks.talking & self._live))

    def _acceptance_noise(self, stream: str) -> np.ndarray:
        """(S, R, n) the standard normals that move each party's answers this round: fresh
        draws from `stream`, or its private resolve, the same in every round and stage (a
        party's resolve does not change with the week: `lasting`)."""
        if self._resolve_by_stage is not None:
            return self._resolve_by_stage
        return self.streams[stream].standard_normal((len(self.layout.stages),
                                                     *self.records.cost_borne.shape))

    def _lose_faith_in_mediator(self, talking: np.ndarray) -> None:
        """Each round of talks, a party sees the mediator favour others by the gap in weights."""
        self.party_table.mediator_beta += self.favouritism * talking[:, None]

    def _move_to(self, target: np.ndarray) -> None:
        """Move replicates to the tier `target` (R,) their mediator's agenda chose."""
        if (target != self.tier).any():
            self.log("tabled", move_to(target, self.tier, self.layout.tier, self.truces,
                                       self.day))

    def _climb_ladder(self, live: np.ndarray) -> None:
        """Move to the next tier where every stage of the current tier has held."""
        lay, newly_tabled = self.layout, self.newly_tabled
        if climb_ladder(live, self.truces.held, lay.tier, self.tier, lay.tiers, self.day,
                        self.truces.tabling, newly_tabled):
            self.log("tabled", newly_tabled)

    def _end(self, mask: np.ndarray, reason: str) -> None:
        mask = mask & self._live
        self._live &= ~mask
        self.end_reason[mask] = reason
        self.end_day[mask] = self.day
        self.log(reason, mask)

    # --- tracing -----------------------------------------------------------------------------
    def log(self, kind: str, mask: np.ndarray, **where: object) -> None:
        if self.events is not None:
            self.events.add(kind, mask, **where)
