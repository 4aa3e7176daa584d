"""The scoreboard: each case's scores on one line, pooled with an interval over cases."""

import json

import pytest

from sim.jobs.validation import scoreboard
from sim.jobs.validation.histories import History


def case(name: str, answers: list[tuple[float, bool]]) -> History:
    questions = {f"q{k}": {"text": "?", "p": p, "outcome": o, "brier": (p - o) ** 2,
                           "log_score": 0.0} for k, (p, o) in enumerate(answers)}
    return History(name, "m", "2020-01-01", 100, 1, questions, {}, 0.005)


def test_a_case_line_counts_its_surprises_and_its_skill_against_a_coin():
    c = scoreboard.line(case("a", [(0.9, True), (0.02, True), (0.1, False)]))
    assert c.questions == 3 and c.happened == 2 and c.surprises == 1
    assert c.mean_brier == pytest.approx((0.01 + 0.9604 + 0.01) / 3)
    assert c.first_brier is None


def test_the_pooled_skill_of_identical_cases_has_no_spread_and_one_bad_case_widens_it():
    good = [case(n, [(0.9, True), (0.1, False)]) for n in "abc"]
    skill, low, high = scoreboard.pooled_skill(good)
    assert skill == pytest.approx(1 - 0.01 / 0.25) and low == pytest.approx(high)
    mixed = [*good, case("d", [(0.1, True), (0.9, False)])]
    skill, low, high = scoreboard.pooled_skill(mixed)
    assert low < skill < high


def test_a_recorded_first_score_is_shown_beside_the_current_one(tmp_path, monkeypatch):
    monkeypatch.setattr(scoreboard, "FIRST", tmp_path)
    (tmp_path / "a.json").write_text(json.dumps({"preregistered": "abc1234",
                                                 "history": {"totals": {"mean_brier": 0.3}}}))
    text = "\n".join(scoreboard.markdown([case("a", [(0.9, True)]), case("b", [(0.5, False)])]))
    assert "| a | 1 | 0.010 | 0.96 | 0.00 | 0 of 1 | 0.300 |" in text
    assert "| b | 1 | 0.250 | 0.00 | 0.00 | 0 of 0 | – |" in text
    assert "Pooled over 2 cases and 2 questions" in text
