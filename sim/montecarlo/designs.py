"""Sweep designs: which points of parameter space to run.

A sweep names parameter paths (any key of the composed config, or a config group such as
`mediator`) with a list of values or a range, and a design: a full `grid`, a Latin hypercube
(`lhs`) or a scrambled `sobol` sequence (scipy.stats.qmc), `morris` trajectories for
elementary-effects sensitivity (SALib), or an `ablation`: each parameter with two values is a
mechanism [off, on], and the points are every mechanism on, each switched off in turn, and all
off (a parameter with another number of values is crossed with them). Points are plain
override strings, so every point is composed and validated exactly as a command-line run
would be.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import qmc

from sim.config.errors import ConfigError
from sim.config.schema import build, number, text

DESIGNS = ("grid", "lhs", "sobol", "morris", "ablation")


@dataclass(frozen=True, kw_only=True)
class Range:
    low: float = number(doc="lowest value")
    high: float = number(doc="highest value")
    num: int = number(2, 10_000, default=5, doc="values on a grid, ends included")
    integer: bool = field(default=False, metadata={"doc": "round to whole numbers"})
    log: bool = field(default=False, metadata={"doc": "space values evenly on a log scale"})


@dataclass(frozen=True, kw_only=True)
class SweepSpec:
    design: str = text(doc="grid, lhs, sobol, morris or ablation")
    parameters: dict[str, Any] = field(default_factory=dict)
    uncertain: bool = field(default=False, metadata={"doc": "add every uncertain input, over "
                                                     "its distribution's range"})
    points: int = number(1, 100_000, default=16, doc="points (lhs, sobol) or trajectories (morris)")
    levels: int = number(2, 100, default=4, doc="grid levels of a Morris design")
    seed: int = number(0, 2**32 - 1, default=0, doc="seed of the design itself")


@dataclass(frozen=True)
class Axis:
    """One swept parameter: a finite list of values, or a numeric range."""

    path: str
    values: tuple[Any, ...] | None = None
    range: Range | None = None

    def grid(self) -> list[Any]:
        if self.values is not None:
            return list(self.values)
        return [self.scale(u) for u in np.linspace(0.0, 1.0, self.range.num)]

    def scale(self, unit: float) -> Any:
        """Map a point of [0, 1] onto the axis."""
        if self.values is not None:
            return self.values[min(int(unit * len(self.values)), len(self.values) - 1)]
        r = self.range
        if r.log:
            value = math.exp(math.log(r.low) + unit * (math.log(r.high) - math.log(r.low)))
        else:
            value = r.low + unit * (r.high - r.low)
        return round(value) if r.integer else float(value)


SWEEPABLE = ("scenario", "mediator", "seed", "runs", "montecarlo.chunk_size")
"""What a point may vary: the two groups (whole or any key under them) and the three run
settings that change its numbers. Anything else (workers, backend, report, ...) would be
stored under a key of its own while computing the same numbers, so it is refused."""


def _sweepable(path: str) -> bool:
    return path in SWEEPABLE or path.split(".", 1)[0] in ("scenario", "mediator")


def _axis(path: str, raw: Any) -> Axis:
    where = f"sweep.parameters.{path}"
    if not _sweepable(path):
        raise ConfigError("sweep.parameters", path, "a key under scenario or mediator, a group "
                          "(scenario, mediator), seed, runs or montecarlo.chunk_size")
    if isinstance(raw, list | tuple):
        if not raw:
            raise ConfigError(where, list(raw), "a non-empty list of values")
        return Axis(path, values=tuple(raw))
    if isinstance(raw, Mapping):
        r = build(Range, raw, where)
        if not r.low < r.high:
            raise ConfigError(where, dict(raw), "a range with low < high")
        if r.log and r.low <= 0:
            raise ConfigError(f"{where}.low", r.low, "a number > 0 on a log scale")
        return Axis(path, range=r)
    raise ConfigError(where, raw, "a list of values or a range {low, high[, num, integer, log]}")


def flat_parameters(given: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Parameter paths as dotted keys. `+sweep.parameters.a.b=[1, 2]` on the command line
    nests them ({a: {b: [1, 2]}}); a mapping whose values are all scalars is a range."""
    flat: dict[str, Any] = {}
    for key, value in given.items():
        path = f"{prefix}{key}"
        nested = isinstance(value, Mapping) and value and any(
            isinstance(v, Mapping | list | tuple) for v in value.values())
        if nested:
            flat |= flat_parameters(value, path + ".")
        else:
            flat[path] = value
    return flat


