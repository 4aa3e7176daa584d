"""How a rule is compiled: once, with Numba, for one replicate's numbers.

A rule is written for one replicate (scalars, or short arrays over parties or stages). The
model's compiled daily loops (`sim.engine.keeping`, `sim.engine.talks`, `sim.engine.war`) apply
it to every replicate, inlined, so each replicate's state is read and written once a day; tests
and tools call the same compiled function directly. Nothing is compiled when a rule module is
imported: each function is compiled (or loaded from the on-disk cache, see
`sim.engine.compile_cache`) on first use.
"""

from __future__ import annotations

from collections.abc import Callable

from numba import njit


def rule[F: Callable](function: F) -> F:
    """Compile `function` as a rule: cached on disk, inlined into the loops that call it."""
    return njit(cache=True, inline="always")(function)
