"""What a mediator is configured with: its ladder of stages, style, patience, bias and leverage."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.config.errors import ConfigError
from sim.config.schema import LARGEST, Param, build, number, text
from sim.domain.scenario import Scenario


@dataclass(frozen=True, kw_only=True)
class Leverage:
    """Carrots and sticks, used only by a mediator whose style is `leverage`."""

    carrot_budget: Param = number(0, doc="side-payments it can fund over an episode",
                                  unit="share of the stake")
    stick_size: Param = number(0, doc="rise in the blocking party's daily war cost per stick",
                               unit="fraction of its cost")
    max_sticks: int = number(0, doc="sticks it may apply before walking away", unit="count")


@dataclass(frozen=True, kw_only=True)
class Proposal:
    """How the terms on the table are chosen: a registered proposal rule
    (`sim.rules.proposals`). The default, nash, is the mediator's bias-weighted Nash package
    over its estimates; screening is the offer a proposing party makes against its belief about
    the other's private cost of war (Fearon 1995)."""

    rule: str = text(default="nash", doc="the proposal rule (sim/rules/proposals/)")
    proposer: str | None = text(default=None, doc="the party whose offer it is (screening); "
                                "null for rules that need none")
    alternate: bool = field(default=False, metadata={"doc": "the two parties take turns to "
                                                     "propose, the proposer in the first round "
                                                     "(screening: each screens the other with "
                                                     "its own belief)"})
    packages: str = text(default="compromise", doc="the packages it chooses among: compromise "
                         "(one weight for every issue of a stage) or logrolling (terms per "
                         "issue along the efficient frontier, trading issues by salience; two "
                         "parties)")
    battle_reading_sd: float | None = number(0, default=None, doc="spread of a proposer's "
                                             "reading of the other's daily cost from one day's "
                                             "fighting (screening; null: battles reveal "
                                             "nothing)", unit="share of the stake per day")
    disclosure_sd: float | None = number(0, default=None, doc="spread of the mediator's reading "
                                         "of the other's daily cost, told to each proposer on "
                                         "day 0 (screening; 0: exact; null: it tells nothing)",
                                         unit="share of the stake per day")


@dataclass(frozen=True, kw_only=True)
class AgendaChoice:
    """How the mediator moves along its ladder when a stage is blocked: a registered agenda
    rule (`sim.rules.agendas`) and its parameters. The default, fixed, climbs only once a tier
    has held."""

    rule: str = text(default="fixed", doc="the agenda rule (sim/rules/agendas/)")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the rule declares",
        "doc": "the rule's own parameters, checked against what it declares"})


DEFAULT_RECOURSES = ("stick", "walk_away")
"""The recourses (`sim.rules.recourses`) of a mediator whose config names none: press while the
style allows, else leave with the walk_away unit's documented exit hazard, never for certain."""

PACKAGES = ("compromise", "logrolling")
"""The package spaces a proposal searches (`sim.rules.bargaining`: `candidate_terms`,
`frontier_terms`)."""


@dataclass(frozen=True, kw_only=True)
class MediatorSpec:
    strategy: str = text(doc="name of the strategy")
    description: str = text(default="")
    ladder: tuple[tuple[str, ...], ...] = text(doc="tiers of stages; a tier's stages are proposed "
                                               "together, the next tier once all of them held")
    style: str = text(doc="how it uses power: a mediator style (sim/rules/styles/)")
    patience_rounds: Param = number(1, doc="rounds without a signing before it presses or walks "
                                    "away (a fraction: the next whole round)",
                                  unit="rounds")
    bias: dict[str, Param] = number(-0.99, 0.99, doc="rapport toward a party: its extra Nash weight",
                                    unit="weight")
    belief_error: Param = number(0, doc="spread of its first estimate of each reservation value",
                                 unit="share of the stake")
    learning_step: Param = number(0, doc="how far it raises an estimate past a rejected offer",
                                  unit="share of the stake")
    learns: bool = field(default=True, metadata={"doc": "update its estimates from rejections; "
                                                 "false freezes them (checks against theory)"})
    proposal_grid: int = number(2, 100000, default=200,
                                doc="steps per party weight when searching for the Nash solution",
                                unit="count")
    leverage: Leverage = field(default_factory=lambda: Leverage(carrot_budget=0.0, stick_size=0.0,
                                                                  max_sticks=0))
    proposal: Proposal = field(default_factory=Proposal)
    agenda: AgendaChoice = field(default_factory=AgendaChoice)
    recourses: dict[str, dict[str, Param]] = field(
        default_factory=lambda: {name: {} for name in DEFAULT_RECOURSES}, metadata={
            "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as each recourse declares",
            "doc": "what it does when patience runs out, in the order tried: recourse names "
                   "(sim/rules/recourses/) mapped to their parameters; the first that takes is "
                   "carried out, and where none does it persists"})
    provenance: dict[str, str] = field(default_factory=dict)
    """Where each value comes from, by parameter path or pattern (`leverage.*`), as a
    scenario's: read by the parameter tables (`sim.domain.parameters`), never by the model."""


def load_mediator(raw: object, scenario: Scenario | None, path: str = "mediator") -> MediatorSpec:
    """Build a mediator and check it against the scenario it will mediate (if it is valid)."""
    spec = build(MediatorSpec, raw, path)
    if spec.proposal.packages not in PACKAGES:
        raise ConfigError(f"{path}.proposal.packages", spec.proposal.packages,
                          f"one of: {', '.join(PACKAGES)}")
    if scenario is None:
        return spec
    if spec.proposal.packages == "logrolling" and len(scenario.parties) != 2:
        raise ConfigError(f"{path}.proposal.packages", "logrolling",
                          f"compromise for any number of parties: logrolling needs two, "
                          f"scenario {scenario.name} has {len(scenario.parties)}")
    stages = scenario.stage_names
    if not spec.ladder or not all(spec.ladder):
        raise ConfigError(f"{path}.ladder", [list(t) for t in spec.ladder],
                          "a non-empty list of non-empty tiers of stage names")
    seen: set[str] = set()
    for t, tier in enumerate(spec.ladder):
        for i, stage in enumerate(tier):
            if stage not in scenario.stages:
                raise ConfigError(f"{path}.ladder[{t}][{i}]", stage,
                                  f"a stage of scenario {scenario.name}: {', '.join(stages)}")
            if stage in seen:
                raise ConfigError(f"{path}.ladder[{t}][{i}]", stage, "each stage once in the ladder")
            seen.add(stage)
    if not any(scenario.stages[s].comprehensive for s in seen):
        raise ConfigError(f"{path}.ladder", [list(t) for t in spec.ladder],
                          "a ladder that includes a comprehensive stage")
    proposer = spec.proposal.proposer
    if proposer is not None and proposer not in scenario.parties:
        raise ConfigError(f"{path}.proposal.proposer", proposer,
                          f"a party name: {', '.join(scenario.party_names)}")
    for party in spec.bias:
        if party not in scenario.parties:
            raise ConfigError(f"{path}.bias.{party}", "<unknown key>",
                              f"a party name: {', '.join(scenario.party_names)}")
    return spec
