"""The main levers of a negotiation, as one might turn them by hand, mapped onto a config.

The interactive app (`sim/app/page.py`) offers these as controls; this module knows nothing of the
app, so tests and scripts can turn the same levers and get validated settings.
"""

from __future__ import annotations

import copy
import os
import threading
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from sim.config.compose import CONFIG_DIR, CONFIG_DIRS, compose_config, group_options, search_path
from sim.config.distributions import parse_distribution
from sim.config.errors import ConfigError
from sim.jobs.settings import Settings, load_settings


@dataclass(frozen=True, kw_only=True)
class Levers:
    """What the analyst sets. Trust is the mean of a party's Beta prior (its strength is kept)."""

    scenario: str = "black_sea_2025"
    strategy: str = "sea_first"
    trust_first: float = 0.5  # first party's initial trust that the others comply, 0-1
    trust_second: float = 0.375  # second party's initial trust in the others, 0-1
    delay_prize: float = 0.10  # the stalling party's gain from holding out, share of the stake
    bias: float = 0.3  # the mediator's extra Nash weight on the first party
    carrot_budget: float = 0.04  # side-payments the mediator can fund, share of the stake (the
    # mean of the baseline's uncertain budget: a lever sets one number)
    stick_size: float = 0.5  # rise in the blocking party's daily war cost per stick
    patience_rounds: int = 8  # rounds without a signing before the mediator presses or leaves
    # (the baseline's 3-12, rounded mean)
    seed: int = 1


OWN = "(the scenario's own)"
"""The strategy choice that takes the mediator the scenario names as its default."""


def config_dirs() -> list[Path]:
    """The project's configs, then the user's folders given to the app."""
    extra = [Path(p) for p in os.environ.get(CONFIG_DIRS, "").split(os.pathsep) if p]
    return [Path(CONFIG_DIR), *extra]


def options(group: str) -> list[str]:
    """The names a config group offers (scenario, mediator), from configs/<group>/ and the
    user's config folders."""
    return group_options(group, config_dirs())


_COMPOSING = threading.Lock()  # Hydra's global state: one composition at a time (app sessions)


@cache
def _composed(scenario: str, strategy: str) -> dict[str, Any]:
    chosen = [] if strategy == OWN else [f"mediator={strategy}"]
    with _COMPOSING:
        return compose_config([f"scenario={scenario}", *chosen, "runs=1", *search_path(config_dirs()[1:])])


def own_strategy(scenario: str) -> str:
    """The mediator a scenario names as its default."""
    return str(_composed(scenario, OWN)["mediator"]["strategy"])


def party_labels(scenario: str) -> list[str]:
    """The display names of a scenario's parties, in order (read from its composed config)."""
    parties = _composed(scenario, OWN)["scenario"]["parties"]
    return [str(party.get("label", name)) for name, party in parties.items()]


def defaults(scenario: str = "black_sea_2025", strategy: str = OWN) -> Levers:
    """The levers as the scenario and strategy set them, so controls start where configs are."""
    strategy = own_strategy(scenario) if strategy == OWN else strategy
    cfg = _composed(scenario, strategy)
    parties = list(cfg["scenario"]["parties"])
    first, second = (cfg["scenario"]["parties"][p] for p in parties[:2])
    med = cfg["mediator"]
    return Levers(scenario=scenario, strategy=strategy,
                  trust_first=_trust_mean(first["trust"].get(parties[1])),
                  trust_second=_trust_mean(second["trust"].get(parties[0])),
                  delay_prize=_number(cfg["scenario"]["parties"][_staller(cfg)]["delay"]["prize"],
                                      "delay.prize"),
                  bias=float(med.get("bias", {}).get(parties[0], 0.0)),
                  carrot_budget=_number(med["leverage"]["carrot_budget"], "carrot_budget"),
                  stick_size=_number(med["leverage"]["stick_size"], "stick_size"),
                  patience_rounds=round(_number(med["patience_rounds"], "patience_rounds")))


