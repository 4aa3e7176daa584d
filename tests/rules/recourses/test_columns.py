"""The run table's recourse columns come from the recourses themselves: each names the column
that counts it, so a new recourse brings its own, after those of before, whose names and order
stay as every earlier run table has them."""

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import RECOURSES, Impasse, Means, Recourse, counted
from tests.conftest import run_model, textbook

TODAY = ["mediator.threats", "mediator.threats_carried_out", "mediator.credibility",
         "mediator.pauses", "mediator.envoy_changes", "mediator.leaders_calls"]
"""The mediator's columns of every run table so far, in their order."""


class Ultimatum(Recourse):
    """A made-up recourse, defined here: outside the family's package, so never registered."""

    name = "ultimatum"
    summary = "leaves unless the blocker signs at once"
    source = "a test"
    column = "ultimatums"

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return impasse.stuck.copy()

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.walk_away(rows)


def mediator_columns(out: Mapping[str, np.ndarray]) -> list[str]:
    return [name for name in out if name.startswith("mediator.")]


def test_a_run_has_a_column_for_every_recourse_that_names_one_in_the_order_of_before():
    _, out = run_model(textbook(), 4)  # the default recourses, a stick and walking away
    expected = []
    for unit in counted(RECOURSES):
        expected += [f"mediator.{unit.column}", *(f"mediator.{k}" for k in unit.keeps)]
    assert mediator_columns(out) == expected == TODAY
    for unit in counted(RECOURSES):  # not listed, so never taken: zero times each
        assert (out[f"mediator.{unit.column}"] == 0).all(), unit.name


def test_what_a_recourse_keeps_is_what_the_means_keep():
    model, _ = run_model(textbook(), 4)
    keeps = [key for unit in RECOURSES for key in unit.keeps]
    assert sorted(keeps) == sorted(model.mediator.persistence.kept())


def test_a_new_recourse_brings_its_column_after_all_of_today_s():
    assert "ultimatum" not in RECOURSES.names()  # a test's unit never joins the family
    before = counted(RECOURSES)
    assert counted([Ultimatum, *RECOURSES]) == [*before, Ultimatum]

