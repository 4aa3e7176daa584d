"""What happened in an episode, day by day, when it is traced: its events and its timeline."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from sim.engine.agents import Party
from sim.engine.reads import Episodes
from sim.engine.talks import NONE, RESPONSES, Round
from sim.engine.war import Prospects


class Traced(Episodes, Protocol):
    """What the trace reads besides the common: the parties, their prospects and the tier."""

    parties: list[Party]
    prospects: Prospects  # each side's chance of prevailing, among its outlook
    tier: np.ndarray  # (R,) the ladder's tier on the table


EVENT_COLUMNS = ["replicate", "day", "kind", "stage", "party", "detail", "value", "bar",
                 "reservation"]


class EventLog:
    """Day-by-day record of what happened in each replicate, for inspection and narratives."""

    def __init__(self, model: Traced) -> None:
        self.model = model
        self.rows: list[dict[str, object]] = []
        self._snapshots: list[tuple[int, dict[str, np.ndarray]]] = []  # (day, columns (R,))

    def _row(self, replicate: int, kind: str, stage: str = "", party: str = "",
             detail: str = "", value: float = np.nan, bar: float = np.nan,
             reservation: float = np.nan) -> None:
        self.rows.append({"replicate": replicate, "day": self.model.day, "kind": kind,
                          "stage": stage, "party": party, "detail": detail, "value": value,
                          "bar": bar, "reservation": reservation})

    def add(self, kind: str, mask: np.ndarray, party: str = "", stage: str = "",
            per_stage_party: bool = False) -> None:
        """Log `kind` wherever `mask` is true: (R,), (R, S) or, per party, (R, S, n)."""
        lay = self.model.layout
        for index in zip(*np.nonzero(mask), strict=True):
            r = int(index[0])
            where = lay.stages[index[1]] if len(index) > 1 else stage
            who = lay.parties[index[2]] if per_stage_party else party
            self._row(r, kind, where, who)

    def talks(self, talks: Round, reservation: np.ndarray) -> None:
        """Log a round of talks, stage by stage: `round` for each, and the carrots paid."""
        for s, stage in enumerate(self.model.layout.stages):
            self.round(s, talks.tabled[:, s], talks.codes[:, s], talks.terms[:, s],
                       talks.signed[:, s], talks.offered[:, s], talks.bar[:, s],
                       reservation[:, :, s])
            self.add("carrot", talks.signed[:, s] & (talks.carrots[:, s] > 0), stage=stage)

    def round(self, stage: int, tabled: np.ndarray, codes: np.ndarray, terms: np.ndarray,
              signed: np.ndarray, offered: np.ndarray, bar: np.ndarray,
              reservation: np.ndarray) -> None:
        """Log a stage's round: the proposal, each party's answer (with the value offered to
        it, what it held out for and its reservation value), and any signing."""
        lay = self.model.layout
        name = lay.stages[stage]
        issues = [k for k in range(len(lay.issues)) if lay.stage_issues[stage, k]]
        for r in np.flatnonzero(tabled):
            offer = ", ".join(f"{lay.issues[k]}={terms[r, k]:.2f}" for k in issues)
            self._row(int(r), "proposal", name, "mediator", offer)
            for i, party in enumerate(self.model.parties):
                if codes[r, i] != NONE:
                    self._row(int(r), RESPONSES[int(codes[r, i])], name, party.name,
                              value=float(offered[r, i]), bar=float(bar[r, i]),
                              reservation=float(reservation[r, i]))
            if signed[r]:
                self._row(int(r), "signed", name, "", offer)

    def snapshot(self) -> None:
        """Today's timeline columns, (R,) each: balance, trust, stage and tier. Kept as arrays;
        rows are made when asked for, usually for one replicate of many (`timeline_of`)."""
        model = self.model
        columns: dict[str, np.ndarray] = {"tier": model.tier.copy()}
        for party in model.parties:
            columns[f"p_win.{party.name}"] = model.prospects.p_win[:, party.index].copy()
            columns[f"trust.{party.name}"] = party.trust_in_others()
            columns[f"mediator_trust.{party.name}"] = party.trust_in_mediator()
        for s, stage in enumerate(model.layout.stages):
            columns[f"status.{stage}"] = model.truces.status[:, s].copy()
        self._snapshots.append((model.day, columns))

    @property
    def timeline(self) -> list[dict[str, object]]:
        """One row per replicate per day, day by day."""
        return [{"replicate": r, "day": day} | {k: v[r].item() for k, v in columns.items()}
                for day, columns in self._snapshots for r in range(self.model.replicates)]

    def timeline_of(self, replicate: int) -> list[dict[str, object]]:
        """One replicate's timeline rows, day by day, in Python ints and floats."""
        return [{"replicate": replicate, "day": day} | {k: v[replicate].item() for k, v in
                                                        columns.items()}
                for day, columns in self._snapshots]
