"""The units a scenario and a mediator choose, checked against their registries.

Every decision is a registered unit chosen by name (`sim.rules.units`); the names and the
parameters given them are checked here, wherever a scenario and a mediator meet the rules:
when the settings are loaded (`sim.jobs.settings`) and when a model is built from them
(`sim.engine.model`), so a scenario made any other way (the app, a test, a script) is
refused with the same one line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from sim.config.errors import ConfigError
from sim.config.schema import Param, check_param
from sim.domain.gestures import Gesture
from sim.domain.implementation import ThirdParty
from sim.domain.mediator import MediatorSpec
from sim.domain.questions import QuestionSet
from sim.domain.scenario import Delay, Party, Scenario
from sim.rules.agendas import AGENDAS
from sim.rules.concessions import CONCESSIONS
from sim.rules.gestures import GESTURES
from sim.rules.participation import PARTICIPATION
from sim.rules.proposals import PROPOSALS
from sim.rules.recourses import RECOURSES
from sim.rules.renewals import RENEWALS
from sim.rules.roles import ROLES
from sim.rules.stages import STAGE_RULES
from sim.rules.styles import STYLES
from sim.rules.tactics import TACTICS
from sim.rules.units import Registry


def check_choices(scenario: Scenario, mediator: MediatorSpec) -> None:
    """Refuse, with one ConfigError line, a unit no registry has, a parameter its unit does
    not declare or cannot take, or what a chosen unit needs and is not given."""
    STYLES.check(mediator.style, {}, "mediator")
    AGENDAS.check(mediator.agenda.rule, mediator.agenda.parameters, "mediator.agenda")
    for name, given in mediator.recourses.items():
        RECOURSES.check(name, given, "mediator", f"mediator.recourses.{name}")
    _check_proposal(mediator, scenario)
    for name, party in scenario.parties.items():
        TACTICS.check(party.delay.tactic, party.delay.parameters, f"scenario.parties.{name}.delay")
        CONCESSIONS.check(party.concession.style, party.concession.parameters,
                          f"scenario.parties.{name}.concession")
        _check_per_stage(TACTICS, party.delay.tactic, party.delay.per_stage,
                         field_meta(Delay, "prize", "cost_per_day"),
                         f"scenario.parties.{name}.delay")
        _check_per_stage(CONCESSIONS, party.concession.style, party.concession.per_stage,
                         field_meta(Party, "concession_exponent"),
                         f"scenario.parties.{name}.concession")
        RENEWALS.check(party.renewal.rule, party.renewal.parameters,
                       f"scenario.parties.{name}.renewal")
        PARTICIPATION.check(party.participation.rule, party.participation.parameters,
                            f"scenario.parties.{name}.participation")
    for name, third in scenario.third_parties.items():
        ROLES.check(third.role, third.parameters, f"scenario.third_parties.{name}")
        _check_role(name, third)
    for name, gesture in scenario.gestures.items():
        _check_gesture(name, gesture)
    for name, stage in scenario.stages.items():
        STAGE_RULES.check(stage.collapse.rule, stage.collapse.parameters,
                          f"scenario.stages.{name}.collapse")


def field_meta(cls: type, *names: str) -> dict[str, Mapping[str, Any]]:
    """The declared range (and meaning) of each named field of a config dataclass."""
    return {f.name: f.metadata for f in dataclasses.fields(cls) if f.name in names}


def _check_per_stage(registry: Registry, unit: str, per_stage: dict[str, dict[str, Param]],
                     own: dict[str, Mapping[str, Any]], where: str) -> None:
    """A stage's own values are of the fields in `own` (within their ranges) or of the
    parameters the chosen unit declares (within theirs)."""
    declared = list(own) + list(registry.get(unit).parameters)
    for stage, given in per_stage.items():
        at = f"{where}.per_stage.{stage}"
        for key, value in given.items():
            if key not in declared:
                raise ConfigError(f"{at}.{key}", "<unknown key>", f"one of {', '.join(declared)} "
                                  f"(the {registry.kind} {unit!r} and its party's values)")
            if key in own:
                check_param(value, f"{at}.{key}", own[key])
        registry.check(unit, {k: v for k, v in given.items() if k not in own}, where, at)


def _check_gesture(name: str, gesture: Gesture) -> None:
    """A gesture's rule is registered, its parameters as it declares; a unilateral one is made
    by a party, one the parties make together by none."""
    where = f"scenario.gestures.{name}"
    GESTURES.check(gesture.rule, gesture.parameters, where)
    unilateral = GESTURES.get(gesture.rule).unilateral
    if unilateral and gesture.by is None:
        raise ConfigError(f"{where}.by", None, f"a party name: a {gesture.rule} is made by one "
                          "party")
    if not unilateral and gesture.by is not None:
        raise ConfigError(f"{where}.by", gesture.by, f"null: a {gesture.rule} is made by the "
                          "parties together")


def _check_role(name: str, third: ThirdParty) -> None:
    """A third party has what its role acts on (side-payments it holds, stages, a party to
    blame) and nothing its role would ignore (a host's trust and bias are optional)."""
    role, where = ROLES.get(third.role), f"scenario.third_parties.{name}"
    fields = {  # key: (the role uses it, it must be given, what is allowed when it is not)
        "holds": (role.holds_payments, True, "at least one side-payment as PARTY.STAGE: a "
                  f"{third.role} approves the side-payments it holds"),
        "stages": (role.needs_stages, True, f"at least one stage name: a {third.role} acts on "
                   "the stages it is given"),
        "blames": (role.blames, True, f"a party name: a {third.role}'s acts are made to look "
                   "like that party's"),
        "trust": (role.hosts_talks, False, ""), "bias": (role.hosts_talks, False, "")}
    for key, (used, required, allowed) in fields.items():
        given = getattr(third, key)
        if used and required and not given:
            raise ConfigError(f"{where}.{key}", list(given) if isinstance(given, tuple) else given,
                              allowed)
        if given and not used:
            shown = given if isinstance(given, str) else list(given)
            raise ConfigError(f"{where}.{key}", shown, f"none: a {third.role} does not use {key}")


def _check_proposal(mediator: MediatorSpec, scenario: Scenario) -> None:
    """A proposal rule that screens needs a proposing party and exactly one other."""
    proposal = mediator.proposal
    PROPOSALS.check(proposal.rule, {}, "mediator.proposal")
    if not PROPOSALS.get(proposal.rule).screens:
        for key in ("battle_reading_sd", "disclosure_sd"):  # only a proposer's belief reads them
            if getattr(proposal, key) is not None:
                raise ConfigError(f"mediator.proposal.{key}", getattr(proposal, key),
                                  f"null under proposal rule {proposal.rule}: only a rule that "
                                  "screens (screening) holds a belief they inform")
        if proposal.alternate:  # the mediator proposes every round: there are no turns
            raise ConfigError("mediator.proposal.alternate", True,
                              f"false under proposal rule {proposal.rule}: only a rule that "
                              "screens (screening) has parties that propose")
        return
    if len(scenario.parties) != 2:
        raise ConfigError("mediator.proposal.rule", proposal.rule,
                          f"a rule for any number of parties (nash): {proposal.rule} needs two, "
                          f"scenario {scenario.name} has {len(scenario.parties)}")
    if proposal.proposer is None:
        raise ConfigError("mediator.proposal.proposer", "<missing>",
                          f"the proposing party, which {proposal.rule} needs: "
                          f"{', '.join(scenario.party_names)}")
    if scenario.form.averts:  # a proposer's belief prices terms as stakes
        raise ConfigError("mediator.proposal.rule", proposal.rule,
                          f"nash under the {scenario.form.name} form, which values truces by "
                          f"what they stop: {proposal.rule}'s belief prices them as stakes (or "
                          "choose model=classic, or scenario.form.valuation=stakes)")


COUNTED_BY = {"approvals": "holds_payments", "strikes": "blames", "rounds_hosted": "hosts_talks"}
"""The third-party counts a question may ask about, by the flag of the role that keeps each."""


def check_counted(questions: QuestionSet, scenario: Scenario, where: str = "questions") -> None:
    """A count question asks about what the run table keeps: a third party's approvals only of
    a role that holds payments (a veto player), strikes of one that blames (a spoiler), rounds
    hosted of a host; gestures kept only of a unilateral gesture."""
    for q in questions.questions:
        if q.count in COUNTED_BY:
            role = scenario.third_parties[q.of].role
            if not getattr(ROLES.get(role), COUNTED_BY[q.count]):
                raise ConfigError(f"{where}.{q.name}.third_party", q.of,
                                  f"a third party whose role keeps {q.count} ({q.of} is a {role})")
        if q.count == "kept" and not GESTURES.get(scenario.gestures[q.of].rule).unilateral:
            raise ConfigError(f"{where}.{q.name}.gesture", q.of, "a unilateral gesture (only "
                              "those are kept or broken)")
