"""Question sets are checked whole against their scenario before anything runs."""

import pytest

from sim.config.errors import ConfigError
from sim.domain.questions import load_questions
from tests.conftest import settings

BASELINE = settings().scenario  # start_date 2025-03-25, horizon 365 days
TEXTBOOK = settings("scenario=symmetric_textbook").scenario  # no start_date, horizon 100


def signed(**where: object) -> dict[str, object]:
    return {"text": "Signed?", "event": "signed", "stage": "sea", **where}


def weekly(**where: object) -> dict[str, object]:
    spec = {"text": "Reported weekly?", "event": "reported_weekly", "stage": "sea", **where}
    return {k: v for k, v in spec.items() if v is not None}


def test_a_reporting_rate_is_asked_over_the_whole_run_and_a_second_signing_by_a_day():
    asked = load_questions({"weekly": weekly(at_least=0.7),
                            "again": signed(event="signed_again", by_day=100)}, BASELINE)
    rate, again = asked.questions
    assert (rate.event, rate.at_least, rate.day) == ("reported_weekly", 0.7, None)
    assert (again.event, again.day) == ("signed_again", 100)


def test_dates_count_from_the_scenarios_start_date():
    asked = load_questions({"by_new_year": signed(by_date="2025-12-31"),
                            "on_new_year": {"text": "?", "event": "in_force_on", "stage": "any",
                                            "on_date": "2025-12-31"}}, BASELINE)
    assert [q.day for q in asked.questions] == [281, 281]
    assert asked.probe_days == (281,)


def test_combinations_come_after_their_parts_whatever_the_order_written():
    asked = load_questions({"both": {"text": "?", "all": ["a", "b"]}, "a": signed(by_day=10),
                            "b": {"text": "?", "not": "a"}}, BASELINE)
    assert asked.names == ["a", "b", "both"]


@pytest.mark.parametrize(("questions", "path", "expected"), [
    ({"q": signed(stage="moon", by_day=10)}, "questions.q.stage", "a stage of scenario black_sea_2025"),
    ({"q": signed(by_day=-1)}, "questions.q.by_day", "day 0 or later"),
    ({"q": signed(by_date="2025-01-01")}, "questions.q.by_date", "on or after the scenario's start_date"),
    ({"q": signed(by_date="31/12/2025")}, "questions.q.by_date", "a date YYYY-MM-DD"),
    ({"q": signed(by_day=5, by_date="2025-04-01")}, "questions.q", "exactly one of by_day, by_date"),
    ({"q": signed()}, "questions.q", "exactly one of by_day, by_date"),
    ({"q": signed(by_day=5, when="soon")}, "questions.q.when", "one of"),
    ({"q": {"event": "signed", "stage": "sea", "by_day": 5}}, "questions.q.text", "plain words"),
    ({"q": {"text": "?", "event": "postponed", "stage": "sea", "by_day": 5}}, "questions.q.event", "one of"),
    ({"q": {"text": "?", "all": ["q", "r"]}, "r": signed(by_day=1)}, "questions.q", "do not refer"),
    ({"a": {"text": "?", "not": "b"}, "b": {"text": "?", "any": ["a"]}}, "questions.a", "do not refer"),
    ({"q": {"text": "?", "any": ["nobody"]}}, "questions.q.any", "a question of this set"),
    ({"q": {"text": "?", "not": "t"}, "t": {"text": "?", "time_to": "signed", "stage": "sea"}},
     "questions.q.not", "a yes/no question"),
    ({"q": {"text": "?", "time_to": "held", "stage": "sea"}}, "questions.q.time_to",
     "one of signed, in_force"),
    ({"q": signed(by_day=5) | {"all": ["a"]}}, "questions.q", "exactly one of"),
    ({"q": weekly(at_least=0)}, "questions.q.at_least", "a number above 0"),
    ({"q": weekly(at_least="often")}, "questions.q.at_least", "a number above 0"),
    ({"q": weekly(at_least=None)}, "questions.q.at_least", "a number above 0"),
    ({"q": weekly(at_least=1, by_day=30)}, "questions.q.by_day", "one of"),
    ({"q": weekly(at_least=1, stage="moon")}, "questions.q.stage", "a stage of scenario"),
    ({"bad name": signed(by_day=5)}, "questions", "a question name"),
    (["q"], "questions", "a mapping"),
])
def test_a_bad_question_is_refused_in_one_line_naming_it(questions, path, expected):
    with pytest.raises(ConfigError) as refused:
        load_questions(questions, BASELINE)
    message = str(refused.value)
    assert message.startswith(f"{path}: got ") and expected in message and "\n" not in message


def test_a_question_beyond_the_horizon_is_not_asked_nor_any_combination_of_it():
    asked = load_questions({"late": signed(by_day=400), "soon": signed(by_day=10),
                            "either": {"text": "?", "any": ["late", "soon"]}}, BASELINE)
    assert asked.names == ["soon"]
    assert dict(asked.not_asked) == {"late": "day 400 is beyond the horizon (365 days)",
                                     "either": "it combines questions not asked: late"}


def test_a_date_needs_a_scenario_with_a_start_date():
    with pytest.raises(ConfigError, match="has no start_date"):
        load_questions({"q": {"text": "?", "event": "agreement", "by_date": "2025-04-01"}}, TEXTBOOK)
