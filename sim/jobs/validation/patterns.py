"""Validation against the seed's facts (pattern-oriented modelling), an ABC calibration of the
uncertain inputs to those patterns, and the directions the mediation literature reports."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats
from scipy.stats import qmc

from sim.jobs.settings import uncertain_ranges
from sim.jobs.simulator import Result, Simulator
from sim.jobs.validation.cases import Row, config, pct, simulate
from sim.montecarlo.chunks import Columns
from sim.results.estimators import wilson

FULL_FIRST = "mediator.ladder=[[full_ceasefire],[settlement]]"
EARLY = 28  # "the first weeks"


@dataclass(frozen=True)
class Patterns:
    sea_early: float
    full_early: float
    ua_accepts_full: float
    ru_accepts_full: float
    energy_both_violate: float
    energy_within_30_days: float
    stalls_ru: float
    stalls_ua: float
    stalls_gap_se: float
    agreement: float

    def checks(self) -> dict[str, bool]:
        return {
            "P1": self.sea_early >= 3 * self.full_early and self.sea_early > 0,
            "P2": self.ua_accepts_full >= 0.5 and self.ua_accepts_full >= 2 * self.ru_accepts_full,
            "P3": self.energy_both_violate >= 0.5 and self.energy_within_30_days >= 0.9,
            "P4": self.stalls_ru - self.stalls_ua > 1.96 * self.stalls_gap_se,
        }


def measure(overrides: tuple[str, ...], replicates: int, seed: int) -> Patterns:
    """The four patterns' statistics under the sea-first and the full-ceasefire-first ladders."""
    sea = simulate(config(*overrides), replicates, seed)
    full = simulate(config(*overrides, FULL_FIRST), replicates, seed)
    return _patterns(sea, full)


def _patterns(sea: Columns, full: Columns) -> Patterns:
    """The statistics of the runs under the sea-first (`sea`) and full-first (`full`) ladders."""
    offered = max(int(full["stage.full_ceasefire.proposals"].sum()), 1)
    energy = sea["stage.energy.signed"]
    both = (sea["stage.energy.violations.RU"] > 0) & (sea["stage.energy.violations.UA"] > 0)
    gap = sea["party.RU.stalls"] - sea["party.UA.stalls"]
    return Patterns(
        sea_early=float((sea["stage.sea.signed_day"] <= EARLY).mean()),
        full_early=float((full["stage.full_ceasefire.signed_day"] <= EARLY).mean()),
        ua_accepts_full=full["stage.full_ceasefire.acceptances.UA"].sum() / offered,
        ru_accepts_full=full["stage.full_ceasefire.acceptances.RU"].sum() / offered,
        energy_both_violate=float(both[energy].mean()) if energy.any() else 0.0,
        energy_within_30_days=float((sea["stage.energy.days_in_force"][energy] <= 30).mean())
        if energy.any() else 0.0,
        stalls_ru=float(sea["party.RU.stalls"].mean()), stalls_ua=float(sea["party.UA.stalls"].mean()),
        stalls_gap_se=float(gap.std(ddof=1) / np.sqrt(gap.size)),
        agreement=float(sea["agreement"].mean()))


def seed_patterns(replicates: int, seed: int) -> list[Row]:
    p = measure((), replicates, seed)
    ok = p.checks()
    return [
        Row("P1: sea truce far likelier than a full ceasefire in the first 4 weeks", "F3, F5",
            "P(sea by day 28) >= 3 x P(full ceasefire by day 28, offered first)",
            f"{pct(p.sea_early)} vs {pct(p.full_early)}", "ratio >= 3", ok["P1"]),
        Row("P2: Ukraine accepts a full ceasefire when offered", "F2",
            "UA accepts >= 50% of full-ceasefire offers, >= 2 x Russia's rate",
            f"UA {pct(p.ua_accepts_full)}, RU {pct(p.ru_accepts_full)}", "as stated", ok["P2"]),
        Row("P3: the 30-day energy moratorium is violated by both sides and not renewed",
            "F6, X2", "both violate in >= 50% of signings; in force <= 30 days in >= 90%",
            f"both {pct(p.energy_both_violate)}; <= 30 days {pct(p.energy_within_30_days)}",
            "as stated", ok["P3"]),
        Row("P4: Russia stalls more than Ukraine", "F1", "mean stalls RU > UA (95%)",
            f"RU {p.stalls_ru:.2f}, UA {p.stalls_ua:.2f} per episode",
            f"gap > {1.96 * p.stalls_gap_se:.2f}", ok["P4"]),
    ]


