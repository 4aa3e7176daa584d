"""Figures of which inputs matter: the given-data ranking, PRIM's trade-off and box, feature
scores and Morris's mu*-sigma plane. Each is legible at page width (7 inches wide at most)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.report.given_data import DUMMY
from sim.report.scenarios import Discovery, significant
from sim.report.style import PALETTE, new_figure, percent_axis

SHOWN = 20  # inputs drawn in a ranking; the rest are in the table


def short(name: str) -> str:
    """A parameter's full path without the config group's own name (never a bare party code)."""
    return name.removeprefix("scenario.").removeprefix("param.")


def _height(rows: int) -> float:
    return min(9.0, max(3.0, 0.28 * rows + 1.4))


def ranking_bars(table: pd.DataFrame) -> Figure:
    """Given-data indices of the first method with their intervals; the dummy input's upper
    end is the floor below which an index means nothing."""
    method = table["method"].iloc[0]
    data = table[table["method"] == method]
    floor = float(data.loc[data["parameter"] == DUMMY, "high"].iloc[0])
    data = data.head(SHOWN).iloc[::-1]
    fig, ax = new_figure(7.0, _height(len(data)))
    y = np.arange(len(data))
    colours = [PALETTE[7] if p == DUMMY else PALETTE[0] if lo > floor else PALETTE[5]
               for p, lo in zip(data["parameter"], data["low"], strict=True)]
    ax.barh(y, data["index"], color=colours, xerr=[data["index"] - data["low"],
            data["high"] - data["index"]], error_kw={"ecolor": "black", "capsize": 2})
    ax.axvline(floor, color=PALETTE[3], linestyle="--", label="dummy input's upper end")
    ax.set_yticks(y, [short(p) for p in data["parameter"]], fontsize=7)
    ax.set_xlabel(f"{method.replace('_', '-').upper()} first-order index (95% interval)")
    ax.grid(True, axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=7)
    ax.set_title(f"Which inputs matter (top {len(data)}; pale: not above the dummy)", fontsize=10)
    return fig


def tradeoff(found: Discovery) -> Figure:
    """PRIM's peeling trajectory: density against coverage, coloured by restricted inputs."""
    t = found.trajectory
    fig, ax = new_figure(7.0, 4.5)
    points = ax.scatter(t["coverage"], t["density"], c=t["res_dim"], cmap="viridis", s=14)
    chosen = t.iloc[found.chosen]
    ax.scatter([chosen["coverage"]], [chosen["density"]], s=120, facecolors="none",
               edgecolors=PALETTE[3], linewidths=2, label=f"chosen box ({int(chosen['res_dim'])} "
               "inputs restricted)")
    ax.axhline(found.stats["threshold"], color=PALETTE[3], linestyle=":", label="threshold")
    ax.set_xlabel("coverage: share of all cases with the outcome that lie in the box")
    ax.set_ylabel("density: P(outcome) in the box")
    percent_axis(ax, "x")
    percent_axis(ax)
    fig.colorbar(points, ax=ax, label="inputs restricted")
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title("PRIM peeling trajectory: the coverage-density trade-off", fontsize=10)
    return fig


def box_limits(found: Discovery) -> Figure:
    """The chosen box: each restricted input's limits within its sampled range (0 to 1), with
    each limit's quasi-p value; limits not significant are drawn pale."""
    limits = found.limits
    fig, ax = new_figure(7.0, _height(max(1, len(limits))))
    stated = set(significant(limits)["parameter"]) if len(limits) else set()
    for i, r in enumerate(limits.itertuples()):
        span = r.range_high - r.range_low
        low = 0.0 if np.isnan(r.low) else (r.low - r.range_low) / span
        high = 1.0 if np.isnan(r.high) else (r.high - r.range_low) / span
        ax.plot([0, 1], [i, i], color="lightgrey", linewidth=6, solid_capstyle="butt")
        ax.plot([low, high], [i, i], color=PALETTE[0] if r.parameter in stated else PALETTE[5],
                linewidth=6, solid_capstyle="butt")
        for at, value, qp in ((low, r.low, r.qp_low), (high, r.high, r.qp_high)):
            if not np.isnan(value):
                shown = "< 0.001" if qp < 0.001 else f"{qp:.2g}"
                ax.annotate(f"{value:.3g} (qp {shown})", (at, i), xytext=(0, 7),
                            textcoords="offset points", ha="center", fontsize=7)
    ax.set_yticks(range(len(limits)), [short(p) for p in limits["parameter"]], fontsize=7)
    ax.set_ylim(-0.6, max(0.6, len(limits) - 0.4))
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position within the sampled range (0 = lowest drawn, 1 = highest)")
    s = found.stats["prim"]
    ax.set_title(f"PRIM box: coverage {100 * s['coverage']:.0f}%, density "
                 f"{100 * s['density']:.0f}%" + ("" if len(limits) else " (no input restricted)"),
                 fontsize=10)
    return fig


def feature_bars(features: pd.DataFrame) -> Figure:
    """Extra-trees feature scores, largest first."""
    data = features.head(SHOWN).iloc[::-1]
    fig, ax = new_figure(7.0, _height(len(data)))
    y = np.arange(len(data))
    ax.barh(y, data["score"], color=PALETTE[2])
    ax.set_yticks(y, [short(p) for p in data["parameter"]], fontsize=7)
    ax.set_xlabel("extra-trees feature score (impurity importance; sums to 1)")
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title("Feature scores (EMA Workbench, extra trees)", fontsize=10)
    return fig


def morris_plane(sensitivity: pd.DataFrame) -> Figure:
    """Morris mu* against sigma; the colour is the sign of the mean effect mu."""
    fig, ax = new_figure(7.0, 5.0)
    rising = sensitivity["mu"] >= 0
    for mask, colour, label in ((rising, PALETTE[0], "raises P (mu ≥ 0)"),
                                (~rising, PALETTE[3], "lowers P (mu < 0)")):
        data = sensitivity[mask]
        ax.errorbar(data["mu_star"], data["sigma"], xerr=data["mu_star_conf"], fmt="o",
                    color=colour, label=label, capsize=2)
    for r in sensitivity.head(8).itertuples():
        ax.annotate(short(r.parameter), (r.mu_star, r.sigma), xytext=(4, 4),
                    textcoords="offset points", fontsize=7)
    top = float(max(sensitivity["mu_star"].max(), sensitivity["sigma"].max(), 1e-9))
    ax.plot([0, top], [0, top], color="grey", linestyle=":", label="sigma = mu*")
    ax.set_xlabel("mu*: mean |elementary effect| on P(agreement), per full range (95% CI)")
    ax.set_ylabel("sigma: spread of the effects (interactions, non-linearity)")
    ax.legend(fontsize=8)
    ax.set_title("Morris screening: influence against interaction, with each effect's sign",
                 fontsize=10)
    return fig
