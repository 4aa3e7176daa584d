"""An experiment makes any sampled number uncertain: a range, a distribution or '±X%'."""

import pytest

from sim.config.distributions import Distribution
from sim.config.errors import ConfigError
from sim.engine.model import NegotiationModel
from tests.conftest import settings

EXPONENT = "scenario.conflict.contest_exponent"


def test_a_structural_constant_becomes_uniform_within_twenty_percent_of_its_value():
    s = settings(f"+uncertain.{EXPONENT}='±20%'")
    assert s.scenario.conflict.contest_exponent == Distribution(
        "uniform", (("low", 0.8), ("high", 1.2)))


def test_a_mediator_lever_takes_a_range_and_the_run_table_records_its_draws():
    s = settings("+uncertain.mediator.leverage.stick_size={low: 0.3, high: 0.7}")
    model = NegotiationModel(s.scenario, s.mediator, 500, 3)
    draws = model.inputs["mediator.leverage.stick_size"]
    assert 0.3 <= draws.min() < 0.35 and 0.65 < draws.max() <= 0.7


def test_a_distribution_is_taken_as_given():
    s = settings(f"+uncertain.{EXPONENT}={{dist: triangular, low: 0.5, mode: 1.0, high: 2.0}}")
    assert s.scenario.conflict.contest_exponent.family == "triangular"


def test_nothing_declared_leaves_the_inputs_as_the_config_gives_them():
    assert settings().scenario.conflict.contest_exponent == 1.0


@pytest.mark.parametrize(("override", "key", "allowed"), [
    ("+uncertain.scenario.conflict.nothing='±20%'", "uncertain.scenario.conflict.nothing",
     "a number the model samples per replicate"),
    (f"+uncertain.{EXPONENT}='±200%'", f"uncertain.{EXPONENT}", "a distribution whose draws lie"),
    ("+uncertain.scenario.parties.RU.capability='±20%'", "uncertain.scenario.parties.RU.capability",
     "already gives this input as a distribution"),
    ("+uncertain.mediator.proposal_grid='±20%'", "uncertain.mediator.proposal_grid",
     "a number the model samples per replicate"),
    ("+uncertain.scenario.conflict.drift_per_day.UA='±20%'",
     "uncertain.scenario.conflict.drift_per_day.UA", "is no range"),
    (f"+uncertain.{EXPONENT}='about 20'", f"uncertain.{EXPONENT}", "a range {low, high}"),
    (f"+uncertain.{EXPONENT}={{low: 2, high: 1}}", f"uncertain.{EXPONENT}", "low < high"),
])
def test_a_bad_declaration_is_one_line_naming_its_key(override, key, allowed):
    with pytest.raises(ConfigError) as caught:
        settings(override)
    assert caught.value.problems[0].key == key
    assert allowed in caught.value.problems[0].allowed