def calibrate(draws: int, replicates: int, seed: int) -> tuple[list[Row], dict]:
    """Approximate Bayesian computation by rejection: draw the uncertain inputs over their prior
    ranges (Latin hypercube), keep the draws whose runs reproduce all four patterns, and report
    the region kept and P(agreement) under it: the calibrated forecast."""
    ladders = (Simulator(), Simulator([FULL_FIRST]))  # composed once; each draw sets inputs
    base = ladders[0].settings
    priors = uncertain_ranges(base.scenario, base.mediator)
    unit = qmc.LatinHypercube(d=len(priors), seed=seed).random(draws)
    kept, agreements = [], []
    for row in unit:
        values = {path: lo + u * (hi - lo) for (path, (lo, hi)), u in zip(priors.items(), row,
                                                                          strict=True)}
        given = {path: np.full(replicates, value) for path, value in values.items()}
        sea, full = (_columns(ladder.run(replicates, seed, inputs=given)) for ladder in ladders)
        patterns = _patterns(sea, full)
        if all(patterns.checks().values()):
            kept.append(values)
            agreements.append(patterns.agreement)
    region = {path: [min(v[path] for v in kept), float(np.median([v[path] for v in kept])),
                     max(v[path] for v in kept)] if kept else None for path in priors}
    pooled = wilson(round(sum(agreements) * replicates), max(len(kept), 1) * replicates)
    spread = np.percentile(agreements, [5, 95]).tolist() if kept else [None, None]
    result = {"draws": draws, "kept": len(kept), "replicates_per_draw": replicates,
              "priors": {k: list(v) for k, v in priors.items()}, "region": region,
              "agreement": pooled.as_dict() if kept else None, "agreement_spread_5_95": spread}
    rows = [Row("ABC calibration: draws reproducing all four patterns", "rejection ABC",
                "at least one of the draws", f"{len(kept)} of {draws} kept", "> 0", len(kept) > 0)]
    if kept:
        rows.append(Row("Calibrated forecast: P(agreement within a year) under the kept region",
                        "ABC posterior predictive", "reported, with its interval",
                        f"{pct(pooled.p)} [{pct(pooled.ci_low)}, {pct(pooled.ci_high)}]; 5-95% "
                        f"across kept draws {pct(spread[0])}-{pct(spread[1])}", "n/a", True))
    return rows, result


def _columns(result: Result) -> Columns:
    return {name: column.to_numpy() for name, column in result.runs.items()}


def collapse_rate(out: dict[str, np.ndarray], stage: str) -> tuple[float, float, float]:
    """First-truce collapses per 100 days in force, with its exact Poisson 95% interval."""
    signed = out[f"stage.{stage}.signed"]
    days = float(out[f"stage.{stage}.first_spell_days"][signed].sum())
    k = int(out[f"stage.{stage}.first_spell_collapsed"][signed].sum())
    low = stats.chi2.ppf(0.025, 2 * k) / 2 if k else 0.0
    high = stats.chi2.ppf(0.975, 2 * k + 2) / 2
    scale = 100 / max(days, 1.0)
    return k * scale, low * scale, high * scale


def literature(replicates: int, seed: int) -> list[Row]:
    """Leverage vs facilitation (Beardsley et al. 2006; Beardsley 2008) under a comprehensive
    push (no side-payment in the way), and definitive vs preliminary truces (baseline)."""
    lever = simulate(config("mediator=comprehensive", "mediator.style=leverage"), replicates, seed)
    facil = simulate(config("mediator=comprehensive", "mediator.style=facilitative"), replicates,
                     seed)
    sl, sf = wilson(int(lever["agreement"].sum()), replicates), wilson(int(facil["agreement"].sum()),
                                                                       replicates)
    rl, rf = collapse_rate(lever, "settlement"), collapse_rate(facil, "settlement")
    held = [wilson(int(o["agreement_held"].sum()), max(int(o["agreement"].sum()), 1))
            for o in (lever, facil)]
    base = simulate(config(), replicates, seed)  # sea first: the ladder stops at the full
    # ceasefire Russia never signs (F5), so the settlement's rate is the comprehensive push's
    rate = {"sea": collapse_rate(base, "sea"), "settlement": rl}
    return [
        Row("Leverage gives formal agreements more often than facilitation",
            "Beardsley et al. 2006", "P(signed) leverage > facilitative",
            f"{pct(sl.p)} [{pct(sl.ci_low)}, {pct(sl.ci_high)}] vs {pct(sf.p)} "
            f"[{pct(sf.ci_low)}, {pct(sf.ci_high)}]", "intervals apart", sl.ci_low > sf.ci_high),
        Row("... but less durable ones", "Beardsley 2008",
            "settlement collapses per 100 days in force: leverage > facilitative",
            f"{rl[0]:.3f} [{rl[1]:.3f}, {rl[2]:.3f}] vs {rf[0]:.3f} [{rf[1]:.3f}, {rf[2]:.3f}]",
            "intervals apart", rl[1] > rf[2],
            "durability is measured as the collapse hazard of the first settlement. By "
            f"P(held | signed) the model shows no clear difference ({pct(held[0].p)} vs "
            f"{pct(held[1].p)}): that measure mixes durability with timing, as leverage signs "
            "later and the horizon cuts short the 90-day test of late signings"),
        Row("Definitive truces survive longer than preliminary ones", "Fortna 2003",
            "collapses per 100 days in force: the settlement (comprehensive push) below the sea "
            "truce (sea first)",
            ", ".join(f"{k} {r[0]:.3f} [{r[1]:.3f}, {r[2]:.3f}]" for k, r in rate.items()),
            "intervals apart", rate["settlement"][2] < rate["sea"][1],
            "in this model the ordering follows from the assumed verification and temptation "
            "of each stage (docs/ODD.md), not from a mechanism of its own; the full ceasefire, "
            "indivisible, is never signed in the baseline (F5) and drops out"),
    ]
