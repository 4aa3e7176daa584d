"""Per-replicate values of every numeric parameter, drawn from its own random stream.

Each distribution gets a stream keyed by its parameter path, so changing one input (as a
sweep does) leaves the draws of every other input unchanged: common random numbers.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Mapping
from typing import Any

import numpy as np

from sim.config.distributions import Distribution


def _named(seed: np.random.SeedSequence, name: str) -> np.random.SeedSequence:
    return np.random.SeedSequence(seed.entropy,
                                  spawn_key=(*seed.spawn_key, zlib.crc32(name.encode())))


def stream(seed: np.random.SeedSequence, name: str) -> np.random.Generator:
    """A generator for one named purpose, derived from `seed` and stable across code changes."""
    return np.random.default_rng(_named(seed, name))


def stream_key(seed: np.random.SeedSequence, name: str) -> np.uint64:
    """A 64-bit key for one named purpose's counter-based draws (`sim.engine.draws`), derived the
    same way as `stream`."""
    return _named(seed, name).generate_state(1, np.uint64)[0]


def parameters(obj: Any, path: str) -> dict[str, float | Distribution]:
    """Every float or distribution inside a config dataclass, by dotted path, in a stable order."""
    found: dict[str, float | Distribution] = {}
    if isinstance(obj, Distribution) or (isinstance(obj, float) and not isinstance(obj, bool)):
        found[path] = obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            found.update(parameters(getattr(obj, f.name), f"{path}.{f.name}"))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            found.update(parameters(value, f"{path}.{key}"))
    return found


def sample(obj: Any, path: str, seed: np.random.SeedSequence, size: int) -> dict[str, np.ndarray]:
    """Arrays of shape (size,) for every parameter: fixed ones repeated, distributions drawn."""
    values = {}
    for key, value in parameters(obj, path).items():
        if isinstance(value, Distribution):
            values[key] = value.sample(stream(seed, "input:" + key), size)
        else:
            values[key] = np.full(size, value)
    return values


def uncertain(obj: Any, path: str) -> list[str]:
    """Paths of the parameters given as distributions: the inputs a run table must record."""
    return [k for k, v in parameters(obj, path).items() if isinstance(v, Distribution)]


class Sampled(dict[str, np.ndarray]):
    """The numbers drawn per replicate (R,) by config path, beside the configs they were drawn
    from (`roots`, by the first part of a path: `scenario`, `mediator`). They are read as the
    configs are laid out: `values.scenario.conflict.contest_exponent` is the (R,) draws of that
    field, `values.scenario.parties["RU"]` the draws of one party (`Drawn`); a name the config
    does not have fails at once, at load, naming the path and what is there."""

    def __init__(self, roots: Mapping[str, Any], values: Mapping[str, np.ndarray]) -> None:
        super().__init__(values)
        self.roots = dict(roots)

    def __getattr__(self, name: str) -> Drawn:
        roots = self.__dict__.get("roots", {})
        if name not in roots:
            raise AttributeError(f"{name}: not a sampled config (there are: {', '.join(roots)})")
        return Drawn(self, name, roots[name])


class Drawn:
    """The draws of one part of a config, read by its fields (a dataclass) or keys (a mapping),
    as the config itself is: a number gives its (R,) draws, anything else the `Drawn` of what it
    holds. A field or key the config does not have is an error naming the path."""

    __slots__ = ("_node", "_path", "_values")

    def __init__(self, values: Sampled, path: str, node: Any) -> None:
        self._values, self._path, self._node = values, path, node

    def __getattr__(self, name: str) -> Any:
        node = self._node
        if name.startswith("_") or not dataclasses.is_dataclass(node):
            raise AttributeError(f"{self._path}.{name}: {self._path} has no fields")
        fields = [f.name for f in dataclasses.fields(node)]
        if name not in fields:
            raise AttributeError(f"{self._path}.{name}: not a field of {type(node).__name__} "
                                 f"(its fields: {', '.join(fields)})")
        return self._child(name, getattr(node, name))

    def __getitem__(self, key: str) -> Any:
        node = self._node
        if not isinstance(node, Mapping) or key not in node:
            there = ", ".join(node) if isinstance(node, Mapping) else "nothing by key"
            raise KeyError(f"{self._path}.{key}: not there (there are: {there})")
        return self._child(key, node[key])

    def __contains__(self, key: str) -> bool:
        return isinstance(self._node, Mapping) and key in self._node

    def _child(self, name: str, node: Any) -> Any:
        path = f"{self._path}.{name}"
        return self._values[path] if path in self._values else Drawn(self._values, path, node)

    def at(self, path: str) -> Any:
        """What lies at a dotted `path` below this part, field by field or key by key
        (`delay.prize`, `trust.mediator.alpha`)."""
        part: Any = self
        for name in path.split("."):
            part = part[name] if isinstance(part._node, Mapping) else getattr(part, name)
        return part

    def numbers(self) -> dict[str, np.ndarray]:
        """Every number drawn under this part, by the rest of its path (a unit's `parameters`);
        the path itself was checked as this part was reached."""
        prefix = self._path + "."
        return {k[len(prefix):]: v for k, v in self._values.items() if k.startswith(prefix)}
