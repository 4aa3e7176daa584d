"""A veto player approves the side-payment it holds once its conditions are met, and by
exception before."""

import numpy as np

from sim.rules.roles.veto_player import VetoPlayer
from tests.conftest import run_model
from tests.rules.contract import REPLICATES
from tests.rules.roles.contract import RoleContract, request


class TestVetoPlayer(RoleContract):
    name = "veto_player"

    def test_story(self, unit: VetoPlayer) -> None:
        """It holds to its conditions: nothing before they are met, its daily chance after."""
        strict = {"approval_per_day": np.full(REPLICATES, 1.0),
                  "exception_per_day": np.zeros(REPLICATES)}
        waiting = np.ones(REPLICATES, dtype=bool)
        unmet = request(3, waiting=waiting, conditions_met=np.zeros(REPLICATES, dtype=bool))
        met = request(3, waiting=waiting, conditions_met=waiting)
        assert not unit.approves(unmet, strict).any()
        assert unit.approves(met, strict).all()

    def test_a_sanction_it_holds_keeps_a_signed_settlement_out_of_force(self) -> None:
        """The settlement is signed on day 1 and waits on the veto player, which requires
        nothing and approves at once: in force the same day."""
        _, out = run_model(self.chosen(), 8)
        assert (out["stage.settlement.signed_day"] == 1).all()
        assert (out["stage.settlement.in_force_day"] == 1).all()
        assert (out["third_party.V.approvals"] == 1).all()
