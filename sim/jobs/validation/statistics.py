"""Validation of the estimators on the model's own output: interval coverage, Kaplan-Meier
quantiles on a memoryless case, and agreement across seeds."""

from __future__ import annotations

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, config, pct, simulate, textbook
from sim.jobs.validation.theory import ACCEPT_ONE, NOISY
from sim.results.estimators import kaplan_meier_quantiles, wilson


def coverage(estimates: int, per_estimate: int, seed: int) -> list[Row]:
    """The mediator gives up after one failed round, so P(agreement) = Phi(1)^2 exactly; the
    Wilson 95% intervals of many independent estimates must cover it about 95% of the time."""
    truth = ACCEPT_ONE ** 2
    out = simulate(textbook(*NOISY, "mediator.patience_rounds=1"), estimates * per_estimate, seed)
    groups = out["agreement"].reshape(estimates, per_estimate)
    covered = 0
    for hits in groups.sum(axis=1):
        e = wilson(int(hits), per_estimate)
        covered += e.ci_low <= truth <= e.ci_high
    share = covered / estimates
    return [Row(f"Wilson 95% coverage over {estimates} estimates of {per_estimate} replicates",
                "Wilson 1927", f"93%-97% (true P = {pct(truth)})", pct(share), "93%-97%",
                bool(0.93 <= share <= 0.97))]


def _margin_case() -> tuple[tuple[str, ...], float]:
    """Per-round agreement chance q = 0.081: margins of 0.157 turn the surplus negative. This q
    keeps every quantile's F(t) at least 0.009 from its share, so sampling error cannot tip it."""
    margin, sigma, surplus = 0.157, 0.1, 0.1
    q = stats.norm.cdf((surplus - margin) / sigma) ** 2
    overrides = (*NOISY, "mediator.patience_rounds=100000", *(
        f"scenario.parties.{p}.{k}" for p in "AB"
        for k in (f"demand_margin={margin}", "concession_exponent=0.001")))
    return overrides, q


def kaplan_meier(replicates: int, seed: int) -> list[Row]:
    """Agreement days are geometric with per-round chance q, censored at the 100-day horizon:
    the quantile for share s is the first day t with 1 - (1 - q)^t >= s."""
    overrides, q = _margin_case()
    out = simulate(textbook(*overrides), replicates, seed)
    found = kaplan_meier_quantiles(out["agreement_day"], out["agreement"], 100)
    rows = []
    for share in (0.25, 0.5, 0.75):
        day = int(np.ceil(np.log(1 - share) / np.log(1 - q)))
        expected = day if day < 100 else None
        rows.append(Row(f"Kaplan-Meier {int(share * 100)}% quantile, memoryless, censored at 100",
                        "geometric law", str(expected), str(found[share]), "exact",
                        found[share] == expected,
                        f"agreement chance q = {q:.4f} a round" if share == 0.5 else ""))
    return rows


def seeds_agree(replicates: int, seeds: tuple[int, ...]) -> list[Row]:
    """The baseline estimate from several seeds: homogeneous (chi-square) and overlapping.
    Under a comprehensive push, whose P(agreement) is far from 0 (the rebuilt baseline's
    ladders never reach a settlement, which five seeds would agree on trivially)."""
    hits = [int(simulate(config("mediator=comprehensive"), replicates, s)["agreement"].sum())
            for s in seeds]
    estimates = [wilson(h, replicates) for h in hits]
    table = np.array([[h, replicates - h] for h in hits])
    p_value = stats.chi2_contingency(table).pvalue
    overlap = max(e.ci_low for e in estimates) <= min(e.ci_high for e in estimates)
    measured = ", ".join(pct(e.p) for e in estimates)
    return [Row(f"Baseline P(agreement), comprehensive push, from {len(seeds)} seeds at "
                f"{replicates:,} runs",
                "Monte Carlo convergence", "one common value", f"{measured}; homogeneity "
                f"p = {p_value:.3f}", "all 95% intervals overlap; p > 0.01",
                bool(overlap and p_value > 0.01))]
