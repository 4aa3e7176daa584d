"""Scenario discovery finds a box planted in synthetic data, states it in plain words with
its numbers, and keeps it on disk as it found it."""

import re

import numpy as np
import pandas as pd
import pytest

from sim.report.given_data import GivenSample
from sim.report.scenarios import (
    answer,
    conditions,
    discover,
    discovery_text,
    load_discovery,
    save_discovery,
    significant,
)


def planted(n: int = 3000, seed: int = 0, inside: float = 0.9, outside: float = 0.1) -> GivenSample:
    """Agreement with P = 0.9 where a ≥ 0.6 and b ≤ 0.3, else 0.1; c and d do nothing."""
    rng = np.random.default_rng(seed)
    x = pd.DataFrame(rng.uniform(size=(n, 4)), columns=["a", "b", "c", "d"])
    box = (x["a"] >= 0.6) & (x["b"] <= 0.3)
    y = rng.uniform(size=n) < np.where(box, inside, outside)
    return GivenSample(x, y.astype(float), "agreement")


@pytest.fixture(scope="module")
def found():
    return discover(planted(), threshold=0.8, seed=1)


def test_prim_recovers_the_planted_box(found):
    stated = significant(found.limits).set_index("parameter")
    assert set(stated.index) == {"a", "b"}
    assert stated.at["a", "low"] == pytest.approx(0.6, abs=0.05)
    assert stated.at["b", "high"] == pytest.approx(0.3, abs=0.05)
    assert found.stats["stated"]["density"] >= 0.8


def test_the_answer_comes_first_in_plain_words_with_coverage_and_density(found):
    text = answer(found)
    assert text.startswith("A comprehensive agreement signed within the horizon is very likely "
                           "(P ≥ 0.80) when a ≥ ")
    a_low = float(re.search(r"a ≥ ([0-9.]+)", text).group(1))
    b_high = float(re.search(r"b ≤ ([0-9.]+)", text).group(1))
    assert a_low == pytest.approx(0.6, abs=0.05) and b_high == pytest.approx(0.3, abs=0.05)
    assert "coverage" in text and "density" in text
    assert "CART's densest leaf" in discovery_text(found)


def test_cart_and_feature_scores_name_the_inputs_that_matter(found):
    assert set(found.cart["parameter"]) <= {"a", "b", "c", "d"}
    assert {"a", "b"} <= set(found.cart["parameter"])
    assert list(found.features["parameter"][:2]) in (["a", "b"], ["b", "a"])


def test_the_trajectory_trades_coverage_for_density(found):
    t = found.trajectory
    assert t["coverage"].iloc[0] == pytest.approx(1.0)
    assert t["density"].iloc[-1] > t["density"].iloc[0]


def test_a_saved_discovery_reads_back_as_it_was_found(found, tmp_path):
    save_discovery(tmp_path, found)
    back = load_discovery(tmp_path)
    assert answer(back) == answer(found)
    pd.testing.assert_frame_equal(back.limits, found.limits, check_dtype=False)
    assert load_discovery(tmp_path / "elsewhere") is None


def test_a_threshold_reached_everywhere_says_so():
    text = answer(discover(planted(inside=0.95, outside=0.9), threshold=0.5))
    assert "across the whole sampled space" in text


def test_a_threshold_reached_nowhere_says_so():
    text = answer(discover(planted(inside=0.4, outside=0.1), threshold=0.9))
    assert text.startswith("Nowhere in the sampled ranges")


def test_an_outcome_that_never_varies_or_a_threshold_out_of_range_is_refused():
    still = GivenSample(pd.DataFrame({"a": np.linspace(0, 1, 100)}), np.zeros(100), "agreement")
    with pytest.raises(ValueError, match="got 0 in every case"):
        discover(still)
    with pytest.raises(ValueError, match=r"threshold: got 1\.5"):
        discover(planted(), threshold=1.5)


def test_conditions_read_as_limits():
    limits = pd.DataFrame({"parameter": ["x"], "low": [2.0], "high": [np.nan]})
    assert conditions(limits) == ["x ≥ 2"]
