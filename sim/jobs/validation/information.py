"""Validation of private information, through the whole model: Fearon's (1995) risk-return
trade-off. Party A makes a take-it-or-leave-it offer to B, whose cost of war is private, drawn
uniformly on [0, c_max] (over the days it weighs); A knows only that distribution. The
textbook case (p = 0.5, A's cost 0.1) reduces the model to that problem."""

from __future__ import annotations

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, pct, simulate, textbook
from sim.results.estimators import wilson

P, COST_A, HORIZON = 0.5, 0.1, 100  # the textbook's: A's daily cost 0.001 over 100 days


def optimal_offer(cost_max: float) -> tuple[float, float]:
    """A's share x* that maximises its expected value, and the chance B rejects it (war):
    x* = p + max(0, c_max - c_A) / 2, P(war) = (x* - p) / c_max (Fearon 1995)."""
    offer = P + max(0.0, cost_max - COST_A) / 2
    return offer, (offer - P) / cost_max


def screening_path(cost_max: float, rounds: int = 6) -> list[tuple[float, float]]:
    """Each round's offer and the chance B first accepts it then: after a rejection A knows
    B's cost is below x - p and offers again against the truncated uniform belief."""
    path, bound, left = [], cost_max, 1.0
    for _ in range(rounds):
        offer, war = optimal_offer(bound)
        path.append((offer, left * (1 - war)))
        left *= war
        bound = offer - P
        if left == 0:
            break
    return path


def _screened(cost_max: float, replicates: int, seed: int) -> dict[str, np.ndarray]:
    return simulate(textbook("mediator.proposal.rule=screening", "mediator.proposal.proposer=A",
                             "scenario.parties.B.cost_per_day={dist: uniform, low: 0.0, high: "
                             f"{cost_max / HORIZON}}}"), replicates, seed)


def risk_return(replicates: int, seed: int) -> list[Row]:
    rows = []
    for cost_max in (0.5, 0.08):
        offer, war = optimal_offer(cost_max)
        out = _screened(cost_max, replicates, seed)
        day, terms = out["stage.settlement.signed_day"], out["terms.stake"]
        first = day == 1
        rejected = int((~first).sum())
        ci = wilson(rejected, day.size, 0.999)
        offered = np.unique(terms[first].round(4))
        rows.append(Row(
            f"Risk-return trade-off, B's cost U[0, {cost_max}]: first offer and P(war)",
            "Fearon 1995 (private information)", f"x* = {offer:.3f}, P(rejected) = {pct(war)}",
            f"x = {', '.join(f'{x:.3f}' for x in offered)}, P(rejected) = "
            f"{pct(rejected / day.size)} [{pct(ci.ci_low)}, {pct(ci.ci_high)}]",
            "x on the 0.005 grid; P within its 99.9% interval",
            bool(offered.size == 1 and abs(offered[0] - offer) <= 0.0025
                 and ci.ci_low <= war <= ci.ci_high)))
    return [*rows, _screening(replicates, seed)]


def _screening(replicates: int, seed: int) -> Row:
    """After each rejection A offers again on its truncated belief: the days B accepts follow."""
    cost_max = 0.5
    path = screening_path(cost_max)
    out = _screened(cost_max, replicates, seed)
    day, terms = out["stage.settlement.signed_day"], out["terms.stake"]
    observed = np.array([(day == k + 1).sum() for k in range(len(path))])
    chi = stats.chisquare(observed, np.array([share for _, share in path]) * day.size)
    exact_terms = all(np.allclose(terms[day == k + 1], x, atol=0.0025)
                      for k, (x, _) in enumerate(path) if observed[k])
    return Row("Screening after rejections, B's cost U[0, 0.5]: day and terms of acceptance",
               "Fearon 1995; Powell 1999 (screening)",
               "; ".join(f"day {k + 1}: {pct(s)} at {x:.3f}" for k, (x, s) in enumerate(path)),
               "; ".join(f"day {k + 1}: {pct(n / day.size)}" for k, n in enumerate(observed))
               + f"; chi-square p = {chi.pvalue:.3f}", "p > 0.001; terms on the 0.005 grid",
               bool(chi.pvalue > 0.001 and exact_terms and observed.sum() == day.size))
