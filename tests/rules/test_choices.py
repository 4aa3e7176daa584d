"""A scenario made in code, not loaded from a config, meets the same registries: a model built
from it refuses an unknown unit, or a parameter its unit cannot take, with the one line the
settings check gives, before it simulates anything."""

from dataclasses import replace

import pytest

from sim.config.errors import ConfigError
from sim.domain.scenario import Scenario
from sim.engine.model import NegotiationModel
from sim.rules.tactics import TACTICS
from tests.conftest import textbook


def with_tactic(scenario: Scenario, party: str, tactic: str) -> Scenario:
    """The scenario again, with `party` stalling by `tactic`: a dataclass edit, no config."""
    changed = scenario.parties[party]
    delay = replace(changed.delay, tactic=tactic)
    return replace(scenario, parties=scenario.parties | {party: replace(changed, delay=delay)})


def test_a_model_refuses_a_delay_tactic_no_registry_has_with_the_settings_line():
    s = textbook()
    with pytest.raises(ConfigError) as refused:
        NegotiationModel(with_tactic(s.scenario, "A", "bluff"), s.mediator, 4, 1)
    assert str(refused.value) == ("scenario.parties.A.delay.tactic: got 'bluff'; expected a "
                                  f"delay tactic: {', '.join(TACTICS.names())}")


def test_a_model_refuses_a_recourse_parameter_outside_its_declared_range():
    s = textbook()
    mediator = replace(s.mediator, recourses={"pause": {"days": 0.0}, "walk_away": {"chance": 1.0}})
    with pytest.raises(ConfigError) as refused:
        NegotiationModel(s.scenario, mediator, 4, 1)
    assert str(refused.value) == ("mediator.recourses.pause.days: got 0.0; expected a number "
                                  "in [1, 365] (days without talks, days)")


def test_the_settings_check_and_the_model_refuse_a_bad_tactic_alike():
    with pytest.raises(ConfigError) as loading:
        textbook("scenario.parties.A.delay.tactic=bluff")
    s = textbook()
    with pytest.raises(ConfigError) as building:
        NegotiationModel(with_tactic(s.scenario, "A", "bluff"), s.mediator, 4, 1)
    assert str(loading.value) == str(building.value)

