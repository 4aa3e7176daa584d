"""Utilities, reservation values and the mediator's Nash bargaining proposal.

The rules the model applies every day are written for one replicate and compiled (see
`sim.rules.compiled`); the scenario's fixed tables (utilities, stakes, candidates) are NumPy.

Shapes: R replicates, n parties, K issues, S stages, C candidate proposals.
"""

from __future__ import annotations

import itertools

import numpy as np

from sim.rules.compiled import rule


@rule
def contest_success(log_capability: np.ndarray, decisiveness: float, p_win: np.ndarray) -> None:
    """Chance each party prevails, s_i^k / sum_j s_j^k (Tullock contest), written into `p_win`
    (n,) from log-capabilities (n,)."""
    top = -np.inf
    for i in range(log_capability.shape[0]):  # loops, not array expressions: no temporaries
        top = max(top, decisiveness * log_capability[i])
    total = 0.0
    for i in range(log_capability.shape[0]):
        p_win[i] = np.exp(decisiveness * log_capability[i] - top)
        total += p_win[i]
    for i in range(log_capability.shape[0]):
        p_win[i] /= total


def utility(terms: np.ndarray, ideal: np.ndarray, salience: np.ndarray) -> np.ndarray:
    """Linear-loss utility sum_k w_ik (1 - |x_k - a_ik|) of terms (..., K) for each party: (..., n)."""
    closeness = 1.0 - np.abs(terms[..., None, :] - ideal)
    return (closeness * salience).sum(axis=-1)


def stage_weights(salience: np.ndarray, stage_issues: np.ndarray) -> np.ndarray:
    """How much each stage is worth to each party: W (n, S) = sum of saliences of its issues."""
    return salience @ stage_issues.T


def war_stakes(ideal: np.ndarray, salience: np.ndarray, stage_issues: np.ndarray) -> np.ndarray:
    """What party i gets on stage s if party j wins the war and imposes its ideal point:
    sum_k w_ik (1 - |a_ik - a_jk|) over the stage's issues, as (n_j, n_i, S)."""
    closeness = 1.0 - np.abs(ideal[:, None, :] - ideal[None, :, :])  # (n_i, n_j, K)
    return np.einsum("ijk,ik,sk->jis", closeness, salience, stage_issues)


@rule
def reservation(p_win: np.ndarray, cost_of_war: np.ndarray, stakes: np.ndarray,
                weights: np.ndarray, value: np.ndarray) -> None:
    """Reservation value (n, S) of each party for each stage, written into `value`: the
    expected value of fighting on
    (Fearon 1995: the winner imposes its ideal point, `stakes` from `war_stakes`) minus its cost.

    The cost of war (n,), in shares of the whole stake, is charged in proportion to the stage's
    share of what the party cares about (`weights`, (n, S) from `stage_weights`)."""
    parties, stages = weights.shape
    for i in range(parties):
        for s in range(stages):
            value[i, s] = stage_reservation(p_win, cost_of_war[i], stakes, weights, i, s)


@rule
def stage_reservation(p_win: np.ndarray, cost_of_war: float, stakes: np.ndarray,
                      weights: np.ndarray, i: int, s: int) -> float:
    """Party i's reservation value for stage s (`reservation`, one entry): what it expects the
    war to give it on the stage's issues, less its cost of war charged by the stage's weight."""
    expected = 0.0
    for j in range(p_win.shape[0]):
        expected += p_win[j] * stakes[j, i, s]
    return expected - cost_of_war * weights[i, s]


def fighting_value(p_win: np.ndarray, ideal: np.ndarray, salience: np.ndarray,
                   stage_issues: np.ndarray) -> np.ndarray:
    """Expected value (n, S) of each stage's issues if war decides them, before costs."""
    weights = stage_weights(salience, stage_issues)
    value = np.empty_like(weights)
    reservation(p_win, np.zeros_like(p_win), war_stakes(ideal, salience, stage_issues), weights,
                value)
    return value


