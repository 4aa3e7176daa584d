"""Every bad value is refused with one line naming the key, the value and what is allowed."""

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
    ("scenario.parties.RU.capability=0", "scenario.parties.RU.capability: got 0; expected a number > 0"),
    ("scenario.stages.energy.verification=nan",
     "scenario.stages.energy.verification: got nan; expected a number in [0, 1] or {dist: ...}"),
    ("scenario.stages.energy.duration_days=0",
     "scenario.stages.energy.duration_days: got 0; expected a whole number >= 1"),
    ("scenario.parties.UA.ideal.donetsk=2",
     "scenario.parties.UA.ideal.donetsk: got 2; expected a number in [0, 1]"),
    ("mediator.style=bully", "mediator.style: got 'bully'; expected one of facilitative, leverage"),
    ("mediator.patience_rounds=0", "mediator.patience_rounds: got 0; expected a whole number >= 1"),
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
    with pytest.raises(ConfigError, match=r"capability \(lowest possible draw\): got -1.0"):
        settings("scenario.parties.RU.capability.low=-1")


def test_an_unknown_distribution_family_is_refused():
    with pytest.raises(ConfigError, match=r"capability.dist: got 'poisson'; expected one of uniform, "
                                          r"triangular, beta, lognormal"):
        settings("scenario.parties.RU.capability.dist=poisson")


def test_trace_needs_a_single_chunk():
    with pytest.raises(ConfigError, match=r"at most montecarlo\.chunk_size"):
        settings("trace=true", "runs=20", "montecarlo.chunk_size=10")
