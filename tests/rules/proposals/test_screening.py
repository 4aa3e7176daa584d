"""Screening: the proposer's best take-it-or-leave-it offer against a private cost of war, and
the offers it makes as each rejection teaches it that the cost is lower."""

import numpy as np

from sim.rules.proposals import revised_bound
from sim.rules.proposals.screening import Screening
from tests.conftest import run_model
from tests.rules.proposals.contract import GRID, ProposalContract, belief


class TestScreening(ProposalContract):
    name = "screening"

    def test_story(self, unit: Screening) -> None:
        # Against B's cost U[0, 0.5] with its own cost 0.1, A asks 0.7 and risks war with 40%
        # (Fearon's x* = p + (c_max - c_A) / 2); knowing the cost is below 0.2 it asks 0.55;
        # below 0.05, less than its own cost, it offers B's worst case, 0.5, and is sure.
        assert np.isclose(GRID[unit.offer(belief())], 0.7).all()
        assert np.isclose(GRID[unit.offer(belief(bound=0.2))], 0.55).all()
        assert np.isclose(GRID[unit.offer(belief(bound=0.05))], 0.5).all()
        # A rejection of 0.7 teaches A that B's cost lies below 0.2.
        told = belief(2)
        cost = told.acceptance_cost()[:, 140]
        assert np.allclose(revised_bound(told.bound, np.array([True, False]), cost), [0.2, np.inf])
        # Through the model (B's cost U[0, 0.3] over 100 days, A's 0.1): two in three accept
        # 0.6 on day 1, the rest 0.5 on day 2.
        _, columns = run_model(self.chosen(), 3000, seed=4)
        day, terms = columns["stage.settlement.signed_day"], columns["terms.stake"]
        assert abs((day == 1).mean() - 2 / 3) < 0.03
        assert np.allclose(terms[day == 1], 0.6) and np.allclose(terms[day == 2], 0.5)
        assert set(np.unique(day)) == {1.0, 2.0}


def test_screening_needs_exactly_two_parties():
    import pytest

    from sim.config.errors import ConfigError
    from sim.jobs.settings import load_settings
    from tests.domain.test_scenario import three_party_config

    cfg = three_party_config()
    cfg["mediator"]["proposal"] = {"rule": "screening", "proposer": "A"}
    with pytest.raises(ConfigError) as refused:
        load_settings(cfg)
    assert str(refused.value).startswith("mediator.proposal.rule: got 'screening'; expected a rule "
                                         "for any number of parties (nash): screening needs two")
