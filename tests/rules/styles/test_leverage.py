"""Leverage: carrots for linked stages, and sticks while they last before walking away."""

import numpy as np

from sim.rules.styles.leverage import Leverage
from tests.conftest import run_model, settings
from tests.rules.styles.contract import StyleContract


class TestLeverage(StyleContract):
    name = "leverage"

    def test_story(self, unit: Leverage) -> None:
        # With two sticks allowed, it presses until it has used both.
        assert unit.can_press(np.array([0, 1, 2, 3]), 2).tolist() == [True, True, False, False]
        assert unit.funds_side_payments
        # Through the model (sea first, where Russia links the sea truce to a side-payment,
        # the EU's veto removed so the carrot is the mediator's to pay): it pays carrots, and
        # never uses more sticks than allowed.
        chosen = settings("mediator=sea_first", "mediator.style=leverage",
                          "~scenario.third_parties", "+scenario.third_parties={}",
                          "mediator.leverage.max_sticks=2")
        _, columns = run_model(chosen, 200, seed=2)
        assert (columns["carrots_paid"] > 0).any()
        assert columns["sticks"].max() <= 2 and (columns["sticks"] > 0).any()