def load_sweep(raw: Any, uncertain_ranges: Mapping[str, tuple[float, float]]) -> tuple[SweepSpec,
                                                                                       list[Axis]]:
    """Validate a sweep block; `uncertain_ranges` gives the range of each uncertain input."""
    spec = build(SweepSpec, raw, "sweep")
    if spec.design not in DESIGNS:
        raise ConfigError("sweep.design", spec.design, f"one of {', '.join(DESIGNS)}")
    axes = [_axis(path, value) for path, value in flat_parameters(spec.parameters).items()]
    if spec.uncertain:
        named = {a.path for a in axes}
        axes += [Axis(path, range=Range(low=low, high=high)) for path, (low, high)
                 in uncertain_ranges.items() if path not in named]
    if not axes:
        raise ConfigError("sweep.parameters", {}, "at least one parameter (or uncertain: true)")
    if spec.design == "morris" and any(a.values is not None for a in axes):
        raise ConfigError("sweep.parameters", spec.design, "numeric ranges only for a morris design")
    if spec.design == "ablation":
        _check_ablation(axes)
    count = point_count(spec, axes)
    if count > MOST_POINTS:
        raise ConfigError("sweep", f"<a {spec.design} design of {count:,} points>",
                          f"at most {MOST_POINTS:,} points")
    return spec, axes


MOST_POINTS = 100_000
"""Points a sweep may have: each is composed, checked and stored before and as it runs."""


def point_count(spec: SweepSpec, axes: list[Axis]) -> int:
    """How many points a design has, counted before any is made."""
    if spec.design == "grid":
        return math.prod(len(a.values) if a.values is not None else a.range.num for a in axes)
    if spec.design == "morris":
        return spec.points * (len(axes) + 1)
    if spec.design == "ablation":
        switches, crossed = _switches(axes)
        return len(_variants(switches)) * math.prod(len(a.values) for a in crossed)
    return spec.points


def salib_problem(names: list[str]) -> dict[str, Any]:
    """A SALib problem on the unit cube; values are mapped onto each axis afterwards."""
    return {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}


def unit_points(spec: SweepSpec, axes: list[Axis]) -> np.ndarray:
    """Design points in the unit cube, (points, parameters); not used by grids."""
    d = len(axes)
    if spec.design == "lhs":
        return qmc.LatinHypercube(d=d, seed=spec.seed).random(spec.points)
    if spec.design == "sobol":
        return qmc.Sobol(d=d, scramble=True, seed=spec.seed).random(spec.points)
    from SALib.sample import morris

    return morris.sample(salib_problem([a.path for a in axes]), N=spec.points,
                         num_levels=spec.levels, seed=spec.seed)


def design_points(spec: SweepSpec, axes: list[Axis]) -> list[dict[str, Any]]:
    """The parameter values of every point, in run order."""
    if spec.design == "grid":
        return [dict(zip([a.path for a in axes], combo, strict=True))
                for combo in itertools.product(*(a.grid() for a in axes))]
    if spec.design == "ablation":
        return _ablation_points(axes)
    return [{a.path: a.scale(float(u)) for a, u in zip(axes, row, strict=True)}
            for row in unit_points(spec, axes)]


def _switches(axes: list[Axis]) -> tuple[list[Axis], list[Axis]]:
    """An ablation's mechanisms (two values: off, on) and the axes crossed with them."""
    switches = [a for a in axes if a.values is not None and len(a.values) == 2]
    return switches, [a for a in axes if a not in switches]


def _check_ablation(axes: list[Axis]) -> None:
    for axis in axes:
        if axis.values is None:
            raise ConfigError(f"sweep.parameters.{axis.path}", "<a range>",
                              "a list of values in an ablation: [off, on] for a mechanism")
    if not _switches(axes)[0]:
        raise ConfigError("sweep.parameters", [a.path for a in axes],
                          "at least one mechanism given as [off, on] in an ablation")


def _ablation_points(axes: list[Axis]) -> list[dict[str, Any]]:
    """For each combination of the crossed axes: every mechanism on, each off in turn, all off."""
    switches, crossed = _switches(axes)
    points = []
    for combo in itertools.product(*(a.values for a in crossed)):
        fixed = dict(zip([a.path for a in crossed], combo, strict=True))
        points += [{a.path: (fixed | v)[a.path] for a in axes} for v in _variants(switches)]
    return points


def _variants(switches: list[Axis]) -> list[dict[str, Any]]:
    on = {a.path: a.values[1] for a in switches}
    each_off = [{**on, a.path: a.values[0]} for a in switches]
    return [on, *each_off] + ([{a.path: a.values[0] for a in switches}] if len(switches) > 1
                              else [])


def crossed_axes(axes: list[Axis]) -> list[Axis]:
    """The axes of an ablation that are crossed with its mechanisms (not [off, on])."""
    return _switches(axes)[1]


def ablation_variant(values: Mapping[str, Any], axes: list[Axis]) -> str:
    """What an ablation point is: all on, without one mechanism, or all off."""
    switches, _ = _switches(axes)
    off = [a.path for a in switches if values[a.path] == a.values[0]]
    if not off:
        return "all on"
    if len(off) == len(switches):
        return "all off"
    return "without " + ", ".join(off)


def override(path: str, value: Any) -> str:
    """The command-line override that sets `path` to `value`."""
    if isinstance(value, bool | np.bool_):
        return f"{path}={str(bool(value)).lower()}"
    if isinstance(value, float | np.floating):
        return f"{path}={float(value)!r}"
    if isinstance(value, np.integer):
        return f"{path}={int(value)}"
    return f"{path}={value}"
