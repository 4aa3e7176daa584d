"""Stories about the model's forms: the same scenario under another account of why parties
sign (`model=NAME`, sim/domain/form.py)."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.engine.model import NegotiationModel
from sim.engine.truce import IN_FORCE, OFF
from sim.engine.war import assess
from tests.conftest import run_model, settings


def _assessed(model: NegotiationModel, in_force: tuple[str, ...] = ()) -> None:
    """Today's prospects in every replicate with exactly `in_force` in force (complete)."""
    stages = model.layout.stages
    model.truces.status[:] = OFF
    for name in in_force:
        s = stages.index(name)
        model.truces.status[:, s] = IN_FORCE
        model.truces.chosen[:, s] = int(np.argmax(model.layout.depth[s]))
    assess(model.live, model.front, model.log_capability, model.mediator.pressure,
           model.truces.status, model.truces.chosen, model.prospects)


def _truce_process(replicates: int = 1, seed: int = 3) -> NegotiationModel:
    s = settings("model=truce_process")
    return NegotiationModel(s.scenario, s.mediator, replicates=replicates, seed=seed)


def test_the_classic_form_values_no_truce_by_what_it_stops():
    s = settings("model=classic")
    model = NegotiationModel(s.scenario, s.mediator, replicates=5, seed=3)
    _assessed(model)
    assert s.scenario.form.name == "classic"
    assert not model.layout.truce.any()
    assert (model.prospects.truce_value == 0).all()


def test_a_full_ceasefire_is_worth_the_war_it_stops_less_the_ground_it_freezes():
    """Russia gains ground each day the war goes on; a full ceasefire stops most of the war.
    What it is worth to Russia is the cost of that war over the days it weighs, less what the
    ground it would have gained meanwhile is worth in the settlement: computed here by hand
    from the contest and the stakes."""
    model = _truce_process()
    _assessed(model)
    lay, front, p = model.layout, model.front, model.prospects.p_win[0]
    full, settlement = lay.stages.index("full_ceasefire"), lay.stages.index("settlement")
    ru, ua = lay.parties.index("RU"), lay.parties.index("UA")
    drift, rearm = front.drift[0], front.rearmament[0]
    pace = front.decisiveness[0] * p[ru] * ((drift[ru] - p @ drift) - (rearm[ru] - p @ rearm))
    worth = front.stakes[ru, ru, settlement] - front.stakes[ua, ru, settlement]
    war = model.prospects.war_cost[0, ru, full]
    expected = front.cost_relief[0, full] * (war - front.cost_horizon[0] * pace * worth)
    assert model.prospects.truce_value[0, ru, full] == pytest.approx(expected)
    assert model.prospects.truce_value[0, :, settlement].tolist() == [0.0, 0.0]


def test_the_side_losing_ground_values_a_truce_more_than_its_costs_alone():
    """Ukraine loses ground while the war goes on; with no one rearming under a truce, a
    truce that freezes the front is worth more to it than the costs it averts."""
    s = settings("model=truce_process", "scenario.parties.RU.truce_rearmament=0",
                 "scenario.parties.UA.truce_rearmament=0")
    model = NegotiationModel(s.scenario, s.mediator, replicates=200, seed=3)
    _assessed(model)
    lay, prospects = model.layout, model.prospects
    full = lay.stages.index("full_ceasefire")
    ua = lay.parties.index("UA")
    costs_alone = model.front.cost_relief[:, full] * prospects.war_cost[:, ua, full]
    assert (prospects.truce_value[:, ua, full] >= costs_alone - 1e-15).all()


def test_a_truce_valued_by_what_it_stops_has_no_worth_as_terms():
    """Under the averted valuation a ceasefire's terms carry no ideal point: its candidates are
    worth nothing as terms, and the war's winner imposes nothing on it."""
    model = _truce_process()
    full = model.layout.stages.index("full_ceasefire")
    assert (model.layout.candidate_utility[full] == 0).all()
    assert (model.layout.stakes[:, :, full] == 0).all()


def test_a_truce_in_force_is_weighed_against_the_war_it_stops():
    """Once the full ceasefire is in force, fighting on means giving up what it does: the
    reservation value for it falls by exactly its value, so a party breaks it only where the
    war it would restart is worth more to it."""
    model = _truce_process()
    full = model.layout.stages.index("full_ceasefire")
    _assessed(model, ("full_ceasefire",))
    value = model.prospects.truce_value[0, :, full].copy()
    assert model.prospects.reservation[0, :, full] == pytest.approx(-value)


def test_under_a_truce_the_front_stands_still():
    """With the averted valuation a truce stops the fighting it covers, and with it the drift
    of the balance: under a complete truce averting all the war, no party gains ground but by
    rearming."""
    s = settings("model=truce_process", "scenario.conflict.volatility_per_day.RU=0",
                 "scenario.conflict.volatility_per_day.UA=0",
                 "scenario.parties.RU.truce_rearmament=0", "scenario.parties.UA.truce_rearmament=0",
                 "scenario.stages.settlement.cost_relief=1", "scenario.conflict.escalation.jump=0")
    model = NegotiationModel(s.scenario, s.mediator, replicates=20, seed=5)
    settlement = model.layout.stages.index("settlement")
    model.truces.status[:] = OFF
    model.truces.status[:, settlement] = IN_FORCE
    before = model.log_capability.copy()
    model._fight(model.live)
    assert model.log_capability == pytest.approx(before)


def test_a_lasting_resolve_is_the_same_every_round_and_differs_between_parties():
    model = _truce_process(replicates=50)
    first, again = model._acceptance_noise("acceptance"), model._acceptance_noise("acceptance")
    assert (first == again).all()
    assert (first[0] == first[-1]).all()  # the same in every stage
    assert not np.allclose(first[0, :, 0], first[0, :, 1])
    classic = settings("model=classic")
    weekly = NegotiationModel(classic.scenario, classic.mediator, replicates=50, seed=3)
    assert not np.allclose(weekly._acceptance_noise("acceptance"),
                           weekly._acceptance_noise("acceptance"))


def test_under_the_truce_process_form_every_party_renews_with_inertia():
    model = _truce_process()
    assert {party.renewal.name for party in model.parties} == {"inertia"}


def test_the_baseline_full_ceasefire_is_no_structural_zero_when_truces_are_valued_by_what_they_stop():
    """The classic form never signs the full ceasefire in the baseline year; valued by what it
    stops (the default form), it is signed in some years and not in others."""
    _, outcomes = run_model(settings("model=truce_process"), 300, seed=11)
    signed = np.asarray(outcomes["stage.full_ceasefire.signed"])
    assert 0 < signed.mean() < 1


def test_a_form_part_named_wrong_is_one_line_naming_it():
    with pytest.raises(ConfigError, match=r"scenario\.form\.valuation.*one of stakes, averted"):
        settings("scenario.form.valuation=imposed")


def test_a_screening_proposer_under_the_averted_valuation_is_refused():
    with pytest.raises(ConfigError, match=r"mediator\.proposal\.rule"):
        settings("model=truce_process", "mediator.proposal.rule=screening",
                 "mediator.proposal.proposer=UA")
