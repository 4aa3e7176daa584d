"""The scenario's fixed tables: red lines cost what they say, only where they are crossed and
only on the stages whose issues they bind."""

import numpy as np

from sim.engine.tables import red_line_costs
from tests.conftest import settings


def test_a_red_line_costs_only_the_packages_beyond_it_on_its_own_stage():
    s = settings("scenario=symmetric_textbook", "mediator=neutral",
                 "+scenario.parties.B.red_lines.stake={limit: 0.3, cost: 2, audience_growth: 0.01}")
    ideal = np.array([[1.0], [0.0]])
    terms = np.array([[0.2], [0.3], [0.31], [0.9]])
    fixed, audience = red_line_costs(s.scenario, ["A", "B"], ["stake"], ideal, terms,
                                     np.array([1.0]))
    assert fixed.tolist() == [[0, 0], [0, 0], [0, 2], [0, 2]]
    assert audience[:, 1].tolist() == [0, 0, 0.01, 0.01] and not audience[:, 0].any()
    off_stage = red_line_costs(s.scenario, ["A", "B"], ["stake"], ideal, terms, np.array([0.0]))
    assert not off_stage[0].any() and not off_stage[1].any()
