"""What the interactive app shows, as plain functions: one traced episode's tables, its
figures, and the likelihood funnel. No Solara here, so each figure can be tested on its own.
The colours are the report's (sim/report/style.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.engine.model import NegotiationModel
from sim.engine.trace import EVENT_COLUMNS
from sim.engine.truce import EXPIRED, IN_FORCE, OFF, PENDING, TABLED
from sim.report.narrative import narrate
from sim.report.style import PALETTE

STATUS = {TABLED: ("tabled", PALETTE[1]), IN_FORCE: ("in force", PALETTE[0]),
          EXPIRED: ("expired", "#999999"), PENDING: ("signed, pending", PALETTE[4])}
RESPONSES = ("accept", "reject", "stall", "conditional")


def episode_tables(model: NegotiationModel) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The day-by-day timeline and the events of replicate 0 of a traced model."""
    if model.events is None:
        raise ValueError("the model was built without trace=True: it kept no events")
    timeline = pd.DataFrame(model.events.timeline_of(0))
    events = pd.DataFrame([r for r in model.events.rows if r["replicate"] == 0],
                          columns=EVENT_COLUMNS)
    return timeline, events


def labels(model: NegotiationModel) -> tuple[dict[str, str], dict[str, str]]:
    """Display names of the parties and of the stages."""
    world = model.world
    return ({n: p.label for n, p in world.parties.items()},
            {n: s.label for n, s in world.stages.items()})


def _figure(title: str, ylabel: str) -> tuple[Figure, Any]:
    fig = Figure(figsize=(6.0, 3.2), layout="constrained")
    ax = fig.subplots()
    ax.set_title(title, fontsize=11)
    ax.set_xlabel("day")
    ax.set_ylabel(ylabel)
    ax.grid(True, alpha=0.3)
    return fig, ax


def _waiting(ax: Any) -> None:
    ax.text(0.5, 0.5, "step the episode to see this", ha="center", va="center",
            transform=ax.transAxes, color="#777777")


def balance_figure(timeline: pd.DataFrame, parties: dict[str, str]) -> Figure:
    """Each party's chance of prevailing if the war decided (the military balance)."""
    fig, ax = _figure("Military balance: chance of prevailing", "probability")
    if timeline.empty:
        _waiting(ax)
    for colour, (name, label) in zip(PALETTE, parties.items(), strict=False):
        if not timeline.empty:
            ax.plot(timeline["day"], timeline[f"p_win.{name}"], color=colour, label=label)
    ax.set_ylim(0, 1)
    if not timeline.empty:
        ax.legend(fontsize=8)
    return fig


def trust_figure(timeline: pd.DataFrame, parties: dict[str, str]) -> Figure:
    """Each party's trust that the others comply (solid) and in the mediator (dashed)."""
    fig, ax = _figure("Trust: in the other side (solid), in the mediator (dashed)", "mean trust")
    if timeline.empty:
        _waiting(ax)
    else:
        for colour, (name, label) in zip(PALETTE, parties.items(), strict=False):
            ax.plot(timeline["day"], timeline[f"trust.{name}"], color=colour, label=label)
            ax.plot(timeline["day"], timeline[f"mediator_trust.{name}"], color=colour,
                    linestyle="--")
        ax.legend(fontsize=8)
    ax.set_ylim(0, 1)
    return fig


def offers_figure(events: pd.DataFrame, parties: dict[str, str]) -> Figure:
    """Value of each offer to each party (dots) against its reservation value, what fighting on
    is worth (dotted), and the least it would accept (solid): the reservation raised by its
    demand margin, what it can still expect from delay and its distrust of the mediator."""
    fig, ax = _figure("Offers (dots), reservation (dotted), least accepted (solid)",
                      "value, share of what the stage is worth")
    responses = events[events["kind"].isin(RESPONSES)]
    if responses.empty:
        _waiting(ax)
    for colour, (name, label) in zip(PALETTE, parties.items(), strict=False):
        mine = responses[responses["party"] == name]
        if mine.empty:
            continue
        ax.scatter(mine["day"], mine["value"], s=12, color=colour, label=f"{label}: offered")
        ax.step(mine["day"], mine["reservation"], where="post", color=colour, linestyle=":",
                label=f"{label}: reservation value")
        ax.step(mine["day"], mine["bar"], where="post", color=colour, alpha=0.7,
                label=f"{label}: least accepted")
    if not responses.empty:
        ax.legend(fontsize=7)
        ax.set_xlim(0, max(int(events["day"].max()), 1) + 1)
    return fig


