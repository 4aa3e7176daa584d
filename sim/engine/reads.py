"""What every part of the model reads of the R episodes it belongs to.

The model (`sim.engine.model.NegotiationModel`) keeps the clock, the schedule and the endings;
each part of the engine (an agent, a phase, the outcome row, the trace) is handed the model as
the protocol its own module declares: `Episodes` below, widened by the few things that part
reads besides. A part therefore depends on what it reads, not on the model's module, and a
test (tests/engine/test_reads.py) holds every `model.<name>` a module reads to its protocol.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from sim.domain.scenario import Scenario
from sim.engine.tables import Layout, PartyTable
from sim.engine.truce import Truces


class Episodes(Protocol):
    """R episodes in lockstep, as every part reads them: today's day, the number of replicates,
    the root of their random streams, the scenario and its laid-out tables, the parties' table,
    the truces, and the log of what happened."""

    day: int
    replicates: int
    seed_sequence: np.random.SeedSequence
    world: Scenario
    layout: Layout
    party_table: PartyTable
    truces: Truces

    def log(self, kind: str, mask: np.ndarray, **where: object) -> None:
        """Record an event where `mask` holds (nothing unless the run is traced)."""
        ...
