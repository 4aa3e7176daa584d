"""Where Monte Carlo work runs: local processes (joblib/loky) or a Dask cluster.

Both return results in submission order, so what is computed never depends on the backend or
the number of workers; only speed does.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

BACKENDS = ("local", "dask")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Backend:
    """`local`: `workers` loky processes (1 runs in this process). `dask`: the scheduler at
    `scheduler`, or a LocalCluster of `workers` single-threaded processes when it is None."""

    name: str = "local"
    workers: int | None = None
    scheduler: str | None = None

    def map(self, fn: Callable[..., Any], jobs: Sequence[tuple[Any, ...]]) -> Iterator[Any]:
        if not jobs:
            return iter(())
        if self.name == "dask":
            return _dask_map(fn, jobs, self.workers, self.scheduler)
        workers = self.local_workers(len(jobs))
        if workers == 1:  # here, in order: joblib (≈ 0.15 s to import) is not needed
            return (fn(*job) for job in jobs)
        from joblib import Parallel, delayed

        _await_workers()
        return Parallel(n_jobs=workers, backend="loky", return_as="generator")(
            delayed(fn)(*job) for job in jobs)

    def local_workers(self, jobs: int) -> int:
        """How many local processes `map` uses for `jobs` jobs (1: this one)."""
        return min(self.workers or default_workers(), jobs)

    def spreads(self, jobs: int) -> bool:
        """Whether `map` over `jobs` jobs runs them in other processes than this one."""
        return self.name != "local" or self.local_workers(jobs) >= 2

    def start(self, jobs: int, prepare: str, *args: Any) -> None:
        """Start the local workers that `map` over `jobs` jobs will use, now, each running
        `prepare` ("module:function", called with `args`) to import what the jobs need.

        A worker's start-up (a fresh interpreter importing the model and loading its compiled
        loops, ≈ 1.5 s) then overlaps whatever the caller does meanwhile; `map` waits for it.
        Nothing is started for Dask or for work that runs in this process."""
        if self.name != "local" or not self.spreads(jobs):
            return
        from joblib import Parallel, delayed

        workers = self.local_workers(jobs)
        _warming.append(Parallel(n_jobs=workers, backend="loky", return_as="generator")(
            delayed(_prepare)(prepare, args) for _ in range(workers)))


_warming: list[Iterator[None]] = []
"""Workers being started by `Backend.start`: the generator of their preparation jobs."""


def _prepare(target: str, args: tuple[Any, ...]) -> None:
    module, _, name = target.partition(":")
    getattr(import_module(module), name)(*args)


def _await_workers() -> None:
    """Wait until the workers being started are ready (the pool is then reused as it is)."""
    while _warming:
        deque(_warming.pop(), maxlen=0)


def release_workers() -> None:
    """Stop the idle local worker processes, which joblib keeps for reuse, so that what comes
    after the Monte Carlo (summary, report) does not share the machine's memory with them."""
    if "joblib" not in sys.modules:  # none was started
        return
    from joblib.externals.loky import get_reusable_executor

    get_reusable_executor().shutdown(wait=True)


def _dask_map(fn: Callable[..., Any], jobs: Sequence[tuple[Any, ...]], workers: int | None,
              scheduler: str | None) -> Iterator[Any]:
    """Submit jobs to Dask a window at a time and yield their results in order."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                               processes=True, dashboard_address=None)
    client = Client(cluster if cluster is not None else scheduler)
    try:
        window = 2 * max(sum(client.nthreads().values()), 1)
        pending: deque[Any] = deque()
        queue = iter(jobs)
        for job in queue:
            pending.append(client.submit(fn, *job, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
