"""A party holds fire on a holiday: the other's war costs less for a few days, and what it
makes of the truce afterwards depends on whether it was kept."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.jobs.settings import load_settings
from sim.jobs.validation.gestures import at_war
from sim.rules.gestures.unilateral_truce import UnilateralTruce
from tests.conftest import run_model
from tests.rules.contract import REPLICATES
from tests.rules.gestures.contract import GestureContract, occasion

TRUCE = {"label": "Holiday truce", "rule": "unilateral_truce", "by": "A", "days": [10]}


def holiday(**parameters: float) -> dict:
    return at_war({"holiday": TRUCE | {"parameters": parameters}})


class TestUnilateralTruce(GestureContract):
    name = "unilateral_truce"

    def test_story(self, unit: UnilateralTruce) -> None:
        """Certain to be declared, it is declared wherever it is free."""
        sure = unit.settings({"chance": np.ones(REPLICATES)}, REPLICATES)
        today = occasion(unit, 5)
        assert np.array_equal(unit.made(today, sure), today.free)

    def test_a_kept_holiday_truce_spares_the_other_side_and_earns_its_trust(self) -> None:
        """A holds fire for 3 days from day 10; B pays 40% less for those days, A the same."""
        _, war = run_model(load_settings(at_war({})), 4)
        _, out = run_model(load_settings(holiday(chance=1, duration_days=3, relief=0.4,
                                                 reciprocate=0, kept=1)), 4)
        day = war["party.B.cost_borne"] / 100
        assert out["party.B.cost_borne"] == pytest.approx(war["party.B.cost_borne"] - 1.2 * day)
        assert np.array_equal(out["party.A.cost_borne"], war["party.A.cost_borne"])
        assert (out["gesture.holiday.kept"] == 1).all()
        assert (out["party.B.trust_in.A"] > war["party.B.trust_in.A"]).all()

    def test_one_broken_costs_it_the_others_trust(self) -> None:
        _, war = run_model(load_settings(at_war({})), 4)
        _, out = run_model(load_settings(holiday(chance=1, kept=0)), 4)
        assert (out["party.B.trust_in.A"] < war["party.B.trust_in.A"]).all()

    def test_reciprocated_it_spares_both(self) -> None:
        _, war = run_model(load_settings(at_war({})), 4)
        _, out = run_model(load_settings(holiday(chance=1, reciprocate=1)), 4)
        assert (out["party.A.cost_borne"] < war["party.A.cost_borne"]).all()

    def test_it_is_made_by_a_party(self) -> None:
        with pytest.raises(ConfigError, match=r"gestures\.holiday\.by: got None"):
            load_settings(at_war({"holiday": {k: v for k, v in TRUCE.items() if k != "by"}}))

    def test_a_day_beyond_the_horizon_never_comes(self) -> None:
        _, out = run_model(load_settings(at_war({"holiday": TRUCE | {"days": [500], "parameters": {
            "chance": 1.0}}})), 4)
        assert not out["gesture.holiday.made"].any()

    def test_a_party_that_is_not_in_the_scenario_cannot_make_it(self) -> None:
        with pytest.raises(ConfigError, match=r"gestures\.holiday\.by: got 'Z'"):
            load_settings(at_war({"holiday": TRUCE | {"by": "Z"}}))
