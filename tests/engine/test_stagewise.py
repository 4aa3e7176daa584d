"""A party's delay tactic and concession style apply to the stages it declares, with a stage's
own values where its facts differ: a side that plays for time on a settlement need not hold
out on a one-day humanitarian pause it would sign at once."""

import copy

import pytest

from sim.config.errors import ConfigError
from sim.engine.model import NegotiationModel
from sim.jobs.settings import Settings, load_settings
from tests.conftest import composed, run_model

PAUSE = {"label": "Humanitarian pause", "issues": ["pause"], "duration_days": 1, "hold_days": 1,
         "verification": 0.0, "max_violations": 1, "collapse": {"rule": "reports"},
         "cost_relief": 0.1, "temptation": 0.0, "guarantee": 0.0, "comprehensive": False}


def paused_textbook(delay: dict | None = None, concession: dict | None = None) -> dict:
    """The textbook's two parties with a one-day humanitarian pause tabled before the
    settlement; both want the pause. A plays for time: a war of attrition whose hold-outs
    last 50 days on average (prize 0.1, cost 0.002 a day), then `delay` on top."""
    cfg = composed("scenario=symmetric_textbook", "mediator=neutral")
    scenario = cfg["scenario"]
    scenario["issues"]["pause"] = {"description": "a one-day pause", "kind": "divisible",
                                   "status_quo": 0.0}
    for party in scenario["parties"].values():
        party["ideal"]["pause"], party["salience"] = 1.0, {"stake": 0.9, "pause": 0.1}
    scenario["stages"] = {"pause": copy.deepcopy(PAUSE), **scenario["stages"]}
    a = scenario["parties"]["A"]
    a["delay"] = {"tactic": "attrition", "prize": 0.1, "cost_per_day": 0.002, **(delay or {})}
    a["concession"] |= concession or {}
    cfg["scenario"]["horizon_days"] = 365
    cfg["mediator"]["ladder"] = [["pause"], ["settlement"]]
    return cfg


def paused(delay: dict | None = None, concession: dict | None = None) -> Settings:
    return load_settings(paused_textbook(delay, concession))


def test_a_party_stalling_every_stage_holds_out_on_the_pause_as_on_the_settlement():
    # The mediator gives up after 6 idle rounds; A's hold-outs last 50 days on average, so
    # the pause is seldom signed on the first day, and mostly the mediator walks away first.
    _, columns = run_model(paused(), 200, seed=5)
    assert (columns["stage.pause.signed_day"] == 1).mean() < 0.1
    assert (columns["end_reason"] == "mediator_withdrew").mean() > 0.9


def test_a_party_that_stalls_the_settlement_only_signs_the_pause_on_the_first_day():
    # Declared for the settlement, A's tactic leaves the pause alone: it is signed on day 1
    # in every replicate. On the settlement A holds out as long as it did stalling both.
    both, _ = run_model(paused(), 200, seed=5)
    model, columns = run_model(paused({"stages": ["settlement"]}), 200, seed=5)
    assert (columns["stage.pause.signed_day"] == 1).all()
    assert (model.truces.hold_out[:, 0, 0] == 0).all()  # no hold-out on the pause
    assert (model.truces.hold_out[:, 1, 0] == both.truces.hold_out[:, 1, 0]).all()
    assert (model.truces.hold_out[:, 1, 0] > 0).all()


def test_a_deadline_tactic_declared_for_the_settlement_leaves_the_pause_alone():
    # Stalling every stage until one round of the mediator's patience (6) is left, A lets the
    # pause be signed on day 6; declared for the settlement only, on day 1.
    deadline = {"tactic": "deadline", "prize": 0.0, "parameters": {"margin_rounds": 1.0}}
    _, every = run_model(paused(deadline), 50, seed=5)
    _, settlement = run_model(paused(deadline | {"stages": ["settlement"]}), 50, seed=5)
    assert (every["stage.pause.signed_day"] == 6).all()
    assert (settlement["stage.pause.signed_day"] == 1).all()


def test_a_stage_of_its_own_holds_out_for_as_long_as_its_own_prize_says():
    # The same draws, scaled by the stage's own prize: a tenth of the prize, a tenth of the
    # days, on the pause; the settlement's as before.
    before, _ = run_model(paused(), 50, seed=5)
    after, _ = run_model(paused({"per_stage": {"pause": {"prize": 0.01}}}), 50, seed=5)
    assert after.truces.hold_out[:, 0] == pytest.approx(before.truces.hold_out[:, 0] / 10)
    assert (after.truces.hold_out[:, 1] == before.truces.hold_out[:, 1]).all()


def test_a_party_that_haggles_over_the_settlement_only_demands_no_margin_on_the_pause():
    # On day 0 a party still demands the whole of its opening margin, wherever it haggles;
    # declared for the settlement only, it asks nothing above its reservation on the pause.
    chosen = paused(concession={"stages": ["settlement"]})
    a = NegotiationModel(chosen.scenario, chosen.mediator, 4, 5).parties[0]
    assert a.concede().tolist() == [[0.0, 1.0]] * 4


def test_a_stage_of_its_own_concedes_at_its_own_pace():
    # Halfway to its deadline a linear conceder still demands half its margin; with a
    # Boulware exponent of its own on the settlement (0.5), a quarter there.
    chosen = paused(concession={"per_stage": {"settlement": {"concession_exponent": 0.5}}})
    model = NegotiationModel(chosen.scenario, chosen.mediator, 4, 5)
    deadline = model.party_table.params["deadline_days"][0, 0]
    model.day = int(deadline) // 2
    demanded = model.parties[0].concede()
    assert demanded[:, 0] == pytest.approx(1 - model.day / deadline)
    assert demanded[:, 1] == pytest.approx(1 - (model.day / deadline) ** 2)


@pytest.mark.parametrize(("where", "given", "line"), [
    ("delay", {"stages": ["pause", "seas"]},
     "scenario.parties.A.delay.stages[1]: got 'seas'; expected a stage name: pause, settlement"),
    ("delay", {"stages": []}, "scenario.parties.A.delay.stages: got []; expected at least one "
     "stage name, or null for every stage: pause, settlement"),
    ("delay", {"stages": ["settlement"], "per_stage": {"pause": {"prize": 0.01}}},
     "scenario.parties.A.delay.per_stage.pause: got <unknown key>; expected a stage it "
     "applies to: settlement"),
    ("delay", {"per_stage": {"pause": {"patience": 2.0}}},
     "scenario.parties.A.delay.per_stage.pause.patience: got <unknown key>; expected one of "
     "prize, cost_per_day (the delay tactic 'attrition' and its party's values)"),
    ("delay", {"per_stage": {"pause": {"cost_per_day": 0.0}}},
     "scenario.parties.A.delay.per_stage.pause.cost_per_day: got 0.0; expected a number in (0, 1e+06]"),
    ("concession", {"stages": ["truce"]}, "scenario.parties.A.concession.stages[0]: got "
     "'truce'; expected a stage name: pause, settlement"),
    ("concession", {"style": "resource_dependent",
                    "per_stage": {"pause": {"endurance": 0.0}}},
     "scenario.parties.A.concession.per_stage.pause.endurance: got 0.0; expected a number in "
     "[1e-06, 10] (cost of war borne at which the party has conceded its whole opening "
     "margin, share of the stake)"),
])
def test_a_bad_stage_or_stage_value_is_refused_with_one_line(where, given, line):
    cfg = paused_textbook(given if where == "delay" else None,
                          given if where == "concession" else None)
    with pytest.raises(ConfigError) as refused:
        load_settings(cfg)
    assert str(refused.value) == line
