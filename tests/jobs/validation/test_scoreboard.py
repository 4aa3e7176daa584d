"""The scoreboard: each case's scores on one line, pooled with an interval over cases."""

import json

import pytest

from sim.jobs.validation import scoreboard
from sim.jobs.validation.histories import History


def case(name: str, answers: list[tuple[float, bool]],
         base_rates: list[float | None] | None = None) -> History:
    questions = {f"q{k}": {"text": "?", "p": p, "outcome": o, "brier": (p - o) ** 2,
                           "log_score": 0.0} for k, (p, o) in enumerate(answers)}
    for (k, row), base in zip(enumerate(questions.values()), base_rates or [], strict=False):
        if base is not None:
            row |= {"base_rate_p": base, "base_rate_brier": (base - answers[k][1]) ** 2}
    return History(name, "m", "2020-01-01", 100, 1, questions, {}, 0.005)


def test_a_case_line_counts_its_surprises_and_its_skill_against_a_coin():
    c = scoreboard.line(case("a", [(0.9, True), (0.02, True), (0.1, False)]))
    assert c.questions == 3 and c.happened == 2 and c.surprises == 1 and c.certain == 0
    assert c.mean_brier == pytest.approx((0.01 + 0.9604 + 0.01) / 3)
    assert c.first_brier is None


def test_the_pooled_skill_of_identical_cases_has_no_spread_and_one_bad_case_widens_it():
    good = [case(n, [(0.9, True), (0.1, False)]) for n in "abc"]
    skill, low, high = scoreboard.pooled(good, "brier", None)
    assert skill == pytest.approx(1 - 0.01 / 0.25) and low == pytest.approx(high)
    mixed = [*good, case("d", [(0.1, True), (0.9, False)])]
    skill, low, high = scoreboard.pooled(mixed, "brier", None)
    assert low < skill < high


def test_a_recorded_first_score_is_shown_beside_the_current_one_and_pooled(tmp_path,
                                                                          monkeypatch):
    """Case a was pre-registered and first scored 60% on its one question (it happened); now
    the model says 90%. Its first score is on its line and pooled on its own, against the base
    rates' 20% for the same question."""
    monkeypatch.setattr(scoreboard, "FIRST", tmp_path)
    first = case("a", [(0.6, True)])
    (tmp_path / "a.json").write_text(json.dumps({"preregistered": "abc1234", "history": {
        **first.__dict__, "totals": {"mean_brier": 0.16}}}))
    text = "\n".join(scoreboard.markdown([case("a", [(0.9, True)], [0.2]),
                                          case("b", [(0.5, False)])]))
    assert "| a | 1 | 0.010 | 0.96 | 0.98 (1) | -1.56 | 0.00 | 0 of 1 | 0 | 0.160 | 0.75 |" in text
    assert "| b | 1 | 0.250 | 0.00 | – (0) | – | 0.00 | 0 of 0 | 0 | – | – |" in text
    assert "the model against 50%, over 2 questions: Brier skill 0.48" in text
    out_of_sample = text.split("Pooled over the 1 first, out-of-sample scores")[1]
    assert "the model against 50%, over 1 questions: Brier skill 0.36" in out_of_sample
    assert "the model against the base rates, over 1 questions: Brier skill 0.75" in out_of_sample


def test_a_question_every_run_answered_alike_is_counted_as_certain():
    """Exactly 0 of an event that did not happen scores a perfect Brier, yet a contingent
    event a year ahead should not get it: the line counts such answers, whichever way."""
    c = scoreboard.line(case("a", [(0.0, False), (1.0, True), (0.999, True), (0.0001, False)]))
    assert c.certain == 2 and c.mean_brier < 0.01


def test_the_base_rates_are_compared_only_on_the_questions_they_answer():
    """The base rates say 20% where the model says 90% of an event that happened, and answer
    nothing of the second question: the model's skill against them is over the first alone."""
    c = scoreboard.line(case("a", [(0.9, True), (0.5, False)], [0.2, None]))
    assert c.rated == 1
    assert c.base_skill == pytest.approx(1 - 0.01 / 0.64)
    assert c.base_own == pytest.approx(1 - 0.64 / 0.25)


def test_pooled_skill_against_the_base_rates_and_theirs_against_a_coin():
    cases = [case(n, [(0.9, True), (0.2, False)], [0.6, 0.4]) for n in "ab"]
    text = "\n".join(scoreboard.markdown(cases))
    mine, theirs = (0.01 + 0.04) / 2, (0.16 + 0.16) / 2
    assert f"against the base rates, over 4 questions: Brier skill {1 - mine / theirs:.2f}" in text
    assert f"the base rates against 50%, over 4 questions: Brier skill {1 - theirs / 0.25:.2f}" in text
    skill, low, high = scoreboard.pooled(cases, "brier", "base_rate_brier")
    assert skill == pytest.approx(1 - mine / theirs) and low == pytest.approx(high)
