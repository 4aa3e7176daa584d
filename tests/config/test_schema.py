"""Every bad value is refused with one line naming the key, the value and what is allowed."""

import re

import pytest

from sim.config.errors import ConfigError
from tests.conftest import settings

CASES = [
    ("runs=0", "runs: got 0; expected a whole number in [1, 1e+09]"),
    ("runs=-5", "runs: got -5; expected a whole number in [1, 1e+09]"),
    ("runs=2.5", "runs: got 2.5; expected a whole number in [1, 1e+09]"),
    ("runs=many", "runs: got 'many'; expected a whole number in [1, 1e+09]"),
    ("seed=-1", "seed: got -1; expected a whole number in [0, 9.22337e+18]"),
    ("workers=0", "workers: got 0; expected a whole number in [1, 4096]"),
    ("trace=maybe", "trace: got 'maybe'; expected true or false"),
    ("scenario.horizon_days=0", "scenario.horizon_days: got 0; expected a whole number in [1, 36500]"),
    ("scenario.horizon_days=-30", "scenario.horizon_days: got -30; expected a whole number in [1, 36500]"),
    ("scenario.monitoring.detection_base=1.5",
     "scenario.monitoring.detection_base: got 1.5; expected a number in [0, 1]"),
    ("scenario.monitoring.attribution_accuracy=-0.1",
     "scenario.monitoring.attribution_accuracy: got -0.1; expected a number in [0, 1]"),
    ("scenario.parties.RU.capability=0",
     "scenario.parties.RU.capability: got 0; expected a number in (0, 1e+06]"),
    ("scenario.stages.energy.verification=nan",
     "scenario.stages.energy.verification: got nan; expected a number in [0, 1] or {dist: ...}"),
    ("scenario.stages.energy.duration_days=0",
     "scenario.stages.energy.duration_days: got 0; expected a whole number in [1, 1e+06]"),
    ("scenario.parties.UA.ideal.donetsk=2",
     "scenario.parties.UA.ideal.donetsk: got 2; expected a number in [0, 1]"),
    ("mediator.style=bully",
     "mediator.style: got 'bully'; expected a mediator style: facilitative, leverage"),
    ("mediator.patience_rounds=0", "mediator.patience_rounds: got 0; expected a number in [1, 1e+06]"),
    ("+mediator.bias.XX=0.2", "mediator.bias.XX: got <unknown key>; expected a party name: RU, UA"),
]


@pytest.mark.parametrize(("override", "message"), CASES)
def test_bad_value_is_named_with_what_is_allowed(override, message):
    with pytest.raises(ConfigError) as caught:
        settings(override)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_a_distribution_with_impossible_parameters_is_refused():
    with pytest.raises(ConfigError, match=r"scenario.parties.RU.capability: .*low <= high"):
        settings("scenario.parties.RU.capability.low=3")


def test_a_distribution_reaching_outside_the_allowed_range_is_refused():
    with pytest.raises(ConfigError, match=r"capability: got \{.*\}; expected a distribution whose "
                                          r"draws lie in \(0, 1e\+06\] \(its draws reach -1 to 2.5\)"):
        settings("scenario.parties.RU.capability.low=-1")


LOGNORMAL = "{dist: lognormal, median: 0.002, sigma: 0.5}"


@pytest.mark.parametrize("field", ["scenario.parties.RU.capability",
                                   "scenario.parties.RU.delay.cost_per_day",
                                   "scenario.conflict.contest_exponent"])
def test_a_lognormal_on_a_positive_field_is_accepted(field):
    """Before, every lognormal on a "> 0" field was refused: its support starts at 0, which no
    draw reaches."""
    chosen = settings(f"~{field}", f"+{field}={LOGNORMAL}")
    value = chosen.scenario
    for part in field.split(".")[1:]:
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    assert value.family == "lognormal"


def test_a_lognormal_whose_draws_overflow_is_refused():
    """sigma = 1000 drew inf (with only RuntimeWarnings)."""
    field = "scenario.parties.RU.capability"
    with pytest.raises(ConfigError, match=r"^scenario.parties.RU.capability: got .*; expected a "
                                          r"distribution whose draws lie in \(0, 1e\+06\] \(its draws "
                                          r"reach 0 to inf\)$"):
        settings(f"~{field}", f"+{field}={{dist: lognormal, median: 1, sigma: 1000}}")


@pytest.mark.parametrize("override", [
    "scenario.parties.UA.salience.donetsk=1e308",
    "scenario.parties.RU.trust.UA.alpha=1e308",
    "scenario.stages.sea.max_violations=99999999999999999999",
    "mediator.leverage.max_sticks=10000000000000000000000",
])
def test_a_number_that_could_overflow_is_refused(override):
    """Salience 1e308 gave 9% instead of ~33%, trust 1e308 gave 0%, and integers past int64
    reached Numba as a TypingError."""
    key = override.split("=")[0]
    with pytest.raises(ConfigError, match=rf"^{re.escape(key)}: got .*; expected a (whole )?number "
                                          r"in [\[(]\d, 1e\+06\]"):
        settings(override)


def test_an_unknown_distribution_family_is_refused():
    with pytest.raises(ConfigError, match=r"capability.dist: got 'poisson'; expected one of uniform, "
                                          r"triangular, beta, lognormal"):
        settings("scenario.parties.RU.capability.dist=poisson")


def test_trace_needs_a_single_chunk():
    with pytest.raises(ConfigError, match=r"at most montecarlo\.chunk_size"):
        settings("trace=true", "runs=20", "montecarlo.chunk_size=10")
