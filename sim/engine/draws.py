"""Counter-based uniform draws for the compiled daily loops.

A draw is a pure function of a key (one per chunk and kind of draw, from its SeedSequence) and
a counter naming what it is for: replicate, day, stage and party. So a loop computes only
the numbers it needs (a truce's five daily draws only while it is in force), and a replicate's
numbers never depend on what other replicates, or other parts of the model, did: common random
numbers across configurations hold in every state, not only while arrays keep their shapes.

The function is SplitMix64 (Steele, Lea and Flood 2014) read at the counter's position: the
key plus the counter times the golden-ratio increment, mixed by its output function. Its
sequential stream passes BigCrush; each draw has 53 random bits.
"""

from __future__ import annotations

import numpy as np
from numba import njit

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX_1, MIX_2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
SHIFT_1, SHIFT_2, SHIFT_3, BITS = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
UNIT = 1.0 / 9007199254740992.0  # 2^-53


@njit(cache=True, inline="always")
def uniform(key: np.uint64, counter: int) -> float:  # pragma: no cover - compiled
    """A uniform draw in [0, 1) for `counter` under `key`."""
    z = key + (np.uint64(counter) + np.uint64(1)) * GOLDEN
    z = (z ^ (z >> SHIFT_1)) * MIX_1
    z = (z ^ (z >> SHIFT_2)) * MIX_2
    z = z ^ (z >> SHIFT_3)
    return float(z >> BITS) * UNIT


@njit(cache=True)
def uniforms(key: np.uint64, offset: int, stride: int,
             count: int) -> np.ndarray:  # pragma: no cover - compiled
    """`count` draws, the r-th for counter offset + r * stride: one a replicate."""
    out = np.empty(count)
    for r in range(count):
        out[r] = uniform(key, offset + r * stride)
    return out


@njit(cache=True)
def uniform_table(key: np.uint64, offset: int, columns: int, stride: int,
                  count: int) -> np.ndarray:  # pragma: no cover - compiled
    """(count, columns) draws, [r, k] for counter offset + k + r * stride: the columns of
    `uniforms(key, offset + k, stride, count)` side by side, in one pass."""
    out = np.empty((count, columns))
    for r in range(count):
        for k in range(columns):
            out[r, k] = uniform(key, offset + k + r * stride)
    return out
