"""From a run table to the figures users read: proportions with Wilson intervals, KM times."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from sim.results.digest import QUESTION, RunDigest, digest_frame, digest_saved
from sim.results.estimators import curve_quantiles, interval_text, kaplan_meier, wilson

LADDER = ("signed", "in_force", "held", "lapsed", "collapsed")
"""How far each stage got, in the order a reader follows a truce: signed, came into force,
held for its hold period, lapsed on its conditions precedent, collapsed (each: ever, in a
year)."""


def summarise_saved(folder: Path, horizon: int) -> dict[str, Any]:
    """The summary of a saved run table, read a row group at a time (memory does not grow
    with the number of runs)."""
    return summarise_digest(digest_saved(folder, horizon))


def summarise(runs: pd.DataFrame, horizon: int) -> dict[str, Any]:
    """The summary of a run table in memory."""
    return summarise_digest(digest_frame(runs, horizon))


def summarise_digest(digest: RunDigest, texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Agreement, stage funnel, time to agreement, endings, party behaviour and the forecast
    questions (with their `texts`, when given) of a run table."""

    def share(column: str) -> dict[str, float]:
        return wilson(*digest.share(column)).as_dict()

    stages = {}
    for name in digest.names("stage.", ".signed"):
        found = {what: share(f"stage.{name}.{what}") for what in LADDER
                 if f"stage.{name}.{what}" in digest.sums}
        stages[name] = {**{f"p_{what}": x["p"] for what, x in found.items()},
                        "ci": {what: [x["ci_low"], x["ci_high"]] for what, x in found.items()}}
    times = curve_quantiles(kaplan_meier(digest.agreement_days, "cdf"), (0.25, 0.5, 0.75))
    parties = {}
    for name in digest.names("party.", ".stalls"):
        prefix = f"party.{name}."
        parties[name] = {
            "mean_stalls": digest.mean(prefix + "stalls"),
            "mean_violations": digest.mean(prefix + "violations"),
            "mean_reported_violations": digest.mean(prefix + "reported_violations"),
            "mean_final_trust_in_mediator": digest.mean(prefix + "trust_in_mediator"),
        }
    return {
        "runs": digest.runs,
        "horizon_days": digest.horizon,
        "agreement": share("agreement"),
        "agreement_held": share("agreement_held"),
        "stages": stages,
        "terms_signed": {issue: digest.term_quantiles(issue) for issue in digest.signed_terms},
        "time_to_agreement_days": {"median": times[0.5], "q25": times[0.25], "q75": times[0.75]},
        "end_reasons": digest.shares("end_reason"),
        "highest_stage": digest.shares("highest_stage"),
        "parties": parties,
        "questions": _questions(digest, texts or {}),
    }


def _questions(digest: RunDigest, texts: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Each question: a yes/no one's probability with its Wilson 95% interval; a time-to-event
    one's Kaplan-Meier median and quartiles (None where not reached) and the probability the
    event happens within the horizon."""
    found: dict[str, dict[str, Any]] = {}
    for column in digest.sums:
        if column.startswith(QUESTION):
            name = column.removeprefix(QUESTION)
            found[name] = {**_text(texts, name), **wilson(*digest.share(column)).as_dict()}
    for name, durations in digest.timed.items():
        curve = kaplan_meier(durations, "cdf")
        at = curve_quantiles(curve, (0.25, 0.5, 0.75))
        found[name] = {**_text(texts, name), "median": at[0.5], "q25": at[0.25],
                       "q75": at[0.75], "p_within_horizon": float(durations.events.sum()) /
                       max(digest.runs, 1)}
    return {name: found[name] for name in texts if name in found} | found


def _text(texts: Mapping[str, str], name: str) -> dict[str, str]:
    """A question's text where the run knows it (a sweep point's summary does not)."""
    return {"text": texts[name]} if name in texts else {}


def _pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:5.1f}%"


def _days(x: float | None) -> str:
    return "not reached" if x is None else f"{x:.0f}"


def recorded_steps(stages: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The steps of `LADDER` every stage of a summary's `stages` records (older summaries lack
    some)."""
    return [w for w in LADDER if all(f"p_{w}" in s for s in stages.values())]


def format_summary(summary: dict[str, Any]) -> str:
    """The console table printed at the end of a run."""
    agree = summary["agreement"]
    t = summary["time_to_agreement_days"]
    estimate, interval = interval_text(agree["p"], agree["ci_low"], agree["ci_high"], " - ",
                                       least=1)
    lines = [
        f"negsim: {summary['scenario']} / {summary['mediator']} mediator"
        + (f" / {summary['form']} form" if "form" in summary else "")
        + f", {summary['runs']:,} runs, seed {summary['seed']}",
        "",
        f"Comprehensive agreement within {summary['horizon_days']} days: "
        f"{estimate}  (95% CI {interval})",
        f"Agreement signed and held:          {_pct(summary['agreement_held']['p']).strip()}",
        f"Time to agreement (Kaplan-Meier):   median {_days(t['median'])}, "
        f"quartiles {_days(t['q25'])} - {_days(t['q75'])} days",
        "",
        f"{'stage':<18}" + "".join(f"{w.replace('_', ' '):>11}" for w in recorded_steps(summary["stages"])),
    ]
    for name, s in summary["stages"].items():
        lines.append(f"{name:<18}" + "".join(f"{_pct(s[f'p_{w}']):>11}"
                                             for w in recorded_steps(summary["stages"])))
    signed = {k: v for k, v in summary.get("terms_signed", {}).items() if v["signed_in"]}
    if signed:
        lines += ["", "Terms signed, the last on each issue (0-1 scale; median, quartiles):"]
        lines += [f"  {issue:<18}{v['median']:.2f}  ({v['q25']:.2f} - {v['q75']:.2f})"
                  for issue, v in signed.items()]
    lines += ["", "How episodes ended:"]
    lines += [f"  {reason:<20}{_pct(v)}" for reason, v in summary["end_reasons"].items()]
    lines += ["", f"{'party':<8}{'stalls':>9}{'violations':>12}{'reported':>10}"]
    for name, p in summary["parties"].items():
        lines.append(f"{name:<8}{p['mean_stalls']:>9.2f}{p['mean_violations']:>12.2f}"
                     f"{p['mean_reported_violations']:>10.2f}")
    lines.append("(means per episode)")
    return "\n".join(lines + _question_lines(summary.get("questions", {}),
                                             summary.get("questions_not_asked", {})))


def _question_lines(questions: dict[str, dict[str, Any]], not_asked: dict[str, str]) -> list[str]:
    """The forecast questions: a probability with its 95% interval, or a time to an event; and
    those the run could not ask, with the reason."""
    if not questions and not not_asked:
        return []
    lines = ["", "Forecast questions (95% CI; times by Kaplan-Meier, censored at the horizon):"]
    width = max([28, *(len(name) + 2 for name in questions)])
    for name, q in questions.items():
        if "p" in q:
            estimate, interval = interval_text(q["p"], q["ci_low"], q["ci_high"], " - ", least=1)
            lines.append(f"  {name:<{width}}{estimate:>7}  ({interval})")
        else:
            lines.append(f"  {name:<{width}}median {_days(q['median'])}, quartiles "
                         f"{_days(q['q25'])} - {_days(q['q75'])} days")
    return lines + [f"  not asked: {name} ({why})" for name, why in not_asked.items()]
