"""Shared look of the report's figures: Okabe-Ito colours (colour-blind safe), labelled axes,
intervals always drawn. Figures are built from saved results only, never from the model.
"""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from sim.results.estimators import Durations
from sim.results.estimators import kaplan_meier as estimate_curve
from sim.results.summary import LADDER

# Labels come from config files: a "$" there is a dollar sign, never TeX-like mathtext (which
# would fail on "$x^{2$" and end the report). Our own figures use no mathtext.
matplotlib.rcParams["text.parse_math"] = False

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
SIGNED, HELD, COLLAPSED = PALETTE[0], PALETTE[2], PALETTE[3]
IN_FORCE, LAPSED = PALETTE[5], PALETTE[1]
LADDER_COLOURS = dict(zip(LADDER, (SIGNED, IN_FORCE, HELD, LAPSED, COLLAPSED), strict=True))


def new_figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    ax.grid(True, axis="y", alpha=0.3)
    return fig, ax


def log_axis(ax: plt.Axes, axis: str = "x") -> None:
    """A log scale whose ticks read as plain numbers (1, 10, 100, 1,000): matplotlib writes log
    ticks as mathtext ($10^{2}$), which the reports turn off (`text.parse_math`), so its own
    tick labels would show their markup; the minor ticks carry no label."""
    which = ax.xaxis if axis == "x" else ax.yaxis
    (ax.set_xscale if axis == "x" else ax.set_yscale)("log")
    which.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.10g}"))
    which.set_minor_formatter(matplotlib.ticker.NullFormatter())


def percent_axis(ax: plt.Axes, axis: str = "y") -> None:
    """A probability axis: ticks in percent, limits kept within [0, 1] (a share is never below
    0 nor above 1, whatever room matplotlib would leave around a flat line). Call it once the
    data are drawn."""
    formatter = matplotlib.ticker.PercentFormatter(1.0)
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)
    low, high = ax.get_ylim() if axis == "y" else ax.get_xlim()
    limits = (max(low, 0.0), min(max(high, 0.01), 1.0))
    (ax.set_ylim if axis == "y" else ax.set_xlim)(*limits)


def kaplan_meier(ax: plt.Axes, durations: Durations, horizon: float, label: str, colour: str,
                 survival: bool) -> None:
    """A Kaplan-Meier curve with its 95% confidence band, drawn on to `horizon`."""
    if not durations.events.any():
        ax.plot([0, horizon], [1.0 if survival else 0.0] * 2, color=colour, label=f"{label} (none)")
        return
    curve = estimate_curve(durations, "sf" if survival else "cdf")
    with warnings.catch_warnings():  # undefined at the ends of the curve: drawn as NaN there
        warnings.simplefilter("ignore", RuntimeWarning)
        band = curve.confidence_interval(0.95)
    at = np.concatenate([[0.0], curve.quantiles, [horizon]])
    value = np.concatenate([[1.0 if survival else 0.0], curve.probabilities,
                            [curve.probabilities[-1]]])
    low = np.concatenate([[value[0]], np.nan_to_num(band.low.probabilities), [np.nan]])
    high = np.concatenate([[value[0]], np.nan_to_num(band.high.probabilities, nan=1.0), [np.nan]])
    low[-1], high[-1] = low[-2], high[-2]
    ax.step(at, value, where="post", color=colour, label=label)
    ax.fill_between(at, low, high, step="post", color=colour, alpha=0.2)


