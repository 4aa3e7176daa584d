"""Which figures a results folder gets, and the plain-words summary that opens the report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from sim.report import inputs, outcomes, questions, sweeps, timeline
from sim.report.data import Results
from sim.results.estimators import interval_text

MAX_COMPARED = 8  # sweeps with at most this many points get per-point curves


@dataclass(frozen=True)
class Plot:
    name: str
    caption: str
    draw: Callable[[], Figure]
    nothing: str | None = None
    """Where its quantity is 0 everywhere, the sentence the report shows instead of drawing it."""


def _estimate(table: Any, row: Any) -> str:
    """A point's P(agreement) and the opening of its interval: "12.3% (95% CI 11.9%–12.8%"."""
    estimate, interval = interval_text(table["agreement.p"][row], table["agreement.ci_low"][row],
                                       table["agreement.ci_high"][row])
    return f"{estimate} (95% CI {interval}"


def describe(summary: dict[str, Any]) -> str:
    """One run in words: agreement with its interval, holding, timing, the commonest ending."""
    strategy = str(summary.get("mediator", "")).replace("_", "-")
    style = summary.get("mediator_style", "")
    agree, held = summary["agreement"], summary.get("agreement_held", {})
    t = summary["time_to_agreement_days"]
    ending, share = max(summary["end_reasons"].items(), key=lambda kv: kv[1])
    timing = (f"half of the episodes had agreed by day {t['median']:.0f}" if t["median"] is not None
              else "no episode agreed within the horizon" if agree["p"] == 0
              else "fewer than half of the episodes agreed within the horizon"
              + (f" (a quarter by day {t['q25']:.0f})" if t["q25"] is not None else ""))
    estimate, interval = interval_text(agree["p"], agree["ci_low"], agree["ci_high"])
    return (f"Under {strategy} mediation ({style}) in the {summary.get('scenario')} scenario, a "
            f"comprehensive agreement within {summary['horizon_days']} days: {estimate} "
            f"(95% CI {interval}); it was signed and held in "
            f"{_share(held.get('p'))}. By Kaplan–Meier, "
            f"{timing}. The commonest ending: {ending.replace('_', ' ')} ({_share(share)}), over "
            f"{summary['runs']:,} replicates.")


def _share(x: float | None) -> str:
    """A share in words' precision: one decimal below 10%, none above; 0 and 100% exact;
    "n/a" where there is none."""
    if x is None:
        return "n/a"
    return f"{100 * x:.1f}%" if 0 < x < 0.1 else f"{100 * x:.0f}%"


STEP_WORDS = {"in_force": "in force in", "held": "held in", "lapsed": "lapsed on its conditions "
              "in", "collapsed": "collapsed in"}


def describe_ladder(summary: dict[str, Any]) -> str:
    """How far each stage got, in words, before the headline: for each stage the share of
    years it was signed, then of those steps that happened at all: in force, held, lapsed,
    collapsed."""
    strategy = str(summary.get("mediator", "")).replace("_", "-")
    parts = []
    for name, v in summary["stages"].items():
        steps = [f"{STEP_WORDS[w]} {_share(v[f'p_{w}'])}" for w in STEP_WORDS
                 if v.get(f"p_{w}", 0.0) > 0]
        parts.append(f"{name.replace('_', ' ')} signed in {_share(v['p_signed'])}"
                     + (f" ({', '.join(steps)})" if steps else ""))
    return (f"Along the {strategy} ladder, of {summary['runs']:,} simulated years: "
            + "; ".join(parts) + ".")


def _nothing_agreed(s: dict[str, Any]) -> str | None:
    """The sentence for the agreement figure when no replicate agreed, else None."""
    agree = s["agreement"]
    if agree["p"] > 0:
        return None
    return (f"No replicate reached a comprehensive agreement within {s['horizon_days']} days "
            f"(0 of {s['runs']:,}; the 95% Wilson interval reaches "
            f"{_share(agree['ci_high'])}).")


def _point_label(row: pd.Series, params: list[str]) -> str:
    """A point's values: the value alone when one parameter varies, else name=value pairs."""
    if len(params) == 1:
        return str(row[f"param.{params[0]}"])
    return ", ".join(f"{p.split('.')[-1]}={row[f'param.{p}']}" for p in params)


def describe_sweep(results: Results) -> str:
    table = results.table
    params = [c.removeprefix("param.") for c in table.columns if c.startswith("param.")]
    if "variant" in table:
        return describe_ablation(table)
    best, worst = table["agreement.p"].idxmax(), table["agreement.p"].idxmin()
    text = (f"Across {len(table)} points varying {', '.join(params)}, the chance of a "
            f"comprehensive agreement ranged from {_estimate(table, worst)}; "
            f"{_point_label(table.loc[worst], params)}) to {_estimate(table, best)}; "
            f"{_point_label(table.loc[best], params)}).")
    if results.sensitivity is not None and not results.sensitivity.empty:
        top = results.sensitivity.iloc[0]
        text += (f" The most influential input is {top['parameter']} (Morris mu* "
                 f"{top['mu_star']:.3f} ± {top['mu_star_conf']:.3f}).")
    return text


