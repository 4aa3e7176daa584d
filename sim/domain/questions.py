"""Forecast questions: what a run is asked, in forecasters' terms, checked against a scenario.

A question set is a mapping of names to questions, each with a `text` in plain words and one
of: an event on a stage (or the agreement, or the mediator's withdrawal) by a day or a date; a
stage (or any stage) in force on a day; a combination of other questions (`all`, `any`,
`not`); or the time to an event on a stage. Dates count from the scenario's `start_date`
(day 0). A question set is checked whole before anything runs: unknown stages, unknown or
circular references and days before day 0 are refused, one line each. A question about a day
beyond the run's horizon cannot be answered by the run: it is not asked (nor is any
combination of it), and the run says so, because shortening the horizon is a common override
that should not fail on a scenario's default questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sim.config.errors import ConfigError
from sim.domain.references import NAME
from sim.domain.scenario import Scenario

STAGE_EVENTS = ("signed", "in_force", "held", "collapsed", "signed_again", "lapsed", "renewed",
                "suspended", "withdrawn")
"""Events on a stage, by a day: first signed; in force at some time (not merely signed: a stage
with conditions precedent is pending until they are met); held its test; collapsed at least
once; signed a second time, after a collapse, expiry or lapse; lapsed (signed, its conditions
unmet by its deadline); renewed at its term at least once; suspended by a party at least once
(it may return); withdrawn from by a party (the truce ends)."""
REPORTED_WEEKLY = "reported_weekly"
"""A stage's reported violations averaged at least `at_least` a week over the days it was in
force (at least a week of them), over the whole run: "violations were reported in most
weeks" is `at_least: 0.7`, since with reports at random a week has one with chance 1 - e^-0.7
= 0.5."""
EPISODE_EVENTS = ("agreement", "agreement_held", "mediator_withdrew")
COUNT = "count"


@dataclass(frozen=True)
class Count:
    """Something the run table counts over the whole run, askable as `{count: NAME, at_least:
    n}`: of a stage, a party, a third party or a gesture (`of`, named under that key), or of
    the mediator (`of` empty)."""

    of: str
    column: str  # the run-table column, `{}` standing for the name of what it counts of
    means: str


COUNTS = {
    "proposals": Count("stage", "stage.{}.proposals", "rounds in which the stage was proposed"),
    "collapses": Count("stage", "stage.{}.collapses", "times its truce collapsed"),
    "lapses": Count("stage", "stage.{}.lapses", "times it lapsed: signed, its conditions unmet "
                    "by their deadline"),
    "renewals": Count("stage", "stage.{}.renewals", "times it was renewed at its term"),
    "suspensions": Count("stage", "stage.{}.suspensions", "times a party suspended its part"),
    "reports": Count("stage", "stage.{}.reported_violations", "violations reported under it"),
    "stalls": Count("party", "party.{}.stalls", "rounds the party stalled"),
    "violations": Count("party", "party.{}.violations", "truce violations the party committed, "
                        "seen or not"),
    "reported_violations": Count("party", "party.{}.reported_violations",
                                 "violations reported against the party"),
    "declared_over": Count("party", "party.{}.declared_over", "truces the party declared over "
                           "(under a stage rule whose collapses are declared)"),
    "vetoes": Count("party", "party.{}.vetoes", "deals its veto player refused to ratify"),
    "sticks": Count("", "sticks", "sticks the mediator wielded"),
    "threats": Count("", "mediator.threats", "threats the mediator made"),
    "threats_carried_out": Count("", "mediator.threats_carried_out",
                                 "threats it carried out"),
    "pauses": Count("", "mediator.pauses", "times it paused the talks"),
    "envoy_changes": Count("", "mediator.envoy_changes", "times it changed its envoy"),
    "leaders_calls": Count("", "mediator.leaders_calls", "leaders' calls it sought"),
    "approvals": Count("third_party", "third_party.{}.approvals",
                       "side-payments a veto player approved"),
    "strikes": Count("third_party", "third_party.{}.strikes", "strikes by a spoiler"),
    "rounds_hosted": Count("third_party", "third_party.{}.rounds_hosted",
                           "rounds a host held"),
    "made": Count("gesture", "gesture.{}.made", "times the gesture was made (a unilateral "
                  "truce declared, an exchange made)"),
    "kept": Count("gesture", "gesture.{}.kept", "unilateral truces kept to their end"),
}
"""Every count the run table keeps that a question may ask about, in one table (the user
guide's list is generated from it)."""
IN_FORCE_ON = "in_force_on"
TIMED = ("signed", "in_force")
COMBINATIONS = ("all", "any", "not")
ANY_STAGE = "any"


@dataclass(frozen=True)
class Question:
    """One forecast question. `kind` is event, in_force_on, all, any, not or time_to."""

    name: str
    text: str
    kind: str
    event: str = ""  # the event (kind event or time_to)
    stage: str = ""  # a stage name, "any" (in_force_on), or "" (episode events)
    day: int | None = None  # by this day (event) or on this day (in_force_on)
    at_least: float | None = None  # reports a week (reported_weekly), or a count
    parts: tuple[str, ...] = ()  # the questions combined (all, any, not)
    count: str = ""  # what is counted (kind count: a key of COUNTS)
    of: str = ""  # the stage, party, third party or gesture counted (kind count)

    @property
    def timed(self) -> bool:
        """A time-to-event question (estimated with Kaplan-Meier), not a yes/no one."""
        return self.kind == "time_to"


@dataclass(frozen=True)
class QuestionSet:
    """The questions of a run, in evaluation order (every combination after its parts), and
    those it cannot answer, with the reason."""

    questions: tuple[Question, ...] = ()
    not_asked: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> list[str]:
        return [q.name for q in self.questions]

    @property
    def probe_days(self) -> tuple[int, ...]:
        """The days on which the engine records which stages are in force."""
        return tuple(sorted({q.day for q in self.questions
                             if q.kind == IN_FORCE_ON and q.day is not None}))


def load_questions(given: Any, scenario: Scenario, where: str = "questions") -> QuestionSet:
    """Check a question set (a mapping, or None for none) against the scenario."""
    if given is None:
        return QuestionSet()
    if not isinstance(given, Mapping):
        raise ConfigError(where, given, "a mapping of question names to questions")
    parsed = {}
    for name, spec in given.items():
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise ConfigError(where, name, "a question name of letters, digits and _")
        parsed[name] = _question(name, spec, scenario, f"{where}.{name}")
    order = _ordered(parsed, where)
    for name in order:  # parts first, so a combination of combinations is worded too
        parsed[name] = _worded(parsed[name], parsed)
    horizon = scenario.horizon_days
    skipped: dict[str, str] = {}
    for name in order:  # parts first, so a combination of a skipped question is skipped too
        q = parsed[name]
        if q.day is not None and q.day > horizon:
            skipped[name] = f"day {q.day} is beyond the horizon ({horizon} days)"
        elif any(part in skipped for part in q.parts):
            skipped[name] = "it combines questions not asked: " + ", ".join(
                p for p in q.parts if p in skipped)
    return QuestionSet(tuple(parsed[n] for n in order if n not in skipped),
                       tuple(skipped.items()))


def _question(name: str, spec: Any, scenario: Scenario, where: str) -> Question:
    if not isinstance(spec, Mapping):
        raise ConfigError(where, spec, "a question: a mapping with text and one of event, all, "
                          "any, not, time_to")
    forms = [k for k in ("event", COUNT, *COMBINATIONS, "time_to") if k in spec]
    if len(forms) != 1:
        raise ConfigError(where, ", ".join(forms) or "<none>",
                          "exactly one of event, count, all, any, not, time_to")
    form = forms[0]
    text = spec.get("text", "" if form in COMBINATIONS else None)  # a combination's is written
    if not isinstance(text, str) or (form not in COMBINATIONS and not text.strip()):
        raise ConfigError(f"{where}.text", text if text is not None else "<missing>",
                          "the question in plain words")
    if form == COUNT:
        return _count(name, text, spec, scenario, where)
    if form in COMBINATIONS:
        _only(spec, {"text", form}, where)
        parts = spec[form]
        parts = [parts] if form == "not" and isinstance(parts, str) else parts
        if (not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts)
                or (form == "not" and len(parts) != 1)):
            raise ConfigError(f"{where}.{form}", spec[form], "one question name" if form == "not"
                              else "a list of question names")
        return Question(name, text, form, parts=tuple(parts))
    if form == "time_to":
        _only(spec, {"text", "time_to", "stage"}, where)
        event = _choice(spec["time_to"], TIMED, f"{where}.time_to")
        return Question(name, text, "time_to", event, _stage(spec, scenario, where, False))
    event = _choice(spec["event"], (*STAGE_EVENTS, *EPISODE_EVENTS, IN_FORCE_ON, REPORTED_WEEKLY),
                    f"{where}.event")
    if event == REPORTED_WEEKLY:
        _only(spec, {"text", "event", "stage", "at_least"}, where)
        rate = spec.get("at_least")
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
            raise ConfigError(f"{where}.at_least", rate if rate is not None else "<missing>",
                              "reports a week, a number above 0")
        return Question(name, text, "event", event, _stage(spec, scenario, where, False),
                        at_least=float(rate))
    if event == IN_FORCE_ON:
        _only(spec, {"text", "event", "stage", "on_day", "on_date"}, where)
        day = _day(spec, "on", scenario, where)
        return Question(name, text, IN_FORCE_ON, event, _stage(spec, scenario, where, True), day)
    keys = {"text", "event", "by_day", "by_date"} | ({"stage"} if event in STAGE_EVENTS else set())
    _only(spec, keys, where)
    stage = _stage(spec, scenario, where, False) if event in STAGE_EVENTS else ""
    return Question(name, text, "event", event, stage, _day(spec, "by", scenario, where))


