"""The ablation of the mechanisms that keep wars going (`experiments/mechanisms.yaml`): every
mechanism on, each switched off in turn, and all off, under each mediator strategy, run here
through the one Monte Carlo path with the experiment's own points, and written into
docs/validation.md with the change each mechanism makes. Every point faces the same replicate
seeds, so a change is measured on paired replicates: its interval is that of the mean paired
difference, far narrower than the two points' own intervals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim.config.compose import PointComposer
from sim.jobs.validation.cases import cell, simulate
from sim.montecarlo.designs import ablation_variant, crossed_axes, design_points, load_sweep, override
from sim.results.answers import COLUMN
from sim.results.estimators import wilson

EXPERIMENT = "experiment=mechanisms"
SHOWN = ("ceasefire_in_effect_2025", "settlement_within_a_year", "mediator_walks_away")
"""The forecast questions (black_sea_2025's) shown beside agreement signed and held."""


@dataclass(frozen=True)
class Variant:
    """One point of the ablation: its label, the crossed values, and its estimates."""

    label: str
    crossed: str
    estimates: dict[str, tuple[float, float, float]]  # name -> (p, ci_low, ci_high)
    change: dict[str, tuple[float, float]] = field(default_factory=dict)  # vs all on: (d, half)


def ablation(runs: int, seed: int, crossed_values: tuple[str, ...] | None = None) -> list[Variant]:
    """Run the experiment's points (`crossed_values` keeps only those crossed values, e.g. one
    mediator), `runs` replicates each under root seed `seed`."""
    variants, on_outcomes = [], {}
    for label, key, cfg in ablation_points(crossed_values):
        columns = simulate(cfg, runs, seed)  # checked as `negsim` would check it, then run
        outcomes = _outcomes(columns)
        if label == "all on":
            on_outcomes[key] = outcomes
        change = {name: _paired(on_outcomes[key][name], x) for name, x in outcomes.items()}
        variants.append(Variant(label, key, {n: _share(x) for n, x in outcomes.items()}, change))
    return variants


def ablation_points(crossed_values: tuple[str, ...] | None = None
                    ) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The experiment's points in its order, each as (label, crossed values, composed config):
    every mechanism on, each off in turn, all off; `crossed_values` keeps only those."""
    composer = PointComposer([EXPERIMENT])
    spec, axes = load_sweep(composer.compose({}, override)["sweep"], {})
    crossed = [a.path for a in crossed_axes(axes)]
    for values in design_points(spec, axes):
        key = ", ".join(str(values[p]) for p in crossed)
        if crossed_values is None or key in crossed_values:
            cfg = composer.compose(values, override) | {"sweep": None}
            yield ablation_variant(values, axes), key, cfg


def _outcomes(columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    found = {"signed": columns["agreement"], "held": columns["agreement_held"]}
    return found | {q: columns[COLUMN + q].astype(bool) for q in SHOWN if COLUMN + q in columns}


def _share(x: np.ndarray) -> tuple[float, float, float]:
    w = wilson(int(x.sum()), len(x))
    return w.p, w.ci_low, w.ci_high


def _paired(on: np.ndarray, here: np.ndarray) -> tuple[float, float]:
    """Change from all on to this point, and its 95% half-width over paired replicates."""
    d = here.astype(float) - on.astype(float)
    return float(d.mean()), float(1.96 * d.std(ddof=1) / np.sqrt(len(d))) if len(d) > 1 else 0.0


def markdown(variants: list[Variant], runs: int, seed: int) -> list[str]:
    """The document's section: a table per crossed value, then which mechanism drives what."""
    lines = ["## Mechanisms: the ablation", "",
             "Generated from `negsim experiment=mechanisms` (its points run here, "
             f"{runs:,} replicates each, seed {seed}, the same replicate seeds at every point). "
             "The \"on\" values are the baseline's own, as shipped (assumptions with ranges, "
             "not calibrated: `configs/scenario/black_sea_2025.yaml`), so \"all on\" is the "
             "baseline under each strategy. Each cell is P (95% Wilson "
             "interval); the change is against every mechanism on, in percentage points, with "
             "the 95% interval of the paired difference.", ""]
    names = list(variants[0].estimates) if variants else []
    for key in dict.fromkeys(v.crossed for v in variants):
        rows = [v for v in variants if v.crossed == key]
        lines += [f"### {key or 'all points'}", "",
                  "| point | " + " | ".join(names) + " | change in signed (pp) |",
                  "|---|" + "---|" * len(names) + "---|"]
        for v in rows:
            cells = [f"{100 * p:.1f}% ({100 * lo:.1f}–{100 * hi:.1f})"
                     for p, lo, hi in (v.estimates[n] for n in names)]
            d, half = v.change["signed"]
            shown = "–" if v.label == "all on" else f"{100 * d:+.1f} ± {100 * half:.1f}"
            lines.append(f"| {cell(v.label)} | " + " | ".join(cells) + f" | {shown} |")
        lines += ["", _drives(rows), ""]
    return lines


def _drives(rows: list[Variant]) -> str:
    """Which mechanism, switched off, changes agreement most, and which change nothing."""
    singles = [v for v in rows if v.label.startswith("without ")]
    if not singles:
        return ""
    ranked = sorted(singles, key=lambda v: -abs(v.change["signed"][0]))
    real = [v for v in ranked if abs(v.change["signed"][0]) > v.change["signed"][1]]
    text = "; ".join(f"{v.label.removeprefix('without ')} {100 * v.change['signed'][0]:+.1f} pp"
                     for v in real)
    none = [v.label.removeprefix("without ") for v in ranked if v not in real]
    return ("Switching off, in order of effect on P(signed): " + (text or "none beyond noise")
            + (f". Within Monte Carlo noise: {', '.join(none)}." if none else "."))


def as_record(variants: list[Variant]) -> list[dict[str, Any]]:
    return [{"label": v.label, "crossed": v.crossed, "estimates": v.estimates,
             "change": v.change} for v in variants]
