"""A family's registry finds its units by name and refuses what they do not declare."""

import re

import pytest

from sim.config.distributions import parse_distribution
from sim.config.errors import ConfigError
from sim.rules.tactics import TACTICS, DelayTactic
from sim.rules.units import Registry, Setting, declare

WHERE = "scenario.parties.RU.delay"


def test_the_registry_finds_every_tactic_in_its_package():
    assert "attrition" in TACTICS.names()
    assert all(issubclass(cls, DelayTactic) for cls in TACTICS)


def test_an_unknown_tactic_is_refused_with_the_names_there_are():
    with pytest.raises(ConfigError) as refused:
        TACTICS.check("bluff", {}, WHERE)
    assert str(refused.value) == (f"{WHERE}.tactic: got 'bluff'; expected a delay tactic: "
                                  f"{', '.join(TACTICS.names())}")


def test_a_parameter_the_tactic_does_not_declare_is_refused():
    with pytest.raises(ConfigError) as refused:
        TACTICS.check("attrition", {"margin": 1.0}, WHERE)
    assert str(refused.value) == (f"{WHERE}.parameters.margin: got <unknown key>; expected a "
                                  "parameter of delay tactic 'attrition' (none)")


class Cautious(DelayTactic):
    """A tactic made up for this test (it is not in the tactics package)."""

    name = "cautious_for_test"
    summary, source = "stalls nothing", "none"
    parameters = declare(care=Setting("how careful", "rounds", 0, 3, 1, "assumption: 0-3"))


def test_a_value_or_a_distribution_outside_the_declared_range_is_refused(monkeypatch):
    monkeypatch.setattr(TACTICS, "_units", {"cautious_for_test": Cautious})
    TACTICS.check("cautious_for_test", {"care": 2.0}, WHERE)
    with pytest.raises(ConfigError) as refused:
        TACTICS.check("cautious_for_test", {"care": 4.0}, WHERE)
    assert str(refused.value) == (f"{WHERE}.parameters.care: got 4.0; expected a number in "
                                  "[0, 3] (how careful, rounds)")
    wide = parse_distribution({"dist": "uniform", "low": 1, "high": 5}, "care")
    with pytest.raises(ConfigError, match="draws reaching 1 to 5"):
        TACTICS.check("cautious_for_test", {"care": wide}, WHERE)


def test_a_unit_defined_outside_its_familys_package_never_joins_it():
    fresh = Registry("delay tactic", DelayTactic, "sim.rules.tactics", "tactic")
    assert "cautious_for_test" not in fresh.names()  # Cautious is a DelayTactic, made here
    assert fresh.names() == TACTICS.names()


def test_two_units_of_one_name_in_a_family_are_refused(tmp_path, monkeypatch):
    package = tmp_path / "twin_tactics"
    package.mkdir()
    (package / "__init__.py").write_text("")
    unit = ("from sim.rules.tactics import DelayTactic\n"
            "class {0}(DelayTactic):\n    name = 'twin'\n")
    (package / "one.py").write_text(unit.format("One"))
    (package / "two.py").write_text(unit.format("Two"))
    monkeypatch.syspath_prepend(str(tmp_path))
    twins = Registry("delay tactic", DelayTactic, "twin_tactics", "tactic")
    with pytest.raises(TypeError, match="two delay tactics are named 'twin': twin_tactics"):
        twins.names()


def test_a_unit_fills_in_the_defaults_of_parameters_not_given():
    settings = Cautious().settings({}, 3)
    assert settings["care"].tolist() == [1.0, 1.0, 1.0]


def test_a_unit_reads_its_parameters_where_the_config_has_them_and_nowhere_else(baseline):
    import numpy as np

    from sim.config.sampling import Sampled

    margin = np.array([2.0, 3.0])
    values = Sampled({"scenario": baseline.scenario, "mediator": baseline.mediator},
                     {"scenario.parties.RU.delay.parameters.margin_rounds": margin})
    deadline = TACTICS.get("deadline")
    read = deadline.settings_of(values.scenario.parties["RU"].delay.parameters, 2)
    assert (read["margin_rounds"] == margin).all()
    with pytest.raises(KeyError, match=re.escape("scenario.parties.RUS: not there (there are: RU, UA)")):
        values.scenario.parties["RUS"]
    with pytest.raises(AttributeError, match=re.escape("scenario.parties.RU.delay.parameter: not a "
                                                       "field of Delay")):
        deadline.settings_of(values.scenario.parties["RU"].delay.parameter, 2)
