"""A scenario's names and their cross-references: every party, issue and stage it names is
declared, named plainly, and given a value wherever one is needed, so that the model never
meets a name it cannot place. The first problem found is raised as ConfigError. A scenario is
loaded here (`load_scenario`): built from its fields, then cross-checked."""

from __future__ import annotations

import datetime as dt
import re

from sim.config.distributions import Distribution
from sim.config.errors import ConfigError
from sim.config.schema import build
from sim.domain.coding import check_coding
from sim.domain.form import check_form
from sim.domain.gestures import check_gestures
from sim.domain.implementation import check_third_parties
from sim.domain.initial import check_initial
from sim.domain.politics import check_line
from sim.domain.scenario import Party, Scenario

NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
MEDIATOR = "mediator"
"""The key under which a party's trust in the mediator is given, beside its trust in each party."""

ISSUE_KINDS = ("divisible", "indivisible", "line_of_control")
"""How an issue can be settled: any share of it, or all or nothing (Fearon 1995, Toft 2003)."""


def _names(kind: str, names: list[str]) -> str:
    return f"a {kind} name: {', '.join(names)}"


def load_scenario(raw: object, path: str = "scenario") -> Scenario:
    """Build and cross-check a scenario; the first problem found is raised as ConfigError."""
    scenario = build(Scenario, raw, path)
    check_references(scenario, path)
    return scenario


def check_references(s: Scenario, path: str) -> None:
    """Every name used in the scenario must be declared there, and weights must normalise."""
    issues, parties, stages = list(s.issues), list(s.parties), list(s.stages)
    _check_names(s, path)
    _check_issues(s, path, parties)
    if len(parties) < 2:
        raise ConfigError(f"{path}.parties", parties, "at least two parties")
    if not stages:
        raise ConfigError(f"{path}.stages", {}, "at least one stage")
    for p, party in s.parties.items():
        _check_party(party, f"{path}.parties.{p}", issues, parties, stages, p)
    _check_stages(s, path, issues)
    _check_conflict(s, path, parties)
    check_third_parties(s.third_parties, {p: list(party.linkage) for p, party in s.parties.items()},
                        stages, path)
    check_gestures(s.gestures, parties, path)
    held = {h for third in s.third_parties.values() for h in third.holds}
    conditional = {name: stage.conditions.deadline_days is not None
                   or stage.conditions.setup_days != 0.0
                   or any(f"{p}.{name}" in held for p in parties)
                   for name, stage in s.stages.items()}
    check_initial(s.initial, dict(s.stages), conditional, path)
    check_coding(s.coding, path)
    check_form(s.form, path)


def _check_names(s: Scenario, path: str) -> None:
    for group, names in (("issues", s.issues), ("parties", s.parties), ("stages", s.stages),
                         ("third_parties", s.third_parties), ("gestures", s.gestures)):
        for name in names:
            if not NAME.fullmatch(name) or name == MEDIATOR:
                raise ConfigError(f"{path}.{group}.{name}", name,
                                  "a name of letters, digits and _ (not 'mediator')")
    for name in s.third_parties:
        if name in s.parties:
            raise ConfigError(f"{path}.third_parties.{name}", name,
                              "a name that is not a party's (a party is not a third party)")
    if s.start_date is not None:
        try:
            dt.date.fromisoformat(s.start_date)
        except ValueError:
            raise ConfigError(f"{path}.start_date", s.start_date, "a date YYYY-MM-DD") from None


def _check_issues(s: Scenario, path: str, parties: list[str]) -> None:
    if not s.issues:
        raise ConfigError(f"{path}.issues", {}, "at least one issue")
    for name, issue in s.issues.items():
        if issue.kind not in ISSUE_KINDS:
            raise ConfigError(f"{path}.issues.{name}.kind", issue.kind,
                              f"one of {', '.join(ISSUE_KINDS)}")
        check_line(issue.kind, issue.line, issue.status_quo, f"{path}.issues.{name}",
                   [p for p in parties if name in s.parties[p].red_lines])


