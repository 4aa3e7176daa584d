"""Violation hazards, detection and attribution behave as the brief says."""

import numpy as np
import pytest

from sim.rules.violation import (
    NOBODY,
    accused,
    detection_chance,
    other_party,
    violation_hazard,
)

WEIGHTS = (2.0, 1.0, 1.0)


def hazard(incentive=0.0, distrust=0.0, escalating=0.0, verification=0.0, base=0.01):
    return violation_hazard(base, incentive, distrust, escalating, verification, *WEIGHTS)


def test_hazard_rises_with_incentive_distrust_and_escalation_and_falls_with_verification():
    base = hazard()
    assert base == pytest.approx(0.01)
    assert hazard(incentive=0.5) == pytest.approx(0.01 * np.e)
    assert hazard(distrust=0.5) > base and hazard(escalating=1) > base
    assert hazard(verification=0.5) == pytest.approx(0.005)
    assert hazard(incentive=100) == 1.0


def test_verification_raises_detection_toward_certainty():
    assert [detection_chance(0.5, v) for v in (0.0, 0.5, 1.0)] == pytest.approx([0.5, 0.75, 1.0])


def test_misattributed_violations_are_blamed_on_another_party():
    """Party 0 violates; seen, it is blamed on itself when attributed correctly, otherwise on
    the other party."""
    scapegoat = other_party(0, 0.0, 2)
    assert scapegoat == 1 and other_party(1, 0.0, 2) == 0
    assert accused(0, True, True, scapegoat) == 0
    assert accused(0, True, False, scapegoat) == 1


def test_an_unseen_violation_is_blamed_on_no_one():
    assert accused(0, False, True, 1) == accused(1, False, False, 0) == NOBODY


def test_other_party_never_picks_oneself_and_picks_every_other():
    rng = np.random.default_rng(0)
    for own in range(4):
        picked = {other_party(own, u, 4) for u in rng.random(300)}
        assert picked == set(range(4)) - {own}


def test_an_extreme_drive_saturates_without_overflow_or_nan():
    assert hazard(incentive=1e6) == 1.0
    assert hazard(incentive=1e6, base=0.0) == 0.0
