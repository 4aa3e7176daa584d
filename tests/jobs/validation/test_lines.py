"""Lines of control through the whole model: agreement exactly when the line lies in the
bargaining range, at the line, and on the day a moving line enters it."""

import pytest

from sim.jobs.validation import lines
from sim.jobs.validation.document import SIZES
from tests.jobs.validation.test_theory import assert_all_pass


def test_the_moving_line_meets_the_range_on_the_day_theory_gives():
    # p >= 0.6 once 0.01 t >= ln 1.5 = 0.405: day 41, where the line is 0.3 + 2 (p - 0.5).
    day, line = lines.moving_line_day()
    assert day == 41 and line == pytest.approx(0.50218, abs=1e-5)


def test_the_whole_model_signs_lines_of_control_where_theory_says():
    rows = lines.lines_of_control(SIZES["small"][1], 16)
    assert len(rows) == 4
    assert_all_pass(rows)
