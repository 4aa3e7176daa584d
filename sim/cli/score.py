"""`negsim-score RUN_DIR OUTCOMES.yaml [--reference FORECASTS.yaml]`: score a saved run's
forecast questions against what happened, running nothing.

OUTCOMES.yaml gives, per question, what happened: true or false, or for a time-to-event
question {day: D}, {between: [A, B]} or {censored_at: C}. FORECASTS.yaml gives a reference
forecaster's P(yes) per question (a forecasting platform's, say); without it the reference is
a forecaster who says 50% to every yes/no question. Beside it the model is compared with the
base-rate forecaster (what the open conflict data say of questions of each kind, for the run's
scenario as saved in `.hydra/config.yaml`), over the questions the base rates answer. Writes
score.json beside the results. A sweep folder is scored point by point (score.json holds one
score per point).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from sim.cli.report import saved_results
from sim.config.errors import ConfigError
from sim.config.files import problems_in
from sim.jobs.settings import load_settings
from sim.results.baserates.build import TABLE, load
from sim.results.baserates.forecaster import BaseRateForecaster
from sim.results.files import RUNS, load_summary, write_json
from sim.results.scores import read_outcomes, score

SCORE = "score.json"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="negsim-score", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a results folder (a run or a sweep)")
    parser.add_argument("outcomes", type=Path, help="what happened, per question (YAML)")
    parser.add_argument("--reference", type=Path, help="a reference forecast, P(yes) per question")
    return parser


def main(argv: list[str] | None = None) -> None:
    """Console script `negsim-score`."""
    args = _parser().parse_args(argv)
    try:
        given = _read(args.outcomes)
        reference = None if args.reference is None else _read(args.reference)
    except ConfigError as error:
        _refuse(str(error))
    with saved_results("negsim-score", args.folder):
        try:
            scored = score_folder(args.folder, given, reference, str(args.outcomes),
                                  str(args.reference))
        except ConfigError as error:
            _refuse(str(error))
        write_json(args.folder / SCORE, scored)
    print(format_scores(scored))
    print(f"\nScores written to {args.folder / SCORE}")


def _refuse(line: str) -> None:
    print(f"negsim-score: error: {line}", file=sys.stderr)
    sys.exit(2)


def _read(path: Path) -> Any:
    """A YAML file read as negsim reads config files (safely; a problem is one line)."""
    problems = problems_in(path)
    if problems:
        _refuse(problems[0])
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score_folder(folder: Path, given: Any, reference: Any, where: str,
                 reference_where: str) -> dict[str, Any]:
    """A run's scores, or a sweep's, one per point."""
    sweep = folder / "sweep.parquet"
    if not sweep.exists():
        return {"kind": "run", **score_run(folder, given, reference, where, reference_where)}
    table = pd.read_parquet(sweep, columns=["point", "folder"])
    points = [{"point": int(point), **score_run(Path(point_folder), given, reference, where,
                                                 reference_where)}
              for point, point_folder in table.itertuples(index=False)]
    return {"kind": "sweep", "points": points}


def score_run(folder: Path, given: Any, reference: Any, where: str,
              reference_where: str) -> dict[str, Any]:
    summary = load_summary(folder)
    questions = summary.get("questions", {})
    asked = {name: "p" not in q for name, q in questions.items()}
    outcomes = read_outcomes(given, asked, int(summary["horizon_days"]), where)
    timed = [n for n in outcomes if asked[n]]
    days = ({} if not timed else {n: pd.read_parquet(folder / RUNS, columns=[f"question.{n}"])
                                     [f"question.{n}"].to_numpy(float) for n in timed})
    model = {n: float(questions[n]["p"]) for n in outcomes if not asked[n]}
    return score(model, days, int(summary["runs"]), outcomes,
                 _reference(reference, model, reference_where), base_rates(folder, model))


def base_rates(folder: Path, model: dict[str, float]) -> dict[str, float] | None:
    """The base-rate forecaster's P(yes) of the scored yes/no questions, for the scenario and
    questions the run saved (None where the folder keeps no composed config)."""
    saved = folder / ".hydra" / "config.yaml"
    if not saved.exists():
        return None
    try:
        settings = load_settings(yaml.safe_load(saved.read_text(encoding="utf-8")))
    except (ConfigError, yaml.YAMLError):
        return None  # a config this version no longer reads: the model's scores stand alone
    answers = BaseRateForecaster(load(TABLE), settings.scenario).answer(settings.questions)
    return {n: a.p for n, a in answers.items() if n in model}


def _reference(given: Any, model: dict[str, float], where: str) -> dict[str, float] | None:
    if given is None:
        return None
    if not isinstance(given, dict):
        raise ConfigError(where, given, "a mapping of question names to probabilities")
    for name, p in given.items():
        if name not in model:
            raise ConfigError(f"{where}.{name}", "<not scored>",
                              f"a yes/no question in the outcomes: {', '.join(model) or 'none'}")
        if isinstance(p, bool) or not isinstance(p, int | float) or not 0 <= p <= 1:
            raise ConfigError(f"{where}.{name}", p, "a probability in [0, 1]")
    return {name: float(p) for name, p in given.items()}


def format_scores(scored: dict[str, Any]) -> str:
    runs = [scored] if scored["kind"] == "run" else scored["points"]
    lines = []
    for run in runs:
        if "point" in run:
            lines.append(f"point {run['point']}")
        width = max([28, *(len(name) + 2 for name in run["questions"])])
        lines.append(f"{'question':<{width}}{'p':>7}{'outcome':>9}{'Brier':>8}{'log':>8}")
        for name, row in run["questions"].items():
            p = row.get("p", row.get("p_realised"))
            lines.append(f"{name:<{width}}{p:>7.3f}{row.get('outcome', 'interval')!s:>9}"
                         f"{_num(row.get('brier')):>8}{_num(row['log_score']):>8}")
        t = run["totals"]
        lines.append(f"mean Brier {_num(t['mean_brier'])}, log score {_num(t['log_score'])} "
                     f"(probabilities floored at {run['log_floor']:.2g}); against "
                     f"{run['reference']}: Brier skill {_num(t.get('brier_skill'))}, "
                     f"log skill {_num(t.get('log_skill'))}")
        lines.append(_against_base_rates(t))
    return "\n".join(lines)


def _against_base_rates(t: dict[str, Any]) -> str:
    if "compared_with_base_rate" not in t:
        return "against the base rates: not compared (no composed config this version reads)"
    return (f"against the base rates ({t['compared_with_base_rate']} questions they answer): "
            f"Brier skill {_num(t.get('base_rate_brier_skill'))}, "
            f"log skill {_num(t.get('base_rate_log_skill'))}")


def _num(x: float | None) -> str:
    return "n/a" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.3f}"


if __name__ == "__main__":
    main()