def range_open(candidate_utility: np.ndarray, demand: np.ndarray) -> np.ndarray:
    """Whether some candidate package is worth at least its demand to every party, (R,): Fearon's
    bargaining range is open. `candidate_utility` (C, n) or (R, C, n), `demand` (R, n)."""
    utility = np.broadcast_to(candidate_utility, (demand.shape[0], *candidate_utility.shape[-2:]))
    return np.all(utility >= demand[:, None, :], axis=2).any(axis=1)


def bargaining_range(p: float, cost_a: float, cost_b: float) -> tuple[float, float]:
    """Shares of a unit stake to A that both prefer to war: [p - c_A, p + c_B] (Fearon 1995)."""
    return p - cost_a, p + cost_b


def simplex_lattice(parties: int, steps: int) -> np.ndarray:
    """All weight vectors over `parties` with entries in multiples of 1/steps summing to 1."""
    if parties == 2:
        first = np.arange(steps + 1) / steps
        return np.column_stack([first, 1.0 - first])
    rows = [c for c in itertools.product(range(steps + 1), repeat=parties - 1) if sum(c) <= steps]
    points = np.array([[*c, steps - sum(c)] for c in rows], dtype=float)
    return points / steps


def candidate_terms(weights: np.ndarray, ideal: np.ndarray, issues: np.ndarray,
                    indivisible: np.ndarray | None = None) -> np.ndarray:
    """Proposals as weighted compromises of the parties' ideal points on the stage's issues;
    on an indivisible issue (`indivisible` (K,) bool) the compromise is all or nothing, the
    end it is nearer (0.5 goes to 1): no share of it can be traded (Fearon 1995).

    Terms on issues outside the stage are irrelevant and set to 0. Returns (C, K).
    """
    terms = (weights @ ideal) * issues
    if indivisible is not None and indivisible.any():
        terms[:, indivisible] = np.floor(terms[:, indivisible] + 0.5)
    return terms


def frontier_terms(ideal: np.ndarray, salience: np.ndarray, issues: np.ndarray, steps: int,
                   indivisible: np.ndarray | None = None, tied: bool = False) -> np.ndarray:
    """Two parties' efficient packages on a stage (logrolling, Raiffa 1982): from the second
    party's ideal point, issue by issue in falling order of the first party's salience relative
    to the second's, terms move in `steps` steps to the first party's ideal, so each concedes
    what it values least relative to the other. With linear-loss utilities every efficient
    package lies on this path, and along it the first party's utility rises and the second's
    falls. Indivisible issues round as in `candidate_terms`. Issues of equal ratio are
    conceded one after another in the order listed, or, `tied`, together step by step: the
    path then does not depend on the order a file lists them in. Returns
    (1 + groups x steps, K), a group being one issue, or, `tied`, the issues of one ratio."""
    on = np.flatnonzero(issues > 0)
    ratio = salience[0, on] / np.maximum(salience[1, on], 1e-300)
    ranked = np.argsort(-ratio, kind="stable")
    order, ratios = on[ranked], ratio[ranked]
    cuts = np.arange(1, len(order))
    if tied:
        cuts = cuts[~np.isclose(ratios[1:], ratios[:-1], rtol=1e-9, atol=0.0)]
    groups = np.split(order, cuts)
    terms = np.zeros((1 + len(groups) * steps, ideal.shape[1]))
    terms[:, on] = ideal[1, on]
    fraction = np.arange(1, steps + 1) / steps
    for n, group in enumerate(groups):
        rows = slice(1 + n * steps, 1 + (n + 1) * steps)
        for k in group:
            terms[rows, k] = ideal[1, k] + fraction * (ideal[0, k] - ideal[1, k])
            terms[1 + (n + 1) * steps:, k] = ideal[0, k]
    if indivisible is not None and indivisible.any():
        terms[:, indivisible] = np.floor(terms[:, indivisible] + 0.5) * issues[indivisible]
    return terms


