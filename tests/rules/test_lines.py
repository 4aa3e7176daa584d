"""Lines of control: the line follows the war's expected outcome, held while a truce covers
it, and a party values freezing it by how close it lies to its ideal."""

import numpy as np
import pytest

from sim.rules.lines import expected_outcome, line_value, moved_line


def test_the_line_follows_the_expected_outcome_unless_held():
    ideal = np.array([[1.0], [0.0]])  # A wants all of it, B none
    before = expected_outcome(np.array([[0.5, 0.5], [0.5, 0.5]]), ideal)
    now = expected_outcome(np.array([[0.6, 0.4], [0.6, 0.4]]), ideal)
    assert now[:, 0] == pytest.approx([0.6, 0.6])
    line = np.array([[0.3], [0.95]])
    moved = moved_line(line, before, now, np.array([[2.0], [2.0]]), np.array([[True], [True]]))
    assert moved[:, 0] == pytest.approx([0.5, 1.0])  # 0.3 + 2 x 0.1; the second clipped at 1
    held = moved_line(line, before, now, np.array([[2.0], [2.0]]), np.array([[False], [True]]))
    assert held[:, 0] == pytest.approx([0.3, 1.0])


def test_freezing_the_line_is_worth_its_closeness_to_each_ideal():
    ideal = np.array([[1.0], [0.0]])
    weights = np.array([[[0.8]], [[0.5]]])  # (n, S, L): one stage holding the line
    value = line_value(np.array([[0.45]]), ideal, weights)
    assert value[0, :, 0] == pytest.approx([0.8 * 0.45, 0.5 * 0.55])
