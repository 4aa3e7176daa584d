"""Validation of gestures short of a truce, through the whole model: a unilateral truce on a
holiday and humanitarian exchanges.

In the textbook case A blocks the settlement by a side-payment nobody funds and the mediator
never leaves, so every episode runs its 100 days at war, each party paying its base cost a day:

- a unilateral truce by A, declared with chance c on each of two holidays, lasting D days and
  lifting the share h of B's daily cost, never reciprocated: B's cost of war falls by exactly
  h D c_B for each one declared, A's not at all; the number declared is binomial (2, c); when
  each ends B adds w to its evidence of A's keeping its word (if kept, with chance k) or of
  breaking it, so B's trust in A is (1 + w K) / (2 + w N) from a prior of (1, 1), exactly;
- exchanges proposed with chance a a day and accepted by each party with chance p come at the
  daily rate a p^2, so their number over 100 days is binomial (100, a p^2), and each adds w to
  each party's trust in the other: (1 + w N) / (2 + w N), exactly."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, pct, simulate
from sim.jobs.validation.persistence import deadlocked
from sim.results.estimators import wilson

HOLIDAYS, CHANCE, DAYS, RELIEF, KEPT, WEIGHT = (10, 50), 0.5, 3, 0.4, 0.6, 1.0
ATTEMPT, ACCEPT = 0.05, 0.8
HORIZON = 100


def at_war(gestures: dict[str, Any]) -> dict[str, Any]:
    """The deadlocked textbook case (every episode at war for its horizon), with `gestures`,
    each party's trust in the other starting at (1, 1)."""
    cfg = deadlocked({})
    for me, other in (("A", "B"), ("B", "A")):
        cfg["scenario"]["parties"][me]["trust"][other] = {"alpha": 1.0, "beta": 1.0}
    cfg["scenario"]["gestures"] = gestures
    return cfg


def _binomial_fit(counts: np.ndarray, trials: int, p: float) -> float:
    """Chi-square p-value of `counts` against Binomial(trials, p), sparse cells pooled."""
    pmf = stats.binom.pmf(np.arange(trials + 1), trials, p)
    observed = np.bincount(counts, minlength=trials + 1)
    keep = pmf * counts.size >= 5
    obs = np.append(observed[keep], observed[~keep].sum())
    exp = np.append(pmf[keep], pmf[~keep].sum()) * counts.size
    if not (~keep).any():
        obs, exp = obs[:-1], exp[:-1]
    return float(stats.chisquare(obs, exp * obs.sum() / exp.sum()).pvalue)


def unilateral_truce(replicates: int, seed: int) -> list[Row]:
    """A holiday truce's cost to the war, its count and the trust it earns or loses."""
    truce = {"label": "Holiday truce", "rule": "unilateral_truce", "by": "A",
             "days": list(HOLIDAYS), "parameters": {
                 "chance": CHANCE, "duration_days": DAYS, "relief": RELIEF, "reciprocate": 0.0,
                 "kept": KEPT, "trust_weight": WEIGHT}}
    out = simulate(at_war({"holiday": truce}), replicates, seed)
    war = simulate(at_war({}), replicates, seed)
    made, kept = out["gesture.holiday.made"], out["gesture.holiday.kept"]
    base_b = war["party.B.cost_borne"] / HORIZON  # B's cost a day: nothing else changes it
    lifted = war["party.B.cost_borne"] - out["party.B.cost_borne"]
    exact_cost = bool(np.allclose(lifted, RELIEF * DAYS * base_b * made, rtol=0, atol=1e-12)
                      and np.array_equal(war["party.A.cost_borne"], out["party.A.cost_borne"]))
    p_value = _binomial_fit(made, len(HOLIDAYS), CHANCE)
    trust = (1 + WEIGHT * kept) / (2 + WEIGHT * made)
    exact_trust = bool(np.allclose(out["party.B.trust_in.A"], trust, rtol=0, atol=1e-12))
    share = wilson(int(kept.sum()), int(made.sum()), 0.999)
    low, high = share.ci_low, share.ci_high
    rows = [Row(f"Unilateral truce by A on 2 holidays, chance {CHANCE}, {DAYS} days, lifting "
                f"{RELIEF:.0%} of B's daily cost", "Clayton et al. 2022; closed form",
                f"B's cost falls by {RELIEF * DAYS:g} days' cost per truce, A's not at all; the "
                f"number declared Binomial(2, {CHANCE})",
                f"exact: {exact_cost}; {made.mean():.3f} declared an episode; chi-square "
                f"p = {p_value:.3f}", "exact; p > 0.001", exact_cost and p_value > 1e-3),
            Row(f"Trust after a unilateral truce kept with chance {KEPT}", "closed form",
                f"B's trust in A (1 + {WEIGHT:g} K) / (2 + {WEIGHT:g} N); kept in {pct(KEPT)}",
                f"exact: {exact_trust}; kept in {pct(kept.sum() / max(made.sum(), 1))} "
                f"[{pct(low)}, {pct(high)}]", "exact; Wilson 99.9%",
                exact_trust and low <= KEPT <= high)]
    return rows


def humanitarian_exchanges(replicates: int, seed: int) -> list[Row]:
    """Exchanges at the daily rate a p^2, and the trust they build."""
    exchange = {"label": "Prisoner exchange", "rule": "humanitarian_exchange", "parameters": {
        "attempt_per_day": ATTEMPT, "acceptance": ACCEPT, "trust_weight": WEIGHT}}
    out = simulate(at_war({"swap": exchange}), replicates, seed)
    made = out["gesture.swap.made"]
    rate = ATTEMPT * ACCEPT ** 2
    p_value = _binomial_fit(made, HORIZON, rate)
    trust = (1 + WEIGHT * made) / (2 + WEIGHT * made)
    exact = bool(np.allclose(out["party.A.trust_in.B"], trust, rtol=0, atol=1e-12)
                 and np.allclose(out["party.B.trust_in.A"], trust, rtol=0, atol=1e-12))
    return [Row(f"Exchanges proposed with chance {ATTEMPT} a day, each side accepting with "
                f"{ACCEPT}", "Osgood 1962; Kydd 2005; closed form",
                f"Binomial({HORIZON}, {rate:g}) exchanges, mean {HORIZON * rate:.2f}; trust "
                f"(1 + {WEIGHT:g} N) / (2 + {WEIGHT:g} N) both ways",
                f"mean {made.mean():.3f}; chi-square p = {p_value:.3f}; trust exact: {exact}",
                "p > 0.001; exact", bool(p_value > 1e-3 and exact))]


def gestures(replicates: int, seed: int) -> list[Row]:
    return unilateral_truce(replicates, seed) + humanitarian_exchanges(replicates, seed + 2)
