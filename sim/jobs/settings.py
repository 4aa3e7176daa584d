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
from sim.domain.mediator import MediatorSpec, load_mediator
from sim.domain.questions import QuestionSet, load_questions
from sim.domain.references import NAME, load_scenario
from sim.domain.scenario import Scenario
from sim.montecarlo.backends import BACKENDS, Backend
from sim.results.files import FORMATS
from sim.rules.choices import check_choices, check_counted

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
    check_choices(scenario, mediator)
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
    check_counted(questions, scenario)
    return Settings(scenario=scenario, mediator=mediator, options=options, questions=questions)
