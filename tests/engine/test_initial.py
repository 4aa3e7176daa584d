"""Stories about scenarios that start with something signed: a truce already in force on day 0
runs out its term from where it stood, and a signing pending on day 0 waits on its conditions."""


from sim.engine.model import NegotiationModel
from sim.engine.truce import IN_FORCE, OFF, PENDING, TABLED
from tests.conftest import run_model, settings, textbook


def test_the_baseline_starts_with_the_moratorium_in_force_and_the_sea_arrangement_pending():
    s = settings()
    model = NegotiationModel(s.scenario, s.mediator, replicates=3, seed=1)
    stages = model.layout.stages
    assert (model.truces.status[:, stages.index("energy")] == IN_FORCE).all()
    assert (model.truces.status[:, stages.index("sea")] == PENDING).all()
    assert (model.truces.status[:, stages.index("full_ceasefire")] == OFF).all()


def test_a_thirty_day_moratorium_in_force_for_seven_days_comes_to_its_term_on_day_23():
    """Nobody renews it (each party declines at every term), so it expires on day 23, and is
    back on the table."""
    never = [o for p in ("RU", "UA") for o in (
        f"scenario.parties.{p}.renewal.rule=fixed_chance", f"~scenario.parties.{p}.renewal.parameters",
        f"+scenario.parties.{p}.renewal.parameters={{chance: 0.0}}")]
    s = settings(*never, "scenario.stages.energy.collapse.parameters.tolerance=1000",
                 "scenario.form.renewal=scenario")  # each party's own rule, not the form's
    _, out = run_model(s, 40, seed=2)
    assert (out["stage.energy.in_force_day"] == 0).all()
    assert (out["stage.energy.renewal_declined.RU"] >= 1).all()
    assert (out["stage.energy.days_in_force"] >= 23).all()
    first_term = out["stage.energy.days_in_force"] == 23
    assert first_term.any()  # the rest were signed again once tabled


def test_a_textbook_settlement_in_force_from_day_0_holds_after_its_hold_days():
    """The settlement starts in force at the split 0.5, three days into a hold test of 10: it
    holds on day 7, with no round of talks needed."""
    s = textbook("scenario.stages.settlement.hold_days=10",
                 "+scenario.initial={settlement: {status: in_force, terms: {stake: 0.5}, "
                 "days_ago: 3}}")
    _, out = run_model(s, 8)
    assert (out["stage.settlement.signed_day"] == 0).all()
    assert (out["stage.settlement.held_day"] == 7).all()
    assert (out["terms.stake"] == 0.5).all()  # the nearest candidate is the split itself
    assert (out["stage.settlement.proposals"] == 0).all()


def test_minsk_starts_with_the_ceasefire_in_force_and_its_first_tier_otherwise_as_before():
    """The ceasefire is signed on day 0; the stages of the mediator's first tier that did not
    start signed are tabled as they would have been."""
    s = settings("scenario=minsk_2014_2015")
    model = NegotiationModel(s.scenario, s.mediator, replicates=2, seed=1)
    stages, tier = model.layout.stages, model.layout.tier
    assert (model.truces.status[:, stages.index("ceasefire")] == IN_FORCE).all()
    rest = [k for k, name in enumerate(stages) if name != "ceasefire"]
    for k in rest:
        expected = TABLED if tier[k] == 0 else OFF
        assert (model.truces.status[:, k] == expected).all()
