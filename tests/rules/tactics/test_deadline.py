"""Deadline diplomacy: stall until the mediator's patience is nearly spent, then sign."""

import numpy as np

from sim.rules.tactics.deadline import Deadline
from tests.conftest import run_model, textbook
from tests.rules.tactics.contract import TacticContract, situation


class TestDeadline(TacticContract):
    name = "deadline"

    def test_story(self, unit: Deadline) -> None:
        # A mediator with patience 6 has seen 0, 4 and 5 idle rounds in three replicates.
        today = situation(0, idle_rounds=np.array([0, 4, 5]), patience_rounds=6,
                          stalemate_end=np.zeros((3, 2)), contestant=np.zeros((3, 2), bool))
        one_round = {"margin_rounds": np.ones(3)}
        assert unit.stalls(today, one_round).tolist() == [[True, True], [True, True],
                                                           [False, False]]
        two_rounds = {"margin_rounds": np.full(3, 2.0)}
        assert unit.stalls(today, two_rounds).tolist() == [[True, True], [False, False],
                                                            [False, False]]

    def test_in_the_textbook_case_both_sign_in_the_last_rounds_of_the_mediators_patience(self):
        # Daily rounds, a neutral mediator whose patience is 6 rounds: without delay the
        # parties sign on day 1; stalling until one round is left, they sign on day 6; with
        # two rounds' margin, on day 5. Nobody walks away, in any replicate.
        for margin, day in ((1, 6), (2, 5)):
            chosen = textbook(
                "mediator.patience_rounds=6",
                *(f"scenario.parties.{p}.delay.tactic=deadline" for p in "AB"),
                *(f"+scenario.parties.{p}.delay.parameters.margin_rounds={margin}" for p in "AB"))
            _, columns = run_model(chosen, 200, seed=3)
            assert columns["agreement"].all()
            assert (columns["agreement_day"] == day).all()
            assert (columns["party.A.stalls"] == day - 1).all()

    def test_without_it_the_textbook_parties_sign_on_the_first_day(self):
        _, columns = run_model(textbook("mediator.patience_rounds=6"), 200, seed=3)
        assert (columns["agreement_day"] == 1).all()
