"""The mediator's Nash package: the bias-weighted Nash bargaining solution over its estimates
of the parties' demands, chosen in the compiled round of talks (`sim.engine.talks`)."""

from __future__ import annotations

import numpy as np

from sim.rules.proposals import Belief, ProposalRule


class Nash(ProposalRule):
    name = "nash"
    summary = "the mediator proposes the bias-weighted Nash bargaining package on its estimates"
    source = "Nash (1950), Econometrica 18(2): 155-162; Kalai (1977) for the weights"
    screens = False

    def offer(self, belief: Belief) -> np.ndarray:
        return np.full(belief.proposer_reservation.shape, -1, dtype=np.int64)  # not chosen here
