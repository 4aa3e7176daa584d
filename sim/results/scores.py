"""Scoring a run's forecasts against what happened: proper scoring rules, one question at a time.

A yes/no question gets its Brier score (p - o)^2 and its log score ln P(what happened), the
probability floored at 1/(2 runs) so that an event the model never saw in its replicates costs
a finite amount (the floor is stated in every score). A time-to-event question gets the log of
the model's probability of the realised interval: the event on day D ({day: D}), between two
days ({between: [A, B]}), or not by day C ({censored_at: C}). Totals: the mean Brier score of
the yes/no questions and the summed log score of all; skill against a reference forecaster
(a platform's published probabilities, else one that says 50% to every yes/no question):
1 - Brier / Brier_ref, and log score minus the reference's, over the questions both answered;
and the same skill against the base-rate forecaster (`sim.results.baserates.forecaster`), over
the questions the base rates answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.config.errors import ConfigError


@dataclass(frozen=True)
class Outcome:
    """What happened: `happened` for a yes/no question, else the realised interval of days
    (`low` < T <= `high`, in whole days; `high` inf for "not by day C")."""

    happened: bool | None = None
    low: float = -math.inf
    high: float = math.inf


def read_outcomes(given: Any, asked: Mapping[str, bool], horizon: int,
                  where: str) -> dict[str, Outcome]:
    """Outcomes by question, checked against the run's questions (`asked`: name -> timed)."""
    if not isinstance(given, Mapping) or not given:
        raise ConfigError(where, given, "a mapping of question names to what happened")
    found = {}
    for name, value in given.items():
        if name not in asked:
            raise ConfigError(f"{where}.{name}", "<not a question of the run>",
                              f"a question the run answered: {', '.join(asked) or 'none'}")
        found[name] = _timed(value, horizon, f"{where}.{name}") if asked[name] else _yes_no(
            value, f"{where}.{name}")
    return found


def _yes_no(value: Any, where: str) -> Outcome:
    if not isinstance(value, bool):
        raise ConfigError(where, value, "true or false")
    return Outcome(happened=value)


def _timed(value: Any, horizon: int, where: str) -> Outcome:
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ConfigError(where, value, "{day: D}, {between: [A, B]} or {censored_at: C}")
    (kind, days), = value.items()
    if kind == "between" and isinstance(days, list) and len(days) == 2:
        low, high = days
    elif kind in ("day", "censored_at"):
        low, high = days, days
    else:
        raise ConfigError(f"{where}.{kind}", days, "day: D, between: [A, B] or censored_at: C")
    for day in (low, high):
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= horizon:
            raise ConfigError(f"{where}.{kind}", days, f"whole days within the horizon, 0 to {horizon}")
    if low > high:
        raise ConfigError(f"{where}.{kind}", days, "a first day no later than the last")
    if kind == "censored_at":
        return Outcome(low=float(high), high=math.inf)
    return Outcome(low=float(low) - 1, high=float(high))


def interval_probability(days: np.ndarray, outcome: Outcome) -> float:
    """The share of replicates whose event day lies in the outcome's interval (no event by the
    horizon, nan, counts as later than any day)."""
    later = np.where(np.isfinite(days), days, math.inf)
    return float(np.mean((later > outcome.low) & (later <= outcome.high)))


def score(model: Mapping[str, float], days: Mapping[str, np.ndarray], runs: int,
          outcomes: Mapping[str, Outcome], reference: Mapping[str, float] | None = None,
          base_rate: Mapping[str, float] | None = None) -> dict[str, Any]:
    """Every question's scores and the totals. `model` gives P(yes) of the yes/no questions,
    `days` the event days (R,) of the time-to-event ones; `reference` P(yes) of a reference
    forecaster (None: 50% to every yes/no question); `base_rate` the base-rate forecaster's
    P(yes) of the questions it answers (None: not compared)."""
    floor = 1.0 / (2 * runs)
    rows: dict[str, dict[str, Any]] = {}
    for name, outcome in outcomes.items():
        if outcome.happened is None:
            p = interval_probability(days[name], outcome)
            rows[name] = {"p_realised": p, "log_score": math.log(max(p, floor))}
            continue
        p, o = model[name], float(outcome.happened)
        rows[name] = {"p": p, "outcome": outcome.happened, "brier": (p - o) ** 2,
                      "log_score": math.log(max(p if o else 1 - p, floor))}
        for prefix, given in (("reference", 0.5 if reference is None else reference.get(name)),
                              ("base_rate", None if base_rate is None else base_rate.get(name))):
            if given is not None:
                rows[name] |= _scored(prefix, given, o, floor)
    totals = _totals(rows) | ({} if base_rate is None else {
        "compared_with_base_rate": sum("base_rate_brier" in r for r in rows.values()),
        **_skill(rows, "base_rate", "base_rate_")})
    return {"questions": rows, "totals": totals, "log_floor": floor, "runs": runs,
            "reference": "given" if reference is not None else "50% to every yes/no question"}


def _scored(prefix: str, p: float, o: float, floor: float) -> dict[str, float]:
    return {f"{prefix}_p": p, f"{prefix}_brier": (p - o) ** 2,
            f"{prefix}_log_score": math.log(max(p if o else 1 - p, floor))}


def _totals(rows: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    briers = [r["brier"] for r in rows.values() if "brier" in r]
    compared = sum("reference_brier" in r for r in rows.values())
    return {"mean_brier": float(np.mean(briers)) if briers else None,
            "log_score": float(sum(r["log_score"] for r in rows.values())),
            "questions_scored": len(rows), "compared_with_reference": compared,
            **_skill(rows, "reference", "")}


def _skill(rows: Mapping[str, Mapping[str, Any]], prefix: str, named: str) -> dict[str, Any]:
    """Brier skill and log skill against the forecaster whose scores carry `prefix`, over the
    questions it answered (keys `brier_skill`, `log_skill`, prefixed by `named`); none where it
    answered none."""
    compared = [r for r in rows.values() if f"{prefix}_brier" in r]
    if not compared:
        return {}
    mine = float(np.mean([r["brier"] for r in compared]))
    theirs = float(np.mean([r[f"{prefix}_brier"] for r in compared]))
    return {f"{named}brier_skill": 1.0 - mine / theirs if theirs > 0 else None,
            f"{named}log_skill": float(sum(r["log_score"] - r[f"{prefix}_log_score"]
                                           for r in compared))}
