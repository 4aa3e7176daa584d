"""Validation of carrying out what was signed, through the whole model: a side-payment a third
party holds (a veto player), conditions precedent with a deadline, and renewals at a term.

Conditions: in the textbook case A signs the settlement only if paid a side-payment that a veto
player holds and approves, with a daily chance q, only as an exception (its own condition, the
settlement in force, can never be met while the settlement waits on it). The veto player
decides on the day of signing and each day after; with a deadline of D days the first signing
comes into force k days after it with probability (1 - q)^k q, for k = 0..D, and lapses with
probability (1 - q)^(D + 1); with q = 0 the settlement is signed in every replicate and in
force in none.

Renewals: a truce of term T is renewed at each term by A with chance p_A and by B with chance
p_B (`fixed_chance`), so each term is renewed with q = p_A p_B and the number of renewals is
geometric, P(N = k) = q^k (1 - q), cut at the last term before the horizon."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, pct, simulate, textbook, with_ladder
from sim.results.estimators import wilson

SIDE_PAYMENT, DEADLINE = 0.01, 10  # A's demand (share of the stake); days to meet conditions
TERM, P_A, P_B = 10, 0.9, 0.8  # the truce's term (days); each party's chance of renewing


def vetoed(exception: float) -> dict[str, Any]:
    """The textbook settlement, linked by A to a side-payment a veto player holds."""
    cfg = textbook()
    scenario = cfg["scenario"]
    scenario["parties"]["A"]["linkage"] = {"settlement": {"side_payment": SIDE_PAYMENT}}
    scenario["stages"]["settlement"]["conditions"] = {"deadline_days": DEADLINE}
    scenario["third_parties"] = {"V": {
        "label": "Veto player", "role": "veto_player", "holds": ["A.settlement"],
        "requires": ["settlement"], "parameters": {"exception_per_day": exception}}}
    return cfg


def conditions_precedent(replicates: int, seed: int) -> list[Row]:
    """The veto player excluding the carrot; then granting it with a daily chance."""
    out = simulate(vetoed(0.0), replicates, seed)
    never = bool(out["stage.settlement.signed"].all()
                 and np.isnan(out["stage.settlement.in_force_day"]).all())
    rows = [Row("Veto player refuses the side-payment: signed, never in force",
                "Tsebelis 2002; Cunningham 2006", "signed in 100%, in force in 0%",
                f"signed {pct(out['stage.settlement.signed'].mean())}, in force "
                f"{pct(np.isfinite(out['stage.settlement.in_force_day']).mean())}, lapses per "
                f"episode {out['stage.settlement.lapses'].mean():.2f}", "exact", never)]
    q = 0.05
    out = simulate(vetoed(q), replicates, seed + 1)
    signed, came = out["stage.settlement.signed_day"], out["stage.settlement.in_force_day"]
    first = (out["stage.settlement.lapses"] == 0) | (came < out["stage.settlement.lapsed_day"])
    entered = first & np.isfinite(came)
    bins = np.where(entered, came - signed, DEADLINE + 1).astype(int)  # D + 1: it lapsed
    chances = np.array([(1 - q) ** k * q for k in range(DEADLINE + 1)]
                       + [(1 - q) ** (DEADLINE + 1)])
    counts = np.bincount(bins, minlength=DEADLINE + 2)[: DEADLINE + 2]
    p_value = float(stats.chisquare(counts, chances * counts.sum()).pvalue)
    share = wilson(int(entered.sum()), entered.size, 0.999)
    low, high = share.ci_low, share.ci_high
    expected = 1 - (1 - q) ** (DEADLINE + 1)
    rows.append(Row(f"Veto player grants it with chance {q} a day, deadline {DEADLINE} days",
                    "Tsebelis 2002 (closed form)",
                    f"first signing in force {pct(expected)}; day of entry geometric",
                    f"{pct(entered.mean())} [{pct(low)}, {pct(high)}]; chi-square over "
                    f"days 0-{DEADLINE} and lapse p = {p_value:.3f}",
                    "99.9% interval; p > 0.001", bool(low <= expected <= high and p_value > 1e-3)))
    return rows


def renewing(rule_a: dict[str, Any], rule_b: dict[str, Any]) -> dict[str, Any]:
    """A time-limited truce of TERM days, renewable for TERM, then a settlement that never
    holds within the horizon (so the episode runs to it and the truce keeps its terms)."""
    cfg = with_ladder(textbook("mediator.patience_rounds=100000"), 2)
    scenario = copy.deepcopy(cfg["scenario"])
    truce = scenario["stages"]["stage1"]
    truce.update({"duration_days": TERM, "renewal_days": TERM, "hold_days": 5,
                  "tabled_again": False})  # the law counts the renewals of one truce
    scenario["stages"]["settlement"]["hold_days"] = 10 * scenario["horizon_days"]
    scenario["parties"]["A"]["renewal"], scenario["parties"]["B"]["renewal"] = rule_a, rule_b
    return {**cfg, "scenario": scenario}


def renewals(replicates: int, seed: int) -> list[Row]:
    """The geometric law of renewals with fixed chances; as_signing without noise renews
    every term (the terms stay worth more than war)."""
    fixed = [{"rule": "fixed_chance", "parameters": {"chance": p}} for p in (P_A, P_B)]
    out = simulate(renewing(*fixed), replicates, seed)
    horizon = int(renewing(*fixed)["scenario"]["horizon_days"])
    signed = out["stage.stage1.signed_day"]
    on_day_1 = signed == 1
    cap = (horizon - 1) // TERM  # terms reached by the horizon (days 11, 21, ...), signed on day 1
    q = P_A * P_B
    chances = np.array([q ** k * (1 - q) for k in range(cap)] + [q ** cap])
    n = out["stage.stage1.renewals"][on_day_1]
    counts = np.bincount(n, minlength=cap + 1)[: cap + 1]
    p_value = float(stats.chisquare(counts, chances * counts.sum()).pvalue)
    mean = float((np.arange(cap + 1) * chances).sum())
    rows = [Row(f"Renewals with fixed chances {P_A} and {P_B}, term {TERM} days",
                "geometric law (closed form)",
                f"P(N = k) = {q:.2f}^k x {1 - q:.2f}, cut at {cap}; mean {mean:.3f}",
                f"mean {n.mean():.3f} over {on_day_1.mean():.0%} signed on day 1; chi-square "
                f"p = {p_value:.3f}; declined by A {out['stage.stage1.renewal_declined.A'].sum()}"
                f", by B {out['stage.stage1.renewal_declined.B'].sum()}", "p > 0.001",
                bool(on_day_1.all() and p_value > 1e-3))]
    out = simulate(renewing({"rule": "as_signing"}, {"rule": "as_signing"}), replicates // 10,
                   seed + 1)
    n = out["stage.stage1.renewals"]
    rows.append(Row("Renewal as at signing, no noise: the terms beat war at every term",
                    "Fearon 1995 (a deal in the range is kept)", f"{cap} renewals in every run",
                    f"{n.min()}-{n.max()} renewals", "exact", bool((n == cap).all())))
    return rows


SUSPEND_P, RETURN_D, WITHDRAW_P = 0.05, 5, 0.02  # chances a day; days out
UNPAID_P, GRACE = 0.05, 5  # a daily chance of withdrawing while unpaid; days of grace


def stepping_out(rule: dict[str, Any]) -> dict[str, Any]:
    """The textbook settlement, signed on day 1 and never held within the horizon, with A on
    participation rule `rule`."""
    cfg = textbook()
    cfg["scenario"]["stages"]["settlement"]["hold_days"] = 10 * cfg["scenario"]["horizon_days"]
    cfg["scenario"]["parties"]["A"]["participation"] = rule
    return cfg


def geometric_fit(days: np.ndarray, p: float, cells: int) -> float:
    """Chi-square p-value of days 1, 2, ... (nan: never, within the horizon) against the
    geometric law P(k) = (1 - p)^(k-1) p, the tail pooled."""
    k = np.where(np.isfinite(days), days, cells).astype(int)
    chances = np.array([(1 - p) ** (j - 1) * p for j in range(1, cells)] + [(1 - p) ** (cells - 1)])
    counts = np.bincount(np.clip(k, 1, cells), minlength=cells + 1)[1:]
    return float(stats.chisquare(counts, chances * counts.sum()).pvalue)


def suspension_and_withdrawal(replicates: int, seed: int) -> list[Row]:
    """A party that suspends with a daily chance returns after a fixed time; one that
    withdraws with a daily chance ends the truce on a geometric day."""
    out = simulate(stepping_out({"rule": "walks_out", "parameters": {
        "suspend_per_day": SUSPEND_P, "return_days": RETURN_D}}), replicates, seed)
    first = out["stage.settlement.suspended_day"] - out["stage.settlement.in_force_day"]
    p_value = geometric_fit(first, SUSPEND_P, 30)
    never_gone = not np.isfinite(out["stage.settlement.withdrawn_day"]).any()
    rows = [Row(f"A party suspends with chance {SUSPEND_P} a day, back after {RETURN_D} days",
                "geometric law (closed form); facts G7, G8", "first suspension k days after "
                f"entry with (1 - p)^(k-1) p, mean {1 / SUSPEND_P:.0f}; it always returns",
                f"mean {np.nanmean(first):.2f} (within the horizon), "
                f"{out['stage.settlement.suspensions'].mean():.2f} suspensions an episode; "
                f"chi-square p = {p_value:.3f}; withdrawals: none",
                "p > 0.001", bool(p_value > 1e-3 and never_gone))]
    out = simulate(stepping_out({"rule": "walks_out", "parameters": {
        "withdraw_per_day": WITHDRAW_P}}), replicates, seed + 1)
    gone = out["stage.settlement.withdrawn_day"] - out["stage.settlement.in_force_day"]
    p_value = geometric_fit(gone, WITHDRAW_P, 60)
    by_a = out["stage.settlement.withdrawn_by.A"]
    rows.append(Row(f"A party withdraws with chance {WITHDRAW_P} a day", "geometric law; G12",
                    "withdrawal k days after entry with (1 - p)^(k-1) p; only by A",
                    f"{pct(np.isfinite(gone).mean())} withdrew within the horizon; chi-square "
                    f"p = {p_value:.3f}; by B: {int(out['stage.settlement.withdrawn_by.B'].sum())}",
                    "p > 0.001", bool(p_value > 1e-3 and (by_a == np.isfinite(gone)).all()
                                      and not out["stage.settlement.withdrawn_by.B"].any())))
    return [*rows, unpaid_withdrawal(replicates, seed + 2)]


def owed(approval: float) -> dict[str, Any]:
    """The textbook settlement, in force on signing, with a side-payment owed to A after entry
    into force, held by a veto player approving with a daily chance; A withdraws with a daily
    chance while it goes undelivered past a grace period."""
    cfg = stepping_out({"rule": "walks_out", "parameters": {
        "unpaid_withdraw_per_day": UNPAID_P, "grace_days": GRACE}})
    scenario = cfg["scenario"]
    scenario["parties"]["A"]["linkage"] = {"settlement": {"side_payment": SIDE_PAYMENT,
                                                          "precedent": False}}
    scenario["third_parties"] = {"V": {
        "label": "Veto player", "role": "veto_player", "holds": ["A.settlement"],
        "parameters": {"approval_per_day": approval, "exception_per_day": approval}}}
    return cfg


def unpaid_withdrawal(replicates: int, seed: int) -> Row:
    """A payment never delivered: in force at once, withdrawal on a geometric day after the
    grace period; delivered at once: no withdrawal."""
    out = simulate(owed(0.0), replicates, seed)
    paid = simulate(owed(1.0), replicates // 10, seed + 1)
    entered = out["stage.settlement.in_force_day"] == out["stage.settlement.signed_day"]
    gone = out["stage.settlement.withdrawn_day"] - out["stage.settlement.signed_day"] - GRACE
    p_value = geometric_fit(gone, UNPAID_P, 60)
    kept = not np.isfinite(paid["stage.settlement.withdrawn_day"]).any()
    return Row(f"A side-payment owed after entry into force, never delivered; A withdraws with "
               f"{UNPAID_P} a day after {GRACE} days", "Walter 2002; G4, G12; geometric law",
               "in force on signing; withdrawal k days after the grace period with "
               "(1 - p)^(k-1) p; delivered at once: no withdrawal",
               f"in force on signing: {pct(entered.mean())}; withdrew {pct(np.isfinite(gone).mean())}"
               f", chi-square p = {p_value:.3f}; delivered: withdrawals "
               f"{int(np.isfinite(paid['stage.settlement.withdrawn_day']).sum())}",
               "p > 0.001; exact", bool(entered.all() and p_value > 1e-3 and kept))
