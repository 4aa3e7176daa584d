"""A stage rule of chance: each reported violation breaks the truce with probability q."""

import numpy as np
import pytest

from sim.rules.stages.chance import Chance
from tests.conftest import run_model, textbook
from tests.rules.stages.contract import StageRuleContract, spell
from tests.rules.stages.test_reports import STRIKING

CHANCE = "scenario.stages.settlement.collapse.rule=chance"


def per_report(q: float) -> str:
    return f"+scenario.stages.settlement.collapse.parameters.per_report={q}"


class TestChance(StageRuleContract):
    name = "chance"

    def test_story(self, unit: Chance) -> None:
        # q = 0.5: no report never collapses; one report survives a draw >= 0.5 only if the
        # draw is below 0.5; two reports survive only a draw below 0.25.
        today = spell(0, in_force=np.ones(5, bool), reports_today=np.array([0, 1, 1, 2, 2]),
                      draw=np.array([0.99, 0.4, 0.6, 0.2, 0.3]))
        half = {"per_report": np.full(5, 0.5)}
        assert unit.collapses(today, half).tolist() == [False, False, True, False, True]

    def test_a_truce_struck_daily_lasts_a_geometric_number_of_days(self):
        # A violates every day and each violation is reported against it: with q = 0.25 the
        # first spell survives k days with probability 0.75^k * 0.25, mean 3 (sd 3.46).
        _, columns = run_model(textbook(*STRIKING, CHANCE, per_report(0.25)), 4000, seed=4)
        days = columns["stage.settlement.first_spell_days"]
        assert abs(days.mean() - 3.0) < 4 * np.sqrt(0.75) / 0.25 / np.sqrt(days.size)
        assert (days == 0).mean() == pytest.approx(0.25, abs=0.03)

    def test_a_truce_that_no_report_can_break_stands_through_every_violation(self):
        _, columns = run_model(textbook(*STRIKING, CHANCE, per_report(0.0)), 50, seed=4)
        assert not columns["stage.settlement.collapsed"].any()
        assert (columns["stage.settlement.violations.A"] > 0).all()
