"""What the app draws for one episode: tables, figures and words, from a traced model."""

import numpy as np
import pytest

from sim.app import explore
from sim.engine.model import NegotiationModel


@pytest.fixture(scope="module")
def episode(baseline):
    model = NegotiationModel(baseline.scenario, baseline.mediator, 1, 7, trace=True)
    for _ in range(120):
        model.step()
    return model


def test_the_timeline_has_a_row_a_day_and_the_events_are_this_episode(episode):
    timeline, events = explore.episode_tables(episode)
    assert timeline["day"].tolist() == list(range(1, episode.day + 1))
    assert set(events["replicate"]) == {0} and events["day"].max() <= episode.day
    assert (events["kind"] == "proposal").any()


def test_an_untraced_model_is_refused(baseline):
    with pytest.raises(ValueError, match="trace=True"):
        explore.episode_tables(NegotiationModel(baseline.scenario, baseline.mediator, 1, 7))


def test_each_party_has_its_line_in_the_balance_and_trust_figures(episode):
    timeline, _ = explore.episode_tables(episode)
    parties, _ = explore.labels(episode)
    balance = explore.balance_figure(timeline, parties).axes[0]
    assert [line.get_label() for line in balance.lines] == ["Russia", "Ukraine"]
    p_win = np.array([line.get_ydata() for line in balance.lines])
    assert np.allclose(p_win.sum(axis=0), 1.0)  # chances of prevailing add up to one
    assert len(explore.trust_figure(timeline, parties).axes[0].lines) == 4  # others, mediator


def test_offers_are_plotted_against_what_each_side_would_accept(episode):
    _, events = explore.episode_tables(episode)
    axes = explore.offers_figure(events, explore.labels(episode)[0]).axes[0]
    responses = events[events["kind"].isin(explore.RESPONSES)]
    assert sum(len(c.get_offsets()) for c in axes.collections) == len(responses)


def test_no_side_holds_out_for_less_than_its_reservation_value(episode):
    _, events = explore.episode_tables(episode)
    responses = events[events["kind"].isin(explore.RESPONSES)]
    assert len(responses) > 0 and responses["reservation"].notna().all()
    assert (responses["bar"] >= responses["reservation"] - 1e-12).all()
    lines = explore.offers_figure(events, explore.labels(episode)[0]).axes[0].lines
    assert [line.get_linestyle() for line in lines] == [":", "-", ":", "-"]  # per side


def test_an_empty_episode_draws_placeholders_not_errors(baseline):
    fresh = NegotiationModel(baseline.scenario, baseline.mediator, 1, 7, trace=True)
    timeline, events = explore.episode_tables(fresh)
    parties, stages = explore.labels(fresh)
    for fig in (explore.balance_figure(timeline, parties), explore.stages_figure(timeline, stages),
                explore.offers_figure(events, parties), explore.violations_figure(events, parties)):
        assert fig.axes[0].texts  # a line telling the user to step
    assert explore.story(events, parties, stages) == (
        "Day   0: The Energy-strike partial ceasefire (30 days) is in force, signed before the "
        "talks began; the Black Sea partial ceasefire is signed, pending its conditions.")


def test_spans_of_a_stage_status_are_runs_of_consecutive_days():
    days = np.arange(1, 7)
    mask = np.array([False, True, True, False, True, False])
    assert explore._spans(days, mask) == [(1.0, 2.0), (4.0, 1.0)]


def test_where_the_episode_stands_has_every_stage(episode):
    assert explore.stage_now(episode).startswith(f"Day {episode.day} of 365; ladder tier")
    status = explore.stage_status(episode)
    assert list(status) == list(episode.world.stages)
    assert status["settlement"] == "not yet tabled" and status["sea"] != "not yet tabled"


def test_the_story_is_told_day_by_day(episode):
    _, events = explore.episode_tables(episode)
    lines = explore.story(events, *explore.labels(episode), last=5).splitlines()
    assert 1 <= len(lines) <= 5 and all(line.startswith("Day") for line in lines)


def test_the_funnel_draws_signed_and_held_for_every_stage():
    summary = {"stages": {s: {"p_signed": 0.5, "p_held": 0.25,
                              "ci": {"signed": [0.4, 0.6], "held": [0.2, 0.3]}}
                          for s in ("sea", "energy")}}
    axes = explore.funnel_figure(summary, {"sea": "Sea", "energy": "Energy"}).axes[0]
    widths = sorted(round(p.get_width(), 2) for p in axes.patches)
    assert widths == [0.25, 0.25, 0.5, 0.5]
