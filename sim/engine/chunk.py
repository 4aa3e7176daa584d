"""A Monte Carlo chunk as the engine runs it: one `NegotiationModel` over the chunk's replicates,
and the warm-up a worker process does before its first chunk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from sim.domain.mediator import MediatorSpec
from sim.domain.scenario import Scenario
from sim.engine.model import NegotiationModel


class Seeded(Protocol):
    """A batch of replicates, where it starts in the run, and its seed (a Monte Carlo chunk, as
    the engine sees one)."""

    start: int
    size: int
    seed: np.random.SeedSequence


def simulate_chunk(scenario: Scenario, mediator: MediatorSpec, chunk: Seeded,
                   trace: list[NegotiationModel] | None = None,
                   probe_days: tuple[int, ...] = (),
                   given: Mapping[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Run one chunk of replicates to the end; its sampled inputs and outcomes as columns
    (with the stages in force on each of `probe_days`). `given` sets inputs per replicate of
    the whole run, (runs,) arrays by parameter path: the chunk takes its own rows."""
    rows = slice(chunk.start, chunk.start + chunk.size)
    model = NegotiationModel(scenario, mediator, chunk.size, chunk.seed, trace=trace is not None,
                             probe_days=probe_days,
                             given={k: v[rows] for k, v in (given or {}).items()})
    columns = model.run()
    if trace is not None:
        trace.append(model)
    return {f"input.{k}": v for k, v in model.inputs.items()} | columns


def prepare(scenario: Scenario, mediator: MediatorSpec) -> None:
    """Ready a worker process for chunks of this scenario: one short episode loads the
    compiled daily loops (from Numba's cache) before the first chunk needs them."""
    NegotiationModel(scenario, mediator, 1, 0).run()
