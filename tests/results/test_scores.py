"""Scoring rules on cases worked out by hand."""

import math

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.results.scores import Outcome, read_outcomes, score

YES, NO = Outcome(happened=True), Outcome(happened=False)


def test_brier_and_log_scores_and_skill_against_a_50_percent_forecaster():
    # P(a) = 0.8, it happened: Brier 0.2^2 = 0.04, log ln 0.8. P(b) = 0.1, it happened:
    # Brier 0.9^2 = 0.81, log ln 0.1. The 50% forecaster: Brier 0.25 each, log ln 0.5 each.
    scored = score({"a": 0.8, "b": 0.1}, {}, 100, {"a": YES, "b": YES})
    a, b, totals = scored["questions"]["a"], scored["questions"]["b"], scored["totals"]
    assert (a["brier"], b["brier"]) == pytest.approx((0.04, 0.81))
    assert (a["log_score"], b["log_score"]) == pytest.approx((math.log(0.8), math.log(0.1)))
    assert totals["mean_brier"] == pytest.approx(0.425)
    assert totals["log_score"] == pytest.approx(math.log(0.08))
    assert totals["brier_skill"] == pytest.approx(1 - 0.425 / 0.25)  # -0.7: worse than 50%
    assert totals["log_skill"] == pytest.approx(math.log(0.08) - 2 * math.log(0.5))


def test_a_reference_forecast_is_the_yardstick_where_given():
    # Reference P(a) = 0.6, a did not happen: its Brier 0.36; the model's P(a) = 0.3: 0.09.
    scored = score({"a": 0.3}, {}, 100, {"a": NO}, reference={"a": 0.6})
    assert scored["totals"]["brier_skill"] == pytest.approx(1 - 0.09 / 0.36)
    assert scored["totals"]["log_skill"] == pytest.approx(math.log(0.7) - math.log(0.4))


def test_a_certain_forecast_that_fails_costs_the_stated_floor_not_infinity():
    scored = score({"a": 1.0}, {}, 200, {"a": NO})
    assert scored["log_floor"] == 1 / 400
    assert scored["questions"]["a"]["log_score"] == pytest.approx(math.log(1 / 400))


def test_a_time_to_event_question_scores_the_probability_of_the_realised_interval():
    # Event days of four replicates: 1, 2, 2 and none by the horizon.
    days = {"t": np.array([1.0, 2.0, 2.0, np.nan])}
    outcomes = {"on_2": {"t": {"day": 2}}, "by_2": {"t": {"between": [1, 2]}},
                "after_2": {"t": {"censored_at": 2}}}
    expected = {"on_2": 0.5, "by_2": 0.75, "after_2": 0.25}
    for case, given in outcomes.items():
        scored = score({}, days, 4, read_outcomes(given, {"t": True}, 10, "outcomes"))
        assert scored["questions"]["t"]["p_realised"] == expected[case]
        assert scored["questions"]["t"]["log_score"] == pytest.approx(math.log(expected[case]))


@pytest.mark.parametrize(("given", "path", "expected"), [
    ({"nobody": True}, "outcomes.nobody", "a question the run answered: a, t"),
    ({"a": "yes"}, "outcomes.a", "true or false"),
    ({"t": True}, "outcomes.t", "{day: D}"),
    ({"t": {"censored_at": 20}}, "outcomes.t.censored_at", "within the horizon, 0 to 10"),
    ({"t": {"between": [5, 2]}}, "outcomes.t.between", "no later than the last"),
    ({}, "outcomes", "a mapping of question names"),
])
def test_a_bad_outcome_is_refused_in_one_line(given, path, expected):
    with pytest.raises(ConfigError) as refused:
        read_outcomes(given, {"a": False, "t": True}, 10, "outcomes")
    assert str(refused.value).startswith(f"{path}: got ") and expected in str(refused.value)