def _count(name: str, text: str, spec: Mapping[str, Any], scenario: Scenario,
           where: str) -> Question:
    """`{count: NAME, at_least: n}` (with the stage, party, third party or gesture it counts):
    yes where the run counted it at least n times over the whole run."""
    what = _choice(spec[COUNT], tuple(COUNTS), f"{where}.{COUNT}")
    of = COUNTS[what].of
    _only(spec, {"text", COUNT, "at_least"} | ({of} if of else set()), where)
    times = spec.get("at_least")
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise ConfigError(f"{where}.at_least", times if times is not None else "<missing>",
                          "a whole number of times, 1 or more")
    subject = ""
    if of:
        known = list(_named(scenario, of))
        subject = spec.get(of)
        if subject not in known:
            raise ConfigError(f"{where}.{of}", subject if subject is not None else "<missing>",
                              f"a {of.replace('_', ' ')} of scenario {scenario.name}: "
                              f"{', '.join(known) or 'none'}")
    return Question(name, text, COUNT, at_least=float(times), count=what, of=str(subject))


def _named(scenario: Scenario, of: str) -> Mapping[str, Any]:
    """The scenario's stages, parties, third parties or gestures, by name."""
    return {"stage": scenario.stages, "party": scenario.parties,
            "third_party": scenario.third_parties, "gesture": scenario.gestures}[of]


