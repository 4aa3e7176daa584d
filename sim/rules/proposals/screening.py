"""Screening: the proposing party offers the package that maximises its expected value against
its belief about the other's private cost of war, accepting the risk that a low-cost responder
rejects and the war goes on (Fearon 1995, the risk-return trade-off). After a rejection it
believes the cost lies below what would have made the responder accept, and offers again on
that belief, conceding step by step (screening)."""

from __future__ import annotations

import numpy as np

from sim.rules.proposals import Belief, ProposalRule


class Screening(ProposalRule):
    name = "screening"
    summary = "the proposer's best take-it-or-leave-it offer against a private cost of war"
    source = "Fearon (1995), International Organization 49(3): 379-414, section on private information"
    screens = True

    def offer(self, belief: Belief) -> np.ndarray:
        accepted = belief.acceptance_chance()
        value = (accepted * belief.proposer_utility[None, :]
                 + (1.0 - accepted) * belief.proposer_reservation[:, None])
        return np.argmax(value, axis=1).astype(np.int64)