def settings_for(levers: Levers) -> Settings:
    """Validated settings of the chosen scenario and strategy with the levers applied.

    Raises ConfigError (one line naming the key) when, e.g., the strategy's ladder does not
    fit the scenario's stages.
    """
    for field in fields(Levers):
        if field.name in ("scenario", "strategy"):
            continue
        value = getattr(levers, field.name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ConfigError(field.name, value, "a number")
    if levers.scenario in options("scenario") and levers.strategy == OWN:
        levers = replace(levers, strategy=own_strategy(levers.scenario))
    for group, name in (("scenario", levers.scenario), ("mediator", levers.strategy)):
        if name not in options(group):
            raise ConfigError(group, name, f"one of {', '.join(options(group))}")
    own = defaults(levers.scenario, levers.strategy)
    moved = {f.name for f in fields(Levers) if getattr(levers, f.name) != getattr(own, f.name)}
    for name in ("trust_first", "trust_second"):
        if name in moved and not 0.0 < getattr(levers, name) < 1.0:
            raise ConfigError(name, getattr(levers, name), "a mean trust strictly between 0 and 1")
    cfg = copy.deepcopy(_composed(levers.scenario, levers.strategy))
    parties = list(cfg["scenario"]["parties"])
    if len(parties) < 2:
        raise ConfigError("scenario.parties", parties, "at least two parties")
    _apply(cfg, levers, moved, parties)
    cfg["seed"] = int(levers.seed)
    return load_settings(cfg)


def _apply(cfg: dict[str, Any], levers: Levers, moved: set[str], parties: list[str]) -> None:
    """Set the levers that differ from the scenario's own values (a lever left where the
    scenario puts it changes nothing, even where the scenario's value is outside its slider)."""
    table, mediator = cfg["scenario"]["parties"], cfg["mediator"]
    for name, truster in (("trust_first", parties[0]), ("trust_second", parties[1])):
        if name in moved:
            for other in parties:
                if other != truster:
                    table[truster]["trust"][other] = _prior(table[truster]["trust"].get(other),
                                                            getattr(levers, name))
    if "delay_prize" in moved:
        table[_staller(cfg)]["delay"]["prize"] = float(levers.delay_prize)
    if "bias" in moved:
        mediator["bias"] = {parties[0]: float(levers.bias)} if levers.bias else {}
    for name in ("carrot_budget", "stick_size"):
        if name in moved:
            mediator["leverage"][name] = float(getattr(levers, name))
    if "patience_rounds" in moved:
        mediator["patience_rounds"] = int(levers.patience_rounds)


def _staller(cfg: dict[str, Any]) -> str:
    """The party that stalls: the one with the largest prize from delay (the first on a tie)."""
    parties = cfg["scenario"]["parties"]
    return max(parties, key=lambda p: _number(parties[p]["delay"]["prize"],
                                               f"scenario.parties.{p}.delay.prize"))


def _number(value: Any, path: str) -> float:
    """A fixed number, or the mean of a distribution (read by the config's own parser)."""
    if isinstance(value, dict):
        return parse_distribution(value, path).mean()
    return float(value)


def _trust_mean(prior: dict[str, float] | None) -> float:
    if not prior:
        return 0.5
    alpha, beta = _number(prior["alpha"], "trust.alpha"), _number(prior["beta"], "trust.beta")
    return alpha / (alpha + beta)


def _prior(prior: dict[str, float] | None, mean: float) -> dict[str, float]:
    """A Beta prior with the given mean and the old one's strength (alpha + beta; 2 if none)."""
    strength = (_number(prior["alpha"], "trust.alpha") + _number(prior["beta"], "trust.beta")
                if prior else 2.0)
    return {"alpha": mean * strength, "beta": (1.0 - mean) * strength}


QUICK_RUNS = 20_000


def likelihood(levers: Levers, runs: int = QUICK_RUNS, workers: int | None = None,
               chunk_size: int | None = None) -> dict[str, Any]:
    """A quick Monte Carlo of the levers' settings: the summary `negsim` would write (agreement
    with its Wilson interval, the stage funnel, Kaplan-Meier times), seeded by `levers.seed`
    and cut into the config's chunks, so that `negsim` with the same settings gives the same
    numbers (`chunk_size` overrides the config's, for tests only)."""
    import pandas as pd

    from sim.jobs.simulation import chunks_of
    from sim.montecarlo.backends import Backend
    from sim.results.summary import summarise

    settings = settings_for(levers)
    columns = [c for _, c in chunks_of(settings, runs, levers.seed, Backend("local", workers),
                                       chunk_size=chunk_size)]
    table = pd.concat([pd.DataFrame(c) for c in columns], ignore_index=True)
    return summarise(table, settings.scenario.horizon_days)
