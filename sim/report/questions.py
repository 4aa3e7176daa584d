"""The forecast questions of a run, as a figure: each yes/no question's probability with its
Wilson 95% interval, in the order the question set asks them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from sim.report.style import PALETTE, new_figure, percent_axis


def answered(questions: Mapping[str, Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """The yes/no questions (those with a probability), by name."""
    return {name: q for name, q in questions.items() if "p" in q}


def question_bars(questions: Mapping[str, Mapping[str, Any]]) -> Figure:
    """Forecast questions: P(yes) with its Wilson 95% interval, one bar a question."""
    shown = answered(questions)
    names = list(shown)[::-1]  # the first question on top
    p = np.array([shown[n]["p"] for n in names])
    low = np.array([shown[n]["ci_low"] for n in names])
    high = np.array([shown[n]["ci_high"] for n in names])
    fig, ax = new_figure(7.5, max(2.5, 0.45 * len(names) + 1.2))
    y = np.arange(len(names))
    ax.barh(y, p, color=PALETTE[0], alpha=0.85)
    ax.errorbar(p, y, xerr=[p - low, high - p], fmt="none", ecolor="black", capsize=4)
    ax.set_yticks(y, names)
    ax.set_xlim(0, 1)
    ax.grid(True, axis="x", alpha=0.3)
    percent_axis(ax, "x")
    ax.set_xlabel("P(yes)")
    ax.set_title("Forecast questions (95% Wilson intervals)")
    return fig
