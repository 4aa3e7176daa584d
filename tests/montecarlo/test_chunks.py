"""Chunks carry their own seeds; results do not depend on how many workers run them."""

import gc
import os
import time
from functools import partial
from pathlib import Path

import numpy as np

from sim.montecarlo.backends import Backend
from sim.montecarlo.chunks import Chunk, plan, run_chunks


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


def record_pid(folder: str) -> None:
    """A worker's preparation in the test below: leave its process id in `folder`. It takes
    a while, as importing the model does, so that each worker prepares once."""
    (Path(folder) / str(os.getpid())).touch()
    time.sleep(0.5)


def process_id(_: int) -> int:
    return os.getpid()


def test_workers_started_early_are_the_ones_that_run_the_chunks(tmp_path):
    backend = Backend("local", 2)
    backend.start(4, "tests.montecarlo.test_chunks:record_pid", str(tmp_path))
    ran = set(backend.map(process_id, [(i,) for i in range(4)]))
    prepared = {int(p.name) for p in tmp_path.iterdir()}
    assert len(prepared) == 2 and ran <= prepared
    assert os.getpid() not in ran


def test_nothing_is_started_for_work_that_runs_in_this_process(tmp_path):
    Backend("local", 2).start(1, "tests.montecarlo.test_chunks:record_pid", str(tmp_path))
    Backend("local", 1).start(8, "tests.montecarlo.test_chunks:record_pid", str(tmp_path))
    assert list(tmp_path.iterdir()) == []
