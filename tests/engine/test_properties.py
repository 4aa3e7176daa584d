"""Property-based: every generated scenario is either refused with clear one-line errors or runs
to the end with finite outputs, probabilities in [0, 1]; never a crash, a hang or a NaN."""

import copy
import math
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.config.errors import ConfigError
from sim.engine.model import NegotiationModel
from sim.jobs.settings import load_settings
from sim.results.summary import summarise
from tests.conftest import composed

BASE = composed("runs=16")
TALLY: Counter = Counter()


def leaves(node: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every number in the scenario and mediator (positions, weights, durations...)."""
    if isinstance(node, dict):
        return [p for key, value in node.items() if key != "provenance"
                for p in leaves(value, (*path, key))]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in leaves(value, (*path, i))]
    if isinstance(node, int | float) and not isinstance(node, bool):
        return [path]
    return []


PATHS = leaves({"scenario": BASE["scenario"], "mediator": BASE["mediator"]})
VALUES = st.one_of(
    st.floats(min_value=-0.5, max_value=3.0, allow_nan=False),
    st.integers(min_value=-5, max_value=400),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e12, 0, 0.0, 1.0, "x", None, True, []]),
)


def put(cfg: dict, path: tuple, value: Any) -> None:
    node = cfg
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def simulate(cfg: dict) -> dict[str, np.ndarray]:
    s = load_settings(cfg)
    model = NegotiationModel(s.scenario, s.mediator, 16, seed=3)
    return model.run()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES), min_size=1, max_size=4),
       st.booleans())
def test_generated_scenarios_are_refused_clearly_or_run_cleanly(mutations, short):
    cfg = copy.deepcopy(BASE)
    if short:  # keep most examples fast; the horizon itself is mutated in others
        cfg["scenario"]["horizon_days"] = 45
    for path, value in mutations:
        put(cfg, path, value)
    try:
        out = simulate(cfg)
    except ConfigError as error:
        TALLY["refused"] += 1
        for problem in error.problems:
            line = str(problem)
            assert "\n" not in line and ": got " in line and "; expected " in line
        return
    TALLY["ran"] += 1
    for name in ("agreement", "agreement_held", "end_day"):
        assert np.isfinite(out[name].astype(float)).all()
    summary = summarise(pd.DataFrame(out), cfg["scenario"]["horizon_days"])
    probabilities = [summary["agreement"]["p"], summary["agreement_held"]["p"],
                     *(v for stage in summary["stages"].values()
                       for v in (stage["p_signed"], stage["p_held"], stage["p_collapsed"])),
                     *summary["end_reasons"].values()]
    assert all(0.0 <= p <= 1.0 and math.isfinite(p) for p in probabilities)
    terms = np.concatenate([out[c] for c in out if c.startswith("terms.")])
    assert np.all(np.isnan(terms) | ((terms >= 0) & (terms <= 1)))


def test_the_generator_exercises_both_outcomes():
    """Run after the property: both refusals and clean runs were generated."""
    test_generated_scenarios_are_refused_clearly_or_run_cleanly()
    assert TALLY["refused"] > 0 and TALLY["ran"] > 0, TALLY
