"""Many runs from Python, in one process: compose a config once, then run it as often as a
study needs, each time with its own runs, seed and, if given, inputs set per replicate.

    from sim import Simulator
    simulator = Simulator(["mediator=comprehensive"])
    result = simulator.run(runs=500, seed=1)
    result.runs                       # the run table, as negsim writes runs.parquet
    result.answers                    # each forecast question's answer, per replicate

The numbers are those `negsim` gives for the same config, seed and runs: both run
`sim.jobs.simulation.chunks_of`. Nothing is written to disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from sim.config.compose import compose_config, search_path
from sim.config.distributions import Distribution
from sim.config.errors import ConfigError
from sim.config.sampling import parameters
from sim.config.uncertainty import sampled_fields, with_values
from sim.jobs.settings import MAX_RUNS, Settings, load_settings
from sim.jobs.simulation import chunks_of
from sim.montecarlo.backends import Backend
from sim.results.files import arrow_table

Inputs = pd.DataFrame | Mapping[str, Sequence[float] | np.ndarray]
"""One row per replicate, one column per sampled number's dotted path (as on the command line,
e.g. `scenario.parties.RU.cost_per_day`)."""


@dataclass(frozen=True)
class Result:
    """One run's replicates: the run table and the questions asked of it."""

    runs: pd.DataFrame
    questions: tuple[str, ...]

    @property
    def answers(self) -> pd.DataFrame:
        """Each forecast question's answer per replicate, a column a question (by its name)."""
        return self.runs[[f"question.{q}" for q in self.questions]].rename(
            columns=lambda c: c.removeprefix("question."))


class Simulator:
    """A config composed and validated once (`overrides` as on the `negsim` command line;
    `config_dirs`: folders of your own configs, as `negsim --config-dir`), to run many times.
    A bad override raises `ConfigError`, whose message names the key, the value and what is
    allowed."""

    def __init__(self, overrides: Sequence[str] = (),
                 config_dirs: Sequence[str | Path] = ()) -> None:
        self.config = compose_config([*search_path([Path(d) for d in config_dirs]),
                                      *overrides])
        self.settings: Settings = load_settings(self.config)
        if self.settings.options.sweep is not None:
            raise ConfigError("sweep", "<a sweep block>", "a single run: run a sweep with "
                              "`negsim experiment=NAME`")
        scenario, mediator = self.settings.scenario, self.settings.mediator
        drawn = {path: value for path, value in (parameters(scenario, "scenario")
                                                 | parameters(mediator, "mediator")).items()
                 if isinstance(value, Distribution)}  # a unit's parameters too
        self.sampled = (sampled_fields(scenario, "scenario") | sampled_fields(mediator, "mediator")
                        | drawn)

    def run(self, runs: int | None = None, seed: int | None = None, inputs: Inputs | None = None,
            workers: int = 1) -> Result:
        """Run the config: `runs` replicates (the config's unless given, or the number of rows
        of `inputs`) from the root `seed` (the config's unless given), on `workers` local
        processes (1: this one). `inputs` sets those numbers per replicate, in place of
        what the config gives or draws; they are recorded as `input.<path>` columns."""
        given = self._given(inputs, runs)
        if given:
            runs = len(next(iter(given.values())))
        runs = self.settings.options.runs if runs is None else runs
        if not (isinstance(runs, int) and 1 <= runs <= MAX_RUNS):
            raise ConfigError("runs", runs, f"a whole number in [1, {MAX_RUNS:.0e}]")
        backend = Backend("local", workers)
        parts = [arrow_table(columns)
                 for _, columns in chunks_of(self.settings, runs, seed, backend, given=given)]
        return Result(pa.concat_tables(parts).to_pandas(),
                      tuple(q.name for q in self.settings.questions.questions))

    def _given(self, inputs: Inputs | None, runs: int | None) -> dict[str, np.ndarray]:
        """The inputs as (runs,) float arrays by path, each checked like the config's value."""
        if inputs is None:
            return {}
        table = {str(k): np.asarray(v, dtype=float) for k, v in dict(inputs).items()}
        lengths = {len(v) for v in table.values()}
        if len(lengths) > 1 or 0 in lengths or (runs is not None and lengths != {runs}):
            raise ConfigError("inputs", f"<columns of {sorted(lengths)} rows>",
                              f"columns of one length, one row per replicate"
                              f"{f' ({runs}, as runs)' if runs is not None else ''}")
        for path, values in table.items():
            if not np.isfinite(values).all():
                raise ConfigError(f"inputs.{path}", "<a value that is not a finite number>",
                                  "finite numbers")
        for extreme in (np.min, np.max):  # each field's bounds, as for the config's own value
            self._check({path: float(extreme(values)) for path, values in table.items()})
        return table

    def _check(self, values: dict[str, float]) -> None:
        try:
            load_settings(with_values(self.config, values, self.sampled))
        except ConfigError as error:
            raise ConfigError.joined([ConfigError(
                f"inputs.{p.key}" if p.key in values else p.key, p.value, p.allowed)
                for p in error.problems]) from None


def simulate(overrides: Sequence[str] = (), runs: int | None = None, seed: int | None = None,
             inputs: Inputs | None = None, **options: Any) -> Result:
    """One run, composed from `overrides` (a `Simulator` composes once for many runs)."""
    return Simulator(overrides).run(runs, seed, inputs, **options)
