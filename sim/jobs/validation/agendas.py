"""Validation of a flexible agenda, through the whole model: in the textbook case with a ladder
whose first stage can never be signed (A links it to a side-payment a facilitative mediator
does not fund), a fixed ladder never reaches the settlement; a mediator that sets a blocked
stage aside after k rounds (`skip_blocked`) tables the next tier after round k, and with daily
rounds and no noise the settlement is signed on day k + 1 in every run; one that switches to
the comprehensive deal after k rounds (`switch_to_comprehensive`) does the same from a
three-tier ladder and never tables the tier it skips."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook, with_ladder

K = 3  # rounds on a tier before the mediator moves on


def blocked(tiers: int, rule: str, after: int | None = None) -> dict[str, Any]:
    """The textbook ladder of `tiers` stages whose first is blocked, under agenda `rule`."""
    cfg = with_ladder(textbook("mediator.patience_rounds=100000"), tiers)
    cfg["scenario"]["parties"]["A"]["linkage"] = {"stage1": {"side_payment": 0.01}}
    cfg["mediator"]["agenda"] = {"rule": rule,
                                 "parameters": {} if after is None else {"after_rounds": after}}
    return cfg


def flexible_agenda(replicates: int, seed: int) -> list[Row]:
    fixed = simulate(blocked(2, "fixed"), replicates, seed)
    skip = simulate(blocked(2, "skip_blocked", K), replicates, seed + 1)
    switch = simulate(blocked(3, "switch_to_comprehensive", K), replicates, seed + 2)
    return [
        Row("Fixed ladder, first stage blocked", "Touval 1982 (step by step)",
            "no agreement; the settlement never proposed",
            f"P = {fixed['agreement'].mean():.3f}; settlement proposals "
            f"{fixed['stage.settlement.proposals'].max()}", "exact",
            bool(not fixed["agreement"].any() and (fixed["stage.settlement.proposals"] == 0).all())),
        Row(f"Set a blocked stage aside after {K} rounds", "Fisher 1964 (fractionation)",
            f"settlement signed on day {K + 1} in every run, the blocked stage still tabled",
            f"days {np.unique(skip['agreement_day'])}; blocked stage proposed "
            f"{np.unique(skip['stage.stage1.proposals'])} times",
            "exact", bool((skip["agreement_day"] == K + 1).all()
                          and (skip["stage.stage1.proposals"] > K).all())),
        Row(f"Switch to the comprehensive deal after {K} rounds (three tiers)",
            "Zartman and Berman 1982", f"signed on day {K + 1}; the middle tier never tabled",
            f"days {np.unique(switch['agreement_day'])}; middle-tier proposals "
            f"{switch['stage.stage2.proposals'].max()}", "exact",
            bool((switch["agreement_day"] == K + 1).all()
                 and (switch["stage.stage2.proposals"] == 0).all())),
    ]
