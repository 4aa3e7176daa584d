"""Chunks carry their own seeds; results do not depend on how many workers run them."""

import gc
from functools import partial

import numpy as np

from sim.backends import Backend
from sim.montecarlo import Chunk, plan, run_chunks


def noisy(scale: float, chunk: Chunk) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(chunk.seed)
    return {"draw": rng.normal(size=chunk.size) * scale}


def test_plan_cuts_runs_into_fixed_chunks_with_spawned_seeds():
    chunks = plan(2500, 1000, seed=7)
    assert [c.size for c in chunks] == [1000, 1000, 500]
    assert [c.start for c in chunks] == [0, 1000, 2000]
    spawned = np.random.SeedSequence(7).spawn(3)
    assert [c.seed.spawn_key for c in chunks] == [s.spawn_key for s in spawned]
    assert len({c.seed_value for c in chunks}) == 3


def test_same_seed_same_numbers_for_one_or_two_workers():
    chunks = plan(3000, 700, seed=11)
    work = [(partial(noisy, 2.0), chunk) for chunk in chunks]
    one = [cols for _, cols in run_chunks(work, Backend("local", 1))]
    two = [cols for _, cols in run_chunks(work, Backend("local", 2))]
    for a, b in zip(one, two, strict=True):
        assert a.keys() == b.keys()
        for key in a:
            np.testing.assert_array_equal(a[key], b[key])
    replicate = np.concatenate([cols["replicate"] for cols in one])
    np.testing.assert_array_equal(replicate, np.arange(3000))


def test_a_different_seed_gives_different_numbers():
    a = next(run_chunks([(partial(noisy, 1.0), plan(10, 10, seed=1)[0])], Backend("local", 1)))[1]
    b = next(run_chunks([(partial(noisy, 1.0), plan(10, 10, seed=2)[0])], Backend("local", 1)))[1]
    assert not np.array_equal(a["draw"], b["draw"])


class Cyclic:
    """Stands for a model whose agents refer back to it: freed only by the cycle collector."""

    def __init__(self, size: int) -> None:
        self.state = np.zeros(size)
        self.me = self


def cyclic(chunk: Chunk) -> dict[str, np.ndarray]:
    Cyclic(chunk.size)
    return {"x": np.zeros(chunk.size)}


def test_a_chunks_reference_cycles_are_freed_before_the_next_chunk():
    """A worker's memory must not creep with the number of chunks it has run."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as if the collector had not got round to it
    try:
        for _ in run_chunks([(cyclic, c) for c in plan(40, 10, seed=1)], Backend("local", 1)):
            pass
        alive = [o for o in gc.get_objects() if type(o) is Cyclic]  # not isinstance: dead weak proxies raise
    finally:
        if gc_was_enabled:
            gc.enable()
    assert alive == []
