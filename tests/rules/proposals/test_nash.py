"""The mediator's Nash package: a proposal rule that leaves the choice to the mediator."""

import numpy as np

from sim.rules.proposals.nash import Nash
from tests.conftest import run_model, settings
from tests.rules.proposals.contract import ProposalContract, belief


class TestNash(ProposalContract):
    name = "nash"

    def test_story(self, unit: Nash) -> None:
        # It chooses nothing itself: the compiled Nash search does.
        assert not unit.screens and (unit.offer(belief()) == -1).all()
        # Through the model, the textbook's fully informed mediator knows B's cost: every
        # replicate signs on day 1, at the Nash split of the surplus between the reservation
        # values, 0.5 + (c_B - c_A) / 2 (costs over the 100 days weighed), on its 0.005 grid.
        model, columns = run_model(self.chosen(), 100, seed=3)
        cost_b = model.front.cost_per_day[:, 1] * 100
        assert (columns["stage.settlement.signed_day"] == 1).all()
        assert np.allclose(columns["terms.stake"], 0.5 + (cost_b - 0.1) / 2, atol=0.0026)
        plain = settings("scenario=symmetric_textbook")
        assert plain.mediator.proposal.rule == "nash"
