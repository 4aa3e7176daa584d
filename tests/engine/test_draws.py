"""Counter-based draws: SplitMix64 read at any position, uniform, and free of cross-talk."""

import numpy as np
from numba import njit
from scipy import stats

from sim.engine.draws import uniform


@njit
def _draws(key, counters):
    return np.array([uniform(key, c) for c in counters])


def splitmix64(state: int, count: int) -> list[float]:
    """The published generator, sequentially (Steele, Lea and Flood 2014), to 53 bits."""
    mask, out = (1 << 64) - 1, []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        out.append(((z ^ (z >> 31)) >> 11) / 2**53)
    return out


def test_a_draw_is_splitmix64_at_its_counter():
    assert _draws(np.uint64(12345), np.arange(5)).tolist() == splitmix64(12345, 5)


def test_draws_are_uniform_and_the_five_uses_are_uncorrelated():
    u = _draws(np.uint64(2**63 + 7), np.arange(500_000)).reshape(-1, 5)
    assert stats.kstest(u.ravel(), "uniform").pvalue > 1e-3
    correlation = np.corrcoef(u.T)[np.triu_indices(5, 1)]
    assert np.abs(correlation).max() < 0.01  # 100,000 pairs: |r| < 0.01 is over 3 SE


def test_keys_give_unrelated_draws():
    a, b = _draws(np.uint64(1), np.arange(100_000)), _draws(np.uint64(2), np.arange(100_000))
    assert abs(np.corrcoef(a, b)[0, 1]) < 0.015
    assert stats.ks_2samp(a, b).pvalue > 1e-3