def describe_ablation(table: pd.DataFrame) -> str:
    """Per combination of the crossed axes: P with every mechanism on and all off, and the
    mechanism whose switching off moves it most."""
    _, keys = sweeps.ablation_groups(table)
    parts = []
    for key in dict.fromkeys(keys):
        data = table[keys == key]
        on = data[data["variant"] == "all on"].index[0]
        off = data[data["variant"].str.startswith("without ")]
        change = (off["agreement.p"] - table.at[on, "agreement.p"]).abs()
        text = f"{key + ': ' if key else ''}every mechanism on, {_estimate(table, on)})"
        if (data["variant"] == "all off").any():
            text += f"; all off, {_estimate(table, data[data['variant'] == 'all off'].index[0])})"
        if len(off):
            most = change.idxmax()
            text += (f"; switching off one at a time moves it most {table.at[most, 'variant']} "
                     f"({_estimate(table, most)}))")
        parts.append(text)
    return "Ablation of the mechanisms that keep wars going. " + ". ".join(parts) + "."


def run_plots(results: Results, label: str | None = None) -> list[Plot]:
    """Figures 1, 2, 3, 6, 7 and 8 of a single run."""
    s = results.summary
    labels = s.get("labels", {})
    stages = list(s["stages"])
    name = label or str(s.get("mediator", "run"))
    digest = results.digest()
    none = s["agreement"]["p"] == 0
    plots = [
        Plot("agreement", "Probability of a comprehensive agreement within the horizon, with its "
             "Wilson 95% interval.", lambda: outcomes.agreement_bars(
                 [name], [s["agreement"]["p"]], [s["agreement"]["ci_low"]],
                 [s["agreement"]["ci_high"]], s["horizon_days"]), _nothing_agreed(s)),
        Plot("stage_funnel", "How far each stage got: the share of episodes in which it was "
             "signed, came into force, held for its hold period, lapsed on its conditions "
             "precedent and collapsed, each at least once, with 95% intervals.",
             lambda: outcomes.stage_funnel(stages, {name: s["stages"]})),
        Plot("time_to_agreement", "Cumulative share of episodes agreed by each day (Kaplan–Meier; "
             "episodes without agreement censored at the horizon), with 95% bands.",
             lambda: outcomes.time_to_agreement(
                 {name: digest.agreement_days}, s["horizon_days"]),
             "No time to agreement to draw: none was reached." if none else None),
        Plot("truce_survival", "Durability: share of first truces of each stage still in force "
             "after each day (Kaplan–Meier; collapse is the event, expiry and the end of the "
             "episode censor).",
             lambda: outcomes.truce_survival({stage: digest.first_spells[stage] for stage in stages},
                                             labels.get("stages", {})),
             None if any(digest.first_spells[st].total for st in stages) else
             "No truce was signed in any replicate, so there is no durability to draw."),
    ]
    if questions.answered(s.get("questions", {})):
        plots.append(Plot("questions", "Forecast questions: the probability of yes, with its "
                          "Wilson 95% interval (texts in the table of forecast questions).",
                          lambda: questions.question_bars(s["questions"])))
    if results.episode is not None:
        ep = results.episode
        title = (f"A representative episode: ended by {ep.outcome.get('end_reason', '?')} on day "
                 f"{ep.outcome.get('end_day', '?')} (the most typical of "
                 f"{ep.outcome.get('sample_size', '?')} traced episodes)")
        plots.append(Plot("episode", "One representative episode: chances of prevailing and trust "
                          "(top); each offer's value to each party against what it held out for "
                          "(middle); stages in force, signings, violations and collapses (bottom).",
                          lambda: timeline.episode_timeline(ep.events, ep.timeline, labels, title)))
    plots += [
        Plot("convergence", "Running estimate of P(agreement) with its Wilson 95% band as "
             "replicates accumulate.",
             lambda: outcomes.convergence({name: digest.running_share()})),
        Plot("terms", "Terms agreed on each issue, over the replicates that reached agreement.",
             lambda: outcomes.terms(digest.terms, digest.share("agreement")[0],
                                   labels.get("issues", {})),
             "No agreed terms to draw: no replicate reached agreement (the terms signed on each "
             "stage are in the summary table)." if none else None),
    ]
    return plots


