"""Validation of third parties that guarantee or spoil a truce, through the whole model.

A guarantor: on the commitment case of `commitment` (B's capability drifts up by a known shift;
a deal cannot bind the share `renegotiation` of its value), a guarantor of credibility g
scales that share by 1 - g, so bargaining fails exactly when (1 - g) r x shift > (1 - (1 - g) r)
x surplus (Walter 2002; `sim.rules.commitment.war_from_shift`); its guarantee is the same as
the stage's own guarantee of g, replicate for replicate.

A spoiler: in the textbook case the settlement is signed on day 1, monitoring is perfect and
the parties never break it; a spoiler striking with chance p a day, blamed on A, brings it down
at the first report, so the first collapse comes k days after signing with (1 - p)^(k-1) p, and
it holds (after H days unbroken) with (1 - p)^H. Striking only on days of talks, weekly, it
brings down every truce at the next round: none ever holds.

A host: A's distrust of the mediator keeps the textbook range closed, and A trusts the host; a
host holding each daily round with chance h brings the first signing on round k with
(1 - h)^(k-1) h. A host biased toward B by b, holding every round, gives the terms of a
mediator biased toward B by b, replicate for replicate."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.jobs.validation.cases import Row, pct, simulate, textbook
from sim.jobs.validation.commitment import COST, SHARE, SHIFT_DAYS, shares
from sim.jobs.validation.implementation import geometric_fit
from sim.jobs.validation.persistence import deadlocked
from sim.rules.commitment import war_from_shift

DRIFT = 0.006  # B's drift a day: a shift that makes war without a guarantee
STRIKE, HOLD = 0.05, 60  # the spoiler's daily chance; days a truce must stand to hold


def guaranteed(credibility: float | None, stage_guarantee: float = 0.0) -> dict[str, Any]:
    """The commitment case, with a guarantor of the settlement (None: no guarantor)."""
    cfg = textbook(f"scenario.conflict.drift_per_day.B={DRIFT}",
                   f"scenario.stages.settlement.guarantee={stage_guarantee}",
                   f"scenario.conflict.commitment.shift_days={SHIFT_DAYS}",
                   f"scenario.conflict.commitment.renegotiation_share={SHARE}",
                   f"scenario.parties.A.cost_per_day={COST / 100}",
                   f"scenario.parties.B.cost_per_day={COST / 100}", "scenario.horizon_days=1")
    if credibility is not None:
        cfg["scenario"]["third_parties"] = {"G": {
            "label": "Guarantor", "role": "guarantor", "stages": ["settlement"],
            "parameters": {"credibility": credibility}}}
    return cfg


def guarantors(replicates: int, seed: int) -> list[Row]:
    """A guarantor's credibility against the commitment problem's closed form."""
    now, later = shares(DRIFT, 0.0)
    rows = []
    for g in (0.0, 0.6, 1.0):
        war = war_from_shift(now - later, 2 * COST, SHARE * (1 - g))
        agreed = simulate(guaranteed(g), replicates, seed)["agreement"]
        same = simulate(guaranteed(None, g), replicates, seed)["agreement"]
        rows.append(Row(
            f"Guarantor of credibility {g:g} against a shift of {now - later:.3f}",
            "Walter 1997, 2002; Fearon 1995", ("P = 0 (war)" if war else "P = 1 (a deal)")
            + f"; as the stage's own guarantee {g:g}",
            f"P = {agreed.mean():.3f}; with the stage's guarantee: P = {same.mean():.3f}",
            "exact", bool(np.array_equal(agreed, same)
                          and (not agreed.any() if war else agreed.all()))))
    return rows


def spoiled(strike: float, talks: float, weekly: bool = False) -> dict[str, Any]:
    """The textbook settlement, kept by both parties, under a spoiler that blames A."""
    cfg = textbook(f"scenario.stages.settlement.hold_days={HOLD}")
    if weekly:
        cfg["scenario"]["round_interval_days"] = cfg["scenario"]["first_round_day"] = 7
    cfg["scenario"]["third_parties"] = {"S": {
        "label": "Spoiler", "role": "spoiler", "stages": ["settlement"], "blames": "A",
        "parameters": {"strike_per_day": strike, "talks_per_day": talks}}}
    return cfg


def spoilers(replicates: int, seed: int) -> list[Row]:
    """A spoiler's strikes against the geometric law; strikes timed to talks."""
    out = simulate(spoiled(STRIKE, STRIKE), replicates, seed)
    first = out["stage.settlement.collapsed_day"] - out["stage.settlement.signed_day"]
    first = np.where(first <= HOLD, first, np.nan)
    p_value = geometric_fit(first, STRIKE, HOLD + 1)
    blamed = bool((out["party.A.reported_violations"] == out["third_party.S.strikes"]).all()
                  and not out["party.A.violations"].any()
                  and not out["party.B.reported_violations"].any())
    held = float(np.isnan(out["stage.settlement.collapsed_day"]).mean())
    rows = [Row(f"Spoiler strikes with chance {STRIKE} a day, blamed on A, at a truce both keep",
                "Stedman 1997; Kydd and Walter 2002; geometric law",
                f"first collapse k days after signing with (1 - p)^(k-1) p; held (never broken "
                f"in {HOLD} days) in {pct((1 - STRIKE) ** HOLD)}; every report against A, "
                "none of A's own", f"held in {pct(held)}; chi-square p = {p_value:.3f}; "
                f"strikes an episode {out['third_party.S.strikes'].mean():.2f}, all reported "
                f"against A: {blamed}", "p > 0.001", bool(p_value > 1e-3 and blamed))]
    out = simulate(spoiled(0.0, 1.0, weekly=True), replicates // 10, seed + 1)
    collapsed = out["stage.settlement.collapsed_day"]
    timed = bool((collapsed == 14).all())
    rows.append(Row("Spoiler strikes only on days of talks (weekly rounds)",
                    "Kydd and Walter 2002", "the truce signed at the first round (day 7) "
                    "collapses at the next (day 14); it never holds",
                    f"first collapse on day {np.nanmin(collapsed):g}-{np.nanmax(collapsed):g}; "
                    f"collapses an episode {out['stage.settlement.collapses'].mean():.1f}; held "
                    f"in {pct(float(np.isfinite(out['stage.settlement.held_day']).mean()))}",
                    "exact", bool(timed and not np.isfinite(out["stage.settlement.held_day"])
                                  .any())))
    return rows


HOSTED, BIAS = 0.3, 0.5  # the share of rounds a host holds; its bias toward B


def hosted(host: dict[str, Any] | None) -> dict[str, Any]:
    """The textbook case, its range closed by A's distrust of a mediator that never leaves,
    with a host (None: none)."""
    cfg = deadlocked({}, blocked=False)
    a = cfg["scenario"]["parties"]["A"]
    a["mediator_distrust_penalty"] = 0.5  # A holds out for 0.25 more than its 0.4
    a["trust"]["mediator"] = {"alpha": 1.0, "beta": 1.0}
    if host is not None:
        cfg["scenario"]["third_parties"] = {"H": {"label": "Host", "role": "host", **host}}
    return cfg


def hosts(replicates: int, seed: int) -> list[Row]:
    """A trusted host's rounds open a range the mediator's distrust keeps shut; its bias sets
    the terms as a mediator's would."""
    trusted = {"trust": {"A": {"alpha": 1.0, "beta": 0.0}},
               "parameters": {"share_of_rounds": HOSTED}}
    out = simulate(hosted(trusted), replicates, seed)
    never = simulate(hosted(None), replicates // 10, seed)["agreement"]
    day = out["agreement_day"]
    p_value = geometric_fit(np.where(np.isfinite(day), day, np.nan), HOSTED, 12)
    rows = [Row(f"Host trusted by A holds a round with chance {HOSTED}; the mediator's own "
                "rounds stay shut", "Touval and Zartman 1985; Crocker et al. 1999",
                "no host: no agreement; with it, signed on round k with (1 - h)^(k-1) h, "
                f"mean {1 / HOSTED:.2f}", f"no host: {pct(never.mean())}; signed "
                f"{pct(out['agreement'].mean())}, mean day {np.nanmean(day):.2f}; chi-square "
                f"p = {p_value:.3f}", "p > 0.001", bool(p_value > 1e-3 and not never.any()))]
    every = {"bias": {"B": BIAS}, "parameters": {"share_of_rounds": 1.0}}
    cfg = textbook()
    cfg["scenario"]["third_parties"] = {"H": {"label": "Host", "role": "host", **every}}
    by_host = simulate(cfg, replicates // 10, seed + 1)
    by_mediator = simulate(textbook(f"+mediator.bias={{B: {BIAS}}}"), replicates // 10, seed + 1)
    terms = [k for k in by_host if k.startswith("terms.")]
    same = bool(all(np.array_equal(by_host[k], by_mediator[k], equal_nan=True) for k in terms))
    shift = float(np.nanmean(by_host[terms[0]])) if terms else float("nan")
    rows.append(Row(f"Host biased toward B by {BIAS}, holding every round",
                    "Kydd 2003; Svensson 2007", f"the terms of a mediator biased by {BIAS}, "
                    "replicate for replicate", f"identical: {same}; mean {terms[0]} "
                    f"{shift:.3f}", "exact", same))
    return rows


def third_parties(replicates: int, seed: int) -> list[Row]:
    return (guarantors(replicates // 10, seed) + spoilers(replicates, seed + 2)
            + hosts(replicates // 2, seed + 4))
