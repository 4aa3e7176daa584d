"""Figures of a sweep: one parameter as a line with its band, two as a heatmap, sensitivity."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.report.style import PALETTE, new_figure, percent_axis, plt


def sweep_line(table: pd.DataFrame, parameter: str) -> Figure:
    """4a. P(agreement) against one swept parameter, with its 95% interval as a band."""
    data = table.sort_values(f"param.{parameter}")
    x = data[f"param.{parameter}"].to_numpy(float)
    fig, ax = new_figure()
    ax.plot(x, data["agreement.p"], marker="o", color=PALETTE[0], label="agreement signed")
    ax.fill_between(x, data["agreement.ci_low"], data["agreement.ci_high"], color=PALETTE[0],
                    alpha=0.2)
    ax.plot(x, data["agreement_held.p"], marker="s", color=PALETTE[2], label="signed and held")
    ax.fill_between(x, data["agreement_held.ci_low"], data["agreement_held.ci_high"],
                    color=PALETTE[2], alpha=0.2)
    ax.set_xlabel(parameter)
    ax.set_ylabel("P(agreement), 95% band")
    percent_axis(ax)
    ax.legend()
    ax.set_title(f"Agreement against {parameter.split('.')[-1]}")
    return fig


def sweep_heatmap(table: pd.DataFrame, x_parameter: str, y_parameter: str) -> Figure:
    """4b. P(agreement) over a two-parameter grid, with the P = 0.5 contour."""
    def pivot(column: str) -> pd.DataFrame:
        return table.pivot_table(index=f"param.{y_parameter}", columns=f"param.{x_parameter}",
                                 values=column)

    grid, low, high = pivot("agreement.p"), pivot("agreement.ci_low"), pivot("agreement.ci_high")
    fig, ax = plt.subplots(figsize=(7.0, 5.0), layout="constrained")
    mesh = ax.pcolormesh(np.arange(grid.shape[1] + 1), np.arange(grid.shape[0] + 1),
                         grid.to_numpy(), cmap="cividis", vmin=0, vmax=1, shading="flat")
    for (i, j), value in np.ndenumerate(grid.to_numpy()):
        ax.text(j + 0.5, i + 0.5, f"{100 * value:.0f}%\n({100 * low.iat[i, j]:.0f}–"
                f"{100 * high.iat[i, j]:.0f})", ha="center", va="center",
                color="white" if value < 0.6 else "black", fontsize=7)
    values = grid.to_numpy()
    if grid.shape[0] > 1 and grid.shape[1] > 1 and values.min() < 0.5 < values.max():
        contour = ax.contour(np.arange(grid.shape[1]) + 0.5, np.arange(grid.shape[0]) + 0.5,
                             values, levels=[0.5], colors=PALETTE[3], linewidths=2)
        ax.clabel(contour, fmt={0.5: "P = 0.5"})
    ax.set_xticks(np.arange(grid.shape[1]) + 0.5, [f"{v:g}" for v in grid.columns])
    ax.set_yticks(np.arange(grid.shape[0]) + 0.5, [f"{v:g}" for v in grid.index])
    ax.set_xlabel(x_parameter)
    ax.set_ylabel(y_parameter)
    fig.colorbar(mesh, ax=ax, label="P(agreement within the horizon)")
    ax.set_title("P(agreement) with 95% CI in brackets (P = 0.5 contour where crossed)")
    return fig


def sensitivity_bars(sensitivity: pd.DataFrame) -> Figure:
    """5. Morris mu* of each input, largest first, with its 95% bootstrap interval."""
    data = sensitivity.sort_values("mu_star")
    fig, ax = new_figure(10.0, max(3.5, 0.5 * len(data) + 1.5))
    y = np.arange(len(data))
    ax.barh(y, data["mu_star"], color=PALETTE[0], xerr=data["mu_star_conf"], capsize=4,
            error_kw={"ecolor": "black"})
    ax.set_yticks(y, [p.removeprefix("scenario.").removeprefix("mediator.") for p in
                      data["parameter"]])
    ax.set_xlabel("Morris mu*: mean |change in P(agreement)| per full range of the input")
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title("Global sensitivity of P(agreement), ranked (95% CI)")
    return fig


def ablation_groups(table: pd.DataFrame) -> tuple[list[str], pd.Series]:
    """An ablation's crossed parameters (those with other than two values, e.g. the mediator:
    a mechanism has [off, on]) and each point's combination of them as text ("" if none)."""
    params = [c.removeprefix("param.") for c in table.columns if c.startswith("param.")]
    crossed = [p for p in params if table[f"param.{p}"].nunique() > 2]
    keys = (table[[f"param.{p}" for p in crossed]].astype(str).agg(", ".join, axis=1)
            if crossed else pd.Series([""] * len(table), index=table.index))
    return crossed, keys


def ablation_bars(table: pd.DataFrame) -> Figure:
    """4c. An ablation: P(agreement signed) and P(signed and held) with every mechanism on,
    each switched off in turn and all off; one panel per combination of the crossed axes
    (`ablation_groups`, e.g. the mediator)."""
    _, keys = ablation_groups(table)
    panels = list(dict.fromkeys(keys))
    fig, axes = plt.subplots(1, len(panels), figsize=(max(7.0, 4.0 * len(panels)),
                             1.5 + 0.45 * (table["variant"].nunique() + 1)),
                             layout="constrained", squeeze=False, sharey=True)
    for ax, panel in zip(axes[0], panels, strict=True):
        data = table[keys == panel].iloc[::-1]
        y = np.arange(len(data))
        for offset, (what, colour, name) in zip((0.2, -0.2), (
                ("agreement", PALETTE[0], "signed"), ("agreement_held", PALETTE[2], "held")),
                strict=True):
            p = data[f"{what}.p"].to_numpy(float)
            low, high = data[f"{what}.ci_low"].to_numpy(float), data[f"{what}.ci_high"].to_numpy(float)
            ax.barh(y + offset, p, height=0.4, color=colour, label=name,
                    xerr=[p - low, high - p], error_kw={"ecolor": "black", "capsize": 3})
        ax.set_yticks(y, [v.replace("without ", "without\n", 1) if len(v) > 30 else v
                          for v in data["variant"]], fontsize=7)
        ax.set_xlim(0, 1)
        percent_axis(ax, "x")
        ax.grid(True, axis="x", alpha=0.3)
        ax.set_title(panel or "all points", fontsize=9)
    axes[0][0].legend(loc="lower right")
    fig.suptitle("Ablation: P(agreement) with each mechanism switched off in turn (95% CI)")
    return fig
