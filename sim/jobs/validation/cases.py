"""Shared pieces of the validation cases: a result row, configs built from the textbook case,
and running the whole model on them."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.config.compose import compose_config
from sim.jobs.settings import Settings, load_settings
from sim.jobs.simulation import columns_of
from sim.montecarlo.backends import Backend


@dataclass(frozen=True)
class Row:
    """One line of the validation table."""

    case: str
    source: str
    expected: str
    measured: str
    tolerance: str
    passed: bool
    note: str = ""


def config(*overrides: str) -> dict[str, Any]:
    return compose_config(list(overrides))


def textbook(*overrides: str) -> dict[str, Any]:
    """The symmetric textbook case with a neutral, fully informed mediator."""
    return config("scenario=symmetric_textbook", "mediator=neutral", *overrides)


def with_ladder(cfg: dict[str, Any], tiers: int) -> dict[str, Any]:
    """The textbook case with `tiers` stages over the same stake, climbed one by one; interim
    stages relieve no costs, so every round faces the same reservation values."""
    cfg = copy.deepcopy(cfg)
    stages = cfg["scenario"]["stages"]
    final = stages.pop("settlement")
    for k in range(1, tiers):
        stages[f"stage{k}"] = {**final, "label": f"Stage {k}", "comprehensive": False,
                               "cost_relief": 0.0}
    stages["settlement"] = final
    cfg["mediator"]["ladder"] = [[name] for name in stages]
    return cfg


def simulate(cfg: dict[str, Any], replicates: int, seed: int) -> dict[str, np.ndarray]:
    """`replicates` runs of `cfg` under root seed `seed`, in this process, through the one
    Monte Carlo path (`sim.jobs.simulation`): the numbers `negsim` gives for the same config
    and seed."""
    settings: Settings = load_settings(cfg)
    return columns_of(settings, replicates, seed, Backend("local", 1))


def cell(text: object) -> str:
    """Text made safe for one cell of a Markdown table."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def pct(x: float) -> str:
    return f"{100 * x:.2f}%"