def stages_figure(timeline: pd.DataFrame, stages: dict[str, str], now: str = "") -> Figure:
    """When each stage was tabled, in force or expired: the mediator's ladder over time.
    `now` (e.g. from `stage_status`) labels each stage with where it stands today."""
    fig, ax = _figure("Stages: tabled, in force, expired", "")
    names = list(stages)
    if timeline.empty:
        _waiting(ax)
    else:
        days = timeline["day"].to_numpy()
        for row, name in enumerate(names):
            status = timeline[f"status.{name}"].to_numpy()
            for code, (_, colour) in STATUS.items():
                spans = _spans(days, status == code)
                ax.broken_barh(spans, (row - 0.35, 0.7), color=colour)
        handles = [ax.bar(0, 0, color=c, label=t) for t, c in STATUS.values()]
        ax.legend(handles=handles, fontsize=8, loc="lower right")
        ax.set_xlim(0, max(days.max(), 1))
    ticks = [stages[n] + (f"\n({now[n]})" if n in now else "") for n in names]
    ax.set_yticks(range(len(names)), ticks, fontsize=8)
    ax.set_ylim(len(names) - 0.5, -0.5)
    return fig


def _spans(days: np.ndarray, mask: np.ndarray) -> list[tuple[float, float]]:
    """Runs of consecutive days where `mask` holds, as (start, width) for broken_barh."""
    edges = np.flatnonzero(np.diff(np.r_[0, mask.astype(int), 0]))
    return [(days[a] - 1.0, float(days[b - 1] - days[a] + 1)) for a, b in zip(edges[::2],
                                                                            edges[1::2], strict=True)]


def violations_figure(events: pd.DataFrame, parties: dict[str, str]) -> Figure:
    """Violations committed by each party (solid) and reported against it (dashed), to date."""
    fig, ax = _figure("Violations: committed (solid), reported against (dashed)", "cumulative count")
    if events.empty or not events["kind"].isin(["violation", "report"]).any():
        ax.text(0.5, 0.5, "no violations yet", ha="center", va="center", transform=ax.transAxes,
                color="#777777")
        return fig
    last = int(events["day"].max())
    days = np.arange(0, last + 1)
    for colour, (name, label) in zip(PALETTE, parties.items(), strict=False):
        for kind, style in (("violation", "-"), ("report", "--")):
            hits = events[(events["kind"] == kind) & (events["party"] == name)]["day"]
            counts = np.bincount(hits.astype(int), minlength=last + 1).cumsum()
            ax.step(days, counts, where="post", color=colour, linestyle=style,
                    label=f"{label}: {'committed' if kind == 'violation' else 'reported'}")
    ax.legend(fontsize=7)
    return fig


def stage_status(model: NegotiationModel) -> dict[str, str]:
    """Where each stage stands today: not yet tabled, tabled, in force, expired; held or not."""
    truces = model.truces
    status = {}
    for s, name in enumerate(model.layout.stages):
        code = int(truces.status[0, s])
        status[name] = "not yet tabled" if code == OFF else STATUS[code][0]
        if truces.held[0, s]:
            status[name] += ", has held"
    return status


def stage_now(model: NegotiationModel) -> str:
    """Where the episode stands, in one line."""
    line = (f"Day {model.day} of {model.world.horizon_days}; ladder tier {int(model.tier[0]) + 1} "
            f"of {model.layout.tiers}")
    if model.end_reason[0]:
        line += f"; ended on day {int(model.end_day[0])}: {model.end_reason[0].replace('_', ' ')}"
    return line + "."


def story(events: pd.DataFrame, parties: dict[str, str], stages: dict[str, str],
          last: int = 40) -> str:
    """The episode so far in words, the most recent `last` days with something to tell."""
    lines = narrate(events, stages, parties).splitlines()
    return "\n".join(lines[-last:]) if lines else "Nothing has happened yet."


def funnel_figure(summary: dict[str, Any], stages: dict[str, str]) -> Figure:
    """Share of episodes in which each stage was signed and held, with 95% intervals."""
    fig = Figure(figsize=(6.0, 3.2), layout="constrained")
    ax = fig.subplots()
    names = [n for n in stages if n in summary["stages"]]
    y = np.arange(len(names))
    for offset, what, colour in ((-0.2, "signed", PALETTE[0]), (0.2, "held", PALETTE[2])):
        p = np.array([summary["stages"][n][f"p_{what}"] for n in names])
        ci = np.array([summary["stages"][n]["ci"][what] for n in names]).reshape(-1, 2)
        ax.barh(y + offset, p, height=0.38, color=colour, label=what,
                xerr=np.abs(ci.T - p), capsize=3)
    ax.set_yticks(y, [stages[n] for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of episodes (95% Wilson intervals)")
    ax.set_title("Stage funnel", fontsize=11)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
