"""The lines of control of a scenario's `line_of_control` issues, moved by the war in every
replicate (`sim.rules.lines`).

Terms on such an issue are the line, whatever the candidate package says, so the candidates'
utilities leave the issue out and each party's reservation value for a stage is read relative
to the value of freezing its lines: what a package adds to the line is then weighed against
what fighting on adds to it, and every rule that compares a package's value with a reservation
value (the Nash search, acceptance, ratification, commitment, violation, screening, the
bargaining range) compares the same differences as if the line were part of every package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.config.sampling import Sampled
from sim.engine.truce import IN_FORCE
from sim.rules.lines import expected_outcome, line_value, moved_line

if TYPE_CHECKING:
    from sim.engine.tables import Layout
    from sim.engine.talks import Round
    from sim.engine.truce import Truces
    from sim.engine.war import Prospects


class Lines:
    """Where each line of control lies in each replicate, and what freezing it is worth."""

    def __init__(self, lay: Layout, values: Sampled, kinds: list[str]) -> None:
        self.issues = np.array([k for k, kind in enumerate(kinds) if kind == "line_of_control"],
                               dtype=np.int64)
        self.any = self.issues.size > 0
        if not self.any:
            return
        names = [lay.issues[k] for k in self.issues]
        lines = [values.scenario.issues[k].line for k in names]
        self.position = np.stack([line.position for line in lines], axis=1)
        self.mobility = np.stack([line.mobility for line in lines], axis=1)
        self.ideal = lay.ideal[:, self.issues]  # (n, L)
        self.held_by = lay.stage_issues[:, self.issues] > 0  # (S, L) the stages holding a line
        self.weights = lay.salience[:, None, self.issues] * self.held_by[None]  # (n, S, L)
        self.expected: np.ndarray | None = None  # (R, L) yesterday's expected outcome

    def anchor(self, live: np.ndarray, status: np.ndarray, prospects: Prospects) -> None:
        """After the day's assessment: move the lines no truce in force holds, then read every
        live replicate's reservation values relative to the value of freezing the lines (their
        values after the shift follow when projected: `relate`)."""
        if not self.any:
            return
        now = expected_outcome(prospects.p_win, self.ideal)
        if self.expected is not None:
            held = ((status == IN_FORCE)[:, :, None] & self.held_by[None]).any(axis=1)
            self.position = moved_line(self.position, self.expected, now, self.mobility,
                                       live[:, None] & ~held)
            now = np.where(live[:, None], now, self.expected)
        self.expected = now
        value = line_value(self.position, self.ideal, self.weights)
        prospects.reservation[live] -= value[live]

    def relate(self, rows: np.ndarray, future: np.ndarray) -> None:
        """Read the values after the shift just projected in `rows` (R,) relative to the lines
        too (they lie where that day's assessment left them)."""
        if not self.any or not rows.any():
            return
        future[rows] -= line_value(self.position[rows], self.ideal, self.weights)

    def record(self, talks: Round, truces: Truces) -> None:
        """After a round: the terms proposed on each line are the line, and so are those
        signed (the terms a truce in force holds)."""
        if not self.any:
            return
        docket = truces.docket
        for n, k in enumerate(self.issues):
            line = self.position[:, n]
            for s in np.flatnonzero(self.held_by[:, n]):
                talks.terms[:, s, k] = line
                signed = talks.signed[:, s]
                docket.terms[signed, s, k] = line[signed]
                docket.final_terms[signed, k] = line[signed]
