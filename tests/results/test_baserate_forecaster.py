"""The base-rate forecaster: what the open conflict data alone say of a case's questions."""

import math

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.domain.questions import load_questions
from sim.domain.references import load_scenario
from sim.results.baserates.build import TABLE, load
from sim.results.baserates.forecaster import BaseRateForecaster, comprehensive_by, survival
from tests.conftest import composed

TABLE_ROWS = load(TABLE)


def rate(row: str) -> float:
    return float(TABLE_ROWS.loc[row, "estimate"])


def yemen(**changes) -> dict:
    """The Yemen truce as shipped (in force on day 0, 61-day terms), with `changes`."""
    raw = composed("scenario=yemen_2022")["scenario"]
    for path, value in changes.items():
        *parents, last = path.split("__")
        place = raw
        for key in parents:
            place = place[key]
        place[last] = value
    return raw


def forecast(raw: dict, questions: dict) -> dict[str, float]:
    scenario = load_scenario(raw)
    answers = BaseRateForecaster(TABLE_ROWS, scenario).answer(load_questions(questions, scenario))
    return {name: a.p for name, a in answers.items()}


def in_force_on(day: int, stage: str = "truce") -> dict:
    return {"text": "?", "event": "in_force_on", "stage": stage, "on_day": day}


def test_a_truce_a_month_old_has_outlived_the_riskiest_weeks():
    """Ceasefires break down most in their first weeks: one in force for 30 days on day 0 is
    likelier to last the next 20 than a new one."""
    new = forecast(yemen(initial={"truce": {"status": "in_force", "terms": {"ceasefire": 1.0,
                                                                           "access": 0.3},
                                            "days_ago": 0}}), {"q": in_force_on(20)})
    old = forecast(yemen(initial={"truce": {"status": "in_force", "terms": {"ceasefire": 1.0,
                                                                           "access": 0.3},
                                            "days_ago": 30}}), {"q": in_force_on(20)})
    assert old["q"] > new["q"]


def test_a_time_limited_truce_lives_past_its_term_only_if_renewed():
    """Yemen's 61-day truce on day 70 has survived breakdown for 70 days and was renewed once,
    with the chance a time-limited ceasefire that ran its term was followed within a week."""
    raw = yemen(coding=None)
    got = forecast(raw, {"q": in_force_on(70), "r": {"text": "?", "event": "renewed",
                                                     "stage": "truce", "by_day": 70}})
    s70 = survival(TABLE_ROWS, ["open_ended"], 70)[70]
    renew = rate("ceasefire.followed_within_7d.ran_its_term")
    assert got["q"] == pytest.approx(s70 * renew)
    s61 = survival(TABLE_ROWS, ["open_ended"], 61)[61]
    assert got["r"] == pytest.approx(s61 * renew)  # renewed on day 61, whatever came after


def test_a_truce_renewed_once_is_renewed_again_at_the_rate_of_renewed_ceasefires():
    """Of time-limited ceasefires that themselves followed one, more were followed again: the
    second renewal of Yemen's truce is at that rate, not the first's."""
    got = forecast(yemen(coding=None), {
        "once": {"text": "?", "count": "renewals", "stage": "truce", "at_least": 1},
        "twice": {"text": "?", "count": "renewals", "stage": "truce", "at_least": 2}})
    curve = survival(TABLE_ROWS, ["open_ended"], 122)
    first, again = (rate("ceasefire.followed_within_7d.ran_its_term"),
                    rate("ceasefire.followed_within_7d.ran_its_term_after_a_renewal"))
    assert again > first
    assert got["once"] == pytest.approx(curve[61] * first)
    assert got["twice"] == pytest.approx(curve[122] * first * again)


def test_survival_between_the_tables_days_is_log_linear_and_the_codes_average_their_hazards():
    s = survival(TABLE_ROWS, ["open_ended"], 45)
    low, high = rate("ceasefire.survival_30d.open_ended.censored"), rate(
        "ceasefire.survival_60d.open_ended.censored")
    assert s[30] == pytest.approx(low) and s[45] == pytest.approx(math.sqrt(low * high))
    both = survival(TABLE_ROWS, ["open_ended", "written"], 30)[30]
    assert both == pytest.approx(math.sqrt(low * rate("ceasefire.survival_30d.written.censored")))


def test_a_written_mediated_peace_process_truce_is_read_from_its_splits():
    coded = {"written": True, "purpose": "peace_process", "mediated": True, "source": "Y1"}
    scenario = load_scenario(yemen(coding=coded))
    assert BaseRateForecaster(TABLE_ROWS, scenario).basis == (
        "ceasefire survival (open_ended, written, peace_process, mediated)")


def test_what_the_data_do_not_measure_is_not_answered():
    """No base rate exists for violations reported, a mediator giving up, or a truce not yet
    signed being reached: those questions are left to the model alone."""
    raw = yemen(initial={})
    got = forecast(raw, {
        "violations": {"text": "?", "event": "reported_weekly", "stage": "truce",
                       "at_least": 0.7},
        "mediator": {"text": "?", "event": "mediator_withdrew", "by_day": 100},
        "unsigned": in_force_on(100)})
    assert got == {}


def test_a_settlement_within_a_year_is_the_pa_x_rate_after_a_first_ceasefire():
    got = forecast(yemen(), {"s": {"text": "?", "event": "signed", "stage": "settlement",
                                   "by_day": 365}})
    assert got["s"] == pytest.approx(rate("process.comprehensive_within_1y.after_first_ceasefire"))
    assert 0 < comprehensive_by(TABLE_ROWS, 100) < got["s"]


def test_a_signed_truce_pending_takes_effect_unless_it_is_among_those_that_never_did():
    raw = composed("scenario=black_sea_grain_2022")["scenario"]
    got = forecast(raw, {"q": {"text": "?", "event": "in_force", "stage": "corridor",
                               "by_day": 30}})
    assert got["q"] == pytest.approx(1 - rate("ceasefire.never_in_effect.all"))


def test_renewals_counted_and_a_negation_are_consistent():
    got = forecast(yemen(), {
        "once": {"text": "?", "count": "renewals", "stage": "truce", "at_least": 1},
        "twice": {"text": "?", "count": "renewals", "stage": "truce", "at_least": 2},
        "broken": {"text": "?", "event": "collapsed", "stage": "truce", "by_day": 183},
        "whole": {"text": "?", "not": "broken"}})
    assert 0 < got["twice"] < got["once"] < 1
    assert got["whole"] == pytest.approx(1 - got["broken"])
    assert np.isfinite(list(got.values())).all()


@pytest.mark.parametrize("key, value, allowed", [
    ("purpose", "revenge", "one of peace_process, humanitarian, holiday, election, or null"),
    ("conflict", "cold", "one of intrastate, internationalised, interstate, or null")])
def test_a_code_the_data_do_not_have_is_refused_in_one_line(key, value, allowed):
    with pytest.raises(ConfigError) as refused:
        load_scenario(yemen(coding={key: value}))
    assert str(refused.value) == f"scenario.coding.{key}: got '{value}'; expected {allowed}"