def _worded(q: Question, parsed: Mapping[str, Question]) -> Question:
    """A combination given without text, with one written from its parts' texts."""
    if q.kind not in COMBINATIONS or q.text.strip():
        return q
    texts = [parsed[p].text.rstrip("?") for p in q.parts]
    if q.kind == "not":
        return replace(q, text=f"Not so: {texts[0]}?")
    joiner, lead = (" and ", "All of") if q.kind == "all" else (" or ", "Any of")
    return replace(q, text=f"{lead}: " + joiner.join(f"({t})" for t in texts) + "?")


def _only(spec: Mapping[str, Any], allowed: set[str], where: str) -> None:
    for key in spec:
        if key not in allowed:
            raise ConfigError(f"{where}.{key}", "<unknown key>", f"one of {', '.join(sorted(allowed))}")


def _choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ConfigError(where, value, f"one of {', '.join(allowed)}")
    return str(value)


def _stage(spec: Mapping[str, Any], scenario: Scenario, where: str, any_allowed: bool) -> str:
    stage = spec.get("stage")
    known = list(scenario.stages) + ([ANY_STAGE] if any_allowed else [])
    if stage not in known:
        raise ConfigError(f"{where}.stage", stage if stage is not None else "<missing>",
                          f"a stage of scenario {scenario.name}: {', '.join(known)}")
    return str(stage)


def _day(spec: Mapping[str, Any], when: str, scenario: Scenario, where: str) -> int:
    """The day of `{when}_day`, or of `{when}_date` counted from the scenario's start date."""
    day_key, date_key = f"{when}_day", f"{when}_date"
    if (day_key in spec) == (date_key in spec):
        raise ConfigError(where, "both" if day_key in spec else "<neither>",
                          f"exactly one of {day_key}, {date_key}")
    if day_key in spec:
        day = spec[day_key]
        if isinstance(day, bool) or not isinstance(day, int):
            raise ConfigError(f"{where}.{day_key}", day, "a whole number of days")
        path = f"{where}.{day_key}"
    else:
        day, path = _date_day(spec[date_key], scenario, f"{where}.{date_key}")
    if day < 0:
        raise ConfigError(path, spec.get(day_key, spec.get(date_key)),
                          "day 0 or later (on or after the scenario's start_date)")
    return day


def _date_day(value: Any, scenario: Scenario, where: str) -> tuple[int, str]:
    if scenario.start_date is None:
        raise ConfigError(where, value, f"a day (by_day/on_day): scenario {scenario.name} has no "
                          "start_date")
    try:
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(where, value, "a date YYYY-MM-DD") from None
    return (date - dt.date.fromisoformat(scenario.start_date)).days, where


def _ordered(parsed: dict[str, Question], where: str) -> list[str]:
    """Names with every combination after its parts; refuse unknown names and cycles."""
    done: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name):], name])
            raise ConfigError(f"{where}.{name}", cycle, "questions that do not refer to "
                              "themselves through others")
        visiting.append(name)
        for part in parsed[name].parts:
            if part not in parsed:
                raise ConfigError(f"{where}.{name}.{parsed[name].kind}", part,
                                  f"a question of this set: {', '.join(parsed)}")
            if parsed[part].timed:
                raise ConfigError(f"{where}.{name}.{parsed[name].kind}", part,
                                  "a yes/no question (not a time-to-event one)")
            visit(part)
        visiting.pop()
        done.append(name)

    for name in parsed:
        visit(name)
    return done