def nash_choice(candidate_utility: np.ndarray, disagreement: np.ndarray,
                nash_weights: np.ndarray) -> np.ndarray:
    """Index of the candidate maximising prod_i (U_i - d_i)^beta_i for each replicate.

    candidate_utility (C, n), disagreement (R, n), nash_weights (R, n). Where no candidate
    gives every party a positive surplus, the candidate with the largest smallest surplus is
    chosen, so the mediator still proposes its best compromise. Returns (R,) indices.

    With two parties whose utilities rise and fall monotonically along the candidates (always
    so for compromises of two ideal points), the same maximum is found by bisection.
    """
    if is_two_party_line(candidate_utility):
        first, second = candidate_utility[:, 0].copy(), candidate_utility[:, 1].copy()
        gap = first - second
        return np.array([line_choice(first, second, gap, d[0], d[1], w[0], w[1])
                         for d, w in zip(disagreement, nash_weights, strict=True)], dtype=np.int64)
    return np.array([nash_product_choice(candidate_utility, d, w)
                     for d, w in zip(disagreement, nash_weights, strict=True)], dtype=np.int64)


@rule
def nash_product_choice(candidate_utility: np.ndarray, disagreement: np.ndarray,
                        nash_weights: np.ndarray) -> int:
    """For one replicate: the candidate maximising the weighted Nash product among those
    giving every party a positive surplus, searched exhaustively; with none, the largest
    smallest surplus."""
    best_nash, best_score, best_maximin, best_worst = -1, -np.inf, 0, -np.inf
    for c in range(candidate_utility.shape[0]):
        worst, score = np.inf, 0.0
        for i in range(disagreement.shape[0]):
            surplus = candidate_utility[c, i] - disagreement[i]
            worst = min(worst, surplus)
            score += nash_weights[i] * np.log(surplus if surplus > 0 else 1.0)
        if worst > 0 and (best_nash < 0 or score > best_score):
            best_nash, best_score = c, score
        if worst > best_worst:
            best_maximin, best_worst = c, worst
    return best_nash if best_nash >= 0 else best_maximin


def is_two_party_line(candidate_utility: np.ndarray) -> bool:
    """Two parties, the first's utility never falling and the second's never rising."""
    if candidate_utility.shape[1] != 2:
        return False
    steps = np.diff(candidate_utility, axis=0)
    return bool((steps[:, 0] >= 0).all() and (steps[:, 1] <= 0).all())


@rule
def line_choice(first: np.ndarray, second: np.ndarray, gap: np.ndarray, d_first: float,
                d_second: float, w_first: float, w_second: float) -> int:
    """For one replicate, the Nash choice along a two-party line (utilities `first` rising, `second` falling,
    `gap` = first - second): the feasible candidates form an interval, on which the log Nash
    product is concave, so its first maximum is found by bisection on its slope; with no
    feasible candidate, the largest smallest surplus sits where the surpluses cross."""
    last = first.shape[0] - 1
    lo = np.searchsorted(first, d_first, side="right")
    hi = last - np.searchsorted(second[::-1], d_second, side="right")
    if lo <= hi:
        while lo < hi:
            mid = (lo + hi) // 2
            after = min(mid + 1, last)
            here = w_first * np.log(first[mid] - d_first) + w_second * np.log(second[mid] - d_second)
            there = (w_first * np.log(first[after] - d_first)
                     + w_second * np.log(second[after] - d_second))
            if there <= here:
                hi = mid
            else:
                lo = mid + 1
        return lo
    cross = min(max(np.searchsorted(gap, d_first - d_second, side="left"), 0), last)
    before = max(cross - 1, 0)
    worst_before = min(first[before] - d_first, second[before] - d_second)
    worst_cross = min(first[cross] - d_first, second[cross] - d_second)
    return before if worst_before >= worst_cross else cross
