"""Sweep designs cover the ranges they are given."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.montecarlo.designs import (
    ablation_variant,
    design_points,
    load_sweep,
    override,
    point_count,
    unit_points,
)


def points(raw, uncertain=None):
    spec, axes = load_sweep(raw, uncertain or {})
    return spec, axes, design_points(spec, axes)


def test_a_grid_is_the_full_product_with_range_ends_included():
    _, _, pts = points({"design": "grid", "parameters": {
        "scenario.a": {"low": 0, "high": 1, "num": 3}, "mediator": ["x", "y"]}})
    assert pts == [{"scenario.a": 0.0, "mediator": "x"}, {"scenario.a": 0.0, "mediator": "y"},
                   {"scenario.a": 0.5, "mediator": "x"}, {"scenario.a": 0.5, "mediator": "y"},
                   {"scenario.a": 1.0, "mediator": "x"}, {"scenario.a": 1.0, "mediator": "y"}]


def test_log_and_integer_ranges():
    _, _, pts = points({"design": "grid", "parameters": {
        "scenario.c": {"low": 0.001, "high": 0.1, "num": 3, "log": True}}})
    assert [p["scenario.c"] for p in pts] == pytest.approx([0.001, 0.01, 0.1])
    _, _, pts = points({"design": "grid", "parameters": {
        "scenario.n": {"low": 2, "high": 12, "num": 3, "integer": True}}})
    assert [p["scenario.n"] for p in pts] == [2, 7, 12]


def test_a_latin_hypercube_puts_one_point_in_every_stratum_of_every_range():
    _, _, pts = points({"design": "lhs", "points": 20, "seed": 3, "parameters": {
        "scenario.a": {"low": 10, "high": 20}, "scenario.b": {"low": -1, "high": 1}}})
    a = np.array([p["scenario.a"] for p in pts])
    b = np.array([p["scenario.b"] for p in pts])
    assert sorted(np.floor((a - 10) / 10 * 20).astype(int)) == list(range(20))
    assert sorted(np.floor((b + 1) / 2 * 20).astype(int)) == list(range(20))


def test_a_sobol_design_fills_the_box_evenly():
    spec, axes, pts = points({"design": "sobol", "points": 64, "seed": 1, "parameters": {
        "scenario.a": {"low": 0, "high": 4}, "scenario.b": {"low": 0, "high": 1}}})
    a = np.array([p["scenario.a"] for p in pts])
    assert len(pts) == 64 and a.min() >= 0 and a.max() <= 4
    counts = np.histogram(a, bins=4, range=(0, 4))[0]
    assert counts.tolist() == [16, 16, 16, 16]  # a scrambled Sobol' net is balanced
    assert unit_points(spec, axes).shape == (64, 2)


def test_morris_trajectories_span_every_uncertain_input():
    _, axes, pts = points({"design": "morris", "uncertain": True, "points": 3, "levels": 4},
                             {"scenario.x": (1.0, 2.0), "scenario.y": (0.0, 0.5)})
    assert [a.path for a in axes] == ["scenario.x", "scenario.y"]
    assert len(pts) == 3 * (2 + 1)
    xs = {round(p["scenario.x"], 6) for p in pts}
    assert xs <= {1.0, round(1 + 1 / 3, 6), round(1 + 2 / 3, 6), 2.0}


@pytest.mark.parametrize(("raw", "message"), [
    ({"design": "random", "parameters": {"scenario.a": [1]}}, "sweep.design: got 'random'"),
    ({"design": "grid", "parameters": {"scenario.a": []}}, "sweep.parameters.scenario.a: got []"),
    ({"design": "grid", "parameters": {"scenario.a": {"low": 2, "high": 1}}}, "a range with low < high"),
    ({"design": "grid", "parameters": {}}, "at least one parameter"),
    ({"design": "morris", "parameters": {"scenario.m": ["x", "y"]}}, "numeric ranges only"),
    ({"design": "grid", "parameters": {"scenario.a": 3}}, "a list of values or a range"),
    ({"design": "grid", "colour": 1, "parameters": {"scenario.a": [1]}}, "sweep.colour: got <unknown key>"),
    ({"design": "ablation", "parameters": {"scenario.a": {"low": 0, "high": 1}}},
     "sweep.parameters.scenario.a: got <a range>; expected a list of values in an ablation"),
    ({"design": "ablation", "parameters": {"mediator": ["x", "y", "z"]}},
     "at least one mechanism given as [off, on] in an ablation"),
])
def test_bad_sweeps_are_refused_clearly(raw, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_sweep(raw, {})


def test_overrides_keep_floats_exact():
    assert override("a.b", 0.1) == "a.b=0.1"
    assert override("mediator", "parallel") == "mediator=parallel"
    assert override("flag", True) == "flag=true"


def test_a_nested_parameter_block_reads_as_dotted_paths():
    """`+sweep.parameters.mediator.patience_rounds=[2, 4]` nests the path; it means the same."""
    _, axes, _ = points({"design": "grid", "parameters": {
        "mediator": {"patience_rounds": [2, 4], "leverage": {"stick_size": {"low": 0, "high": 1}}}}})
    assert [a.path for a in axes] == ["mediator.patience_rounds", "mediator.leverage.stick_size"]


def test_a_design_too_large_to_run_is_refused_before_it_is_made():
    raw = {"design": "grid", "parameters": {f"scenario.p{i}": {"low": 0, "high": 1, "num": 1000}
                                            for i in range(3)}}
    with pytest.raises(ConfigError, match=r"^sweep: got <a grid design of 1,000,000,000 points>; "
                                          r"expected at most 100,000 points$"):
        load_sweep(raw, {})


def test_an_ablation_switches_each_mechanism_off_in_turn_under_each_crossed_value():
    spec, axes, pts = points({"design": "ablation", "parameters": {
        "scenario.a": [0, 1], "scenario.b": ["off", "on"], "mediator": ["x", "y", "z"]}})
    assert len(pts) == point_count(spec, axes) == 4 * 3
    first = pts[:4]
    assert first == [{"scenario.a": 1, "scenario.b": "on", "mediator": "x"},
                     {"scenario.a": 0, "scenario.b": "on", "mediator": "x"},
                     {"scenario.a": 1, "scenario.b": "off", "mediator": "x"},
                     {"scenario.a": 0, "scenario.b": "off", "mediator": "x"}]
    assert [ablation_variant(p, axes) for p in first] == [
        "all on", "without scenario.a", "without scenario.b", "all off"]
    assert {p["mediator"] for p in pts[4:8]} == {"y"}


def test_an_ablation_of_one_mechanism_is_on_and_off():
    _, _, pts = points({"design": "ablation", "parameters": {"scenario.a": [0, 1]}})
    assert pts == [{"scenario.a": 1}, {"scenario.a": 0}]
