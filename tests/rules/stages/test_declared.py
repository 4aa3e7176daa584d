"""A truce stays in force while violated until a party or the mediator declares it over, with
a hazard that rises with the week's reported violations against the stage's tolerance."""

import numpy as np
import pytest

from sim.rules.stages import NOBODY, STAGE_RULES, Spell, StageRule
from sim.rules.stages.declared import Declared
from tests.conftest import run_model, settings, textbook
from tests.rules.stages.contract import StageRuleContract, spell

DECLARED = "scenario.stages.settlement.collapse.rule=declared"


def given(**values: float) -> tuple[str, ...]:
    return tuple(f"+scenario.stages.settlement.collapse.parameters.{k}={v}"
                 for k, v in values.items())


def knobs(n: int, **values: float) -> dict[str, np.ndarray]:
    chosen = {"tolerance": 1.0, "at_tolerance": 0.1, "escalation": 2.0, "by_mediator": 0.0}
    return {k: np.full(n, v) for k, v in (chosen | values).items()}


def weeks_in_force(rule: StageRule, settings_: dict, weeks: int, seed: int, n: int = 2000,
                   limit: int = 3) -> np.ndarray:
    """(R,) whether a truce reported against once a week, on each week's first day, is still
    in force after `weeks` weeks (the stage's report limit `limit`): each day a fresh draw."""
    rng = np.random.default_rng(seed)
    standing = np.ones(n, bool)
    week = np.zeros((n, 2), int)
    week[:, 0] = 1  # the week's one report, against the first party, in the window
    for day in range(7 * weeks):
        today = Spell(standing, np.full(n, int(day % 7 == 0)), np.full(n, day // 7 + 1),
                      np.full(n, day), limit, rng.random(n), week)
        standing &= ~rule.collapses(today, settings_)
    return standing


class TestDeclared(StageRuleContract):
    name = "declared"
    overrides = given(tolerance=0.5)

    def test_story(self, unit: Declared) -> None:
        # A week with no report is never declared over; a week at the tolerance carries a
        # seventh of p each day; twice the tolerance, with escalation 2, four times that.
        week = np.array([[0, 0], [1, 0], [1, 1]])
        today = spell(0, in_force=np.ones(3, bool), week=week)
        hazard = unit.hazard(today, knobs(3))
        at_tolerance = 1 - 0.9 ** (1 / 7)
        assert hazard[0] == 0.0
        assert hazard[1] == pytest.approx(at_tolerance)
        assert hazard[2] == pytest.approx(1 - 0.9 ** (4 / 7))

    def test_one_serious_violation_can_end_a_short_truce(self, unit: Declared) -> None:
        # A 72-hour truce whose parties tolerate one incident in ten weeks: one ambush makes
        # each of the next days' declaration more likely than not.
        today = spell(0, in_force=np.ones(1, bool), week=np.array([[1, 0]]))
        daily = unit.hazard(today, knobs(1, tolerance=0.1, at_tolerance=0.1))[0]
        assert daily > 0.75 and 1 - (1 - daily) ** 3 > 0.98

    def test_a_ceasefire_reported_weekly_for_half_a_year_may_or_may_not_stand(self, unit):
        # Tolerance 3 a week, one report a week for 26 weeks: survival strictly in (0, 1).
        # The reports rule (limit 3) ends every one of them by the third week.
        standing = weeks_in_force(unit, knobs(2000, tolerance=3.0), 26, seed=1)
        assert 0.05 < standing.mean() < 0.95
        assert not weeks_in_force(STAGE_RULES.get("reports"), {}, 26, seed=1).any()

    def test_the_party_violated_against_declares_it_or_the_mediator(self, unit) -> None:
        today = spell(0, in_force=np.ones(4, bool), week=np.array([[3, 0]] * 4),
                      draw=np.array([0.01, 0.1, 0.6, 0.99]))
        collapsed = unit.collapses(today, knobs(4, by_mediator=0.5))
        who = unit.declared_by(today, knobs(4, by_mediator=0.5), collapsed)
        # hazard for 3 reports at tolerance 1: 1 - 0.9^(9/7) = 0.127; the mediator's half
        # below 0.064, party B (index 1, no report against it) above.
        assert collapsed.tolist() == [True, True, False, False]
        assert who.tolist() == [2, 1, NOBODY, NOBODY]

    def test_a_truce_struck_daily_is_declared_over_by_the_party_struck(self):
        striking = ("scenario.parties.A.violation.base_hazard=1.0",
                    "scenario.stages.settlement.hold_days=500", "mediator.patience_rounds=1000")
        _, columns = run_model(textbook(*striking, DECLARED, *given(by_mediator=0.0)), 200,
                               seed=4)
        collapses = columns["stage.settlement.collapses"]
        assert collapses.sum() > 0
        assert (columns["stage.settlement.declared_over_by.B"] == collapses).all()
        assert not columns["stage.settlement.declared_over_by.A"].any()
        assert not columns["stage.settlement.declared_over_by_mediator"].any()
        assert (columns["party.B.declared_over"] == collapses).all()


def test_minsks_ceasefire_violated_weekly_for_half_a_year_may_stay_in_force():
    # As the scenario ships it: a ceasefire reported against every week can stand for half
    # a year, or be declared over; it is not over at its third report.
    stage = settings("scenario=minsk_2014_2015").scenario.stages["ceasefire"]
    rule = STAGE_RULES.get(stage.collapse.rule)
    knobs_ = rule.settings({k: float(v) for k, v in stage.collapse.parameters.items()}, 2000)
    standing = weeks_in_force(rule, knobs_, 26, seed=2, limit=stage.max_violations)
    assert 0.0 < standing.mean() < 1.0
