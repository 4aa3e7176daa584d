"""The Monte Carlo of a configured run, the one way every caller makes it: `negsim` (one run
or each sweep point), the app's estimate, the validation cases and the bench. For the same
config and seed they give the same numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from sim.domain.mediator import MediatorSpec
from sim.domain.questions import QuestionSet
from sim.domain.scenario import Scenario
from sim.jobs.settings import Settings
from sim.montecarlo.backends import Backend
from sim.montecarlo.chunks import Chunk, Columns, monte_carlo
from sim.results.answers import answer

if TYPE_CHECKING:
    from sim.engine.model import NegotiationModel


def simulation(settings: Settings, trace: list[NegotiationModel] | None = None,
               given: Mapping[str, np.ndarray] | None = None) -> Callable[[Chunk], Columns]:
    """What simulates one chunk of these settings and answers its questions (kept models go to
    `trace` when given; `given` sets inputs per replicate, (runs,) arrays by path)."""
    return partial(_simulate, settings.scenario, settings.mediator, settings.questions,
                   trace=trace, given=given)


def _simulate(scenario: Scenario, mediator: MediatorSpec, questions: QuestionSet, chunk: Chunk,
              trace: list[NegotiationModel] | None = None,
              given: Mapping[str, np.ndarray] | None = None) -> Columns:
    # imported here: a process that hands its chunks to workers never loads the model (Mesa,
    # Numba's loops: about 150 MB that would sit beside the workers' own)
    from sim.engine.chunk import simulate_chunk

    columns = simulate_chunk(scenario, mediator, chunk, trace, questions.probe_days, given)
    return columns | answer(questions, scenario, columns)


def chunks_of(settings: Settings, runs: int | None = None, seed: int | None = None,
              backend: Backend | None = None, progress: bool = False,
              trace: list[NegotiationModel] | None = None,
              chunk_size: int | None = None,
              given: Mapping[str, np.ndarray] | None = None) -> Iterator[tuple[Chunk, Columns]]:
    """Each chunk of the run with its columns, in order. Runs, seed, backend and chunk size
    are the settings' unless given; `given` sets inputs per replicate (`simulate_chunk`)."""
    options = settings.options
    return monte_carlo(simulation(settings, trace, given), runs or options.runs,
                       chunk_size or options.montecarlo.chunk_size,
                       options.seed if seed is None else seed,
                       backend or options.monte_carlo, progress)


def columns_of(settings: Settings, runs: int | None = None, seed: int | None = None,
               backend: Backend | None = None, chunk_size: int | None = None) -> Columns:
    """The whole run's columns, chunk after chunk (for callers that keep it in memory)."""
    parts = [columns for _, columns in chunks_of(settings, runs, seed, backend,
                                                 chunk_size=chunk_size)]
    return {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}
