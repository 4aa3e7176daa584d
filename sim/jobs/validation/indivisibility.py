"""Validation of indivisible issues, through the whole model: with one indivisible issue and no
side-payment, the parties agree exactly when Fearon's bargaining range [p - c_A, p + c_B]
contains 0 or 1, at that end; a divisible stake in the same conditions is always settled."""

from __future__ import annotations

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook
from sim.rules.bargaining import bargaining_range

CASES = (  # (A's capability, A's cost, B's cost) over the 100 days weighed
    (2.0, 0.1, 0.3),  # range [0.567, 0.967]: neither end
    (2.0, 0.1, 0.4),  # [0.567, 1.067]: contains 1
    (1.0, 0.55, 0.1),  # [-0.05, 0.6]: contains 0
)


def indivisible_issues(replicates: int, seed: int) -> list[Row]:
    rows = []
    for capability, cost_a, cost_b in CASES:
        p = capability / (1 + capability)
        low, high = bargaining_range(p, cost_a, cost_b)
        end = 1.0 if high >= 1 else 0.0 if low <= 0 else None
        given = (f"scenario.parties.A.capability={capability}",
                 f"scenario.parties.A.cost_per_day={cost_a / 100}",
                 f"scenario.parties.B.cost_per_day={cost_b / 100}", "mediator.patience_rounds=3")
        out = simulate(textbook("scenario.issues.stake.kind=indivisible", *given), replicates,
                       seed)
        split = simulate(textbook(*given), replicates, seed)
        agreed, terms = out["agreement"], out["terms.stake"][out["agreement"]]
        ok = (agreed.all() and np.all(terms == end)) if end is not None else not agreed.any()
        rows.append(Row(
            f"Indivisible stake, range [{low:.3f}, {high:.3f}]", "Fearon 1995 (indivisibility)",
            f"P = 1 at terms {end:g}" if end is not None else "P = 0 (no end in the range)",
            f"P = {agreed.mean():.3f}" + (f" at terms {', '.join(f'{x:g}' for x in np.unique(terms))}"
                                          if agreed.any() else "")
            + f"; divisible: P = {split['agreement'].mean():.3f}",
            "exact", bool(ok and split["agreement"].all())))
    return rows
