"""Validation against theory, through the whole model: each case configures the textbook
scenario so that the model reduces to a problem with a known answer."""

from __future__ import annotations

import numpy as np
from scipy import linalg, stats

from sim.jobs.validation.cases import Row, pct, simulate, textbook, with_ladder
from sim.results.estimators import wilson
from sim.rules.bargaining import bargaining_range

NOISY = ("scenario.parties.A.acceptance_noise=0.1", "scenario.parties.B.acceptance_noise=0.1",
         "mediator.learns=false")  # fixed acceptance chances: the mediator's proposal never moves
ACCEPT_ONE = stats.norm.cdf(1.0)  # each party: surplus 0.1 over noise 0.1 -> Phi(1)


def nash_and_fearon(replicates: int, seed: int) -> list[Row]:
    """Complete information: the first proposal is the Nash solution, signed at round 1 when it
    lies in the bargaining range (here widened by demand margins), never when the range is empty."""
    rows = []
    low, high = bargaining_range(2 / 3, 0.1, 0.1)
    out = simulate(textbook("scenario.parties.A.capability=2.0"), replicates, seed)
    terms = out["terms.stake"]
    ok = out["agreement"].all() and (out["agreement_day"] == 1).all()
    rows.append(Row("Nash solution signed at round 1, complete information", "Fearon 1995; Nash 1950",
                    f"terms 0.6667 in [{low:.4f}, {high:.4f}], day 1, P = 1",
                    f"terms {np.nanmean(terms):.4f}, day {np.nanmax(out['agreement_day']):.0f}, "
                    f"P = {out['agreement'].mean():.3f}", "terms ±0.005 (grid)",
                    bool(ok and abs(np.nanmean(terms) - 2 / 3) <= 0.005 and low <= terms.min()
                         and terms.max() <= high)))
    for margin, expect_agree in ((0.09, True), (0.11, False)):
        cfg = textbook("scenario.parties.A.capability=2.0", "mediator.patience_rounds=3",
                       *(f"scenario.parties.{p}.{k}" for p in "AB" for k in (
                           f"demand_margin={margin}", "concession_exponent=0.001")))
        out = simulate(cfg, replicates, seed)
        measured = out["agreement"].mean()
        rows.append(Row(f"Demand margins {margin} each: range {'non-' if expect_agree else ''}empty",
                        "Fearon 1995", "P = 1 at day 1" if expect_agree else "P = 0",
                        f"P = {measured:.3f}", "exact",
                        bool(measured == (1.0 if expect_agree else 0.0))))
    return rows


def war_of_attrition(replicates: int, seed: int) -> list[Row]:
    """Both stall with hazard c/V; the stalemate (first concession) is Exp(2c/V), and daily rounds
    sign on day ceil(T): geometric with success 1 - exp(-2c/V), mean 1 / that."""
    prize, cost = 0.1, 0.02
    cfg = textbook("mediator.patience_rounds=100000", *(
        f"scenario.parties.{p}.delay.{k}={v}" for p in "AB"
        for k, v in (("prize", prize), ("cost_per_day", cost))))
    days = simulate(cfg, replicates, seed)["agreement_day"]
    success = 1 - np.exp(-2 * cost / prize)
    top = int(np.ceil(np.log(1e-4) / np.log(1 - success)))
    observed = np.array([(days == k).sum() for k in range(1, top)] + [(days >= top).sum()])
    expected_p = np.array([(1 - success) ** (k - 1) * success for k in range(1, top)]
                          + [(1 - success) ** (top - 1)])
    chi = stats.chisquare(observed, expected_p * days.size)
    mean, se = days.mean(), days.std(ddof=1) / np.sqrt(days.size)
    return [Row("War of attrition: day of the first concession (whole distribution)",
                "Maynard Smith 1974", f"geometric, mean {1 / success:.4f} (V/(2c) = "
                f"{prize / (2 * cost):.1f} days before rounding up)",
                f"mean {mean:.4f} ± {1.96 * se:.4f}; chi-square p = {chi.pvalue:.3f}",
                "mean within 95% CI; GOF p > 0.01",
                bool(abs(mean - 1 / success) <= 1.96 * se and chi.pvalue > 0.01))]


