"""How often a deal both sides prefer to war exists: the share of baseline replicates whose
bargaining range on the comprehensive stage is open (`NegotiationModel.range_open`), at day 0
and as the war goes on, among the episodes still running. With the range open in every
replicate, only frictions keep the war going; each mechanism that closes it is a reason
bargaining fails (Fearon 1995)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sim.engine.model import NegotiationModel
from sim.jobs.settings import load_settings
from sim.jobs.validation.cases import config

EVERY = 7  # days between looks: the baseline's round interval


@dataclass(frozen=True)
class OpenRange:
    """The share open on each day looked at, among running episodes, and the share running."""

    scenario: str
    runs: int
    seed: int
    days: tuple[int, ...]
    open_share: dict[str, tuple[float, ...]]  # stage -> share open on each day looked at
    running_share: tuple[float, ...]


def open_range(runs: int, seed: int, *overrides: str) -> OpenRange:
    """Step `runs` baseline replicates day by day, looking every week at every stage."""
    settings = load_settings(config(*overrides))
    model = NegotiationModel(settings.scenario, settings.mediator, runs, seed)
    stages = model.layout.stages
    days, running = [], []
    shares: dict[str, list[float]] = {name: [] for name in stages}
    while True:
        if model.day % EVERY == 0:
            live = model.live
            days.append(model.day)
            for s, name in enumerate(stages):
                shares[name].append(float(model.range_open(s)[live].mean()) if live.any()
                                    else np.nan)
            running.append(float(live.mean()))
        if not model.running or model.day >= settings.scenario.horizon_days:
            break
        model.step()
    return OpenRange(settings.scenario.name, runs, seed, tuple(days),
                     {name: tuple(v) for name, v in shares.items()}, tuple(running))


def figure(found: OpenRange, path: Path) -> None:
    """The share open among running episodes, and the share running, against the day."""
    from sim.report.style import PALETTE, new_figure, percent_axis

    fig, ax = new_figure()
    for k, (stage, share) in enumerate(found.open_share.items()):
        ax.plot(found.days, share, color=PALETTE[k % len(PALETTE)], marker=".",
                label=f"{stage}: range open (running episodes)")
    ax.plot(found.days, found.running_share, color="black", linestyle="--",
            label="episodes still running")
    ax.set_xlabel("day")
    ax.set_ylabel("share of replicates")
    ax.set_ylim(0, 1.02)
    percent_axis(ax)
    ax.legend()
    ax.set_title(f"{found.scenario}: is there a deal both prefer to war? ({found.runs:,} runs)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def markdown(found: OpenRange, figure_path: str | None) -> list[str]:
    lines = ["## The bargaining range", "",
             f"Share of {found.scenario} replicates ({found.runs:,} runs, seed {found.seed}, its "
             "own mediator) whose bargaining range on each stage is open: some package the "
             "mediator can propose is worth, to every party, at least what it needs to prefer "
             "it to fighting on (its reservation value, raised where a deal would not bind a "
             "side growing stronger; red lines counted). Frictions (demand margins, trust, "
             "noise, stalling) are not counted: they are why war goes on while it is open.", "",
             "| day | " + " | ".join(f"{s}: open" for s in found.open_share)
             + " | episodes running |", "|---|" + "---|" * (len(found.open_share) + 1)]
    for k, day in enumerate(found.days):
        if day % 28 == 0 or day == found.days[-1]:
            shown = ["–" if np.isnan(v[k]) else f"{100 * v[k]:.1f}%"
                     for v in found.open_share.values()]
            lines.append(f"| {day} | " + " | ".join(shown)
                         + f" | {100 * found.running_share[k]:.1f}% |")
    if figure_path:
        lines += ["", f"![Share of replicates with an open bargaining range]({figure_path})"]
    return [*lines, ""]
