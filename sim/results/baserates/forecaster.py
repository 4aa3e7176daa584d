"""The base-rate forecaster: what the open conflict data alone say of a case's questions.

It is the yardstick a model must beat: a forecaster who knows only how ceasefires of this kind
have fared (the committed base-rate table, `seeds/baserates.csv`), what the case's scenario
declares (which stages were signed by day 0 and how long ago, each truce's term) and its data
codes (`coding:` written, purpose, mediated). Its rules, per stage:

- A truce signed by day 0 breaks down with the hazard of ceasefires of its kind: the Kaplan-Meier
  survival curves (censored way) of the splits its codes match, open-ended ceasefires standing
  for breakdown before a term, combined as their geometric mean (the mean of the cumulative
  hazards); the hazard is read at the truce's age, so one in force for a month is past the
  riskiest weeks. Between the curve's days survival is log-linear; past two years the last
  interval's hazard goes on.
- A time-limited truce reaching its term is renewed with the chance that a time-limited
  ceasefire that ran its term was followed by another within 7 days, and at a later term with
  the chance that one that was itself such a successor was followed again; else it ends.
- One signed and pending takes effect on day 0 unless it is among those that never took effect.
- A truce that ended is signed again within 30 days with the chance a time-limited ceasefire's
  end was followed by another within 30 days.
- A comprehensive agreement is signed by day N with the PA-X rate from a first ceasefire
  agreement to a comprehensive one (1, 2 and 5 years; log-linear between), and is in force
  on day D unless it ended within a year as UCDP's full agreements did.

It does not answer what the data do not measure (a truce not yet signed being reached,
violations reported, a mediator giving up, a lapse on conditions, combinations other than
`not`): the score compares the model with it over the questions it answers, and says how many.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.config.distributions import Distribution
from sim.config.schema import Param
from sim.domain.coding import Coding
from sim.domain.questions import IN_FORCE_ON, Question, QuestionSet
from sim.domain.scenario import Scenario, Stage

CURVE_DAYS = (7, 14, 30, 60, 90, 120, 180, 270, 365, 545, 730)
"""The days at which the table gives ceasefire survival (censored way)."""
BREAKDOWN = ("collapsed", "withdrawn", "suspended")
"""Stage events the data see as a ceasefire's end before its term."""
COMPREHENSIVE_YEARS = (1, 2, 5)


@dataclass(frozen=True)
class Forecast:
    """A base-rate probability and the table rows it rests on."""

    p: float
    basis: str


def mean(value: Param) -> float:
    """A number, or a distribution's mean (the forecaster reads no draws)."""
    return value.mean() if isinstance(value, Distribution) else float(value)


def estimate(table: pd.DataFrame, row: str) -> float:
    return float(table.loc[row, "estimate"])


def splits(coding: Coding | None) -> list[str]:
    """The survival splits a truce's codes match; open-ended ceasefires always (breakdown
    before any term)."""
    chosen = ["open_ended"]
    if coding is not None:
        if coding.written is not None:
            chosen.append("written" if coding.written else "verbal")
        if coding.purpose is not None:
            chosen.append(coding.purpose)
        if coding.mediated is not None:
            chosen.append("mediated" if coding.mediated else "unmediated")
    return chosen


def survival(table: pd.DataFrame, chosen: list[str], horizon: int) -> np.ndarray:
    """S(t) for t = 0..horizon: the geometric mean of the chosen splits' curves, log-linear
    between the table's days, the last interval's hazard beyond them."""
    days = np.arange(horizon + 1, dtype=float)
    knots = np.array((0, *CURVE_DAYS), float)
    logs = []
    for split in chosen:
        values = [estimate(table, f"ceasefire.survival_{d}d.{split}.censored") for d in CURVE_DAYS]
        log_s = np.log(np.clip([1.0, *values], 1e-9, 1.0))
        slope = (log_s[-1] - log_s[-2]) / (knots[-1] - knots[-2])
        inside = np.interp(days, knots, log_s)
        logs.append(np.where(days > knots[-1], log_s[-1] + slope * (days - knots[-1]), inside))
    return np.exp(np.mean(logs, axis=0))