def _ladder_chain(q: float, patience: int, tiers: int) -> tuple[np.ndarray, np.ndarray]:
    """Reach probability and mean signing day of each stage, from the absorbing Markov chain of
    the ladder: per tier, `patience` tabled states (consecutive failures) and a signed state."""
    index = {}
    for k in range(tiers):
        for j in range(patience):
            index[(k, j)] = len(index)
        index[(k, "signed")] = len(index)
    size = len(index)
    step = np.zeros((size, size))
    for k in range(tiers):
        for j in range(patience):
            step[index[(k, j)], index[(k, "signed")]] = q
            if j + 1 < patience:
                step[index[(k, j)], index[(k, j + 1)]] = 1 - q  # else: the mediator walks away
        if k + 1 < tiers:
            step[index[(k, "signed")], index[(k + 1, 0)]] = 1.0
    reach, day = np.zeros(tiers), np.zeros(tiers)
    for k in range(tiers):
        target = index[(k, "signed")]
        keep = [s for s in range(size) if s != target]
        transient = step[np.ix_(keep, keep)]
        into = step[keep, target]
        solve = np.eye(len(keep)) - transient
        hit = linalg.solve(solve, into)  # P(ever signed), from each state
        timed = linalg.solve(solve, transient @ hit + into)  # E[steps; signed]
        start = keep.index(index[(0, 0)])
        reach[k], day[k] = hit[start], timed[start] / hit[start]
    return reach, day


def markov_ladder(replicates: int, seed: int) -> list[Row]:
    """Frozen trust, fixed per-round acceptance: each stage's reach probability and signing day
    equal those of the absorbing Markov chain (solved with scipy.linalg)."""
    tiers, patience = 3, 3
    q = ACCEPT_ONE ** 2
    cfg = with_ladder(textbook(*NOISY, f"mediator.patience_rounds={patience}"), tiers)
    out = simulate(cfg, replicates, seed)
    reach, day = _ladder_chain(q, patience, tiers)
    rows = []
    for k, name in enumerate([f"stage{i}" for i in range(1, tiers)] + ["settlement"]):
        signed = out[f"stage.{name}.signed"]
        est = wilson(int(signed.sum()), signed.size)
        days = out[f"stage.{name}.signed_day"][signed]
        half = 1.96 * days.std(ddof=1) / np.sqrt(days.size)
        ok = est.ci_low <= reach[k] <= est.ci_high and abs(days.mean() - day[k]) <= half
        rows.append(Row(f"Ladder as a Markov chain: stage {k + 1} of {tiers}",
                        "absorbing Markov chain (Kemeny & Snell 1960)",
                        f"P {pct(reach[k])}, mean day {day[k]:.3f}",
                        f"P {pct(est.p)} [{pct(est.ci_low)}, {pct(est.ci_high)}], mean day "
                        f"{days.mean():.3f} ± {half:.3f}", "inside the 95% intervals", bool(ok)))
    return rows


def truce_survival(replicates: int, seed: int) -> list[Row]:
    """A truce facing a constant daily violation hazard h, each violation seen with chance d
    and one report collapsing it, survives t days with probability (1 - h d)^(t + 1)."""
    hazard, seen = 0.02, 0.5
    cfg = textbook("scenario.stages.settlement.hold_days=100000",
                   f"scenario.parties.A.violation.base_hazard={hazard}",
                   f"scenario.monitoring.detection_base={seen}",
                   "scenario.stages.settlement.max_violations=1")
    out = simulate(cfg, replicates, seed)
    days = out["stage.settlement.first_spell_days"].astype(float)
    collapsed = out["stage.settlement.first_spell_collapsed"]
    fit = stats.ecdf(stats.CensoredData(uncensored=days[collapsed], right=days[~collapsed]))
    rate = hazard * seen
    rows = []
    for t in (10, 30, 60, 90):
        theory = (1 - rate) ** (t + 1)
        band = fit.sf.confidence_interval(0.95)
        at = np.searchsorted(fit.sf.quantiles, t, side="right") - 1
        value, low, high = (float(x.probabilities[at]) for x in (fit.sf, band.low, band.high))
        rows.append(Row(f"Truce survival to day {t} (constant hazard)", "geometric law",
                        pct(theory), f"{pct(value)} [{pct(low)}, {pct(high)}]",
                        "inside the 95% band", bool(low <= theory <= high)))
    return rows
