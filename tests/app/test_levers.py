"""Turning the app's levers by hand: they land on the right config keys, and bad ones are refused."""

import pytest

from sim.app.levers import Levers, defaults, likelihood, settings_for
from sim.config.errors import ConfigError
from tests.conftest import settings


def test_the_levers_start_where_the_configs_are():
    start = defaults()
    assert (start.trust_first, start.trust_second) == (0.5, 0.375)  # Beta(4, 4) and Beta(3, 5)
    assert (start.delay_prize, start.bias) == (0.10, 0.3)
    # uncertain in the baseline: a lever starts at the mean (patience 3-12, rounded)
    assert (start.carrot_budget, start.stick_size, start.patience_rounds) == (0.04, 0.5, 8)


def test_untouched_levers_reproduce_the_configured_baseline_exactly(baseline):
    turned = settings_for(defaults())
    assert turned.scenario == baseline.scenario
    assert turned.mediator == baseline.mediator


def test_trust_lever_moves_the_mean_and_keeps_the_strength_of_the_prior():
    turned = settings_for(Levers(trust_first=0.8)).scenario.parties["RU"].trust["UA"]
    assert turned.alpha == pytest.approx(6.4) and turned.beta == pytest.approx(1.6)


def test_mediator_levers_land_on_the_mediator():
    spec = settings_for(Levers(bias=0.0, carrot_budget=0.1, stick_size=1.5,
                               patience_rounds=12)).mediator
    assert spec.bias == {} and spec.patience_rounds == 12
    assert (spec.leverage.carrot_budget, spec.leverage.stick_size) == (0.1, 1.5)


def test_delay_lever_sets_the_prize_of_the_party_that_stalls():
    assert settings_for(Levers(delay_prize=0.25)).scenario.parties["RU"].delay.prize == 0.25


@pytest.mark.parametrize(("levers", "key", "allowed"), [
    (Levers(strategy="shuttle"), "mediator", "comprehensive, energy_first"),
    (Levers(scenario="korea_1953"), "scenario", "one of black_sea_2025"),
    (Levers(trust_second=1.0), "trust_second", "strictly between 0 and 1"),
    (Levers(bias="lots"), "bias", "a number"),
    (Levers(scenario="symmetric_textbook"), "mediator.ladder[0][0]", "a stage of scenario"),
])
def test_bad_levers_are_refused_with_one_line_naming_the_key(levers, key, allowed):
    with pytest.raises(ConfigError) as caught:
        settings_for(levers)
    assert str(caught.value).startswith(key) and allowed in str(caught.value)


@pytest.mark.slow
def test_quick_estimate_is_the_same_whatever_the_number_of_workers():
    one = likelihood(Levers(seed=3), runs=600, workers=1, chunk_size=200)
    two = likelihood(Levers(seed=3), runs=600, workers=2, chunk_size=200)
    assert one == two and one["runs"] == 600


def test_a_more_patient_mediator_makes_agreement_more_likely():
    # a comprehensive push: the ladders stop at the full ceasefire Russia will not sign
    hasty = likelihood(Levers(strategy="comprehensive", patience_rounds=1), runs=1000, workers=1,
                       chunk_size=500)
    patient = likelihood(Levers(strategy="comprehensive", patience_rounds=20), runs=1000,
                         workers=1, chunk_size=500)
    assert patient["agreement"]["ci_low"] > hasty["agreement"]["ci_high"]


def test_levers_match_a_composed_override(baseline):
    by_override = settings("mediator.patience_rounds=9", "mediator.leverage.stick_size=0.75")
    by_lever = settings_for(Levers(patience_rounds=9, stick_size=0.75))
    assert by_lever.mediator == by_override.mediator


def test_a_lever_set_by_a_distribution_starts_at_its_mean_whatever_the_family():
    from sim.app.levers import _number

    assert _number({"dist": "uniform", "low": 0.002, "high": 0.006}, "x") == pytest.approx(0.004)
    assert _number({"dist": "triangular", "low": 0.0, "mode": 0.3, "high": 0.6}, "x") == \
        pytest.approx(0.3)
    assert _number({"dist": "lognormal", "median": 1.0, "sigma": 0.0}, "x") == 1.0
    with pytest.raises(ConfigError, match=r"^x\.dist"):
        _number({"dist": "cauchy"}, "x")


@pytest.mark.slow
def test_the_quick_estimate_gives_the_numbers_negsim_gives(tmp_path):
    """It used chunks of 5,000 against the config's 10,000: other seeds, other numbers."""
    from dataclasses import replace

    from sim.jobs.run import run_single

    levers = Levers(seed=4, patience_rounds=3)
    chosen = settings_for(levers)
    runs = chosen.options.montecarlo.chunk_size + 500  # two chunks of the config's size
    options = replace(chosen.options, runs=runs,
                      montecarlo=replace(chosen.options.montecarlo, progress=False))
    summary = run_single(replace(chosen, options=options), tmp_path / "run", lambda _: None,
                         ["test"])
    quick = likelihood(levers, runs=runs, workers=1)
    assert quick["agreement"] == summary["agreement"]
    assert quick["stages"] == summary["stages"]
