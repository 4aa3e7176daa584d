"""A guarantor lifts part of the commitment problem on the stages it guarantees."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.jobs.settings import Settings
from sim.rules.roles.guarantor import Guarantor
from tests.conftest import run_model, textbook
from tests.rules.contract import REPLICATES
from tests.rules.roles.contract import RoleContract

SHIFTING = ("scenario.conflict.drift_per_day.B=0.006", "scenario.conflict.commitment.shift_days=100",
            "scenario.conflict.commitment.renegotiation_share=0.5",
            "scenario.parties.A.cost_per_day=0.0005", "scenario.parties.B.cost_per_day=0.0005",
            "scenario.horizon_days=1")


def guaranteed(credibility: float) -> Settings:
    return textbook(*SHIFTING, "+scenario.third_parties={G: {label: G, role: guarantor, "
                    f"stages: [settlement], parameters: {{credibility: {credibility}}}}}}}")


class TestGuarantor(RoleContract):
    name = "guarantor"

    def chosen(self) -> Settings:
        return guaranteed(0.5)

    def test_story(self, unit: Guarantor) -> None:
        """It lifts what its credibility says, and approves and strikes at nothing."""
        lifted = unit.assures({"credibility": np.full(REPLICATES, 0.3)})
        assert np.allclose(lifted, 0.3)

    def test_a_credible_guarantee_makes_a_deal_that_power_shifts_would_undo(self) -> None:
        """B grows stronger, so A fears B will revise any deal: war, unless a guarantor
        credible enough stands behind the settlement."""
        assert not run_model(guaranteed(0.0), 20)[1]["agreement"].any()
        assert run_model(guaranteed(0.6), 20)[1]["agreement"].all()

    def test_a_guarantor_needs_stages_to_guarantee(self) -> None:
        with pytest.raises(ConfigError, match=r"third_parties\.G\.stages"):
            textbook("+scenario.third_parties={G: {label: G, role: guarantor}}")

    def test_a_guarantor_holds_no_side_payment(self) -> None:
        with pytest.raises(ConfigError, match=r"third_parties\.G\.holds: got"):
            textbook("+scenario.parties.A.linkage={settlement: {side_payment: 0.01}}",
                     "+scenario.third_parties={G: {label: G, role: guarantor, "
                     "stages: [settlement], holds: [A.settlement]}}")
