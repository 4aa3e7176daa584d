"""The validated settings of one run: scenario, mediator and the Monte Carlo knobs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sim.config.distributions import Distribution
from sim.config.errors import ConfigError, gather
from sim.config.sampling import parameters
from sim.config.schema import build, number, text
from sim.config.uncertainty import declared_inputs, sampled_fields, with_uncertainty
from sim.domain.gestures import Gesture
from sim.domain.implementation import ThirdParty
from sim.domain.mediator import MediatorSpec, load_mediator
from sim.domain.questions import QuestionSet, load_questions
from sim.domain.references import NAME, load_scenario
from sim.domain.scenario import Scenario
from sim.montecarlo.backends import BACKENDS, Backend
from sim.results.files import FORMATS
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

MAX_RUNS = 1_000_000_000


@dataclass(frozen=True, kw_only=True)
class MonteCarlo:
    chunk_size: int = number(1, 1_000_000, doc="replicates per chunk", unit="replicates")
    progress: bool = True


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    formats: tuple[str, ...] = text(default=("png",), doc="figure files beside report.html: any "
                                    "of png, svg, pdf (one PDF of all figures)")


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    name: str = text(doc="name of the study: results go to results/<name>/")
    runs: int = number(1, MAX_RUNS, doc="independent replicates", unit="replicates")
    seed: int = number(0, 2**63 - 1, doc="root seed", unit="integer")
    workers: int | None = number(1, 4096, default=None, doc="worker processes; null = all cores")
    backend: str = text(default="local", doc="local (joblib/loky) or dask")
    scheduler: str | None = text(default=None, doc="Dask scheduler address; null = LocalCluster")
    point_store: str = text(default="results/points", doc="folder of finished sweep points")
    trace: bool = False
    sweep: dict[str, Any] | None = text(default=None, doc="a sweep block (see sim/montecarlo/designs.py)")
    uncertain: dict[str, Any] | None = text(default=None, doc="inputs to sample per replicate: "
                                            "path -> range, distribution or '±X%' "
                                            "(sim/config/uncertainty.py)")
    montecarlo: MonteCarlo = MonteCarlo(chunk_size=10000, progress=True)
    report: ReportOptions = ReportOptions()

    @property
    def engine(self) -> Backend:
        return Backend(self.backend, self.workers, self.scheduler)

    @property
    def traced(self) -> bool:
        """Whether the run keeps its model to write the episode's events (one replicate, or
        `trace`)."""
        return self.trace or self.runs == 1

    @property
    def monte_carlo(self) -> Backend:
        """Where this run's Monte Carlo runs: in this process when traced (the model is kept),
        else on the engine."""
        return Backend("local", 1) if self.traced else self.engine

    @property
    def chunks(self) -> int:
        """How many chunks the runs are cut into (`sim.montecarlo.chunks.plan`)."""
        return -(-self.runs // self.montecarlo.chunk_size)


def uncertain_ranges(scenario: Scenario, mediator: MediatorSpec) -> dict[str, tuple[float, float]]:
    """Every input given as a distribution, with the range a sensitivity design spans."""
    found = parameters(scenario, "scenario") | parameters(mediator, "mediator")
    return {path: value.range() for path, value in found.items() if isinstance(value, Distribution)}


@dataclass(frozen=True, kw_only=True)
class Settings:
    scenario: Scenario
    mediator: MediatorSpec
    options: RunOptions
    questions: QuestionSet = field(default_factory=QuestionSet)


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


def _made_uncertain(cfg: Mapping[str, Any], declared: Mapping[str, Any], scenario: Scenario,
                    mediator: MediatorSpec) -> tuple[Scenario, MediatorSpec]:
    """The scenario and mediator again, with the `uncertain:` block's inputs as distributions;
    a range the field cannot take is named by its key in that block."""
    sampled = sampled_fields(scenario, "scenario") | sampled_fields(mediator, "mediator")
    raw = with_uncertainty(cfg, declared, sampled)
    paths = list(declared_inputs(declared))
    try:
        scenario = load_scenario(raw["scenario"])
        return scenario, load_mediator(raw["mediator"], scenario)
    except ConfigError as error:
        raise ConfigError.joined([ConfigError(
            f"uncertain.{p.key}" if p.key in paths else p.key, p.value, p.allowed)
            for p in error.problems]) from None


def load_settings(cfg: Mapping[str, Any]) -> Settings:
    """Validate a composed config (a plain mapping); raise ConfigError on the first problem."""
    if not isinstance(cfg, Mapping):
        raise ConfigError("<config>", cfg, "a mapping")
    plain = {k: v for k, v in cfg.items() if k not in ("scenario", "mediator", "hydra",
                                                        "questions")}
    for group in ("scenario", "mediator"):
        if group not in cfg:
            raise ConfigError(group, "<missing>", f"a {group} (choose one with {group}=NAME)")
    options, scenario, _ = gather([lambda: build(RunOptions, plain, ""),
                                   lambda: load_scenario(cfg.get("scenario")),
                                   lambda: load_mediator(cfg["mediator"], None)])
    mediator = load_mediator(cfg["mediator"], scenario)
    if options.uncertain:
        scenario, mediator = _made_uncertain(cfg, options.uncertain, scenario, mediator)
    STYLES.check(mediator.style, {}, "mediator")
    AGENDAS.check(mediator.agenda.rule, mediator.agenda.parameters, "mediator.agenda")
    for name, given in mediator.recourses.items():
        RECOURSES.check(name, given, "mediator", f"mediator.recourses.{name}")
    _check_proposal(mediator, scenario)
    for name, party in scenario.parties.items():
        TACTICS.check(party.delay.tactic, party.delay.parameters, f"scenario.parties.{name}.delay")
        CONCESSIONS.check(party.concession.style, party.concession.parameters,
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
    if not NAME.fullmatch(options.name):
        raise ConfigError("name", options.name, "a name of letters, digits and _ (it names a "
                          "folder under results/)")
    if options.backend not in BACKENDS:
        raise ConfigError("backend", options.backend, f"one of {', '.join(BACKENDS)}")
    unknown = [f for f in options.report.formats if f not in FORMATS]
    if unknown:
        raise ConfigError("report.formats", unknown[0], f"any of {', '.join(FORMATS)}")
    if options.sweep is not None:
        from sim.montecarlo.designs import load_sweep

        load_sweep(options.sweep, uncertain_ranges(scenario, mediator))
    if options.trace and options.runs > options.montecarlo.chunk_size:
        raise ConfigError("runs", options.runs,
                          f"at most montecarlo.chunk_size ({options.montecarlo.chunk_size}) "
                          "when trace is on")
    questions = load_questions(cfg.get("questions"), scenario)
    return Settings(scenario=scenario, mediator=mediator, options=options, questions=questions)
