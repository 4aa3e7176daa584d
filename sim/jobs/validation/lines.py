"""Validation of lines of control, through the whole model: on a stake whose terms are the line
of contact, the parties agree exactly when the line lies in Fearon's bargaining range
[p - c_A, p + c_B], at the line (not at the Nash split); where the war moves the line faster
than the range, they agree on the first day it enters the range, at the line of that day."""

from __future__ import annotations

import math

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook

STATIC = (0.45, 0.3, 0.65)  # day-0 lines against the textbook's range [0.4, 0.6]
DRIFT, START, MOBILITY = 0.01, 0.3, 2.0  # A's log-capability per day; the moving line


def _line(position: float, mobility: float, *overrides: str) -> tuple[str, ...]:
    return ("scenario.issues.stake.kind=line_of_control",
            f"+scenario.issues.stake.line={{position: {position}, mobility: {mobility}}}",
            *overrides)


def moving_line_day() -> tuple[int, float]:
    """The first day the moving line lies in the range, and the line then. With equal
    capabilities at day 0 and A's log-capability drifting by d a day, p(t) = 1 / (1 + e^(-d t))
    and the line is START + MOBILITY (p(t) - 1/2); it meets the range's lower end p - 0.1
    once (MOBILITY - 1)(p - 1/2) >= 0.5 - START - 0.1, i.e. p >= 0.6 here."""
    target = 0.5 + (0.5 - START - 0.1) / (MOBILITY - 1.0)
    day = math.ceil(math.log(target / (1 - target)) / DRIFT - 1e-12)
    p = 1.0 / (1.0 + math.exp(-DRIFT * day))
    return day, START + MOBILITY * (p - 0.5)


def lines_of_control(replicates: int, seed: int) -> list[Row]:
    rows = []
    for position in STATIC:
        out = simulate(textbook(*_line(position, 1.0)), replicates, seed)
        agreed, terms = out["agreement"], out["terms.stake"][out["agreement"]]
        inside = 0.4 <= position <= 0.6
        ok = (agreed.all() and np.allclose(terms, position)) if inside else not agreed.any()
        rows.append(Row(
            f"Line of control at {position:g}, range [0.4, 0.6]", "Schelling 1960; Fearon 1995",
            f"P = 1 at terms {position:g} (the line; divisible: 0.5)" if inside else "P = 0",
            f"P = {agreed.mean():.3f}" + (f" at terms {', '.join(f'{x:g}' for x in np.unique(terms))}"
                                          if agreed.any() else ""), "exact", bool(ok)))
    day, line = moving_line_day()
    patient = ("mediator.patience_rounds=1000", f"scenario.conflict.drift_per_day.A={DRIFT}")
    moving = simulate(textbook(*_line(START, MOBILITY, *patient)), replicates, seed)
    along = simulate(textbook(*_line(START, 1.0, *patient)), replicates, seed)
    signed, terms = moving["stage.settlement.signed_day"], moving["terms.stake"]
    ok = bool(np.all(signed == day) and np.allclose(terms, line) and not along["agreement"].any())
    rows.append(Row(
        f"A line the war moves (from {START:g}, mobility {MOBILITY:g}, A gaining {DRIFT:g} a day)",
        "Goemans 2000; Reiter 2009 (war aims follow the battlefield)",
        f"signed on day {day} at the line {line:.4f}; with mobility 1 (line and range move "
        "together) never",
        f"day {', '.join(f'{d:g}' for d in np.unique(signed))} at "
        f"{', '.join(f'{x:.4f}' for x in np.unique(terms.round(6)))}; mobility 1: P = "
        f"{along['agreement'].mean():.3f}", "exact", ok))
    return rows
