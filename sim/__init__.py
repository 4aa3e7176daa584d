"""negsim: an agent-based simulator of mediated, staged truce negotiations.

From Python: `sim.Simulator` composes a config once and runs it many times in-process;
`sim.simulate` is one run (`sim.jobs.simulator`). Both are imported when first used.
"""

from typing import Any

from sim.engine.compile_cache import configure as _configure_compile_cache

_configure_compile_cache()

__all__ = ["Result", "Simulator", "simulate"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sim.jobs import simulator

        return getattr(simulator, name)
    raise AttributeError(f"module 'sim' has no attribute {name!r}")
