"""Who chooses the terms on the table: the mediator's Nash package, or a proposing party's offer
under a proposal rule that screens (`sim.rules.proposals`), with that party's belief about the
other's private cost of war, revised after each rejection, by the losses it sees in each day's
fighting and by what the mediator discloses (`sim.rules.signals`). Where the parties take turns
to propose (`mediator.proposal.alternate`), each holds its own belief about the other."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from sim.config.sampling import stream
from sim.domain.mediator import MediatorSpec
from sim.engine.reads import Episodes
from sim.engine.talks import REJECT, Agenda, Round
from sim.engine.war import Front, Prospects
from sim.rules.proposals import PROPOSALS, Belief, revised_bound
from sim.rules.signals import Readings


class Proposing(Episodes, Protocol):
    """What choosing the terms reads besides the common: the mediator's config, the parties'
    prospects and the front (what fighting costs them), the agenda and the round of talks."""

    mediator_spec: MediatorSpec
    prospects: Prospects
    front: Front
    agenda: Agenda
    talks: Round


class Offers:
    """The proposal rule of a mediator, and each proposer's belief where the rule screens."""

    def __init__(self, model: Proposing) -> None:
        spec, r = model.mediator_spec.proposal, model.replicates
        self.model = model
        self.rule = PROPOSALS.get(spec.rule)
        self.none = np.full(r, -1, dtype=np.int64)  # the mediator's Nash package stands
        self.battles: np.random.Generator | None = None  # no readings of battles
        if not self.rule.screens:
            return
        names = model.layout.parties
        first = names.index(str(spec.proposer))  # screening is checked to have two parties
        self.turns = (first, 1 - first) if spec.alternate else (first,)  # proposers, in turn
        self.priors = {i: model.world.parties[names[1 - i]].cost_per_day for i in self.turns}
        self.bounds = np.full((2, r), np.inf)  # [i]: the other's daily cost lies below this
        self.readings = [Readings.none(r), Readings.none(r)]  # [i]: i's readings of the other's
        self.battle_sd = spec.battle_reading_sd
        if spec.disclosure_sd is not None:  # the mediator tells what it verified, on day 0
            noise = stream(model.seed_sequence, "disclosure").standard_normal((len(self.turns), r))
            for k, i in enumerate(self.turns):
                self.readings[i].add(np.ones(r, dtype=bool), self._true_cost(1 - i)
                                     + spec.disclosure_sd * noise[k], spec.disclosure_sd)
        self.reads = spec.disclosure_sd is not None or self.battle_sd is not None
        if self.battle_sd is not None:
            self.battles = stream(model.seed_sequence, "battle")

    def watch(self, live: np.ndarray) -> None:
        """After a day's fighting: where the war went on (the truces in force leave the other
        some cost of war), each proposer reads the other's daily cost from its losses, with
        the noise of one day's reading."""
        if self.battles is None:
            return
        noise = self.battles.standard_normal((len(self.turns), self.model.replicates))
        for k, i in enumerate(self.turns):
            fought = live & (self.model.prospects.cost_multiplier[:, 1 - i] > 0)
            self.readings[i].add(fought, self._true_cost(1 - i) + self.battle_sd * noise[k],
                                 self.battle_sd)

    def _true_cost(self, party: int) -> np.ndarray:
        return self.model.party_table.params["cost_per_day"][:, party]

    @property
    def proposer(self) -> int:
        """The party whose turn it is to propose in today's round (scheduled rounds counted
        from 1; a leaders' call's round is the last scheduled one's proposer's)."""
        rounds = self.model.world.rounds_by(self.model.day)
        return self.turns[(max(rounds, 1) - 1) % len(self.turns)]

    def chosen(self, stage: int) -> np.ndarray:
        """(R,) the candidate offered on `stage` in each replicate, -1 where the mediator's
        Nash package stands."""
        tabled = self.model.talks.tabled[:, stage]
        if not self.rule.screens or not tabled.any():
            return self.none
        offered = self.none.copy()
        offered[tabled] = self.rule.offer(self.belief(stage, tabled, self.proposer))
        return offered

    def learn(self, stage: int) -> None:
        """After the responder's answers on `stage`: where it rejected the offer (not stalled,
        not asked for a carrot), its cost lies below what would have made it accept."""
        if not self.rule.screens:
            return
        talks, i = self.model.talks, self.proposer
        tabled = talks.tabled[:, stage]
        rejected = talks.codes[tabled, stage, 1 - i] == REJECT
        if rejected.any():
            belief = self.belief(stage, tabled, i)
            offered = belief.acceptance_cost(talks.choice[tabled, stage])
            self.bounds[i, tabled] = revised_bound(belief.bound, rejected, offered)

    def belief(self, stage: int, rows: np.ndarray, proposer: int) -> Belief:
        """`proposer`'s belief on `stage` in the replicates `rows` (a mask (R,))."""
        model, i, j = self.model, proposer, 1 - proposer
        utility = model.agenda.candidate_utility[stage]
        reservation = model.prospects.reservation
        scale = self._cost_scale(stage, rows, j)
        fight = reservation[rows, j, stage] + model.front.cost_per_day[rows, j] * scale  # pre-cost
        read, readings = self.reads, self.readings[i]
        return Belief(utility[:, i], utility[:, j], reservation[rows, i, stage], fight, scale,
                      self.priors[i], self.bounds[i, rows],
                      readings.mean(rows) if read else None,
                      readings.sd(rows) if read else None)

    def _cost_scale(self, stage: int, rows: np.ndarray, responder: int) -> np.ndarray:
        """How far the responder's reservation on `stage` falls per unit of its base daily cost,
        in `rows`: the public multipliers (sticks, truces in force) times the days it weighs
        and the stage's share of what it cares about."""
        model, j = self.model, responder
        multiplier = model.prospects.cost_multiplier[rows, j]  # as its reservation was assessed
        return multiplier * model.front.cost_horizon[rows] * model.layout.weight[j, stage]
