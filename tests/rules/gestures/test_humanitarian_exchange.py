"""Prisoners are exchanged where both sides accept: no ceasefire, but more trust each time."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.jobs.settings import load_settings
from sim.jobs.validation.gestures import at_war
from sim.rules.gestures.humanitarian_exchange import HumanitarianExchange
from tests.conftest import run_model
from tests.rules.contract import REPLICATES
from tests.rules.gestures.contract import GestureContract, occasion

SWAP = {"label": "Prisoner exchange", "rule": "humanitarian_exchange"}


class TestHumanitarianExchange(GestureContract):
    name = "humanitarian_exchange"

    def test_story(self, unit: HumanitarianExchange) -> None:
        """Proposed every day, it is made only where no party refuses."""
        settings = unit.settings({"attempt_per_day": np.ones(REPLICATES),
                                  "acceptance": np.full(REPLICATES, 0.5)}, REPLICATES)
        today = occasion(unit, 4, free=np.ones(REPLICATES, dtype=bool))
        both = (today.draws[:, 1:] < 0.5).all(axis=1)
        assert np.array_equal(unit.made(today, settings), both)

    def test_exchanges_build_trust_and_change_nothing_in_the_war(self) -> None:
        _, war = run_model(load_settings(at_war({})), 8)
        _, out = run_model(load_settings(at_war({"swap": SWAP | {"parameters": {
            "attempt_per_day": 0.1, "acceptance": 1.0, "trust_weight": 1.0}}})), 8)
        made = out["gesture.swap.made"]
        assert (made > 0).all()
        assert out["party.A.trust_in.B"] == pytest.approx((1 + made) / (2 + made))
        assert np.array_equal(out["party.A.cost_borne"], war["party.A.cost_borne"])

    def test_it_is_made_by_the_parties_together(self) -> None:
        with pytest.raises(ConfigError, match=r"gestures\.swap\.by: got 'A'"):
            load_settings(at_war({"swap": SWAP | {"by": "A"}}))

    def test_an_unknown_gesture_is_refused_by_name(self) -> None:
        with pytest.raises(ConfigError, match=r"gestures\.swap\.rule: got 'hug'"):
            load_settings(at_war({"swap": SWAP | {"rule": "hug"}}))
