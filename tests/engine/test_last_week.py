"""What a rule that reads the week sees: the reports of the spell's last seven days by party,
nothing older and nothing from before the spell began."""

import numpy as np

from sim.engine.model import NegotiationModel
from tests.conftest import textbook


def test_the_week_counts_the_spells_last_seven_days_by_party():
    chosen = textbook()
    truces = NegotiationModel(chosen.scenario, chosen.mediator, 2, 1).truces
    in_force = np.array([True, True])
    for today in range(10):  # replicate 0 in force since day 0; replicate 1 signed on day 8
        truces.days_current[:, 0] = [today, max(today - 8, 0)]
        week = truces.last_week(0, in_force, np.array([[1, 0], [0, 2]]), today)
    # on day 9: days 3-9 count in replicate 0 (7 reports against A); days 8-9 in replicate 1
    assert week.tolist() == [[7, 0], [0, 4]]
