"""Given-data sensitivity recovers known indices, and tells an input that does nothing."""

import math

import numpy as np
import pandas as pd
import pytest

from sim.report.given_data import DUMMY, GivenSample, given_data_indices, ranking_text


def ishigami(n: int, seed: int = 0) -> GivenSample:
    """y = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 on [-pi, pi]^3, plus x4 entering nothing."""
    x = np.random.default_rng(seed).uniform(-math.pi, math.pi, (n, 4))
    y = np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])
    return GivenSample(pd.DataFrame(x, columns=["x1", "x2", "x3", "x4"]), y, "ishigami")


ISHIGAMI_S1 = {"x1": 0.3139, "x2": 0.4424, "x3": 0.0, "x4": 0.0}  # a = 7, b = 0.1, closed form


@pytest.fixture(scope="module")
def indices() -> pd.DataFrame:
    return given_data_indices(ishigami(20_000), seed=1)


def test_rbd_fast_recovers_the_first_order_indices_of_the_ishigami_function(indices):
    s1 = indices[indices["method"] == "rbd_fast"].set_index("parameter")
    for name, known in ISHIGAMI_S1.items():
        assert s1.at[name, "index"] == pytest.approx(known, abs=0.03), name
    assert list(s1.index[:2]) == ["x2", "x1"]


def test_an_input_that_enters_nothing_has_an_interval_that_holds_zero(indices):
    s1 = indices[indices["method"] == "rbd_fast"].set_index("parameter")
    for name in ("x4", DUMMY):
        assert s1.at[name, "low"] <= 0 <= s1.at[name, "high"], name


def test_pawn_puts_the_inputs_that_matter_above_those_that_do_not(indices):
    pawn = indices[indices["method"] == "pawn"].set_index("parameter")["index"]
    assert min(pawn["x1"], pawn["x2"]) > 3 * max(pawn["x4"], pawn[DUMMY])


def test_the_ranking_says_how_many_inputs_clear_the_dummy(indices):
    text = ranking_text(indices, "ishigami")
    assert text.splitlines()[1].split()[0] == "x2"
    assert "of 4 inputs lie clearly above the dummy" in text


def test_too_small_a_sample_is_refused():
    with pytest.raises(ValueError, match="at least 40"):
        given_data_indices(ishigami(30))
