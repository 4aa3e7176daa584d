"""A spoiler strikes at a truce so that monitoring blames a party that kept it."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.jobs.settings import Settings
from sim.rules.roles.spoiler import Spoiler
from tests.conftest import run_model, textbook
from tests.rules.contract import REPLICATES
from tests.rules.roles.contract import RoleContract, moment


def spoiled(strike: float, talks: float, *more: str) -> Settings:
    return textbook("scenario.stages.settlement.hold_days=60", *more,
                    "+scenario.third_parties={S: {label: S, role: spoiler, stages: [settlement], "
                    f"blames: A, parameters: {{strike_per_day: {strike}, talks_per_day: {talks}}}}}}}")


class TestSpoiler(RoleContract):
    name = "spoiler"

    def chosen(self) -> Settings:
        return spoiled(0.05, 0.05)

    def test_story(self, unit: Spoiler) -> None:
        """It strikes for sure on a day of talks and never on another, as told."""
        timed = {"strike_per_day": np.zeros(REPLICATES), "talks_per_day": np.ones(REPLICATES)}
        exposed = np.ones(REPLICATES, dtype=bool)
        assert unit.strikes(moment(3, True, exposed=exposed), timed).all()
        assert not unit.strikes(moment(3, False, exposed=exposed), timed).any()

    def test_its_strikes_are_blamed_on_a_party_that_kept_the_truce(self) -> None:
        """Both parties keep the settlement; every report is against A, and A's trust record
        carries them although A never broke it."""
        _, out = run_model(spoiled(0.1, 0.1), 50)
        assert out["third_party.S.strikes"].sum() > 0
        assert (out["party.A.reported_violations"] == out["third_party.S.strikes"]).all()
        assert not out["party.A.violations"].any() and not out["party.B.reported_violations"].any()

    def test_strikes_timed_to_weekly_talks_bring_the_truce_down_at_the_next_round(self) -> None:
        # Signed at the first round (day 1), struck down at the next (day 8).
        _, out = run_model(spoiled(0.0, 1.0, "scenario.round_interval_days=7"), 10)
        assert (out["stage.settlement.collapsed_day"] == 8).all()
        assert not np.isfinite(out["stage.settlement.held_day"]).any()

    def test_without_a_spoiler_the_truce_holds(self) -> None:
        _, out = run_model(textbook("scenario.stages.settlement.hold_days=60"), 10)
        assert np.isnan(out["stage.settlement.collapsed_day"]).all()

    def test_a_spoiler_must_blame_a_party(self) -> None:
        with pytest.raises(ConfigError, match=r"third_parties\.S\.blames: got None"):
            textbook("+scenario.third_parties={S: {label: S, role: spoiler, stages: [settlement]}}")

    def test_it_must_blame_a_party_of_the_scenario(self) -> None:
        with pytest.raises(ConfigError, match=r"third_parties\.S\.blames: got 'Z'"):
            textbook("+scenario.third_parties={S: {label: S, role: spoiler, stages: [settlement], "
                     "blames: Z}}")
