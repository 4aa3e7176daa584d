"""6. One representative episode as a timeline, from its saved events and daily rows."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.report.style import PALETTE, plt

IN_FORCE = 2


def episode_timeline(events: pd.DataFrame, timeline: pd.DataFrame,
                     labels: Mapping[str, Mapping[str, str]], title: str) -> Figure:
    """Trust and balance, offers against what each party held out for, and the stages."""
    parties = [c.split(".", 1)[1] for c in timeline.columns if c.startswith("p_win.")]
    stages = [c.split(".", 1)[1] for c in timeline.columns if c.startswith("status.")]
    party_label = labels.get("parties", {})
    fig, (top, middle, bottom) = plt.subplots(3, 1, figsize=(9.0, 9.0), sharex=True,
                                              layout="constrained",
                                              gridspec_kw={"height_ratios": [3, 3, 2]})
    day = timeline["day"]
    for party, colour in zip(parties, PALETTE, strict=False):
        name = party_label.get(party, party)
        top.plot(day, timeline[f"p_win.{party}"], color=colour, label=f"{name}: chance of prevailing")
        top.plot(day, timeline[f"trust.{party}"], color=colour, linestyle="--",
                 label=f"{name}: trust in the other side")
        top.plot(day, timeline[f"mediator_trust.{party}"], color=colour, linestyle=":",
                 label=f"{name}: trust in the mediator")
    top.set_ylabel("probability")
    top.set_ylim(0, 1)
    top.legend(fontsize=7, ncol=2, loc="upper right")
    top.grid(True, alpha=0.3)
    responses = events[events["kind"].isin(["accept", "reject", "stall", "conditional"])
                       & events["value"].notna()]
    for party, colour in zip(parties, PALETTE, strict=False):
        mine = responses[responses["party"] == party]
        name = party_label.get(party, party)
        middle.scatter(mine["day"], mine["value"], color=colour, marker="o", s=18,
                       label=f"{name}: value of the offer")
        middle.scatter(mine["day"], mine["bar"], color=colour, marker="_", s=80,
                       label=f"{name}: what it held out for")
    middle.set_ylabel("share of the stake")
    middle.legend(fontsize=7, ncol=2, loc="upper right")
    middle.grid(True, alpha=0.3)
    _stage_bands(bottom, timeline, stages, labels.get("stages", {}))
    _marks(bottom, events, stages)
    bottom.set_xlabel("day of the episode")
    fig.suptitle(title)
    return fig


def _stage_bands(ax: plt.Axes, timeline: pd.DataFrame, stages: list[str],
                 labels: Mapping[str, str]) -> None:
    """Shaded bands where each stage's truce was in force."""
    day = timeline["day"].to_numpy()
    for row, (stage, colour) in enumerate(zip(stages, PALETTE, strict=False)):
        on = timeline[f"status.{stage}"].to_numpy() == IN_FORCE
        ax.fill_between(day, row - 0.35, row + 0.35, where=on, color=colour, alpha=0.35,
                        step="mid")
    ax.set_yticks(np.arange(len(stages)), [labels.get(s, s) for s in stages])
    ax.set_ylim(-0.6, len(stages) - 0.4)


def _marks(ax: plt.Axes, events: pd.DataFrame, stages: list[str]) -> None:
    """Signings, true and reported violations, collapses, on each stage's row."""
    kinds = {"signed": ("^", "black", "signed"), "violation": ("x", PALETTE[3], "violation (true)"),
             "report": ("|", PALETTE[4], "violation reported"),
             "collapsed": ("v", PALETTE[3], "collapse")}
    for kind, (marker, colour, label) in kinds.items():
        rows = events[(events["kind"] == kind) & events["stage"].isin(stages)]
        y = [stages.index(s) + (0.2 if kind == "report" else 0.0) for s in rows["stage"]]
        ax.scatter(rows["day"], y, marker=marker, color=colour, s=40, label=label, zorder=3)
    ax.legend(fontsize=7, ncol=4, loc="upper left", bbox_to_anchor=(0, -0.25))
