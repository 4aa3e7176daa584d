"""A truce stays in force while it is violated until someone declares it over: a party, or the
mediator. Violence and formal status are apart: a ceasefire can be violated for months and stay
in force (the ETH/PRIO ceasefire data date a ceasefire's end, not its violations: Clayton et
al. 2022), and the end of a ceasefire is a decision to resume the war (Fortna 2004, *Peace
Time*; Lo, Hashimoto & Reiter 2008 extend her data of cease-fires and the peace after them).

The decision's daily hazard rises with the violations reported in the spell's last seven days,
x, weighed against the stage's own `tolerance` T, the violence a week its parties live with:
one ambush can end a 72-hour truce (T small), a hundred shellings a week need not end a
ceasefire along a long front (T large). A week at x ends the truce with probability
1 - (1 - p)^((x / T)^g): p at the tolerance (`at_tolerance`), rising steeply above it with the
`escalation` g, as each day carries a seventh of the week's hazard. A declaration is the
mediator's with chance `by_mediator`, else the party most violated against (the fewest reports
against it this week; a tie is settled by the same draw). Every number is an assumption.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.stages import NOBODY, Spell, StageRule
from sim.rules.units import Setting, declare


class Declared(StageRule):
    name = "declared"
    summary = ("a party or the mediator declares the truce over, more likely the more "
               "violations its last week saw against the stage's tolerance")
    source = ("Fortna (2004), Peace Time; Lo, Hashimoto & Reiter (2008), International "
              "Organization 62(4); Clayton et al. (2022), Journal of Conflict Resolution")
    draws = True
    stream = "collapse:declared"
    reads_week = True
    declares = True
    parameters = declare(
        tolerance=Setting(
            "reported violations a week the truce's parties live with: the scale of a "
            "violation's seriousness", "reports per week", 0.01, 10000.0, 1.0,
            "assumption: chosen per stage, 0.1 (a short truce, any incident grave) to tens "
            "(a ceasefire along a long front)"),
        at_tolerance=Setting(
            "chance that a week of violations at the tolerance ends the truce", "probability "
            "per week", 0.0, 1.0, 0.1,
            "assumption: 0.02-0.3 (most ceasefires outlast their violations, Fortna 2004)"),
        escalation=Setting(
            "how steeply the hazard rises with the week's violations over the tolerance",
            "exponent", 1.0, 4.0, 2.0,
            "assumption: 1-3 (violence below the tolerance is absorbed, a surge above it is "
            "grave)"),
        by_mediator=Setting(
            "share of the declarations the mediator makes; the rest, the party most "
            "violated against", "share", 0.0, 1.0, 0.1,
            "assumption: 0-0.3 (the parties, not the mediator, mostly end a ceasefire)"))

    def hazard(self, spell: Spell, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) today's chance that the truce is declared over, from the week's reports."""
        assert spell.week is not None
        weight = (spell.week.sum(axis=1) / settings["tolerance"]) ** settings["escalation"]
        return 1.0 - (1.0 - settings["at_tolerance"]) ** (weight / 7.0)

    def collapses(self, spell: Spell, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert spell.draw is not None
        return spell.in_force & (spell.draw < self.hazard(spell, settings))

    def declared_by(self, spell: Spell, settings: Mapping[str, np.ndarray],
                    collapsed: np.ndarray) -> np.ndarray:
        """The mediator where the draw fell in the first `by_mediator` share of the hazard,
        else the party with the fewest reports against it this week (the draw, rescaled,
        settles a tie); NOBODY where it did not collapse."""
        assert spell.draw is not None and spell.week is not None
        hazard = np.maximum(self.hazard(spell, settings), 1e-300)
        share = settings["by_mediator"]
        rest = np.clip((spell.draw / hazard - share) / np.maximum(1.0 - share, 1e-12), 0.0,
                       1.0 - 1e-12)
        aggrieved = spell.week == spell.week.min(axis=1, keepdims=True)  # (R, n)
        pick = np.floor(rest * aggrieved.sum(axis=1)).astype(np.int64)  # which of the tied
        party = (np.cumsum(aggrieved, axis=1) <= pick[:, None]).sum(axis=1)
        mediator = spell.draw < hazard * share
        who = np.where(mediator, spell.week.shape[1], party)
        return np.where(collapsed, who, NOBODY)
