"""How a signed stage is carried out, as scenario fields: the conditions it must meet before it
is in force, whether it can be renewed at its term, and the third parties whose approval a
side-payment needs (the rules are in `sim.rules.roles` and `sim.rules.renewals`, the
engine's passes in `sim.engine.implementation`).

Signed is not in force: a stage signed with conditions precedent (a side-payment delivered, a
verification mechanism set up) is pending until they are met and lapses, back on the table,
if they are not met by its deadline. The Black Sea arrangement of March 2025 was announced and
never came into force, Russia having made it conditional on sanctions relief that was not the
mediator's to give (seed facts X1, X2)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.config.errors import ConfigError
from sim.config.schema import LARGEST, Param, number, text
from sim.domain.politics import TrustPrior


@dataclass(frozen=True, kw_only=True)
class Conditions:
    """What must happen after signing before a stage is in force, and by when. A side-payment
    held by a third party (`third_parties.<name>.holds`) is a condition too: delivered only
    once its holder approves."""

    setup_days: Param = number(0, default=0.0, doc="days after signing to set up the stage's "
                               "verification mechanism; in force only then (0: at once)",
                               unit="days")
    deadline_days: int | None = number(1, default=None, doc="days after signing by which every "
                                       "condition must be met, else the signed stage lapses and "
                                       "goes back on the table; null: it waits indefinitely",
                                       unit="days")


@dataclass(frozen=True, kw_only=True)
class Renewal:
    """How a party decides, at the term of a renewable truce in force, whether to renew it: a
    registered renewal rule (`sim.rules.renewals`) and its parameters. The default, as_signing,
    decides as the party decides to sign: the terms against what it holds out for today."""

    rule: str = text(default="as_signing", doc="the renewal rule (sim/rules/renewals/)")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the rule declares",
        "doc": "the rule's own parameters, checked against what it declares"})


@dataclass(frozen=True, kw_only=True)
class Participation:
    """Whether a party, while a truce it signed is in force, suspends its part and returns, or
    withdraws: a registered participation rule (`sim.rules.participation`) and its
    parameters. The default, stays, never does either."""

    rule: str = text(default="stays", doc="the participation rule (sim/rules/participation/)")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the rule declares",
        "doc": "the rule's own parameters, checked against what it declares"})


@dataclass(frozen=True, kw_only=True)
class ThirdParty:
    """An actor beyond the belligerents and the mediator (a sanctions holder, a guarantor, a
    spoiler): a registered role (`sim.rules.roles`) with its conditions and parameters."""

    label: str = text(doc="display name")
    role: str = text(doc="its role (sim/rules/roles/): veto_player, guarantor, spoiler, host")
    holds: tuple[str, ...] = text(default=(), doc="the side-payments it must approve before "
                                  "they are delivered, as PARTY.STAGE (the party's linkage on "
                                  "that stage)")
    requires: tuple[str, ...] = text(default=(), doc="stages that must be in force before it "
                                     "approves as its role's rule says (its conditions)")
    stages: tuple[str, ...] = text(default=(), doc="the stages its role acts on: those a "
                                   "guarantor guarantees, those a spoiler strikes at")
    blames: str | None = text(default=None, doc="the party a spoiler's strikes are made to "
                              "look like (monitoring takes them for that party's violations)")
    trust: dict[str, TrustPrior] = field(default_factory=dict, metadata={
        "doc": "each party's trust in a host, by party (a party not listed trusts it as it "
               "trusts the mediator)"})
    bias: dict[str, Param] = field(default_factory=dict, metadata={
        "low": 0.0, "high": LARGEST, "above": False, "unit": "Nash-weight bonus",
        "doc": "a host's rapport with each party, by party: its Nash weight is 1 plus this"})
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the role declares",
        "doc": "the role's own parameters, checked against what it declares"})


def check_third_parties(third_parties: dict[str, ThirdParty], linkages: dict[str, list[str]],
                        stages: list[str], path: str) -> None:
    """Every side-payment a third party holds is a party's linkage, held by one third party
    only; every stage it requires is declared. `linkages` lists each party's linked stages."""
    holder: dict[str, str] = {}
    for name, third in third_parties.items():
        where = f"{path}.third_parties.{name}"
        for i, held in enumerate(third.holds):
            party, _, stage = held.partition(".")
            if stage not in linkages.get(party, []):
                known = [f"{p}.{s}" for p, linked in linkages.items() for s in linked]
                raise ConfigError(f"{where}.holds[{i}]", held, "a side-payment as PARTY.STAGE, "
                                  f"one of the parties' linkages: {', '.join(known) or 'none'}")
            if held in holder:
                raise ConfigError(f"{where}.holds[{i}]", held,
                                  f"a side-payment no other third party holds ({holder[held]} "
                                  "does)")
            holder[held] = name
        for key in ("requires", "stages"):
            for i, stage in enumerate(getattr(third, key)):
                if stage not in stages:
                    raise ConfigError(f"{where}.{key}[{i}]", stage,
                                      f"a stage name: {', '.join(stages)}")
        for key in ("trust", "bias"):
            for party in getattr(third, key):
                if party not in linkages:
                    raise ConfigError(f"{where}.{key}.{party}", party,
                                      f"a party name: {', '.join(linkages)}")
        if third.blames is not None and third.blames not in linkages:
            raise ConfigError(f"{where}.blames", third.blames,
                              f"a party name: {', '.join(linkages)}")
