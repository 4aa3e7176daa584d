"""Validation of domestic ratification, through the whole model: a two-level game (Putnam
1988). B's veto player ratifies only terms worth its reservation value plus a premium, so B's
win-set is x <= p + c_B - premium against A's x >= p - c_A. Agreement exactly when the two
win-sets meet; and when B's constraint binds, the mediator, learning from the vetoes, moves
the terms B's way (Schelling's conjecture: a constrained negotiator gets better terms)."""

from __future__ import annotations

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook

P, COST = 0.5, 0.1  # the textbook's: equal capabilities, each cost 0.1 over the horizon
LEARNING = ("mediator.patience_rounds=100000", "mediator.learning_step=0.005")


def win_sets(premium: float) -> tuple[float, float]:
    """A's and B's win-sets as the interval of A's share both ratify: [p - c_A, p + c_B - premium]."""
    return P - COST, P + COST - premium


def two_level_game(replicates: int, seed: int) -> list[Row]:
    rows = []
    for premium in (0.05, 0.15, 0.25):
        low, high = win_sets(premium)
        out = simulate(textbook(f"scenario.parties.B.ratification_premium={premium}", *LEARNING),
                       replicates, seed)
        agreed, terms = out["agreement"], out["terms.stake"][out["agreement"]]
        if low <= high:
            binds = high < P  # the mediator's unconstrained split lies outside B's win-set
            expected = (f"P = 1, terms in [{low:.2f}, {high:.2f}]"
                        + (" (below 0.5: better for B)" if binds else ", 0.5 on day 1"))
            ok = bool(agreed.all() and terms.min() >= low - 1e-9 and terms.max() <= high + 1e-9
                      and (binds or (out["agreement_day"] == 1).all()))
        else:
            expected, ok = f"P = 0 (win-sets [{low:.2f}, ...] and [..., {high:.2f}] are apart)", \
                not agreed.any()
        shown = (f"terms {np.min(terms):.3f}-{np.max(terms):.3f}, median day "
                 f"{np.median(out['agreement_day'][agreed]):.0f}" if agreed.any() else "no terms")
        rows.append(Row(f"Two-level game: B's veto player asks {premium} more", "Putnam 1988; "
                        "Schelling 1960", expected,
                        f"P = {agreed.mean():.3f}, {shown}; vetoes per episode "
                        f"{out['party.B.vetoes'].mean():.2f}", "exact", ok))
    return rows