def _check_stages(s: Scenario, path: str, issues: list[str]) -> None:
    for name, stage in s.stages.items():
        where = f"{path}.stages.{name}"
        if not stage.issues:
            raise ConfigError(f"{where}.issues", [], "at least one issue")
        for i, issue in enumerate(stage.issues):
            if issue not in s.issues:
                raise ConfigError(f"{where}.issues[{i}]", issue, _names("declared issue", issues))
            if issue in stage.issues[:i]:
                raise ConfigError(f"{where}.issues[{i}]", issue, "each issue once in a stage")
        longest = (stage.hold_days.reach()[1] if isinstance(stage.hold_days, Distribution)
                   else stage.hold_days)
        if (stage.duration_days is not None and stage.renewal_days is None
                and longest > stage.duration_days):
            shown = stage.hold_days if isinstance(stage.hold_days, Distribution) else (
                int(longest) if float(longest).is_integer() else longest)
            raise ConfigError(f"{where}.hold_days", shown,
                              f"at most duration_days ({stage.duration_days}), every draw, "
                              "unless it is renewable (renewal_days)")
        if stage.renewal_days is not None and stage.duration_days is None:
            raise ConfigError(f"{where}.renewal_days", stage.renewal_days,
                              "null for an open-ended stage (duration_days null): only a "
                              "time-limited truce is renewed")
    if not any(stage.comprehensive for stage in s.stages.values()):
        raise ConfigError(f"{path}.stages", list(s.stages),
                          "at least one stage with comprehensive: true")


def _check_conflict(s: Scenario, path: str, parties: list[str]) -> None:
    if s.first_round_day > s.horizon_days:
        raise ConfigError(f"{path}.first_round_day", s.first_round_day,
                          f"a day in [0, horizon_days ({s.horizon_days})]: else no round is "
                          "ever held")
    for key in ("drift_per_day", "volatility_per_day"):
        _check_keys(getattr(s.conflict, key), f"{path}.conflict.{key}", parties, "party")
    party = s.conflict.escalation.party
    if party is not None and party not in s.parties:
        raise ConfigError(f"{path}.conflict.escalation.party", party, _names("party", parties))


def _check_party(party: Party, where: str, issues: list[str], parties: list[str],
                 stages: list[str], me: str) -> None:
    _check_keys(party.ideal, f"{where}.ideal", issues, "issue")
    _check_keys(party.salience, f"{where}.salience", issues, "issue")
    if sum(party.salience.values()) <= 0:
        raise ConfigError(f"{where}.salience", party.salience, "weights with a positive sum")
    others = [p for p in parties if p != me] + [MEDIATOR]
    _check_keys(party.trust, f"{where}.trust", others, "party (or mediator)")
    for stage in party.linkage:
        if stage not in stages:
            raise ConfigError(f"{where}.linkage.{stage}", stage, _names("stage", stages))
    for issue in party.red_lines:
        if issue not in issues:
            raise ConfigError(f"{where}.red_lines.{issue}", "<unknown key>", _names("issue", issues))
    _check_stagewise(party.delay.stages, party.delay.per_stage, f"{where}.delay", stages)
    _check_stagewise(party.concession.stages, party.concession.per_stage, f"{where}.concession",
                     stages)


def _check_stagewise(named: tuple[str, ...] | None, per_stage: dict, where: str,
                     stages: list[str]) -> None:
    """A tactic's or style's stages are the scenario's, and a stage given its own values is
    one it applies to (a value for a stage it leaves alone would be read by nothing)."""
    if named is not None and not named:
        raise ConfigError(f"{where}.stages", [], "at least one stage name, or null for every "
                          f"stage: {', '.join(stages)}")
    for i, stage in enumerate(named or ()):
        if stage not in stages:
            raise ConfigError(f"{where}.stages[{i}]", stage, _names("stage", stages))
        if stage in named[:i]:
            raise ConfigError(f"{where}.stages[{i}]", stage, "each stage once")
    applies = list(named) if named is not None else stages
    for stage in per_stage:
        if stage not in applies:
            raise ConfigError(f"{where}.per_stage.{stage}", "<unknown key>",
                              f"a stage it applies to: {', '.join(applies)}")


def _check_keys(given: dict, where: str, expected: list[str], kind: str) -> None:
    for key in given:
        if key not in expected:
            raise ConfigError(f"{where}.{key}", "<unknown key>", _names(kind, expected))
    for key in expected:
        if key not in given:
            raise ConfigError(f"{where}.{key}", "<missing>", f"a value for every {kind}")
