"""Build frozen dataclasses from plain mappings, refusing every bad value with one clear line.

Dataclass fields declare their allowed range with `number(...)`; the builder reads the type
hints, so the scenario and mediator schemas are written once, as dataclasses, and validated here.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import operator
import types
import typing
from collections.abc import Mapping
from typing import Any

from sim.config.distributions import Distribution, parse_distribution
from sim.config.errors import ConfigError, gather

Param = float | Distribution
"""A number that may instead be given as a distribution, sampled once per replicate."""


LARGEST = 1e6
"""The magnitude bound of a number whose field sets none of its own. No input of this model
means anything beyond it (weights, pseudo-counts, capabilities, costs and days alike), and below
it no sum, product or exponent in the model can overflow a double or an int64."""


def number(low: float = -LARGEST, high: float = LARGEST, *, above: bool = False,
           default: Any = dataclasses.MISSING, doc: str = "", unit: str = "") -> Any:
    """A numeric field in [low, high] (or (low, high] with `above`), with its meaning and unit;
    unbounded sides are bounded by ±LARGEST."""
    meta = {"low": low, "high": high, "above": above, "doc": doc, "unit": unit}
    return dataclasses.field(default=default, metadata=meta)


def text(default: Any = dataclasses.MISSING, doc: str = "") -> Any:
    return dataclasses.field(default=default, metadata={"doc": doc})


def _interval(meta: Mapping[str, Any]) -> str:
    low, high = meta.get("low", -math.inf), meta.get("high", math.inf)
    return f"{'(' if meta.get('above') else '['}{low:g}, {high:g}]"


def _allowed(meta: Mapping[str, Any], integer: bool) -> str:
    kind = "a whole number" if integer else "a number"
    low, high, above = meta.get("low", -math.inf), meta.get("high", math.inf), meta.get("above")
    if low > -math.inf and high < math.inf:
        return f"{kind} in {'(' if above else '['}{low:g}, {high:g}]"
    if low > -math.inf:
        return f"{kind} {'>' if above else '>='} {low:g}"
    if high < math.inf:
        return f"{kind} <= {high:g}"
    return f"a finite {kind[2:]}"


def _in_range(value: float, meta: Mapping[str, Any]) -> bool:
    low, high = meta.get("low", -math.inf), meta.get("high", math.inf)
    too_low = value <= low if meta.get("above") else value < low
    return not (too_low or value > high)


def _check_range(value: float, path: str, meta: Mapping[str, Any], integer: bool) -> None:
    if not _in_range(value, meta):
        raise ConfigError(path, value, _allowed(meta, integer))


def _number(raw: Any, path: str, meta: Mapping[str, Any], integer: bool) -> float | int:
    ok = isinstance(raw, int | float) and not isinstance(raw, bool)
    if integer:
        ok = ok and float(raw).is_integer()
    if not ok or not math.isfinite(raw):
        raise ConfigError(path, raw, _allowed(meta, integer))
    _check_range(raw, path, meta, integer)
    return int(raw) if integer else float(raw)


def _param(raw: Any, path: str, meta: Mapping[str, Any]) -> Param:
    if isinstance(raw, Mapping):
        dist = parse_distribution(raw, path)
        low, high = dist.reach()
        if not (_in_range(low, meta) and _in_range(high, meta)):
            raise ConfigError(path, dict(raw), f"a distribution whose draws lie in "
                              f"{_interval(meta)} (its draws reach {low:.3g} to {high:.3g})")
        return dist
    if not isinstance(raw, int | float) or isinstance(raw, bool) or not math.isfinite(raw):
        raise ConfigError(path, raw, _allowed(meta, False) + " or {dist: ...}")
    return _number(raw, path, meta, False)


def check_param(value: Param, path: str, meta: Mapping[str, Any]) -> None:
    """Refuse a number, or a distribution whose draws, lie outside the range `meta` declares:
    for a value built under a looser range than the field it stands for (a per-stage value)."""
    if isinstance(value, Distribution):
        low, high = value.reach()
        if not (_in_range(low, meta) and _in_range(high, meta)):
            raise ConfigError(path, f"draws reaching {low:.3g} to {high:.3g}",
                              f"a distribution whose draws lie in {_interval(meta)}")
    else:
        _check_range(value, path, meta, False)


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) < len(typing.get_args(hint)):
            return (args[0] if len(args) == 1 else functools.reduce(operator.or_, args)), True
    return hint, False


def convert(raw: Any, hint: Any, path: str, meta: Mapping[str, Any] | None = None) -> Any:
    """Turn `raw` into a value of type `hint`, or raise ConfigError naming `path`."""
    meta = meta or {}
    if hint is Any:
        return raw  # validated by whoever reads it (e.g. the sweep block)
    if hint is Param or hint == (float | Distribution):
        return _param(raw, path, meta)
    hint, optional = _unwrap_optional(hint)
    if raw is None:
        if optional:
            return None
        raise ConfigError(path, None, "a value (null is not allowed here)")
    if hint == Param:  # an optional one, given
        return _param(raw, path, meta)
    if dataclasses.is_dataclass(hint):
        return build(hint, raw, path)
    origin = typing.get_origin(hint)
    if origin is dict:
        if not isinstance(raw, Mapping):
            raise ConfigError(path, raw, "a mapping of names to values")
        value_hint = typing.get_args(hint)[1]
        named = [k for k in raw if not isinstance(k, str)]
        if named:
            raise ConfigError(path, named[0], "names as keys (YAML reads an unquoted NO, yes, "
                              "on or off as a boolean and 1 as a number: quote them, 'NO':)")
        keys = list(raw)
        values = gather(lambda v=v, k=k: convert(v, value_hint, f"{path}.{k}", meta)
                        for k, v in raw.items())
        return dict(zip(keys, values, strict=True))
    if origin in (list, tuple):
        if isinstance(raw, str | bytes) or not isinstance(raw, list | tuple):
            raise ConfigError(path, raw, "a list")
        item = typing.get_args(hint)[0]
        return tuple(gather(lambda v=v, i=i: convert(v, item, f"{path}[{i}]", meta)
                            for i, v in enumerate(raw)))
    if hint is bool:
        if not isinstance(raw, bool):
            raise ConfigError(path, raw, "true or false")
        return raw
    if hint in (int, float):
        return _number(raw, path, meta, hint is int)
    if hint is str:
        if not isinstance(raw, str):
            raise ConfigError(path, raw, "a string")
        return raw
    raise TypeError(f"schema type {hint!r} at {path} is not supported")


def build[T](cls: type[T], raw: Any, path: str) -> T:
    """Build dataclass `cls` from mapping `raw`; unknown or missing keys are errors."""
    if not isinstance(raw, Mapping):
        raise ConfigError(path or "<root>", raw, f"a mapping with keys {field_names(cls)}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = [ConfigError(_join(path, str(key)), "<unknown key>", f"one of {field_names(cls)}")
               for key in raw if key not in fields]
    values: dict[str, Any] = {}

    def field_value(name: str, f: dataclasses.Field) -> None:
        key = _join(path, name)
        if name in raw:
            values[name] = convert(raw[name], hints[name], key, f.metadata)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ConfigError(key, "<missing>", _describe(hints[name], f.metadata))

    try:
        gather(lambda n=n, f=f: field_value(n, f) for n, f in fields.items())
    except ConfigError as error:
        unknown.extend(error.problems)
    if unknown:
        raise ConfigError.joined(unknown)
    return cls(**values)


def _describe(hint: Any, meta: Mapping[str, Any]) -> str:
    if typing.get_origin(hint) is dict and "low" in meta:
        return "a mapping of names to numbers, each " + _allowed(meta, False)[len("a number "):]
    if "low" in meta:
        return _allowed(meta, hint is int)
    return f"a value of type {getattr(hint, '__name__', hint)}"


def field_names(cls: type) -> str:
    return ", ".join(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
