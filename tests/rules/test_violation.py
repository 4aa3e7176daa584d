"""Violation hazards, detection and attribution behave as the brief says."""

import numpy as np
import pytest

from sim.rules.violation import blame, detection_chance, other_party, violation_hazard

WEIGHTS = (np.array(2.0), np.array(1.0), np.array(1.0))


def hazard(incentive=0.0, distrust=0.0, escalating=0.0, verification=0.0):
    return float(violation_hazard(np.array(0.01), np.array(incentive), np.array(distrust),
                                  np.array(escalating), np.array(verification), *WEIGHTS))


def test_hazard_rises_with_incentive_distrust_and_escalation_and_falls_with_verification():
    base = hazard()
    assert base == pytest.approx(0.01)
    assert hazard(incentive=0.5) == pytest.approx(0.01 * np.e)
    assert hazard(distrust=0.5) > base and hazard(escalating=1) > base
    assert hazard(verification=0.5) == pytest.approx(0.005)
    assert hazard(incentive=100) == 1.0


def test_verification_raises_detection_toward_certainty():
    assert detection_chance(np.array(0.5), np.array([0.0, 0.5, 1.0])) == pytest.approx(
        [0.5, 0.75, 1.0])


def test_misattributed_violations_are_blamed_on_another_party():
    violated = np.array([[True, False], [True, False]])
    detected = np.ones((2, 2), bool)
    correct = np.array([[True, True], [False, True]])
    scapegoat = other_party(np.arange(2), np.zeros((2, 2)), 2)
    reports = blame(violated, detected, correct, scapegoat)
    assert reports.tolist() == [[1, 0], [0, 1]]


def test_other_party_never_picks_oneself():
    rng = np.random.default_rng(0)
    own = np.tile(np.arange(4), (1000, 1))
    picked = other_party(own, rng.random(own.shape), 4)
    assert (picked != own).all() and picked.min() == 0 and picked.max() == 3


def test_an_extreme_drive_saturates_without_overflow_or_nan():
    with np.errstate(all="raise"):
        assert hazard(incentive=1e6) == 1.0
        zero = violation_hazard(np.array(0.0), np.array(1e6), np.array(0.0), np.array(0.0),
                                np.array(0.0), *WEIGHTS)
    assert float(zero) == 0.0
