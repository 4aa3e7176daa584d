"""Offers: where the parties take turns, each proposes in its round and learns only from the
rejections of its own offers; without turns, one party proposes, reads and is told."""

import numpy as np

from sim.engine.model import NegotiationModel
from sim.engine.talks import REJECT
from sim.jobs.settings import load_settings
from sim.jobs.validation.cases import textbook

UNIFORM = "{dist: uniform, low: 0.0, high: 0.005}"  # 0.5 of the stake over 100 days


def _model(*overrides: str, replicates: int = 2_000) -> NegotiationModel:
    s = load_settings(textbook("mediator.proposal.rule=screening", "mediator.proposal.proposer=A",
                               f"scenario.parties.A.cost_per_day={UNIFORM}",
                               f"scenario.parties.B.cost_per_day={UNIFORM}", *overrides))
    return NegotiationModel(s.scenario, s.mediator, replicates, 3)


def test_the_parties_take_turns_and_each_learns_from_its_own_offers():
    model = _model("mediator.proposal.alternate=true")
    offers = model.mediator.offers
    assert offers.turns == (0, 1)
    model.step()  # round 1: A asks, and B's rejections bound B's cost in A's belief
    assert offers.proposer == 0
    rejected_by_b = model.talks.codes[:, 0, 1] == REJECT  # the settlement, B's answers
    assert 0.2 < rejected_by_b.mean() < 0.3  # a quarter: Fearon's risk, A's cost unknown to B
    assert np.isfinite(offers.bounds[0, rejected_by_b]).all()
    assert np.isinf(offers.bounds[1]).all()  # B has proposed nothing yet
    model.step()  # round 2: B offers; where A rejects, B learns A's cost is low
    assert offers.proposer == 1
    rejected_by_a = model.talks.codes[:, 0, 0] == REJECT
    assert np.isfinite(offers.bounds[1, rejected_by_a]).all()
    assert np.isinf(offers.bounds[1, rejected_by_b & ~rejected_by_a]).all()
    cost_a = model.party_table.params["cost_per_day"][:, 0]
    assert (cost_a[rejected_by_a] < offers.bounds[1, rejected_by_a]).all()  # a true bound


def test_one_proposer_reads_and_is_read_alone():
    # Without turns, only A holds a belief: the mediator tells A, and A reads B's losses.
    model = _model("mediator.proposal.battle_reading_sd=0.001",
                   "mediator.proposal.disclosure_sd=0.001", replicates=500)
    readings = model.mediator.offers.readings
    told = readings[0].precision.copy()
    assert (told == 1 / 0.001 ** 2).all() and (readings[1].precision == 0).all()
    model.step()
    assert (readings[0].precision > told).all() and (readings[1].precision == 0).all()
