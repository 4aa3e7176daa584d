"""Validation of logrolling, through the whole model: two issues of opposite saliences (A cares
0.8 for the first and 0.2 for the second, B the reverse). A mediator searching per-issue terms
along the frontier (`mediator.proposal.packages=logrolling`) signs a package no other package
improves on for A without hurting B: `scipy.optimize.linprog` maximises A's utility subject to
B's and finds nothing better. One weight for the whole package (compromise) splits both issues
at 0.5, off the frontier: at B's utility A could have 0.375 more (Raiffa 1982)."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook

SALIENCE = {"A": (0.8, 0.2), "B": (0.2, 0.8)}  # weights on (stake, second)


def two_issues(packages: str) -> dict[str, Any]:
    """The textbook case over two issues of opposite saliences, one stage over both."""
    cfg = copy.deepcopy(textbook(f"mediator.proposal.packages={packages}"))
    scenario = cfg["scenario"]
    scenario["issues"]["second"] = {**scenario["issues"]["stake"],
                                    "description": "A second issue: 1 = all to A"}
    for name, (first, second) in SALIENCE.items():
        party = scenario["parties"][name]
        party["ideal"]["second"] = party["ideal"]["stake"]
        party["salience"] = {"stake": first, "second": second}
    scenario["stages"]["settlement"]["issues"] = ["stake", "second"]
    return cfg


def utilities(terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A's and B's utilities of terms (R, 2), A's ideal 1 and B's 0 on both issues."""
    a, b = np.array(SALIENCE["A"]), np.array(SALIENCE["B"])
    return terms @ a, (1.0 - terms) @ b


def best_for_a(b_utility: float) -> float:
    """The most A can have while B keeps `b_utility`: a linear programme."""
    from scipy.optimize import linprog  # only here: the simulating process never needs it

    a, b = np.array(SALIENCE["A"]), np.array(SALIENCE["B"])
    found = linprog(-a, A_ub=[b], b_ub=[b.sum() - b_utility], bounds=[(0, 1), (0, 1)])
    return float(-found.fun)


def efficient_frontier(replicates: int, seed: int) -> list[Row]:
    rows = []
    for packages in ("logrolling", "compromise"):
        out = simulate(two_issues(packages), replicates, seed)
        agreed = out["agreement"]
        terms = np.column_stack([out["terms.stake"], out["terms.second"]])[agreed]
        u_a, u_b = utilities(terms)
        gap = max(best_for_a(b) - a for a, b in zip(u_a, u_b, strict=True)) if agreed.any() else 1
        efficient = gap < 1e-9
        shown = (f"P = {agreed.mean():.3f}, terms ({', '.join(f'{x:g}' for x in terms[0])}), "
                 f"U = ({u_a[0]:.3f}, {u_b[0]:.3f}); linprog finds {gap:.3f} more for A"
                 if agreed.any() else "no agreement")
        if packages == "logrolling":
            expected = "P = 1 on the frontier: linprog finds nothing better for A (< 1e-9)"
            ok = bool(agreed.all() and efficient)
        else:
            wasted = best_for_a(0.5) - 0.5
            expected = (f"P = 1 at (0.5, 0.5): {wasted:.3f} more for A at B's utility "
                        "(off the frontier)")
            ok = bool(agreed.all() and np.all(terms == 0.5) and abs(gap - wasted) < 1e-9)
        rows.append(Row(f"Two issues of opposite saliences, {packages} packages",
                        "Raiffa 1982 (logrolling); linprog", expected, shown, "1e-9", ok))
    return rows
