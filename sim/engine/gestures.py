"""Gestures in the model: each day, before the fighting, every gesture the scenario declares
may be made (its rule, `sim.rules.gestures`, decides), and those under way run their course.

A unilateral truce lifts a share of the others' daily cost of war while it lasts (the
declarer's too where they reciprocate): the model's `respite`, (R, n), read by the war's daily
pass. When it ends the others weigh whether it was kept. An exchange moves every party's
trust in every other at once. Each gesture draws its uniforms under a key of its own, counted
by day, so adding one moves no other numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.config.sampling import Sampled, stream_key
from sim.engine.draws import uniform_table
from sim.engine.reads import Episodes
from sim.rules.gestures import GESTURES, Occasion

if TYPE_CHECKING:
    from sim.domain.gestures import Gesture


class Making:
    """One gesture of the scenario, in every replicate: its rule, its state and its means
    (`sim.rules.gestures.Means`)."""

    def __init__(self, model: Episodes, name: str, spec: Gesture,
                 values: Sampled) -> None:
        r, parties = model.replicates, model.layout.parties
        self.model, self.name, self.spec = model, name, spec
        self.unit = GESTURES.get(spec.rule)
        self.settings = self.unit.settings_of(values.scenario.gestures[name].parameters, r)
        self.by = parties.index(spec.by) if spec.by is not None else -1
        self.days = frozenset(spec.days)
        self.columns = self.unit.draws + len(parties)
        self.key = np.uint64(stream_key(model.seed_sequence, f"gesture:{name}"))
        self.until = np.full(r, -1, dtype=np.int64)  # last day of a truce under way
        self.relief = np.zeros((r, len(parties)))  # the share of each party's cost it lifts
        self.kept, self.weight = np.zeros(r, dtype=bool), np.zeros(r)
        self.made = np.zeros(r, dtype=np.int32)
        self.kept_count = np.zeros(r, dtype=np.int32)

    def make(self, live: np.ndarray, day: int) -> None:
        """End what has run its course, then make the gesture where its rule says."""
        self._conclude(day)
        if self.days and day not in self.days:
            return
        free = live & (self.until < day)
        if not free.any():
            return
        total = (self.model.world.horizon_days + 1) * self.columns
        draws = uniform_table(self.key, day * self.columns, self.columns, total, live.shape[0])
        occasion = Occasion(free, draws)
        made = self.unit.made(occasion, self.settings) & free
        if made.any():
            self.unit.carry_out(self, made, occasion, self.settings)
            self.made += made
            self.model.log(self.spec.rule, made, party=self.spec.by or "")

    def under_way(self, day: int) -> np.ndarray:
        """(R,) bool: a truce of this gesture lasts through `day`."""
        return self.until >= day

    # --- its means --------------------------------------------------------------------------
    def hold_fire(self, rows: np.ndarray, relief: np.ndarray, days: np.ndarray,
                  reciprocated: np.ndarray, kept: np.ndarray, weight: np.ndarray) -> None:
        day = self.model.day
        self.until[rows] = day + days[rows].astype(np.int64) - 1
        others = np.arange(self.relief.shape[1]) != self.by
        self.relief[rows] = 0.0
        self.relief[np.ix_(rows, others)] = relief[rows, None]
        both = rows & reciprocated
        self.relief[both, self.by] = relief[both]
        self.kept[rows], self.weight[rows] = kept[rows], weight[rows]

    def exchange(self, rows: np.ndarray, weight: np.ndarray) -> None:
        table = self.model.party_table
        n = table.trust_alpha.shape[1]
        off = ~np.eye(n, dtype=bool)
        picked = np.flatnonzero(rows)  # a few a day: indices, not a mask over every replicate
        table.trust_alpha[picked] += weight[picked, None, None] * off

    def _conclude(self, day: int) -> None:
        """Truces whose last day was yesterday: the others weigh them, kept or broken."""
        ended = self.until == day - 1
        if not ended.any() or self.by < 0:
            return
        table = self.model.party_table
        others = np.arange(self.relief.shape[1]) != self.by
        kept, broken = ended & self.kept, ended & ~self.kept
        table.trust_alpha[np.ix_(kept, others, [self.by])] += self.weight[kept, None, None]
        table.trust_beta[np.ix_(broken, others, [self.by])] += self.weight[broken, None, None]
        self.kept_count += kept
        self.relief[ended] = 0.0
        self.model.log(f"{self.spec.rule}_kept", kept, party=self.spec.by or "")
        self.model.log(f"{self.spec.rule}_broken", broken, party=self.spec.by or "")


class Gestures:
    """Every gesture of the scenario, and the respite from war they give today."""

    def __init__(self, model: Episodes, values: Sampled) -> None:
        self.makings = [Making(model, name, spec, values)
                        for name, spec in model.world.gestures.items()]

    def make(self, live: np.ndarray, day: int, respite: np.ndarray) -> None:
        """Today's gestures; `respite` (R, n) becomes the share of each party's daily cost of
        war lifted by the truces under way (several: 1 - the product of what each leaves)."""
        if not self.makings:
            return
        left = np.ones_like(respite)
        for making in self.makings:
            making.make(live, day)
            on = making.under_way(day)
            if on.any():
                left[on] *= 1.0 - making.relief[on]
        respite[:] = 1.0 - left
