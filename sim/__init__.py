"""negsim: an agent-based simulator of mediated, staged truce negotiations."""

from sim.engine.compile_cache import configure as _configure_compile_cache

_configure_compile_cache()
