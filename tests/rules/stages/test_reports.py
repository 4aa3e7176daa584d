"""The default stage rule: a truce collapses at its limit of reported violations."""

import numpy as np

from sim.rules.stages.reports import Reports
from tests.conftest import run_model, textbook
from tests.rules.stages.contract import StageRuleContract, spell

STRIKING = ("scenario.parties.A.violation.base_hazard=1.0", "scenario.stages.settlement.hold_days=500",
            "mediator.patience_rounds=1000")


class TestReports(StageRuleContract):
    name = "reports"

    def test_story(self, unit: Reports) -> None:
        # A limit of 3: a truce with 2 reports stands, with 3 or 5 it falls, unless not in force.
        today = spell(0, in_force=np.array([True, True, True, False]),
                      reports=np.array([2, 3, 5, 5]), max_violations=3)
        assert unit.collapses(today, {}).tolist() == [False, True, True, False]

    def test_a_party_that_strikes_daily_breaks_a_one_report_truce_on_its_first_day(self):
        # A always violates and every violation is seen and blamed on it: each spell ends on
        # its first day, so no day of the first spell is ever counted.
        _, columns = run_model(textbook(*STRIKING), 200, seed=4)
        assert (columns["stage.settlement.first_spell_days"] == 0).all()
        assert columns["stage.settlement.first_spell_collapsed"].all()
