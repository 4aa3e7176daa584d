"""Registered units: a small class with a name, documented parameters and one decision.

In the spirit of Axelrod's strategies, every kind of behaviour a modeller may add (a delay
tactic, say) is a family of units. A unit declares its `name`, a one-line `summary`, the
literature it comes from (`source`) and its `parameters`, each with meaning, unit, range,
default and provenance, and implements the family's one decision. A unit registers itself by
being defined: its family's registry finds every module of the family's package, so adding a
unit is its file, its test and its docs (docs/EXTENDING.md).
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

import numpy as np

from sim.config.distributions import Distribution
from sim.config.errors import ConfigError
from sim.config.sampling import Drawn


@dataclass(frozen=True)
class Setting:
    """One parameter of a unit: what it means, its unit, its allowed range and its default."""

    meaning: str
    unit: str
    low: float
    high: float
    default: float
    provenance: str  # a cited source, or "assumption" with the range it was chosen from

    def allows(self, value: float) -> bool:
        return math.isfinite(value) and self.low <= value <= self.high

    @property
    def allowed(self) -> str:
        return f"a number in [{self.low:g}, {self.high:g}] ({self.meaning}, {self.unit})"


def declare(**settings: Setting) -> Mapping[str, Setting]:
    """A unit's parameters, by name, read-only (a unit is shared by every model that uses it)."""
    return MappingProxyType(settings)


class Unit:
    """The base of every unit: its identity and documented parameters."""

    name: ClassVar[str]
    summary: ClassVar[str]
    source: ClassVar[str]
    parameters: ClassVar[Mapping[str, Setting]] = declare()

    def settings(self, given: Mapping[str, np.ndarray], replicates: int) -> dict[str, np.ndarray]:
        """Its parameters per replicate, (R,) each: the given ones, else their defaults."""
        return {key: np.asarray(given[key], float) if key in given else
                np.full(replicates, setting.default) for key, setting in self.parameters.items()}

    def settings_of(self, drawn: Drawn, replicates: int) -> dict[str, np.ndarray]:
        """Its parameters per replicate from a model's draws of the config's `parameters` that
        choose it (`values.scenario.parties["RU"].delay.parameters`, say): read where the
        config has them, never a unit silently left at its defaults by a wrong path."""
        return self.settings(drawn.numbers(), replicates)


class Registry[U: Unit]:
    """Every unit of one family, by name: the subclasses of `base` defined in `package`. A
    config chooses one by name under the key `chosen_by` (`tactic`, `style`)."""

    def __init__(self, kind: str, base: type[U], package: str, chosen_by: str) -> None:
        self.kind, self.base, self.package, self.chosen_by = kind, base, package, chosen_by
        self._units: dict[str, type[U]] | None = None

    def _found(self) -> dict[str, type[U]]:
        """The family's units: subclasses of its base defined in its own package, so that a
        subclass made elsewhere (a test's, say) never joins it; two with one name are refused."""
        if self._units is None:
            root = importlib.import_module(self.package)
            for module in pkgutil.iter_modules(root.__path__):
                importlib.import_module(f"{self.package}.{module.name}")
            units: dict[str, type[U]] = {}
            for cls in _subclasses(self.base):
                if cls.__module__ != self.package and not cls.__module__.startswith(
                        self.package + "."):
                    continue
                if cls.name in units:
                    raise TypeError(f"two {self.kind}s are named {cls.name!r}: "
                                    f"{units[cls.name].__module__}.{units[cls.name].__qualname__} "
                                    f"and {cls.__module__}.{cls.__qualname__}")
                units[cls.name] = cls
            self._units = units
        return self._units

    def names(self) -> list[str]:
        return sorted(self._found())

    def __iter__(self) -> Iterator[type[U]]:
        return iter(self._found()[name] for name in self.names())

    def get(self, name: str) -> U:
        """The unit called `name`, made ready to decide."""
        return self._found()[name]()

    def check(self, name: str, given: Mapping[str, Any], where: str,
              parameters_at: str | None = None) -> None:
        """Refuse an unknown unit (named at `where.<chosen_by>`), or a parameter (at
        `parameters_at`, by default `where.parameters`) it does not declare or whose value
        (every value a distribution can draw) lies outside the declared range: one line
        each."""
        if name not in self._found():
            raise ConfigError(f"{where}.{self.chosen_by}", name,
                              f"{'an' if self.kind[0] in 'aeiou' else 'a'} {self.kind}: "
                              f"{', '.join(self.names())}")
        declared = self._found()[name].parameters
        for key, value in given.items():
            path = f"{parameters_at or where + '.parameters'}.{key}"
            if key not in declared:
                known = ", ".join(declared) or "none"
                raise ConfigError(path, "<unknown key>", f"a parameter of {self.kind} '{name}' "
                                  f"({known})")
            reach = value.reach() if isinstance(value, Distribution) else (value, value)
            if not all(declared[key].allows(v) for v in reach):
                raise ConfigError(path, value if not isinstance(value, Distribution) else
                                  f"draws reaching {reach[0]:.3g} to {reach[1]:.3g}",
                                  declared[key].allowed)


def _subclasses(base: type) -> list[type]:
    found = []
    for cls in base.__subclasses__():
        if "name" in vars(cls):
            found.append(cls)
        found += _subclasses(cls)
    return found