@dataclass(frozen=True)
class TrucePath:
    """Day by day from day 0, for a truce signed by then: the chance it is in force, that it
    broke down, ended (broke down or ran its term unrenewed), and was renewed at least k times."""

    in_force: np.ndarray  # (H+1,)
    broken: np.ndarray  # (H+1,) cumulative
    ended: np.ndarray  # (H+1,) cumulative
    renewed: np.ndarray  # (K, H+1): renewed[k - 1, t] = P(at least k renewals by day t)


def truce_path(curve: np.ndarray, age: int, start: float, term: int | None,
               renewal: int | None, renew: tuple[float, float], horizon: int) -> TrucePath:
    """Propagate a truce `age` days old on day 0 (in force with chance `start`): breakdown by
    the hazard of `curve` at its age; at its first term renewal with chance `renew[0]`, at
    each later one `renew[1]` (none where the stage has no renewed term)."""
    hazard = 1.0 - curve[age + 1: age + horizon + 1] / np.maximum(curve[age: age + horizon], 1e-12)
    terms = [] if term is None else list(range(term - age, horizon + 1, renewal or horizon + 1))
    if renewal is None:
        terms, renew = terms[:1], (0.0, 0.0)
    by_count = np.zeros(len(terms) + 1)  # in force, by renewals so far
    by_count[0] = start
    ever = np.zeros(max(len(terms), 1))  # renewed at least k + 1 times
    in_force, broken, ended = [start], [0.0], [0.0]
    reached = np.zeros((len(ever), horizon + 1))
    for day in range(1, horizon + 1):
        lost = float((by_count * hazard[day - 1]).sum())
        by_count = by_count * (1.0 - hazard[day - 1])
        broken.append(broken[-1] + lost)
        ended.append(ended[-1] + lost)
        if day in terms:
            k = terms.index(day)
            kept = by_count[k] * renew[min(k, 1)]
            ended[-1] += by_count[k] - kept
            by_count[k], by_count[k + 1] = 0.0, by_count[k + 1] + kept
            ever[k] += kept
        reached[:, day] = ever
        in_force.append(float(by_count.sum()))
    return TrucePath(np.array(in_force), np.array(broken), np.array(ended), reached)


def comprehensive_by(table: pd.DataFrame, day: int) -> float:
    """P(a comprehensive agreement by `day`) from PA-X, log-linear in the share not yet."""
    knots = np.array([0, *(365 * y for y in COMPREHENSIVE_YEARS)], float)
    rates = [estimate(table, f"process.comprehensive_within_{y}y.after_first_ceasefire")
             for y in COMPREHENSIVE_YEARS]
    log_not = np.log(np.clip([1.0, *(1.0 - r for r in rates)], 1e-9, 1.0))
    return float(1.0 - math.exp(np.interp(day, knots, log_not)))