def input_plots(results: Results) -> list[Plot]:
    """Which inputs matter and when the outcome is likely, where `negsim-analyze` was run on
    the folder (its ranking, and its scenario discovery if asked)."""
    plots = []
    if results.given_data is not None:
        data = results.given_data
        plots.append(Plot("input_ranking", "Which inputs matter: each sampled input's first-order "
                          "index from the saved sample (RBD-FAST, bootstrap 95% interval), "
                          "largest first; the dashed line is the upper end of a dummy input's "
                          "interval, below which an index is no clearer than none.",
                          lambda: inputs.ranking_bars(data)))
    found = results.discovery
    if found is not None:
        plots += [
            Plot("prim_tradeoff", "Scenario discovery (PRIM): each box of the peeling trajectory, "
                 "its density (P of the outcome inside) against its coverage (share of the "
                 "outcome's cases inside); the circle is the box reported.",
                 lambda: inputs.tradeoff(found)),
            Plot("prim_box", "The PRIM box reported: each restricted input's limits within its "
                 "sampled range, with each limit's quasi-p value; pale limits are not "
                 "significant (qp ≥ 0.05) and are left out of the words.",
                 lambda: inputs.box_limits(found)),
            Plot("feature_scores", "Feature scores: extra-trees importance of each input for "
                 "the outcome (EMA Workbench).", lambda: inputs.feature_bars(found.features)),
        ]
    return plots


def _numeric(table: pd.DataFrame, param: str) -> bool:
    return pd.api.types.is_numeric_dtype(table[f"param.{param}"])


def sweep_plots(results: Results) -> list[Plot]:
    """Figures 1, 4 and 5 of a sweep; per-point curves (2, 3, 6, 7, 8) for small comparisons."""
    table = results.table
    params = [c.removeprefix("param.") for c in table.columns if c.startswith("param.")]
    varying = [p for p in params if table[f"param.{p}"].nunique() > 1]
    labels = [_point_label(row, varying) for _, row in table.iterrows()]
    horizon = int(results.summary.get("horizon_days")
                  or results.point(table["folder"].iloc[0]).summary["horizon_days"])
    plots = []
    if "variant" in table:  # an ablation: mechanisms switched off in turn
        crossed, _ = sweeps.ablation_groups(table)
        plots.append(Plot("ablation", "Ablation: P(agreement signed) and P(signed and held) "
                          "with every mechanism on, each switched off in turn, and all off, "
                          "with Wilson 95% intervals; one panel per crossed value.",
                          lambda: sweeps.ablation_bars(table)))
        labels = [f"{row['variant']}" + "".join(f", {row[f'param.{p}']}" for p in crossed)
                  for _, row in table.iterrows()]
    elif len(table) <= 30 and len(varying) <= 3:  # more inputs make unreadable bar labels
        plots.append(Plot("agreement", "Probability of a comprehensive agreement at each point, "
                          "with Wilson 95% intervals.", lambda: outcomes.agreement_bars(
                              labels, table["agreement.p"], table["agreement.ci_low"],
                              table["agreement.ci_high"], horizon),
                          None if table["agreement.p"].max() > 0 else
                          f"No replicate at any of the {len(table)} points reached a "
                          f"comprehensive agreement within {horizon} days."))
    numeric = [p for p in varying if _numeric(table, p)]
    if len(varying) == 1 and numeric:
        plots.append(Plot("sweep_line", f"P(agreement) against {numeric[0]}, signed and signed-"
                          "and-held, with 95% bands.", lambda: sweeps.sweep_line(table, numeric[0])))
    if len(varying) == 2 and len(numeric) == 2 and results.sensitivity is None:
        plots.append(Plot("sweep_heatmap", "P(agreement) over the two-parameter grid; the red "
                          "line is the P = 0.5 contour where the grid crosses it.",
                          lambda: sweeps.sweep_heatmap(table, numeric[0], numeric[1])))
    if results.sensitivity is not None:
        plots.append(Plot("sensitivity", "Morris elementary effects: mu* of each uncertain input "
                          "with its 95% bootstrap interval, most influential first.",
                          lambda: sweeps.sensitivity_bars(results.sensitivity)))
    if len(table) <= MAX_COMPARED:
        plots += _comparison_plots(results, labels)
    return plots


def _comparison_plots(results: Results, labels: list[str]) -> list[Plot]:
    points = [results.point(folder) for folder in results.table["folder"]]
    first = points[0].summary
    stages = list(first["stages"])
    horizon = first["horizon_days"]
    digests = [p.digest() for p in points]
    plots = [
        Plot("stage_funnel", "How far each stage got at each point: signed, in force, held, "
             "lapsed, collapsed (95% CI).",
             lambda: outcomes.stage_funnel(stages, {lab: p.summary["stages"] for lab, p in
                                                    zip(labels, points, strict=True)})),
        Plot("time_to_agreement", "Time to agreement at each point (Kaplan–Meier, censored at "
             "the horizon, 95% bands).", lambda: outcomes.time_to_agreement(
                 {lab: d.agreement_days for lab, d in zip(labels, digests, strict=True)},
                 horizon)),
        Plot("convergence", "Running estimate of P(agreement) at each point, with 95% bands.",
             lambda: outcomes.convergence({lab: d.running_share()
                                           for lab, d in zip(labels, digests, strict=True)})),
    ]
    return plots
