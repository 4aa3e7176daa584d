"""From a run table to the figures users read: proportions with Wilson intervals, KM times."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.estimators import kaplan_meier_quantiles, wilson
from sim.results import load_runs, run_columns


def _names(columns: pd.Index, prefix: str, suffix: str) -> list[str]:
    return [c[len(prefix):-len(suffix)] for c in columns
            if c.startswith(prefix) and c.endswith(suffix)]


SUMMARY_SUFFIXES = (".signed", ".held", ".collapsed", ".stalls", ".violations",
                   ".reported_violations", ".trust_in_mediator")
SUMMARY_COLUMNS = ("agreement", "agreement_day", "agreement_held", "end_reason", "highest_stage")


def summary_columns(columns: list[str]) -> list[str]:
    """The run-table columns a summary reads, so large tables are never loaded whole."""
    return [c for c in columns if c in SUMMARY_COLUMNS
            or (c.startswith(("stage.", "party.")) and c.endswith(SUMMARY_SUFFIXES))]


def summarise_saved(folder: Path, horizon: int) -> dict[str, Any]:
    """The summary of a saved run table, reading only the columns it needs."""
    return summarise(load_runs(folder, summary_columns(run_columns(folder))), horizon)


def summarise(runs: pd.DataFrame, horizon: int) -> dict[str, Any]:
    """Agreement, stage funnel, time to agreement, endings and party behaviour of a run table."""
    n = len(runs)

    def share(column: str) -> dict[str, float]:
        return wilson(int(runs[column].sum()), n).as_dict()

    stages = {}
    for name in _names(runs.columns, "stage.", ".signed"):
        signed, held, collapsed = (share(f"stage.{name}.{what}")
                                   for what in ("signed", "held", "collapsed"))
        stages[name] = {"p_signed": signed["p"], "p_held": held["p"],
                        "p_collapsed": collapsed["p"],
                        "ci": {"signed": [signed["ci_low"], signed["ci_high"]],
                               "held": [held["ci_low"], held["ci_high"]],
                               "collapsed": [collapsed["ci_low"], collapsed["ci_high"]]}}
    times = kaplan_meier_quantiles(runs["agreement_day"].to_numpy(),
                                   runs["agreement"].to_numpy(), horizon)
    parties = {}
    for name in _names(runs.columns, "party.", ".stalls"):
        prefix = f"party.{name}."
        parties[name] = {
            "mean_stalls": float(runs[prefix + "stalls"].mean()),
            "mean_violations": float(runs[prefix + "violations"].mean()),
            "mean_reported_violations": float(runs[prefix + "reported_violations"].mean()),
            "mean_final_trust_in_mediator": float(runs[prefix + "trust_in_mediator"].mean()),
        }
    return {
        "runs": n,
        "horizon_days": horizon,
        "agreement": share("agreement"),
        "agreement_held": share("agreement_held"),
        "stages": stages,
        "time_to_agreement_days": {"median": times[0.5], "q25": times[0.25], "q75": times[0.75]},
        "end_reasons": {k: float(v) for k, v in
                        runs["end_reason"].value_counts(normalize=True).sort_index().items()},
        "highest_stage": {k: float(v) for k, v in
                          runs["highest_stage"].value_counts(normalize=True).sort_index().items()},
        "parties": parties,
    }


def _pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:5.1f}%"


def _days(x: float | None) -> str:
    return "not reached" if x is None else f"{x:.0f}"


def format_summary(summary: dict[str, Any]) -> str:
    """The console table printed at the end of a run."""
    agree = summary["agreement"]
    t = summary["time_to_agreement_days"]
    lines = [
        f"negsim: {summary['scenario']} / {summary['mediator']} mediator, "
        f"{summary['runs']:,} runs, seed {summary['seed']}",
        "",
        f"Comprehensive agreement within {summary['horizon_days']} days: "
        f"{_pct(agree['p']).strip()}  (95% CI {_pct(agree['ci_low']).strip()} - "
        f"{_pct(agree['ci_high']).strip()})",
        f"Agreement signed and held:          {_pct(summary['agreement_held']['p']).strip()}",
        f"Time to agreement (Kaplan-Meier):   median {_days(t['median'])}, "
        f"quartiles {_days(t['q25'])} - {_days(t['q75'])} days",
        "",
        f"{'stage':<18}{'signed':>9}{'held':>9}{'collapsed':>11}",
    ]
    for name, s in summary["stages"].items():
        lines.append(f"{name:<18}{_pct(s['p_signed']):>9}{_pct(s['p_held']):>9}"
                     f"{_pct(s['p_collapsed']):>11}")
    lines += ["", "How episodes ended:"]
    lines += [f"  {reason:<20}{_pct(v)}" for reason, v in summary["end_reasons"].items()]
    lines += ["", f"{'party':<8}{'stalls':>9}{'violations':>12}{'reported':>10}"]
    for name, p in summary["parties"].items():
        lines.append(f"{name:<8}{p['mean_stalls']:>9.2f}{p['mean_violations']:>12.2f}"
                     f"{p['mean_reported_violations']:>10.2f}")
    lines.append("(means per episode)")
    return "\n".join(lines)