class BaseRateForecaster:
    """The base rates' answers to one scenario's questions."""

    def __init__(self, table: pd.DataFrame, scenario: Scenario) -> None:
        self.table, self.scenario = table, scenario
        self.horizon = scenario.horizon_days
        self.chosen = splits(scenario.coding)
        self.paths = {name: self._path(name, stage) for name, stage in scenario.stages.items()
                      if name in scenario.initial}

    def _path(self, name: str, stage: Stage) -> TrucePath:
        start = self.scenario.initial[name]
        age = start.days_ago if start.status == "in_force" else 0
        taking_effect = 1.0 if start.status == "in_force" else 1.0 - estimate(
            self.table, "ceasefire.never_in_effect.all")
        curve = survival(self.table, self.chosen, self.horizon + age)
        renew = (estimate(self.table, "ceasefire.followed_within_7d.ran_its_term"),
                 estimate(self.table, "ceasefire.followed_within_7d.ran_its_term_after_a_renewal"))
        return truce_path(curve, age, taking_effect, stage.duration_days, stage.renewal_days,
                          renew, self.horizon)

    @property
    def basis(self) -> str:
        """The survival splits this case's truces are read from."""
        return "ceasefire survival (" + ", ".join(self.chosen) + ")"

    def answer(self, questions: QuestionSet) -> dict[str, Forecast]:
        """Every question the base rates answer, by name."""
        found: dict[str, Forecast] = {}
        for q in questions.questions:  # parts before combinations
            given = self._one(q, found)
            if given is not None:
                found[q.name] = Forecast(float(np.clip(given[0], 0.0, 1.0)), given[1])
        return found

    def _one(self, q: Question, found: Mapping[str, Forecast]) -> tuple[float, str] | None:
        if q.kind == "not":
            part = found.get(q.parts[0])
            return None if part is None else (1.0 - part.p, part.basis)
        if q.kind == "count":
            return self._count(q)
        if q.kind == IN_FORCE_ON:
            return self._in_force_on(q.stage, int(q.day or 0))
        if q.kind != "event":
            return None
        if q.event == "agreement":
            return self._comprehensive_signed(self.horizon if q.day is None else q.day)
        if not q.stage:
            return None  # the agreement held, the mediator withdrew: not in the data
        return self._stage_event(q.event, q.stage, self.horizon if q.day is None else q.day)

    def _in_force_on(self, stage: str, day: int) -> tuple[float, str] | None:
        if stage == "any":
            answers = [a for s in self.scenario.stages if (a := self._in_force_on(s, day))]
            return max(answers) if answers else None
        path = self.paths.get(stage)
        if path is not None:
            return path.in_force[day], self.basis + ", renewal at term"
        if self.scenario.stages[stage].comprehensive:
            signed = comprehensive_by(self.table, day)
            kept = 1.0 - estimate(self.table, "agreement.ended_within_1y.full")
            return signed * kept, "PA-X first ceasefire to comprehensive; UCDP full agreements ending"
        return None  # a truce not yet signed: the data hold no rate of reaching one

    def _comprehensive_signed(self, day: int) -> tuple[float, str] | None:
        if not any(s.comprehensive and n not in self.paths
                   for n, s in self.scenario.stages.items()):
            return None
        return comprehensive_by(self.table, day), "PA-X first ceasefire to comprehensive"

    def _stage_event(self, event: str, stage: str, day: int) -> tuple[float, str] | None:
        path = self.paths.get(stage)
        if path is None:  # not signed by day 0: a settlement, else a truce the data cannot rate
            comprehensive = self.scenario.stages[stage].comprehensive
            return self._comprehensive_signed(day) if comprehensive and event in (
                "signed", "in_force") else None
        if event in BREAKDOWN:
            return path.broken[day], self.basis
        if event == "renewed":
            return path.renewed[0, day], self.basis + ", renewal at term"
        if event == "signed_again":
            follow = estimate(self.table, "ceasefire.followed_within_30d.time_limited")
            return path.ended[max(day - 30, 0)] * follow, self.basis + ", followed within 30 days"
        if event == "held":
            hold = int(mean(self.scenario.stages[stage].hold_days))
            age = self.scenario.initial[stage].days_ago
            return (1.0, "held by day 0") if age >= hold else (
                path.in_force[min(hold - age, day)], self.basis)
        if event == "in_force" and self.scenario.initial[stage].status == "pending":
            return path.in_force[0], "ceasefires that never took effect"
        return None

    def _count(self, q: Question) -> tuple[float, str] | None:
        times = int(q.at_least or 1)
        path = self.paths.get(q.of)
        if path is None:
            return None
        if q.count == "renewals" and times <= len(path.renewed):
            return path.renewed[times - 1, self.horizon], self.basis + ", renewal at term"
        if q.count == "collapses" and times == 1:
            return path.broken[self.horizon], self.basis
        return None
