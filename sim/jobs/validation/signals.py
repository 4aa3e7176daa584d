"""Validation of what a screening proposer learns besides rejections, through the whole model:
the mediator's disclosure of the responder's cost, and the losses each day's fighting shows
(battles as signals). In the risk-return case of `information` (p = 0.5, A's cost 0.1, B's cost
uniform on [0, 0.5] over the horizon), a reading of B's cost with spread s makes A's belief a
truncated normal, so its best first offer and the chance B rejects it follow by quadrature."""

from __future__ import annotations

import itertools

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, pct, simulate, textbook
from sim.jobs.validation.information import COST_A, HORIZON, P
from sim.results.estimators import wilson

COST_MAX, GRID_STEP = 0.5, 0.005  # B's cost over the horizon; the offers' grid
COST_KEY = "input.scenario.parties.B.cost_per_day"


def informed_war(spread: float, points: int = 4001) -> tuple[float, float]:
    """The chance B rejects A's first offer, and A's mean offer, when A has read B's cost with
    spread `spread` (over the horizon): for each reading y, A offers the grid share x*(y) that
    maximises P(c >= x - p | y) x + (1 - P) (p - c_A) under the truncated-normal posterior;
    B (cost c) rejects when c < x*(y) - p. Integrated over c uniform and y | c normal."""
    offers = np.arange(0.0, 1.0 + GRID_STEP / 2, GRID_STEP)
    readings = np.linspace(-6 * spread, COST_MAX + 6 * spread, points)
    low, high = (0.0 - readings) / spread, (COST_MAX - readings) / spread
    posterior = stats.truncnorm(low[:, None], high[:, None], readings[:, None], spread)
    accepted = posterior.sf(np.maximum(offers[None, :] - P, 0.0))
    value = accepted * offers[None, :] + (1.0 - accepted) * (P - COST_A)
    offer = offers[np.argmax(value, axis=1)]
    cut = np.clip(offer - P, 0.0, COST_MAX)  # B rejects below this cost
    # density of the reading y: (1 / c_max) * integral of phi((y - c) / s) / s over [0, c_max]
    density = (stats.norm.cdf(readings / spread)
               - stats.norm.cdf((readings - COST_MAX) / spread)) / COST_MAX
    rejected = (stats.norm.cdf(readings / spread) - stats.norm.cdf((readings - cut) / spread)) / COST_MAX
    return float(np.trapezoid(rejected, readings)), float(np.trapezoid(density * offer, readings))


def _read(replicates: int, seed: int, *overrides: str) -> dict[str, np.ndarray]:
    return simulate(textbook("mediator.proposal.rule=screening", "mediator.proposal.proposer=A",
                             "scenario.parties.B.cost_per_day={dist: uniform, low: 0.0, high: "
                             f"{COST_MAX / HORIZON}}}", *overrides), replicates, seed)


def _first_round(out: dict[str, np.ndarray], first_day: int) -> tuple[int, int]:
    day = out["stage.settlement.signed_day"]
    return int((day != first_day).sum()), day.size


def disclosure(replicates: int, seed: int) -> list[Row]:
    """The mediator's reading, exact and noisy; then the same spread reached by fighting."""
    exact = _read(replicates, seed, "mediator.proposal.disclosure_sd=0")
    cost = exact[COST_KEY] * HORIZON
    owed = P + np.floor(cost / GRID_STEP + 1e-9) * GRID_STEP  # all B's cost, on the grid
    terms, day = exact["terms.stake"], exact["stage.settlement.signed_day"]
    rows = [Row("Mediator discloses B's cost exactly: A offers B's indifference point",
                "Fearon 1995; Kydd 2003 (mediators as information)",
                "P(war) = 0; x = p + c_B on the 0.005 grid, every replicate",
                f"signed on day 1 in {pct(float((day == 1).mean()))}; largest |x - (p + c_B)| = "
                f"{np.abs(terms - owed).max():.4f}", "exact",
                bool((day == 1).all() and np.allclose(terms, owed, atol=1e-9)))]
    spread = 0.1
    war, _ = informed_war(spread)
    cases = (("the mediator's reading, spread 0.1", 1, ("mediator.proposal.disclosure_sd="
                                                        f"{spread / HORIZON}",)),
             ("nine days of battle, each read with spread 0.3", 9,
              (f"mediator.proposal.battle_reading_sd={3 * spread / HORIZON}",
               "scenario.round_interval_days=9", "scenario.first_round_day=9")))
    for label, first_day, overrides in cases:
        out = _read(replicates, seed, *overrides)
        rejected, n = _first_round(out, first_day)
        ci = wilson(rejected, n, 0.999)
        rows.append(Row(
            f"A reads B's cost from {label}: P(first offer rejected)", "Fearon 1995; "
            + ("Kydd 2003" if first_day == 1 else "Slantchev 2003; Smith and Stam 2004"),
            f"{pct(war)} (quadrature; {pct(0.4)} with no reading)",
            f"{pct(rejected / n)} [{pct(ci.ci_low)}, {pct(ci.ci_high)}]",
            "theory within the 99.9% interval", bool(ci.ci_low <= war <= ci.ci_high)))
    return [*rows, _convergence(replicates, seed)]


def _convergence(replicates: int, seed: int) -> Row:
    """Smith and Stam's convergence: with readings from every day's fighting the rounds rejected
    fall towards none; without them, screening alone takes its three rounds."""
    out = _read(replicates, seed, f"mediator.proposal.battle_reading_sd={0.3 / HORIZON}",
                "scenario.round_interval_days=9", "scenario.first_round_day=9")
    day = out["stage.settlement.signed_day"]
    at_war = [float((day > 9 * k).mean()) for k in range(1, 6)]
    falling = all(b <= a for a, b in itertools.pairwise(at_war))
    return Row("Battles as signals: share still at war after each round (rounds every 9 days)",
               "Slantchev 2003; Smith and Stam 2004 (convergence of beliefs)",
               "falls round by round; all signed once readings pin the cost down",
               "; ".join(pct(a) for a in at_war) + f"; signed {pct(float(np.isfinite(day).mean()))}",
               "non-increasing, none left at war by round 5",
               bool(falling and at_war[-1] == 0.0))


def bluffing(replicates: int, seed: int) -> Row:
    """A responder that asks more than it needs (a demand margin the proposer cannot see) is
    read as cheaper to fight than it is: A concedes further, at a risk of war A never meant."""
    honest = _read(replicates, seed)
    bluff = _read(replicates, seed, "scenario.parties.B.demand_margin=0.05")

    def b_value(out: dict[str, np.ndarray]) -> float:
        terms, cost = out["terms.stake"], out[COST_KEY] * HORIZON
        return float(np.where(np.isfinite(terms), 1.0 - terms, 1.0 - P - cost).mean())

    signed = float(np.isfinite(bluff["terms.stake"]).mean())
    gain = b_value(bluff) - b_value(honest)
    terms = (float(np.nanmean(honest["terms.stake"])), float(np.nanmean(bluff["terms.stake"])))
    return Row("Bluffing: B asks a margin of 0.05 that A cannot see",
               "Fearon 1995 (incentives to misrepresent)",
               "A's terms fall where signed; some replicates never sign (war)",
               f"A's mean terms {terms[0]:.4f} -> {terms[1]:.4f}; signed 100% -> {pct(signed)}; "
               f"B's mean value {gain:+.4f}", "both directions",
               bool(terms[1] < terms[0] and signed < 1.0))
