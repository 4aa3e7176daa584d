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


def test_a_truce_broken_every_day_is_signed_again_the_next_morning():
    struck = settings("scenario=symmetric_textbook", "runs=50", "mediator.patience_rounds=1000",
                      "scenario.parties.A.violation.base_hazard=1.0",
                      "scenario.stages.settlement.hold_days=500",
                      "+questions.again_by_day_3={text: 'signed again by day 3?', "
                      "event: signed_again, stage: settlement, by_day: 3}",
                      "+questions.again_by_day_1={text: 'signed again by day 1?', "
                      "event: signed_again, stage: settlement, by_day: 1}")
    answered = columns_of(struck)
    # Signed on day 1, broken on day 2 and tabled at once: the day-2 round signs it again.
    assert (answered["stage.settlement.signed_again_day"] == 2).all()
    assert answered["question.again_by_day_3"].all()
    assert not answered["question.again_by_day_1"].any()


def test_violations_reported_every_day_of_a_truce_that_stands_are_reported_most_weeks():
    # Perfect monitoring reports each of A's daily violations; a `chance` rule with per_report 0
    # never lets a report end the truce, so it stands for the whole horizon, reported daily.
    weekly = ("+questions.most_weeks={text: 'reported in most weeks?', event: reported_weekly, "
              "stage: settlement, at_least: 0.7}")
    standing = settings("scenario=symmetric_textbook", "runs=40", "mediator.patience_rounds=1000",
                        "scenario.parties.A.violation.base_hazard=1.0",
                        "scenario.stages.settlement.hold_days=500",
                        "scenario.stages.settlement.collapse.rule=chance",
                        "+scenario.stages.settlement.collapse.parameters={per_report: 0.0}", weekly)
    answered = columns_of(standing)
    days = answered["stage.settlement.days_in_force"]
    assert (days >= 90).all()
    assert (answered["stage.settlement.reported_violations"] * 7 >= 0.7 * days).all()
    assert answered["question.most_weeks"].all()
    quiet = columns_of(settings("scenario=symmetric_textbook", "runs=40", weekly))
    assert not quiet["question.most_weeks"].any()  # nobody violates the textbook settlement


def test_a_time_limited_truce_lapses_at_its_term_after_the_episode_has_ended():
    # Signed on day 1, held on day 11 (ten days in force): agreement ends the episode. Nothing
    # renews a 20-day truce, so it is in force at the end of day 20 and not of day 21.
    on = ("+questions.on_day_{0}={{text: 'in force on day {0}?', event: in_force_on, "
          "stage: settlement, on_day: {0}}}")
    limited = settings("scenario=symmetric_textbook", "runs=20",
                       "scenario.stages.settlement.duration_days=20",
                       "scenario.stages.settlement.hold_days=10", on.format(20), on.format(21))
    answered = columns_of(limited)
    assert (answered["end_day"] == 11).all()
    assert answered["question.on_day_20"].all()
    assert not answered["question.on_day_21"].any()
