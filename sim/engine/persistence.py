"""A mediator at an impasse: the recourses it tries, in order, and the means they use.

When patience runs out the mediator tries its recourses (`sim.rules.recourses`) in the order
its config lists them; the first that takes in a replicate is carried out there through the
means below: a stick that lands after a delay and in part, a threat whose deadline is
reckoned each round and which is carried out with the mediator's credibility, a pause, a new
envoy, a leaders' call, or walking away. Where none takes, the mediator persists. State spans
all replicates, like the agents'; the mediator owns it (`Mediator.reconsider`).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from sim.config.sampling import Sampled, stream_key
from sim.domain.mediator import MediatorSpec
from sim.engine.draws import uniforms
from sim.engine.reads import Episodes
from sim.engine.truce import OFF, TABLED
from sim.engine.war import Prospects
from sim.rules.mediation import main_blocker
from sim.rules.recourses import RECOURSES, Impasse
from sim.rules.rows import any_of

NONE = -1  # no threat stands


class Impasses(Episodes, Protocol):
    """What the recourses read of the episodes besides the common: the parties' prospects of
    war, which a threat weighs on."""

    prospects: Prospects


class Mediating(Protocol):
    """What the recourses read of the mediator who tries them."""

    spec: MediatorSpec
    nash_weights: np.ndarray  # (R, n)
    pressure: np.ndarray  # (R, n) sticks in force on each party
    stick_size: np.ndarray  # (R,)
    sticks: np.ndarray  # (R,) sticks used


class Persistence:
    """The mediator's recourses at an impasse and the state they keep, (R,) or (R, n)."""

    def __init__(self, model: Impasses, mediator: Mediating,
                 values: Sampled) -> None:
        r, n = model.replicates, len(model.layout.parties)
        self.model, self.mediator = model, mediator
        self.recourses = [(name, RECOURSES.get(name)) for name in mediator.spec.recourses]
        self.settings = {name: unit.settings_of(values.mediator.recourses[name], r)
                         for name, unit in self.recourses}
        self.keys = {name: np.uint64(stream_key(model.seed_sequence, f"recourse:{name}"))
                     for name, unit in self.recourses if unit.draws}
        self.threat_key = np.uint64(stream_key(model.seed_sequence, "threat"))
        self.uses = {name: np.zeros(r, dtype=np.int32) for name, _ in self.recourses}
        self.credibility = np.full(r, np.nan)  # NaN until its first threat
        self.threatened = np.full(r, NONE, dtype=np.int64)  # the party a threat stands against
        self.rounds_left, self.loss = np.zeros(r), np.zeros(r)
        self.carried_out = np.zeros(r, dtype=np.int32)
        self.landing, self.lands_on = np.zeros((r, n)), np.zeros(r, dtype=np.int64)
        self.queued = False  # some stick is yet to land (`land` has nothing to do otherwise)
        self.paused_until = np.zeros(r, dtype=np.int64)
        self.talks_on = np.full(r, -1, dtype=np.int64)  # the day a leaders' call set talks for
        table = model.party_table
        self.prior_trust = (table.mediator_alpha.copy(), table.mediator_beta.copy())
        lay = model.layout
        self.partial = (lay.tier >= 0) & ~lay.comprehensive  # what a leaders' call can table
        self.blocking = np.zeros((r, n))
        self.weights = mediator.nash_weights  # the last round's, for its means
        self.pressed, self.withdrew = np.zeros(r, dtype=bool), np.zeros(r, dtype=bool)

    def used(self, name: str) -> np.ndarray:
        """(R,) times the recourse `name` was taken (0 where the mediator does not list it)."""
        return self.uses.get(name, np.zeros(self.model.replicates, dtype=np.int32)).copy()

    def kept(self) -> dict[str, np.ndarray]:
        """(R,) each, by the column a recourse reports it under (`Recourse.keeps`): the
        threats carried out, and the credibility left (NaN where it never threatened)."""
        return {"threats_carried_out": self.carried_out.copy(),
                "credibility": self.credibility.copy()}

    # --- each day and each round -------------------------------------------------------------
    def at_table(self, live: np.ndarray, day: int) -> np.ndarray:
        """(R,) where talks can be held today: live and not paused (a pause of D days from day
        t holds no talks on days t + 1 to t + D)."""
        return live & (day > self.paused_until)

    def called_for(self, day: int) -> np.ndarray:
        """(R,) where a leaders' call set a round of talks for today."""
        return self.talks_on == day

    def land(self, day: int) -> None:
        """Sticks decided earlier land today where their delay is up."""
        if not self.queued:
            return
        due = (self.lands_on <= day) & any_of(self.landing > 0)
        if due.any():
            self.mediator.pressure[due] += self.landing[due]
            self.landing[due] = 0.0
        self.queued = bool(self.landing.any())

    def reckon_threats(self, progress: np.ndarray, talking: np.ndarray,
                       live: np.ndarray) -> np.ndarray:
        """After a round: a signing lifts any threat and calls off sticks yet to land; a threat
        whose deadline has come is carried out with the mediator's credibility, or not, and
        then its credibility falls. Returns where a threat was carried out (R,)."""
        self.landing[progress] = 0.0
        standing = (self.threatened != NONE) & live
        lifted = standing & progress
        self.rounds_left -= standing & talking & ~progress
        due = standing & ~progress & (self.rounds_left <= 0)
        carried = np.zeros_like(due)
        if due.any():
            model = self.model
            draw = uniforms(self.threat_key, model.day, model.world.horizon_days + 1,
                            model.replicates)
            carried = due & (draw < self.credibility)
            rows = np.flatnonzero(carried)
            self.mediator.pressure[rows, self.threatened[rows]] += self.mediator.stick_size[rows]
            self.mediator.sticks += carried
            self.carried_out += carried
            failed = due & ~carried
            self.credibility[failed] *= 1.0 - self.loss[failed]
            model.log("threat_carried_out", carried)
            model.log("threat_empty", failed)
        self.model.log("threat_lifted", lifted)
        ended = lifted | due
        self.model.prospects.menace[ended] = 0.0
        self.threatened[ended] = NONE
        return carried

    def resolve(self, stuck: np.ndarray, blocking: np.ndarray, can_press: np.ndarray,
                weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Try the recourses in order where the mediator is `stuck` (R,); return where it
        pressed (a stick decided now) and where it walked away. `blocking` (R, n) and the
        round's Nash `weights` (R, n) say whom it presses or threatens."""
        self.blocking, self.weights = blocking, weights
        self.pressed, self.withdrew = np.zeros_like(stuck), np.zeros_like(stuck)
        stuck = stuck.copy()
        model = self.model
        for name, unit in self.recourses:
            if not stuck.any():
                break
            draw = (uniforms(self.keys[name], model.day, model.world.horizon_days + 1,
                             model.replicates) if unit.draws else None)
            impasse = Impasse(stuck, self.uses[name], can_press, self.credibility,
                              self.threatened != NONE, draw)
            rows = stuck & unit.takes(impasse, self.settings[name])
            if rows.any():
                unit.carry_out(self, rows, self.settings[name])
                self.uses[name] += rows
                stuck &= ~rows
        return self.pressed, self.withdrew

    # --- the means (sim.rules.recourses.Means) ------------------------------------------------
    def _blockers(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        where = np.flatnonzero(rows)
        return where, main_blocker(self.blocking[where], self.weights[where])

    def press(self, rows: np.ndarray, share: np.ndarray, delay_days: np.ndarray) -> None:
        where, blocker = self._blockers(rows)
        size = self.mediator.stick_size[where] * share[where]
        delay = delay_days[where].astype(np.int64)
        now = delay <= 0
        self.mediator.pressure[where[now], blocker[now]] += size[now]
        later = ~now
        self.landing[where[later], blocker[later]] += size[later]
        self.lands_on[where[later]] = self.model.day + delay[later]  # a later stick on a
        self.queued |= bool(later.any())  # replicate with one still to land: both land then
        self.pressed |= rows
        self.mediator.sticks += rows

    def threaten(self, rows: np.ndarray, credibility: np.ndarray, deadline_rounds: np.ndarray,
                 loss: np.ndarray) -> None:
        where, blocker = self._blockers(rows)
        first = np.isnan(self.credibility[where])
        self.credibility[where[first]] = credibility[where[first]]
        self.threatened[where] = blocker
        self.rounds_left[where] = np.ceil(deadline_rounds[where])
        self.loss[where] = loss[where]
        self.model.log("threat", rows)
        self.model.prospects.menace[where, blocker] = (self.credibility[where]
                                                       * self.mediator.stick_size[where])

    def pause(self, rows: np.ndarray, days: np.ndarray) -> None:
        self.paused_until[rows] = self.model.day + np.ceil(days[rows]).astype(np.int64)
        self.model.log("paused", rows)

    def change_envoy(self, rows: np.ndarray) -> None:
        table, (alpha, beta) = self.model.party_table, self.prior_trust
        table.mediator_alpha[rows] = alpha[rows]
        table.mediator_beta[rows] = beta[rows]
        self.model.log("envoy_changed", rows)

    def call_leaders(self, rows: np.ndarray) -> None:
        model = self.model
        truces = model.truces
        tabled = rows[:, None] & self.partial[None, :] & (truces.status == OFF)
        truces.table(tabled, model.day)
        self.talks_on[rows] = model.day + 1
        model.log("leaders_call", rows)
        model.log("tabled", tabled & (truces.status == TABLED))

    def walk_away(self, rows: np.ndarray) -> None:
        self.withdrew |= rows
