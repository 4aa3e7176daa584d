"""Each replicate's answer to each forecast question, from its outcome columns.

A yes/no question becomes a true/false column `question.<name>`; a time-to-event question a
column of the day the event first happened (nan where it did not by the horizon, which
Kaplan-Meier then counts as censored there). A stage comes into force the day it is signed
unless it has conditions precedent, so `in_force` by a day reads the day it first came into
force (a run table written before conditions existed has only the signing day, which is then
the same day); an episode that has ended keeps its last state, so a question about a later day
reads it, except that a time-limited truce lapses at its current term
(`NegotiationModel.in_force_at`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.domain.questions import (
    ANY_STAGE,
    COUNT,
    COUNTS,
    IN_FORCE_ON,
    REPORTED_WEEKLY,
    Question,
    QuestionSet,
)
from sim.domain.scenario import Scenario
from sim.engine.endings import WITHDREW

COLUMN = "question."


def answer(questions: QuestionSet, scenario: Scenario,
           columns: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The question columns of one chunk's outcome columns, in the set's order."""
    answers: dict[str, np.ndarray] = {}
    for question in questions.questions:
        answers[question.name] = _answer(question, scenario, columns, answers)
    return {COLUMN + name: values for name, values in answers.items()}


def _answer(q: Question, scenario: Scenario, columns: Mapping[str, np.ndarray],
            done: Mapping[str, np.ndarray]) -> np.ndarray:
    if q.kind == "all":
        return np.logical_and.reduce([done[p] for p in q.parts])
    if q.kind == "any":
        return np.logical_or.reduce([done[p] for p in q.parts])
    if q.kind == "not":
        return ~done[q.parts[0]]
    if q.kind == IN_FORCE_ON:
        stages = list(scenario.stages) if q.stage == ANY_STAGE else [q.stage]
        return np.logical_or.reduce([columns[f"stage.{s}.in_force_on_day_{q.day}"].astype(bool)
                                     for s in stages])
    if q.kind == COUNT:
        assert q.at_least is not None
        return columns[COUNTS[q.count].column.format(q.of)] >= q.at_least
    if q.event == REPORTED_WEEKLY:
        assert q.at_least is not None
        days = columns[f"stage.{q.stage}.days_in_force"].astype(float)
        reports = columns[f"stage.{q.stage}.reported_violations"].astype(float)
        return (days >= 7) & (reports * 7 >= q.at_least * days)
    days = event_days(q, scenario, columns)
    if q.kind == "time_to":
        return days
    assert q.day is not None
    return np.nan_to_num(days, nan=np.inf) <= q.day


def event_days(q: Question, scenario: Scenario, columns: Mapping[str, np.ndarray]) -> np.ndarray:
    """(R,) the day the question's event first happened, nan where it never did."""
    if q.event == "in_force" and f"stage.{q.stage}.in_force_day" in columns:
        return columns[f"stage.{q.stage}.in_force_day"].astype(float)
    if q.event in ("signed", "in_force"):
        return columns[f"stage.{q.stage}.signed_day"].astype(float)
    if q.event in ("lapsed", "renewed", "suspended", "withdrawn"):
        return columns[f"stage.{q.stage}.{q.event}_day"].astype(float)
    if q.event == "signed_again":
        return columns[f"stage.{q.stage}.signed_again_day"].astype(float)
    if q.event == "held":
        return columns[f"stage.{q.stage}.held_day"].astype(float)
    if q.event == "collapsed":
        return columns[f"stage.{q.stage}.collapsed_day"].astype(float)
    if q.event == "agreement":
        return columns["agreement_day"].astype(float)
    if q.event == "agreement_held":
        held = [columns[f"stage.{s}.held_day"].astype(float)
                for s, stage in scenario.stages.items() if stage.comprehensive]
        return np.fmin.reduce(held)
    assert q.event == WITHDREW
    return np.where(columns["end_reason"].astype(str) == WITHDREW,
                    columns["end_day"].astype(float), np.nan)
