"""Validation of red lines, audience costs and political cover, through the whole model.

A hard red line (Fearon 1995's constraint on the bargaining range): B refuses any share to A
above `limit` at a prohibitive cost, so agreement comes exactly when [p - c_A, min(p + c_B,
limit)] is not empty, inside the line. An audience cost (Fearon 1994) grows by g a day of
public commitment: B accepts the mediator's 0.5, across a line at 0.45, on day t only while
0.5 - g t (1 - cover) >= its reservation value 0.4, so an early offer is signed, a late one is
refused and the terms end inside the line, and political cover on that day lets it through."""

from __future__ import annotations

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook
from sim.jobs.validation.ratification import LEARNING

P, COST = 0.5, 0.1  # the textbook's
GROWTH, LINE = 0.004, 0.45


def hard_lines(replicates: int, seed: int) -> list[Row]:
    rows = []
    for limit in (0.45, 0.35):
        low, high = P - COST, min(P + COST, limit)
        out = simulate(textbook(f"+scenario.parties.B.red_lines.stake={{limit: {limit}, "
                                "cost: 10}"), replicates, seed)
        agreed, terms = out["agreement"], out["terms.stake"][out["agreement"]]
        if low <= high:
            expected = f"P = 1, terms in [{low:.2f}, {high:.2f}] (inside the line)"
            ok = bool(agreed.all() and terms.min() >= low - 1e-9 and terms.max() <= high + 1e-9)
        else:
            expected, ok = "P = 0 (the line leaves no share both accept)", not agreed.any()
        shown = f" at terms {', '.join(f'{x:g}' for x in np.unique(terms))}" if agreed.any() else ""
        rows.append(Row(f"Hard red line: B cedes at most {limit} of the stake",
                        "Fearon 1995 (a constrained range)", expected,
                        f"P = {agreed.mean():.3f}{shown}", "exact", bool(ok)))
    return rows


def audience_costs(replicates: int, seed: int) -> list[Row]:
    line = f"+scenario.parties.B.red_lines.stake={{limit: {LINE}, cost: 0, audience_growth: {GROWTH}}}"
    cases = (  # (label, overrides, expected day, terms: 0.5 or inside the line)
        ("rounds daily: 0.5 on day 1, before commitment has grown",
         ("scenario.round_interval_days=1",), 1, True),
        ("rounds every 30 days, no cover: refused on day 30, terms end inside the line",
         ("scenario.round_interval_days=30", "scenario.first_round_day=30"), None, False),
        ("rounds every 30 days, cover on day 30 lifting half: 0.5 on day 30",
         ("scenario.round_interval_days=30", "scenario.first_round_day=30",
          "scenario.political_cover.days=[30]",
          "scenario.political_cover.share=0.5"), 30, True),
    )
    rows = []
    for label, given, day, at_half in cases:
        out = simulate(textbook(line, *LEARNING, "scenario.horizon_days=400", *given),
                       replicates, seed)
        agreed, terms = out["agreement"], out["terms.stake"][out["agreement"]]
        days = out["agreement_day"][agreed]
        if at_half:
            ok = bool(agreed.all() and np.all(terms == 0.5) and np.all(days == day))
            expected = f"P = 1 at 0.5 on day {day}"
        else:
            ok = bool(agreed.all() and terms.max() <= LINE + 1e-9 and days.min() > 30)
            expected = f"P = 1 at terms <= {LINE}, after day 30"
        shown = (f"P = {agreed.mean():.3f}, terms {terms.min():.3f}-{terms.max():.3f}, days "
                 f"{days.min():.0f}-{days.max():.0f}" if agreed.any() else "P = 0")
        rows.append(Row(f"Audience cost {GROWTH}/day across a line at {LINE}: {label}",
                        "Fearon 1994 (audience costs)", expected, shown, "exact", ok))
    return rows
