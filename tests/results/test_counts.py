"""A question may ask how often anything the run table counts happened: "at least five prisoner
exchanges", "renewed at least three times"; the count it reads is the run table's own."""

import pytest

from sim.config.errors import ConfigError
from sim.domain.questions import COUNTS, load_questions
from sim.jobs.simulator import Simulator
from sim.rules.recourses import RECOURSES, counted
from tests.conftest import settings

EXCHANGES = ('+questions.exchanges={text: "Five exchanges?", count: made, '
             'gesture: prisoner_exchange, at_least: 5}')


def test_a_count_question_is_answered_from_the_column_it_counts():
    result = Simulator([EXCHANGES]).run(runs=300, seed=2)
    made = result.runs["gesture.prisoner_exchange.made"]
    assert (result.runs["question.exchanges"] == (made >= 5)).all()
    assert 0 < result.runs["question.exchanges"].mean() < 1  # contingent, not forced


def test_every_count_names_a_column_of_a_run_that_has_what_it_counts():
    spoiler = ("+scenario.third_parties.spoiler={label: Spoiler, role: spoiler, stages: [energy], "
               "blames: RU}")
    host = "+scenario.third_parties.host={label: Host, role: host}"
    runs = Simulator([spoiler, host, "questions=none"]).run(runs=5, seed=1).runs
    names = {"stage": "sea", "party": "RU", "gesture": "holiday_truce", "": ""}
    third = {"approvals": "EU", "strikes": "spoiler", "rounds_hosted": "host"}
    for name, count in COUNTS.items():
        of = third.get(name) or names[count.of]
        assert count.column.format(of) in runs.columns, name


def test_every_recourse_that_keeps_a_column_can_be_asked_about():
    columns = {count.column for count in COUNTS.values()}
    assert {f"mediator.{unit.column}" for unit in counted(RECOURSES)} <= columns


@pytest.mark.parametrize(("question", "message"), [
    ({"count": "exchanges", "at_least": 1},
     "questions.q.count: got 'exchanges'; expected one of proposals"),
    ({"count": "renewals", "stage": "energy"},
     "questions.q.at_least: got <missing>; expected a whole number of times, 1 or more"),
    ({"count": "renewals", "stage": "moon", "at_least": 3},
     "questions.q.stage: got 'moon'; expected a stage of scenario black_sea_2025"),
    ({"count": "stalls", "party": "RU", "at_least": 2.5},
     "questions.q.at_least: got 2.5; expected a whole number"),
])
def test_a_count_question_that_cannot_be_answered_is_refused_in_one_line(baseline, question, message):
    with pytest.raises(ConfigError) as refused:
        load_questions({"q": {"text": "?", **question}}, baseline.scenario)
    assert str(refused.value).startswith(message)


def test_a_count_the_third_party_s_role_does_not_keep_is_refused():
    with pytest.raises(ConfigError) as refused:
        settings('+questions.q={text: "?", count: strikes, third_party: EU, at_least: 1}')
    assert str(refused.value) == ("questions.q.third_party: got 'EU'; expected a third party "
                                  "whose role keeps strikes (EU is a veto_player)")


def test_a_combination_without_text_is_worded_from_its_parts(baseline):
    loaded = load_questions({
        "a": {"text": "Signed by day 30?", "event": "signed", "stage": "sea", "by_day": 30},
        "b": {"text": "Renewed twice?", "count": "renewals", "stage": "energy", "at_least": 2},
        "both": {"all": ["a", "b"]}, "neither": {"not": "both"}}, baseline.scenario)
    text = {q.name: q.text for q in loaded.questions}
    assert text["both"] == "All of: (Signed by day 30) and (Renewed twice)?"
    assert text["neither"] == "Not so: All of: (Signed by day 30) and (Renewed twice)?"
