"""Validation of a persistent mediator, through the whole model: its recourses at an impasse.

In the textbook case A links the settlement to a side-payment the mediator cannot fund (a
carrot budget of 0), so nothing is ever signed and every impasse comes when patience says:

- a threat with credibility q, carried out or not at its deadline, losing the share L of its
  credibility when it is not, against a blocker whose response is known (it never signs): the
  threats carried out before credibility falls below the floor are a sum of geometric counts,
  one per credibility level q_f = q (1 - L)^f, with mean sum_f q_f / (1 - q_f);
- a credible threat against a blocker whose range it opens is obeyed before it falls: with the
  range closed by A's distrust of the mediator, a threat of credibility 1 yields a signing and is never
  carried out, one of credibility 0 changes nothing;
- a stick of share h landing after d days raises the blocker's cost from that day on;
- a pause of D days: the mediator leaves on day 2P + D instead of P (P rounds of patience);
- a leaders' call taking place with chance c tables the partial stage beyond the blocked one
  and talks the next day, between weekly rounds: it is signed on day 3·7 + 1 in a share c of
  runs;
- a change of envoy restores the parties' trust in the mediator to its prior;
- walking away with chance c at each impasse: the impasse at which it leaves is geometric."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, pct, simulate, textbook, with_ladder
from sim.results.estimators import wilson

P = 3  # rounds of patience
LEAVES = {"chance": 1.0}  # walking away at the first impasse it reaches: the cases below count
# the rounds to a certain exit
Q, LOSS, FLOOR, STICK = 0.5, 0.5, 0.2, 0.5  # the threat: credibility, loss, floor; stick size


def deadlocked(recourses: dict[str, Any], style: str = "leverage", blocked: bool = True,
               patience: int = P, stick: float = STICK) -> dict[str, Any]:
    """The textbook settlement, which A blocks (if `blocked`) by a side-payment nobody funds,
    under a mediator with `recourses` at an impasse."""
    cfg = textbook(f"mediator.patience_rounds={patience}")
    if blocked:
        cfg["scenario"]["parties"]["A"]["linkage"] = {"settlement": {"side_payment": 0.01}}
    cfg["mediator"]["style"] = style
    cfg["mediator"]["leverage"] = {"carrot_budget": 0.0, "stick_size": stick,
                                   "max_sticks": 1000}
    cfg["mediator"]["recourses"] = recourses
    return cfg


def geometric_sum(levels: list[float], cap: int) -> np.ndarray:
    """P(N = k), k = 0..cap (the last: cap or more), N the sum of independent counts of
    successes before a failure, one per success chance in `levels`."""
    pmf = np.zeros(cap + 1)
    pmf[0] = 1.0
    for q in levels:
        one = (1 - q) * q ** np.arange(cap + 1)
        pmf = np.convolve(pmf, one)[: cap + 1]
    pmf[cap] += 1.0 - pmf.sum()
    return pmf


def threats(replicates: int, seed: int) -> list[Row]:
    """Threats carried out against a blocker that never yields; obeyed where credible."""
    threat = {"credibility": Q, "loss": LOSS, "floor": FLOOR, "deadline_rounds": 1}
    out = simulate(deadlocked({"threat": threat, "walk_away": LEAVES}, patience=2),
                   replicates, seed)
    levels = [Q * (1 - LOSS) ** f for f in range(10) if Q * (1 - LOSS) ** f >= FLOOR]
    cap = 8
    pmf = geometric_sum(levels, cap)
    carried = out["mediator.threats_carried_out"]
    counts = np.bincount(np.minimum(carried, cap), minlength=cap + 1)
    keep = pmf * replicates >= 5  # chi-square cells with enough expected counts; the rest
    observed = np.append(counts[keep], counts[~keep].sum())  # pooled, where there are any
    expected = np.append(pmf[keep], pmf[~keep].sum()) * replicates
    if (~keep).sum() == 0:
        observed, expected = observed[:-1], expected[:-1]
    p_value = float(stats.chisquare(observed, expected).pvalue)
    mean = sum(q / (1 - q) for q in levels)
    sticks_match = bool((out["sticks"] == carried).all()
                        and (out["mediator.threats"] == carried + len(levels)).all()
                        and (out["end_reason"] == "mediator_withdrew").all())
    rows = [Row(f"Threats of credibility {Q}, losing {LOSS:.0%} when not carried out, floor "
                f"{FLOOR}; the blocker never signs", "Schelling 1966; Sartori 2005 (closed form)",
                f"carried out: a sum of geometric counts at credibility "
                f"{', '.join(f'{q:.3g}' for q in levels)}, mean {mean:.4f}",
                f"mean {carried.mean():.4f}; chi-square p = {p_value:.3f}; every threat "
                f"counted, then it walked away: {sticks_match}", "p > 0.001",
                sticks_match and p_value > 1e-3)]
    obeyed = []
    for credibility in (1.0, 0.0):
        cfg = deadlocked({"threat": {"credibility": credibility, "floor": 0.0,
                                     "deadline_rounds": 5}, "walk_away": LEAVES}, blocked=False,
                         stick=1.0)
        a = cfg["scenario"]["parties"]["A"]  # distrust of the mediator closes the range:
        a["mediator_distrust_penalty"] = 0.5  # A holds out for 0.25 more than its 0.4
        a["trust"]["mediator"] = {"alpha": 1.0, "beta": 1.0}
        obeyed.append(simulate(cfg, max(replicates // 10, 10), seed + 1))
    yes, no = obeyed
    ok = bool(yes["agreement"].all() and (yes["mediator.threats_carried_out"] == 0).all()
              and (yes["agreement_day"] > P).all() and not no["agreement"].any())
    rows.append(Row("A credible threat against a blocker it moves: obeyed, never carried out",
                    "Schelling 1966 (compellence)", "credibility 1: signed after the threat, "
                    "none carried out; credibility 0: no agreement",
                    f"credibility 1: signed {pct(yes['agreement'].mean())} on days "
                    f"{np.unique(yes['agreement_day'])}, carried out "
                    f"{yes['mediator.threats_carried_out'].sum()}; credibility 0: signed "
                    f"{pct(no['agreement'].mean())}", "exact", ok))
    return rows


def sticks_and_pauses(replicates: int, seed: int) -> list[Row]:
    """A delayed, partial stick's cost to the blocker; the day a pausing mediator leaves."""
    share, delay = 0.5, 10
    cfg = deadlocked({"stick": {"share": share, "delay_days": delay},
                      "walk_away": {"chance": 0.0}})
    cfg["mediator"]["leverage"]["max_sticks"] = 1
    out = simulate(cfg, max(replicates // 10, 10), seed)
    horizon = int(cfg["scenario"]["horizon_days"])
    base = float(cfg["scenario"]["parties"]["A"]["cost_per_day"])
    lands = P + delay  # decided at the impasse after round P, on day P
    expected = base * ((lands - 1) + (horizon - lands + 1) * (1 + share * STICK))
    cost = out["party.A.cost_borne"]
    rows = [Row(f"A stick of {share:.0%} of its size, landing {delay} days after the decision",
                "Hufbauer et al. 2007 (sanctions take time and bite in part)",
                f"A's cost {expected:.4f} of the stake (raised from day {lands}); B's "
                f"{base * horizon:.4f}",
                f"A {np.unique(cost.round(10))}, B {np.unique(out['party.B.cost_borne'].round(10))}",
                "1e-9", bool(np.allclose(cost, expected, atol=1e-9, rtol=0)
                             and np.allclose(out["party.B.cost_borne"], base * horizon,
                                             atol=1e-9, rtol=0)))]
    days = 10
    out = simulate(deadlocked({"pause": {"days": days, "times": 1}, "walk_away": LEAVES},
                              style="facilitative"), max(replicates // 10, 10), seed + 1)
    left = 2 * P + days
    rows.append(Row(f"A pause of {days} days, then a return (daily rounds, patience {P})",
                    "Kleiboer 1996 (ripeness); Beardsley 2011",
                    f"it leaves on day {left}, not {P}; one pause",
                    f"days {np.unique(out['end_day'])}; pauses {np.unique(out['mediator.pauses'])}",
                    "exact", bool((out["end_day"] == left).all()
                                  and (out["end_reason"] == "mediator_withdrew").all()
                                  and (out["mediator.pauses"] == 1).all())))
    return rows


def calls_envoys_and_exits(replicates: int, seed: int) -> list[Row]:
    """A leaders' call's ad hoc deal; a new envoy's trust; walking away with a chance."""
    chance, week = 0.6, 7
    cfg = with_ladder(deadlocked({"leaders_call": {"chance": chance, "times": 1},
                                  "walk_away": LEAVES}, style="facilitative", blocked=False), 3)
    cfg["scenario"]["round_interval_days"] = cfg["scenario"]["first_round_day"] = week
    cfg["scenario"]["parties"]["A"]["linkage"] = {"stage1": {"side_payment": 0.01}}
    out = simulate(cfg, replicates, seed)
    called = out["mediator.leaders_calls"] == 1
    signed = out["stage.stage2.signed"]
    share = wilson(int(signed.sum()), replicates, 0.999)
    day = P * week + 1
    rows = [Row(f"A leaders' call with chance {chance} when the first stage is blocked "
                f"(weekly rounds)", "Putnam 1988; seed fact F6",
                f"the next partial stage signed on day {day} in {pct(chance)} of runs, the "
                f"rest walked away on day {P * week}",
                f"{pct(signed.mean())} [{pct(share.ci_low)}, {pct(share.ci_high)}], on days "
                f"{np.unique(out['stage.stage2.signed_day'][called])}",
                "99.9% interval; days exact",
                bool(share.ci_low <= chance <= share.ci_high and (signed == called).all()
                     and (out["stage.stage2.signed_day"][called] == day).all()
                     and (out["end_day"][~called] == P * week).all()))]
    env = deadlocked({"envoy_change": {"times": 1}, "walk_away": {"chance": 0.0}},
                     style="facilitative")
    env["mediator"]["bias"] = {"A": 0.2}
    env["scenario"]["parties"]["B"]["bias_sensitivity"] = 1.0
    out = simulate(env, max(replicates // 10, 10), seed + 1)
    horizon, gap = int(env["scenario"]["horizon_days"]), 0.2
    expected = 1.0 / (1.0 + gap * (horizon - P))  # worn down again after the change on day P
    trust = out["party.B.trust_in_mediator"]
    rows.append(Row("A new envoy after the first impasse: trust in the mediator from its prior",
                    "Svensson 2007; Beardsley 2011",
                    f"B's trust {expected:.5f} at the horizon ({horizon - P} rounds of "
                    f"favouritism since), not {1 / (1 + gap * horizon):.5f}",
                    f"{np.unique(trust.round(6))}", "1e-9",
                    bool(np.allclose(trust, expected, atol=1e-9, rtol=0)
                         and (out["mediator.envoy_changes"] == 1).all())))
    leave = 0.3
    out = simulate(deadlocked({"walk_away": {"chance": leave}}, style="facilitative",
                              patience=1), replicates, seed + 2)
    k = out["end_day"]  # with daily rounds and patience 1, the k-th impasse is on day k
    cap = 12
    pmf = np.array([(1 - leave) ** (j - 1) * leave for j in range(1, cap)]
                   + [(1 - leave) ** (cap - 1)])
    counts = np.bincount(np.minimum(k, cap), minlength=cap + 1)[1:]
    p_value = float(stats.chisquare(counts, pmf * replicates).pvalue)
    rows.append(Row(f"Walking away with chance {leave} at each impasse (patience 1)",
                    "geometric law (closed form)",
                    f"leaves at the k-th impasse with (1 - c)^(k-1) c; mean {1 / leave:.3f}",
                    f"mean {k.mean():.3f}; chi-square p = {p_value:.3f}", "p > 0.001",
                    bool(p_value > 1e-3 and (out["end_reason"] == "mediator_withdrew").all())))
    return rows


def persistent_mediator(replicates: int, seed: int) -> list[Row]:
    """Every recourse's case."""
    return (threats(replicates, seed) + sticks_and_pauses(replicates, seed + 2)
            + calls_envoys_and_exits(replicates, seed + 4))
