"""The episode a report tells as a story: the most typical of a small traced sample."""

from __future__ import annotations

import numpy as np

from sim.domain.mediator import MediatorSpec
from sim.domain.scenario import Scenario
from sim.engine.model import NegotiationModel

SAMPLE_EPISODES = 50
EPISODE_KEY = 2**31 - 1  # spawn key of the sample-episode seed: never a chunk's


def representative_episode(scenario: Scenario, mediator: MediatorSpec,
                           seed: int) -> tuple[list[dict], list[dict], dict[str, object]]:
    """Trace a small sample of episodes and keep the most typical one: it ends the way most
    do, on the day closest to their median. Returns its events, timeline and outcome."""
    sample = np.random.SeedSequence(seed, spawn_key=(EPISODE_KEY,))
    model = NegotiationModel(scenario, mediator, SAMPLE_EPISODES, sample, trace=True)
    columns = model.run()
    reasons, counts = np.unique(columns["end_reason"], return_counts=True)
    typical = columns["end_reason"] == reasons[counts.argmax()]
    days = columns["end_day"].astype(float)
    distance = np.where(typical, np.abs(days - np.median(days[typical])), np.inf)
    pick = int(distance.argmin())
    assert model.events is not None
    events = [row for row in model.events.rows if row["replicate"] == pick]
    timeline = model.events.timeline_of(pick)
    outcome = {k: (v[pick].item() if hasattr(v[pick], "item") else v[pick])
               for k, v in columns.items()}
    return events, timeline, outcome | {"sample_size": SAMPLE_EPISODES, "replicate": pick}
