"""The contract of a proposal rule: a unit's contract, and an offer of the right shape that is
the same under the same seed, alone and through the whole model."""

from __future__ import annotations

import numpy as np

from sim.config.distributions import Distribution
from sim.jobs.settings import Settings
from sim.rules.proposals import PROPOSALS, Belief, ProposalRule
from tests.conftest import settings
from tests.rules.contract import UnitContract

GRID = np.linspace(0.0, 1.0, 201)  # A's share of a unit stake, as the textbook's candidates


def belief(replicates: int = 4, cost_max: float = 0.5, bound: float = np.inf) -> Belief:
    """A's offer to B over a unit stake, p = 0.5, A's cost 0.1, B's cost U[0, cost_max]."""
    prior = Distribution("uniform", (("low", 0.0), ("high", cost_max)))
    return Belief(GRID, 1.0 - GRID, np.full(replicates, 0.4), np.full(replicates, 0.5),
                  np.ones(replicates), prior, np.full(replicates, bound))


class ProposalContract(UnitContract):
    registry = PROPOSALS

    def test_it_offers_one_candidate_per_replicate(self, unit: ProposalRule) -> None:
        offered = unit.offer(belief(5))
        assert offered.shape == (5,) and offered.dtype == np.int64
        assert (offered < GRID.size).all()

    def test_it_offers_the_same_under_the_same_seed(self, unit: ProposalRule) -> None:
        assert np.array_equal(unit.offer(belief()), PROPOSALS.get(self.name).offer(belief()))

    def chosen(self) -> Settings:
        return settings("scenario=symmetric_textbook", f"mediator.proposal.rule={self.name}",
                        "mediator.proposal.proposer=A",
                        "scenario.parties.B.cost_per_day={dist: uniform, low: 0, high: 0.003}")
