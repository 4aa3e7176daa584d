"""Facilitation: no carrots, no sticks; a mediator out of patience walks away."""

import numpy as np

from sim.rules.styles.facilitative import Facilitative
from tests.conftest import run_model, settings
from tests.rules.styles.contract import StyleContract


class TestFacilitative(StyleContract):
    name = "facilitative"

    def test_story(self, unit: Facilitative) -> None:
        # Sticks to spare or not, a facilitator never presses.
        assert not unit.can_press(np.array([0, 1, 5]), 2).any()
        assert not unit.funds_side_payments
        # Through the model, on the same ladder where a leverage mediator pays carrots: no
        # carrot is paid and no stick used, in any replicate.
        _, columns = run_model(settings("mediator=sea_first", "mediator.style=facilitative"),
                               200, seed=2)
        assert (columns["carrots_paid"] == 0).all() and (columns["sticks"] == 0).all()
