"""The textbook case answers its questions as theory says: with complete information and no
frictions the parties sign the Nash split on day 1, it holds, and nobody walks away."""

import pytest

from sim.jobs.simulation import columns_of
from sim.results.summary import summarise
from tests.conftest import settings


@pytest.fixture(scope="module")
def answered():
    textbook = settings("scenario=symmetric_textbook", "runs=300")
    return columns_of(textbook)


def test_every_replicate_answers_every_question_by_construction(answered):
    assert answered["question.signed_first_week"].all()
    assert answered["question.held_first_week"].all()
    assert not answered["question.collapsed_ever"].any()
    assert not answered["question.in_force_day_0"].any()
    assert not answered["question.mediator_gives_up"].any()
    assert answered["question.no_withdrawal"].all()
    assert answered["question.signed_and_not_withdrawn"].all()
    assert (answered["question.time_to_signing"] == 1).all()


def test_the_summary_gives_each_question_its_probability_or_its_time(answered):
    import pandas as pd

    questions = summarise(pd.DataFrame(answered), 100)["questions"]
    assert questions["signed_first_week"]["p"] == 1.0
    assert questions["collapsed_ever"]["p"] == 0.0
    assert questions["collapsed_ever"]["ci_high"] == pytest.approx(0.0126, abs=1e-4)  # Wilson, n=300
    assert questions["time_to_signing"]["median"] == 1.0
    assert questions["time_to_signing"]["p_within_horizon"] == 1.0


def test_a_truce_that_collapses_answers_collapsed_and_is_not_in_force_on_a_later_day():
    # A strikes every day of a one-report truce: each spell collapses on its first day and the
    # stage is signed again at the next daily round, so on day 50 it is in force (re-signed
    # that morning's round, before the next day's collapse) in every replicate.
    struck = settings("scenario=symmetric_textbook", "runs=50", "mediator.patience_rounds=1000",
                      "scenario.parties.A.violation.base_hazard=1.0",
                      "scenario.stages.settlement.hold_days=500",
                      "+questions.on_day_50={text: 'in force on day 50?', event: in_force_on, "
                      "stage: settlement, on_day: 50}")
    answered = columns_of(struck)
    assert answered["question.collapsed_ever"].all()
    assert answered["question.on_day_50"].all()
    assert not answered["question.held_first_week"].any()
