"""Figures of one run's outcomes: agreement, stage funnel, timing, durability, terms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from sim.report.style import (
    LADDER_COLOURS,
    PALETTE,
    kaplan_meier,
    log_axis,
    new_figure,
    percent_axis,
    plt,
)
from sim.results.estimators import Durations, wilson
from sim.results.summary import recorded_steps


def agreement_bars(labels: Sequence[str], p: Sequence[float], low: Sequence[float],
                   high: Sequence[float], horizon: int) -> Figure:
    """1. P(comprehensive agreement within the horizon) with its Wilson 95% interval."""
    fig, ax = new_figure(max(6.0, 1.2 * len(labels) + 2), 4.0)
    x = np.arange(len(labels))
    p, low, high = map(np.asarray, (p, low, high))
    ax.bar(x, p, color=PALETTE[0], alpha=0.85)
    ax.errorbar(x, p, yerr=[p - low, high - p], fmt="none", ecolor="black", capsize=5)
    crowded = sum(len(label) for label in labels) > 60
    ax.set_xticks(x, labels, rotation=25 if crowded else 0, ha="right" if crowded else "center")
    ax.set_ylabel(f"P(agreement within {horizon} days)")
    ax.set_ylim(0, min(1.0, max(high.max() * 1.15, 0.05)))
    percent_axis(ax)
    ax.set_title("Comprehensive agreement (95% Wilson interval)")
    return fig


FUNNEL_COLUMNS = 3
"""Panels side by side in the funnel of a comparison; more points wrap to further rows."""


def stage_funnel(stages: Sequence[str], series: Mapping[str, Mapping[str, Mapping[str, float]]]
                 ) -> Figure:
    """2. How far each stage got: the share of episodes in which it was signed, came into
    force, held for its hold period, lapsed on its conditions and collapsed (95% CI), each
    step a summary records (a summary from before in force and lapsed were kept shows three)."""
    columns = min(len(series), FUNNEL_COLUMNS)  # legible at a page's width: rows of panels
    rows = -(-len(series) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(max(7.0, 4.2 * columns), 3.6 * rows + 0.6),
                             layout="constrained", squeeze=False, sharey=True)
    for ax in axes.flat[len(series):]:
        ax.set_visible(False)
    for ax, (name, per_stage) in zip(axes.flat, series.items(), strict=False):
        steps = recorded_steps({s: per_stage[s] for s in stages})
        width, x = 0.8 / len(steps), np.arange(len(stages))
        for k, what in enumerate(steps):
            p = np.array([per_stage[s][f"p_{what}"] for s in stages])
            lo = np.array([per_stage[s]["ci"][what][0] for s in stages])
            hi = np.array([per_stage[s]["ci"][what][1] for s in stages])
            at = x + (k - (len(steps) - 1) / 2) * width
            ax.bar(at, p, width=width, color=LADDER_COLOURS[what], label=what.replace("_", " "))
            ax.errorbar(at, p, yerr=[p - lo, hi - p], fmt="none", ecolor="black", capsize=2)
        ax.set_xticks(x, stages, rotation=20, ha="right")
        ax.set_title(name)
        ax.grid(True, axis="y", alpha=0.3)
        ax.set_ylim(0, 1.05)
        percent_axis(ax)
    for row in axes:
        row[0].set_ylabel("share of episodes")
    axes[0][0].legend(loc="upper right", fontsize=8)
    fig.suptitle("How far each stage got: signed, in force, held, lapsed, collapsed, at least "
                 "once (95% CI)", fontsize=11)
    return fig


def time_to_agreement(series: Mapping[str, Durations], horizon: int) -> Figure:
    """3a. Share of episodes agreed by each day (Kaplan-Meier, censored at the horizon)."""
    fig, ax = new_figure()
    for (label, days), colour in zip(series.items(), PALETTE, strict=False):
        kaplan_meier(ax, days, horizon, label, colour, survival=False)
    ax.set_xlabel("day of the episode")
    ax.set_ylabel("share agreed (Kaplan-Meier, 95% band)")
    ax.set_xlim(0, horizon)
    percent_axis(ax)
    ax.legend(loc="best")
    ax.set_title("Time to comprehensive agreement")
    return fig


def truce_survival(first_spells: Mapping[str, Durations], labels: Mapping[str, str]) -> Figure:
    """3b. Durability: how long each stage's first truce stayed in force before collapsing
    (over the episodes that signed it; expiry and the end of the episode censor)."""
    fig, ax = new_figure()
    longest = max([1, *(spells.longest for spells in first_spells.values())])
    for (stage, spells), colour in zip(first_spells.items(), PALETTE, strict=False):
        if (spells.events.sum() + spells.censored.sum()) == 0:
            continue  # never signed
        kaplan_meier(ax, spells, max(spells.longest, 1), labels.get(stage, stage), colour,
                     survival=True)
    ax.set_xlabel("days in force since first signing")
    ax.set_ylabel("share still in force (Kaplan-Meier)")
    ax.set_xlim(0, longest)
    ax.set_ylim(0, 1.02)
    percent_axis(ax)
    ax.legend(loc="lower left")
    ax.set_title("Truce durability: first truce of each stage (collapse = event)")
    return fig


def convergence(series: Mapping[str, tuple[np.ndarray, np.ndarray]]) -> Figure:
    """7. The running estimate of P(agreement) with its Wilson 95% band, against replicates:
    for each series, (replicates so far, agreements among them) at a few hundred points."""
    fig, ax = new_figure()
    for (label, (n, hits)), colour in zip(series.items(), PALETTE, strict=False):
        estimates = [wilson(int(k), int(m)) for k, m in zip(hits, n, strict=True)]
        bounds = np.array([(e.p, e.ci_low, e.ci_high) for e in estimates])
        ax.plot(n, bounds[:, 0], color=colour, label=label)
        ax.fill_between(n, bounds[:, 1], bounds[:, 2], color=colour, alpha=0.2)
    log_axis(ax)
    ax.set_xlabel("replicates (log scale)")
    ax.set_ylabel("running P(agreement), 95% band")
    percent_axis(ax)
    ax.legend(loc="upper right")
    ax.set_title("Convergence of the agreement estimate")
    return fig


def terms(counts: Mapping[str, np.ndarray], agreed: int, labels: Mapping[str, str]) -> Figure:
    """8. The terms agreed on each issue, over the replicates that reached agreement; `counts`
    holds, for each issue, how many agreed replicates settled on each point of a 0-1 grid."""
    issues = [issue for issue, c in counts.items() if c.sum() > 0]
    fig, ax = new_figure(max(6.0, 0.9 * len(issues) + 2), 4.2)
    if not issues or agreed == 0:
        ax.text(0.5, 0.5, "no replicate reached agreement", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    parts = ax.violinplot([quantile_sample(counts[issue]) for issue in issues], showmedians=True)
    for body in parts["bodies"]:
        body.set_facecolor(PALETTE[0])
        body.set_alpha(0.5)
    ax.set_xticks(np.arange(1, len(issues) + 1), [labels.get(i, i) for i in issues], rotation=25,
                  ha="right")
    ax.set_ylabel("agreed term (issue scale, 0-1)")
    ax.set_ylim(-0.02, 1.02)
    ax.set_title(f"Terms of agreement over {agreed:,} agreed replicates (median marked)")
    return fig


VIOLIN_POINTS = 20_001


def quantile_sample(counts: np.ndarray, points: int = VIOLIN_POINTS) -> np.ndarray:
    """The values counted on an even 0-1 grid (`counts[i]` at i / (len - 1)): all of them when
    there are at most `points`, else `points` evenly spaced quantiles: the same shape and median
    (an odd count keeps the middle one), while the density estimate's cost stops growing."""
    grid = np.arange(counts.size) / (counts.size - 1)
    total = int(counts.sum())
    if total <= points:
        return np.repeat(grid, counts)
    rank = np.rint(np.linspace(0, total - 1, points)).astype(np.int64)  # lower order statistics
    return grid[np.searchsorted(np.cumsum(counts), rank, side="right")]
