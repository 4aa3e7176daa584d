"""Stories about the agents: each decision is its own call, made for every replicate at once."""

import numpy as np
import pytest

from sim.engine.agents import Party
from sim.engine.keeping import open_day
from sim.engine.model import NegotiationModel
from sim.engine.talks import ACCEPT, REJECT, STALL, open_round
from sim.engine.truce import IN_FORCE, TABLED
from tests.conftest import textbook

SETTLEMENT = 0


def model_of(*overrides: str, replicates: int = 4) -> NegotiationModel:
    s = textbook(*overrides)
    return NegotiationModel(s.scenario, s.mediator, replicates, seed=3)


def round_of_talks(model: NegotiationModel, stalling: bool = False) -> None:
    """One round on the settlement, decision by decision, as the model's schedule runs it."""
    model.day += 1
    open_round(model.live, model.truces.status, model.talks)
    noise = np.zeros((model.replicates, 2))
    demanded = np.stack(model.agents_by_type[Party].map("concede"), axis=-1)
    sitting = model.sit(model.live)  # the mediator holds the round
    model.mediator.propose(SETTLEMENT, sitting)
    for party in model.agents_by_type[Party]:
        party.respond(SETTLEMENT, noise, np.full((model.replicates, 2), stalling),
                      demanded[:, SETTLEMENT],
                      sitting)
    model.mediator.settle(SETTLEMENT, sitting)


def test_the_parties_are_the_models_mesa_agents_in_the_order_of_the_scenario():
    model = model_of()
    assert [p.name for p in model.agents_by_type[Party]] == ["A", "B"]
    assert [p.index for p in model.parties] == [0, 1]
    assert model.mediator in model.agents


def test_the_mediator_proposes_the_nash_split_and_signs_it_when_both_accept():
    model = model_of()
    round_of_talks(model)
    assert model.talks.terms[:, SETTLEMENT, 0] == pytest.approx(np.full(4, 0.5))
    assert (model.talks.codes[:, SETTLEMENT] == ACCEPT).all()
    assert (model.truces.status[:, SETTLEMENT] == IN_FORCE).all()
    assert (model.truces.proposals[:, SETTLEMENT] == 1).all()


def test_a_party_that_holds_out_for_more_rejects_and_a_learning_mediator_raises_its_estimate():
    model = model_of("scenario.parties.A.demand_margin=0.5",
                     "scenario.parties.A.concession_exponent=0.01",
                     "mediator.learning_step=0.05")
    round_of_talks(model)
    assert (model.talks.codes[:, SETTLEMENT, 0] == REJECT).all()
    assert (model.talks.codes[:, SETTLEMENT, 1] == ACCEPT).all()
    assert (model.truces.status[:, SETTLEMENT] == TABLED).all()
    assert (model.mediator.premium[:, 0, SETTLEMENT] > 0).all()  # it learnt A wants more
    assert (model.mediator.premium[:, 1, SETTLEMENT] == 0).all()


def test_a_party_whose_tactic_stalls_holds_the_stage_up_whatever_it_is_offered():
    model = model_of()
    round_of_talks(model, stalling=True)
    assert (model.talks.codes[:, SETTLEMENT] == STALL).all()
    assert (model.records.stalls == 1).all()
    assert (model.truces.status[:, SETTLEMENT] == TABLED).all()


def test_a_party_bound_to_strike_breaks_the_truce_in_force_and_the_other_keeps_it():
    model = model_of("scenario.parties.A.violation.base_hazard=1.0",
                     "scenario.stages.settlement.hold_days=50")
    round_of_talks(model)
    model.day += 1
    assert open_day(model.live, model.truces.status, model.today)
    for party in model.agents_by_type[Party]:
        party.violate(escalation_window=False)
    assert model.today.violated[:, SETTLEMENT, 0].all()
    assert not model.today.violated[:, SETTLEMENT, 1].any()
    assert (model.parties[0].violations == 1).all()
