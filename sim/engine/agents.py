"""The negotiating parties and the mediator, as Mesa agents whose state spans all replicates.

Each agent's replicate-varying state is a view into the model's stacked arrays, so one agent
speaks for its side in every replicate at once, and each decision it makes is one call over
those arrays: a party stalls (its delay tactic, `sim.rules.tactics`), responds to a proposal
and keeps or breaks a truce (compiled passes in `sim.engine.talks` and `sim.engine.keeping`);
the mediator proposes with its carrots, settles what was answered and learns from it, and
reconsiders after each round (its style, `sim.rules.styles`, and its recourses at an
impasse, `sim.rules.recourses`); a party renews a truce at its
term or lets it expire (its renewal rule, `sim.rules.renewals`). Third parties are in
`sim.engine.third_parties`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import mesa
import numpy as np

from sim.config.sampling import Sampled, stream_key
from sim.engine.draws import uniforms
from sim.engine.keeping import Day, Propensity, violate
from sim.engine.offers import Offers, Proposing
from sim.engine.persistence import Impasses, Persistence
from sim.engine.stagewise import stagewise
from sim.engine.tables import PartyRecords
from sim.engine.talks import Broker, Sitting, propose, respond, settle
from sim.rules.agendas import AGENDAS, Course
from sim.rules.concessions import CONCESSIONS, Stance
from sim.rules.mediation import reckon
from sim.rules.participation import PARTICIPATION, Standing
from sim.rules.renewals import RENEWALS, Expiry
from sim.rules.styles import STYLES
from sim.rules.tactics import TACTICS, Situation
from sim.rules.trust import trust_mean


class Negotiation(Proposing, Impasses, Protocol):
    """What the parties and the mediator read besides what choosing the terms (`Proposing`)
    and the recourses (`Impasses`) read: the ladder's tier, the parties' records, today's record
    of truce keeping and what drives violations, and the mediator beside them (a party's tactic
    watches its patience). A round of talks they are handed (`Sitting`)."""

    mediator: Mediator
    tier: np.ndarray  # (R,) the ladder's tier on the table
    records: PartyRecords  # what each party has done and borne so far
    propensity: Propensity
    violation_keys: np.ndarray  # counter-based keys of the violation draws
    today: Day

    @property
    def live(self) -> np.ndarray:
        """(R,) bool: the episodes still running."""
        ...


class Party(mesa.Agent):
    """A side in the conflict: demands, trust, delay tactics and a propensity to violate."""

    def __init__(self, model: Negotiation, name: str, index: int,
                 values: Sampled) -> None:
        super().__init__(model)
        self.name, self.index = name, index
        spec = model.world.parties[name]
        self.tactic = TACTICS.get(spec.delay.tactic)
        drawn, r = values.scenario.parties[name], model.replicates
        self.delay_settings = self.tactic.settings_of(drawn.delay.parameters, r)
        self.concession = CONCESSIONS.get(spec.concession.style)
        self.concession_settings = self.concession.settings_of(drawn.concession.parameters, r)
        table, stages = model.party_table, model.layout.stages
        own = {"prize": drawn.delay.prize, "cost_per_day": drawn.delay.cost_per_day}
        self.delay_by_stage = stagewise(self.delay_settings | own, spec.delay, drawn.delay, stages)
        own = {"concession_exponent": table.params["concession_exponent"][:, index]}
        self.concession_by_stage = stagewise(self.concession_settings | own, spec.concession,
                                             drawn.concession, stages)
        self.trust_alpha = table.trust_alpha[:, index, :]  # (R, n) views
        self.trust_beta = table.trust_beta[:, index, :]
        self.stalls = model.records.stalls[:, index]  # rounds it stalled, (R,) view
        self.reported = model.records.reported[:, index]  # reports against it, (R,) view
        self.escalates = model.world.conflict.escalation.party == name
        if model.world.form.renewal == "inertia":  # the form's rule for every party
            self.renewal = RENEWALS.get("inertia")
            self.renewal_settings = self.renewal.settings({}, r)
        else:
            self.renewal = RENEWALS.get(spec.renewal.rule)
            self.renewal_settings = self.renewal.settings_of(drawn.renewal.parameters, r)
        self.renewal_key = np.uint64(stream_key(model.seed_sequence, f"renewal:{name}"))
        self.participation = PARTICIPATION.get(spec.participation.rule)
        self.participation_settings = self.participation.settings_of(
            drawn.participation.parameters, r)
        self.participation_key = np.uint64(stream_key(model.seed_sequence,
                                                      f"participation:{name}"))

    def hold_scale(self) -> np.ndarray:
        """(R, S) what its hold-out draws (standard exponential) are scaled by on each stage:
        prize / cost per day, its mean days of holding out in the war of attrition; 0 where its
        tactic does not apply or stalls for reasons of its own (it is no contestant there)."""
        by_stage, stages = self.delay_by_stage, len(self.model.layout.stages)
        if not self.tactic.contests:
            return np.zeros((self.model.replicates, stages))
        return by_stage.decide(lambda own: own["prize"] / own["cost_per_day"],
                               stages) * by_stage.applies

    def stall(self) -> np.ndarray:
        """(R, S) bool: the stages it stalls in today's round, as its delay tactic decides on
        the stages it applies to."""
        model = self.model
        situation = Situation(model.day, model.world.horizon_days, model.truces.stalemate_end,
                              model.truces.contestant[:, :, self.index],
                              model.mediator.idle_rounds, model.mediator.patience_rounds)
        by_stage = self.delay_by_stage
        return by_stage.decide(lambda own: self.tactic.stalls(situation, own),
                               len(model.layout.stages)) & by_stage.applies

    def concede(self) -> np.ndarray:
        """(R, S) the share of its opening margin it still demands on each stage this round,
        as its concession style decides on the stages it applies to; none on the others."""
        model, by_stage = self.model, self.concession_by_stage
        borne = model.records.cost_borne[:, self.index]
        deadline = model.party_table.params["deadline_days"][:, self.index]

        def demands(own: Mapping[str, np.ndarray]) -> np.ndarray:
            stance = Stance(model.day, deadline, own["concession_exponent"], borne)
            return self.concession.demands(stance, own)

        return by_stage.decide(demands, len(model.layout.stages)) * by_stage.applies

    def respond(self, stage: int, noise: np.ndarray, stalling: np.ndarray,
                demanded: np.ndarray, sitting: Sitting) -> None:
        """Answer the proposal of `stage` wherever it is on the table (into the round's record):
        accept, reject, accept on condition of a carrot, or stall. `noise` (R, n) are the
        round's acceptance normals for the stage; `stalling` (R, n) and `demanded` (R, n) what
        the parties' tactics and concession styles decided on it; `sitting` the round as the table
        reads it (its traits and trust in whoever holds it among them)."""
        prospects = sitting.prospects
        respond(self.index, stage, noise[:, self.index], stalling[:, self.index],
                demanded[:, self.index], prospects.reservation, prospects.option, prospects.future,
                prospects.truce_value, sitting.exposure, sitting.agenda, sitting.seat.bargainers,
                self.model.truces.acceptances, sitting.record)

    def violate(self, escalation_window: bool) -> None:
        """Keep or strike, in every truce in force today (into the model's record of the day);
        an escalation window drives up the hazard of the party that escalates."""
        model, prospects = self.model, self.model.prospects
        violate(self.index, model.violation_keys, model.day, model.world.horizon_days + 1,
                prospects.reservation, prospects.option,
                float(self.escalates and escalation_window),
                model.propensity, model.party_table.trust_alpha, model.party_table.trust_beta,
                model.truces.ledger, model.today)

    def renew(self, stage: int, due: np.ndarray, willing: np.ndarray,
              surplus: np.ndarray, margin: np.ndarray) -> np.ndarray:
        """(R,) bool: whether it renews `stage`'s truce where it is at its term today (`due`),
        as its renewal rule decides; `willing` says where it would sign the terms today,
        `surplus` by how much, and `margin` by how much without today's noise."""
        model = self.model
        draw = None
        if self.renewal.draws:
            stages, days = len(model.layout.stages), model.world.horizon_days + 1
            draw = uniforms(self.renewal_key, model.day * stages + stage, days * stages,
                            model.replicates)
        expiry = Expiry(due, willing, surplus, margin, model.truces.renewals[:, stage], draw)
        return due & self.renewal.renews(expiry, self.renewal_settings)

    def take_part(self, stage: int, in_force: np.ndarray, suspended: np.ndarray,
                  days_suspended: np.ndarray, days_owed: np.ndarray | None) -> np.ndarray:
        """(R,) int8: whether it stays, suspends, returns or withdraws from `stage`'s truce
        today, as its participation rule decides (where `in_force` or it has `suspended`;
        `days_owed`, a side-payment owed to it and undelivered, `Standing.days_owed`)."""
        model = self.model
        stages, days = len(model.layout.stages), model.world.horizon_days + 1
        draw = uniforms(self.participation_key, model.day * stages + stage, days * stages,
                        model.replicates)
        standing = Standing(in_force, suspended, np.where(suspended, days_suspended, 0), draw,
                            days_owed)
        return self.participation.decide(standing, self.participation_settings)

    def trust_in_others(self) -> np.ndarray:
        """Mean trust (R,) that the other parties comply."""
        others = [j for j in range(self.model.layout.ideal.shape[0]) if j != self.index]
        return trust_mean(self.trust_alpha[:, others], self.trust_beta[:, others]).mean(axis=1)

    def trust_in_mediator(self) -> np.ndarray:
        table = self.model.party_table
        return trust_mean(table.mediator_alpha[:, self.index], table.mediator_beta[:, self.index])

    @property
    def violations(self) -> np.ndarray:
        """Truces it broke (R,), all stages, whether or not anyone saw."""
        return self.model.truces.violations[:, :, self.index].sum(axis=1, dtype=np.int32)


class Mediator(mesa.Agent):
    """Proposes stages along its ladder with the carrots it can fund, settles what all accepted
    and learns from rejections, and at an impasse tries its recourses (sticks, threats,
    pauses, a new envoy, a leaders' call) or walks away."""

    def __init__(self, model: Negotiation, values: Sampled,
                 nash_weights: np.ndarray, first_error: np.ndarray) -> None:
        super().__init__(model)
        spec, r = model.mediator_spec, model.replicates
        self.spec = spec
        self.style = STYLES.get(spec.style)
        self.levered = self.style.funds_side_payments  # read by the compiled round of talks
        self.nash_weights = nash_weights  # (R, n)
        drawn = values.mediator
        self.learning_step = drawn.learning_step
        self.patience_rounds = drawn.patience_rounds  # (R,)
        self.budget = drawn.leverage.carrot_budget * self.levered
        self.stick_size = drawn.leverage.stick_size
        self.premium = first_error * model.layout.weight[None]  # (R, n, S) hidden demands
        self.pressure = np.zeros((r, len(model.layout.parties)))
        self.carrots_paid = np.zeros(r)
        self.sticks = np.zeros(r, dtype=np.int32)
        self.idle_rounds = np.zeros(r, dtype=np.int32)
        self.offers = Offers(model)  # who chooses the terms: its Nash package, or a proposer
        self.agenda = AGENDAS.get(spec.agenda.rule)
        self.agenda_settings = self.agenda.settings_of(drawn.agenda.parameters, r)
        self.rounds_on_tier = np.zeros(r, dtype=np.int32)
        lay = model.layout
        self.comprehensive_tier = int(lay.tier[lay.comprehensive & (lay.tier >= 0)].min())
        self._tier_then = np.zeros(r, dtype=np.int64)  # the tier it worked on last round
        self.persistence = Persistence(model, self, values)  # its recourses at an impasse

    def broker(self, weights: np.ndarray) -> Broker:
        """Its state as the compiled round of talks (`sim.engine.talks`) reads and updates it,
        with the Nash `weights` (R, n) of whoever holds the round."""
        return Broker(weights, self.premium, self.budget, self.carrots_paid, self.pressure,
                      self.learning_step)

    def propose(self, stage: int, sitting: Sitting) -> None:
        """Propose `stage` wherever it is on the table: the offer of a proposing party where its
        proposal rule screens, else the package weighted as whoever holds the round weighs the
        parties (its own bias-weighted Nash package, or a host's) over its estimates of their
        demands; and the carrots it can fund (its style permitting)."""
        prospects = sitting.prospects
        propose(stage, prospects.reservation, prospects.future, prospects.truce_value,
                sitting.renegotiation,
                self.levered, self.model.party_table.expected_payment(), sitting.agenda,
                self.broker(sitting.seat.weights), self.offers.chosen(stage), sitting.record)

    def settle(self, stage: int, sitting: Sitting) -> None:
        """Sign `stage` where every party accepted (paying its carrots); where it learns, raise
        its estimate of a rejecting party's hidden demand; a screening proposer revises its
        belief about the responder's cost after a rejection."""
        prospects = sitting.prospects
        settle(stage, self.model.day, prospects.reservation, prospects.future,
               prospects.truce_value, sitting.renegotiation, self.spec.learns, sitting.agenda,
               self.broker(sitting.seat.weights), self.model.truces.docket, sitting.record)
        self.offers.learn(stage)

    def steer(self, talking: np.ndarray) -> np.ndarray:
        """After a round: where its agenda rule says so, move on along the ladder without the
        current tier having held (`talking`, (R,), where something was on the table and the
        episode goes on). Returns the tier (R,) to work on; the model tables it."""
        model = self.model
        if not self.agenda.steers:
            return model.tier
        self.rounds_on_tier[model.tier != self._tier_then] = 0  # the ladder climbed
        self.rounds_on_tier += talking
        course = Course(model.tier, model.layout.tiers, self.comprehensive_tier,
                        self.rounds_on_tier, self.idle_rounds, talking)
        target = np.maximum(self.agenda.next_tier(course, self.agenda_settings), model.tier)
        self.rounds_on_tier[target != model.tier] = 0
        self._tier_then = target.copy()
        return target

    def reconsider(self, progress: np.ndarray, talking: np.ndarray, blocking: np.ndarray,
                   under_test: np.ndarray, weights: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
        """After a round: reckon with any threat whose deadline has come, count idle rounds,
        and where patience has run out try its recourses in order (`sim.rules.recourses`:
        press the main blocker, threaten, pause, change envoy, call the leaders, walk away);
        where none takes, it persists. Taking any but walking away resets the count.

        A mediator does not abandon a signed comprehensive settlement while it is in force
        under its hold test (`under_test`, (R,)): such rounds are not idle, and it is never at
        an impasse then; should the settlement collapse, counting resumes where it stopped.
        The main blocker it presses is weighed with the round's Nash `weights` (a host's where
        one held it). Returns (pressed, withdrew) masks (R,): a stick
        decided or a threat carried out."""
        live = self.model.live  # an episode that has ended is at no impasse
        carried = self.persistence.reckon_threats(progress, talking, live)
        self.idle_rounds, stuck = reckon(self.idle_rounds, progress, talking, under_test,
                                         self.patience_rounds)
        stuck &= live
        can_press = self.style.can_press(self.sticks, self.spec.leverage.max_sticks)
        pressed, withdrew = self.persistence.resolve(stuck, blocking, can_press, weights)
        self.idle_rounds[stuck & ~withdrew] = 0
        return pressed | carried, withdrew
