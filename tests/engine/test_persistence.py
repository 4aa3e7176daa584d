"""A mediator at an impasse: the stories its recourses tell through the whole model."""

import numpy as np
import pandas as pd

from sim.jobs.settings import load_settings
from sim.jobs.validation.cases import simulate, with_ladder
from sim.jobs.validation.persistence import deadlocked
from sim.report.narrative import narrate
from tests.conftest import run_model


def test_a_mediator_that_names_no_recourses_presses_then_leaves_with_the_default_hazard() -> None:
    """The default, {stick, walk_away}, is the same run as naming them without parameters."""
    _, named = run_model(load_settings(deadlocked({"stick": {}, "walk_away": {}})), 8, 2)
    cfg = deadlocked({})
    del cfg["mediator"]["recourses"]
    _, unnamed = run_model(load_settings(cfg), 8, 2)
    assert pd.DataFrame(named).equals(pd.DataFrame(unnamed))


def test_a_standing_threat_makes_the_blocker_weigh_the_stick_it_expects() -> None:
    """Credibility 0.5 and a stick of 0.5: A's cost of war weighs 25% more until the deadline."""
    s = load_settings(deadlocked({"threat": {"credibility": 0.5, "floor": 0.0,
                                             "deadline_rounds": 1000}, "walk_away": {"chance": 1.0}}))
    model, _ = run_model(s, 2)
    assert np.allclose(model.prospects.menace[:, 0], 0.25)  # A, the blocker
    assert (model.prospects.menace[:, 1] == 0).all()
    assert (model.mediator.persistence.used("threat") == 1).all()


def test_a_mediator_with_no_recourse_left_stays_on_to_the_horizon() -> None:
    out = simulate(deadlocked({"pause": {"times": 1}}, style="facilitative"), 4, 1)
    assert (out["end_reason"] == "horizon").all() and (out["mediator.pauses"] == 1).all()


def test_an_episode_that_ended_seeks_no_recourse_after_its_end() -> None:
    """Walked away on day 15 (weekly rounds from day 1: the third is on day 15) where no call
    came: no later call is counted there."""
    cfg = with_ladder(deadlocked({"leaders_call": {"chance": 0.5}, "walk_away": {"chance": 1.0}},
                                 style="facilitative", blocked=False), 3)
    cfg["scenario"]["round_interval_days"] = 7
    cfg["scenario"]["parties"]["A"]["linkage"] = {"stage1": {"side_payment": 0.01}}
    out = simulate(cfg, 200, 4)
    left = out["end_day"] == 15
    assert left.any() and (out["mediator.leaders_calls"][left] == 0).all()


def test_a_traced_episode_tells_of_each_threat_and_its_fate() -> None:
    s = load_settings(deadlocked({"threat": {"credibility": 0.0, "floor": 0.0,
                                             "deadline_rounds": 1}, "walk_away": {"chance": 1.0}}))
    model, _ = run_model(s, 1, trace=True)
    told = narrate(pd.DataFrame(model.events.rows), {"settlement": "settlement"}, {"A": "A", "B": "B"})
    assert "the mediator threatens a stick" in told and "its credibility falls" in told
