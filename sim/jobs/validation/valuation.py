"""Validation of the `averted` valuation of a truce (docs/ODD.md, section 7.28), through the
whole model: in the textbook case with a ceasefire tabled before the settlement, party A gaining
ground by a drift and B losing it, with no frictions (no margin, noise, option value, sucker's
cost or rearmament, trust certain). Valued by what it stops, the ceasefire is worth to A, over
the H days it weighs, its daily cost of war c_A times H less the ground it forgoes, H times
k·p(1 - p)·mu times what a point of the chance of prevailing is worth in the settlement (its
stake, w); H cancels, so A signs at the first round exactly where c_A >= k·p(1 - p)·mu·w, and B,
which loses ground, always. With c_A uniform the share of episodes signing at once is known.
Under the classic (stakes) valuation A, which prefers no ceasefire, signs only where its cost of
war over H exceeds its chance of prevailing on the ceasefire's stake: never here, the structural
zero of section 7.28."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from sim.jobs.validation.cases import Row, simulate, textbook
from sim.results.estimators import wilson

DRIFT, COST_LOW, COST_HIGH = 0.002, 0.0002, 0.0006  # per day: A's drift, its cost's range
SETTLEMENT_SALIENCE = 0.8  # of each party's stake; the ceasefire has the rest


def with_ceasefire(form: str) -> dict[str, Any]:
    """The textbook case under `form` with an indivisible ceasefire tabled before the
    settlement, A gaining ground (`DRIFT`) at a cost per day uniform in the given range."""
    cfg = copy.deepcopy(textbook(f"model={form}", f"scenario.conflict.drift_per_day.A={DRIFT}"))
    scenario = cfg["scenario"]
    scenario["issues"]["ceasefire"] = {"description": "A ceasefire", "kind": "indivisible",
                                       "status_quo": 0.0}
    for name, ideal in (("A", 0.0), ("B", 1.0)):
        party = scenario["parties"][name]
        party["ideal"]["ceasefire"] = ideal
        party["salience"] = {"stake": SETTLEMENT_SALIENCE, "ceasefire": 1 - SETTLEMENT_SALIENCE}
    scenario["parties"]["A"]["cost_per_day"] = {"dist": "uniform", "low": COST_LOW,
                                                "high": COST_HIGH}
    settlement = scenario["stages"]["settlement"]
    scenario["stages"] = {"ceasefire": {**settlement, "label": "Ceasefire",
                                        "issues": ["ceasefire"], "comprehensive": False,
                                        "cost_relief": 1.0},
                          "settlement": settlement}
    cfg["mediator"]["ladder"] = [["ceasefire"], ["settlement"]]
    return cfg


def expected_share() -> tuple[float, float]:
    """A's cost threshold and the share of episodes signing at the first round (day 1, after
    one day of drift: A's log-capability is mu)."""
    p = np.exp(DRIFT) / (np.exp(DRIFT) + 1.0)  # k = 1, equal capabilities at day 0
    threshold = p * (1 - p) * DRIFT * SETTLEMENT_SALIENCE
    share = float(np.clip((COST_HIGH - threshold) / (COST_HIGH - COST_LOW), 0.0, 1.0))
    return threshold, share


def truce_valuation(replicates: int, seed: int) -> list[Row]:
    threshold, share = expected_share()
    rows = []
    for form, expected in (("truce_process", share), ("classic", 0.0)):
        out = simulate(with_ceasefire(form), replicates, seed)
        at_once = out["stage.ceasefire.signed"] & (out["stage.ceasefire.signed_day"] == 1)
        ci = wilson(int(at_once.sum()), replicates)
        low, high = (ci.ci_low, ci.ci_high) if expected > 0 else (0.0, 0.0)
        wide = max(high - ci.p, ci.p - low) if expected > 0 else 0.0
        rows.append(Row(
            f"A truce valued {'by what it stops' if form != 'classic' else 'as stakes'}: the "
            "side gaining ground signs a ceasefire at the first round",
            "Fortna 2004; Clayton & Sticher 2021 (ODD 7.28)",
            f"P = {expected:.3f} (c_A ≥ {threshold:.6f} a day)" if expected > 0
            else "P = 0 (its cost of war over 100 days, at most 0.06, is below p = 0.5)",
            f"P = {ci.p:.3f} ({low:.3f}–{high:.3f})" if expected > 0 else f"P = {ci.p:.3f}",
            "95% Wilson interval" if expected > 0 else "exact",
            bool(low <= expected <= high) if expected > 0 else bool(ci.p == 0.0),
            note="" if expected == 0 else f"interval half-width {wide:.3f}"))
    return rows
