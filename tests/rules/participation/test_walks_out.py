"""Walking out: suspend with a daily chance, return after a fixed time, or withdraw."""

import numpy as np
import pandas as pd

from sim.jobs.settings import load_settings
from sim.jobs.validation.cases import simulate
from sim.jobs.validation.implementation import stepping_out
from sim.report.narrative import narrate
from sim.rules.participation import RETURN, STAY, SUSPEND, WITHDRAW
from sim.rules.participation.walks_out import WalksOut
from tests.conftest import run_model
from tests.rules.contract import REPLICATES
from tests.rules.participation.contract import ParticipationContract, standing


class TestWalksOut(ParticipationContract):
    name = "walks_out"

    def test_story(self, unit: WalksOut) -> None:
        """Below the suspension chance it suspends, above one minus the withdrawal chance it
        withdraws; where it has been out long enough, it returns."""
        today = standing(3)
        full = np.full(REPLICATES, 1.0)
        settings = {"suspend_per_day": 0.3 * full, "return_days": 5 * full,
                    "withdraw_per_day": 0.1 * full}
        code = unit.decide(today, settings)
        part = today.in_force | today.suspended
        assert ((code == SUSPEND) == (today.in_force & (today.draw < 0.3))).all()
        assert ((code == WITHDRAW) == (part & (today.draw >= 0.9))).all()
        back = today.suspended & (today.days_suspended >= 5) & (today.draw < 0.9)
        assert ((code == RETURN) == back).all()
        assert (code[~part] == STAY).all()

    def test_a_suspended_truce_is_out_of_force_until_the_party_returns(self) -> None:
        """Suspending every day it can, back after 4 days: in force one day in five."""
        rule = {"rule": self.name, "parameters": {"suspend_per_day": 1.0, "return_days": 4}}
        out = simulate(stepping_out(rule), 4, 1)
        assert (out["stage.settlement.suspended_day"] == 2).all()  # signed and in force on day 1
        assert (out["stage.settlement.suspensions"] == 20).all()  # days 2, 7, ..., 97 (horizon 100)
        assert (out["stage.settlement.days_in_force"] < 25).all()

    def test_a_traced_episode_tells_of_the_suspension_and_the_return(self) -> None:
        rule = {"rule": self.name, "parameters": {"suspend_per_day": 1.0, "return_days": 4}}
        model, _ = run_model(load_settings(stepping_out(rule)), 1, trace=True)
        told = narrate(pd.DataFrame(model.events.rows), {"settlement": "settlement"},
                       {"A": "A", "B": "B"})
        assert "Day   2: A suspends its part in the settlement." in told
        assert "A returns to the settlement" in told
