"""Violations of a truce in force: who strikes, what is detected and whom it is blamed on.

Rules for one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


@rule
def violation_hazard(base: float, incentive: float, distrust: float, escalating: float,
                     verification: float, incentive_weight: float, distrust_weight: float,
                     escalation_weight: float) -> float:
    """Daily chance of violating: grows with the gain from striking, distrust and escalation,
    falls with verification. Capped at 1."""
    drive = incentive_weight * incentive + distrust_weight * distrust + escalation_weight * escalating
    # Capped before exp: the hazard saturates at 1 anyway, and 0 * inf must not become NaN.
    return min(base * np.exp(min(drive, 50.0)) * (1.0 - verification), 1.0)


@rule
def incentive(gain: float, option: float, weight: float) -> float:
    """A party's gain from war over the signed terms plus the option of waiting, in units of
    its stake in the stage (`weight`); never negative."""
    return max(gain + option * weight, 0.0) / weight


@rule
def detection_chance(base: float, verification: float) -> float:
    """Monitoring raises the chance a violation is seen from `base` toward certainty."""
    return base + (1.0 - base) * verification


@rule
def other_party(own: int, uniform: float, parties: int) -> int:
    """A party other than `own`, chosen uniformly from a uniform draw in [0, 1)."""
    pick = int(np.floor(uniform * (parties - 1)))
    return pick + 1 if pick >= own else pick


NOBODY = -1
"""`accused` of a violation nobody saw."""


@rule
def accused(culprit: int, seen: bool, correct: bool, scapegoat: int) -> int:
    """Whom a violation by `culprit` is reported against: nobody when unseen, the culprit when
    attributed correctly, otherwise `scapegoat` (a false report is a seen, misattributed one)."""
    if not seen:
        return NOBODY
    return culprit if correct else scapegoat
