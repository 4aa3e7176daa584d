"""A party keeps its part in every truce it signed in force: it neither suspends nor withdraws
(the default: a truce ends only by collapse, expiry or lapse)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.participation import STAY, ParticipationRule, Standing


class Stays(ParticipationRule):
    name = "stays"
    summary = "never suspends its part in a truce in force, never withdraws"
    source = "the default: a truce ends by collapse, expiry or lapse only"
    decides = False

    def decide(self, standing: Standing, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return np.full(standing.in_force.shape, STAY, dtype=np.int8)
