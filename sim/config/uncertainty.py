"""Any number the model samples per replicate can be made uncertain by an experiment.

A study's `uncertain:` block names parameter paths (`scenario.…`, `mediator.…`) with a range
`{low, high}` (uniform), a distribution `{dist: …}`, or a text "±20%" (uniform within 20% of
the value the config gives). The block is applied to the raw config before it is validated,
so a range is checked against the field's own bounds like any distribution, and the inputs
are sampled and recorded in the run table (`input.<path>`) like the scenario's own.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import typing
from collections.abc import Mapping
from typing import Any

from sim.config.distributions import Distribution
from sim.config.errors import ConfigError
from sim.config.schema import Param

PERCENT = re.compile(r"\s*(?:±|\+-|\+/-)\s*(\d+(?:\.\d+)?)\s*%\s*")
ALLOWED = "a range {low, high}, a distribution {dist: ...} or a text '±X%' around the value"


def declared_inputs(given: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """An `uncertain:` block as dotted paths; a leaf is a text, a range {low, high} or a
    distribution {dist: ...}, however the block was nested."""
    flat: dict[str, Any] = {}
    for key, value in given.items():
        path = f"{prefix}{key}"
        leaf = not isinstance(value, Mapping) or "dist" in value or set(value) == {"low", "high"}
        flat |= {path: value} if leaf or not value else declared_inputs(value, path + ".")
    return flat


def _is_param(hint: Any) -> bool:
    return hint is Param or hint == (float | Distribution)


def sampled_fields(obj: Any, path: str) -> dict[str, float | Distribution]:
    """Every field the model samples per replicate (typed `Param`), by dotted path, with its
    value: the numbers an experiment may make uncertain."""
    found: dict[str, float | Distribution] = {}
    if isinstance(obj, dict):
        for key, value in obj.items():
            found |= sampled_fields(value, f"{path}.{key}")
    elif dataclasses.is_dataclass(obj):
        hints = typing.get_type_hints(type(obj))
        for f in dataclasses.fields(obj):
            value, hint, where = getattr(obj, f.name), hints[f.name], f"{path}.{f.name}"
            args = typing.get_args(hint)
            if _is_param(hint):
                found[where] = value
            elif typing.get_origin(hint) is dict and args and _is_param(args[1]):
                found |= {f"{where}.{k}": v for k, v in value.items()}
            else:
                found |= sampled_fields(value, where)
    return found


def _distribution(path: str, given: Any, value: float | Distribution) -> dict[str, Any]:
    where = f"uncertain.{path}"
    if isinstance(given, str):
        match = PERCENT.fullmatch(given)
        if not match:
            raise ConfigError(where, given, ALLOWED)
        if isinstance(value, Distribution):
            raise ConfigError(where, given, "a range {low, high} or a distribution: the config "
                              "already gives this input as a distribution")
        share = float(match.group(1)) / 100
        if value == 0 or share == 0:
            raise ConfigError(where, given, f"a range {{low, high}}: ±{given.strip()} of "
                              f"{value:g} is no range")
        low, high = sorted((value * (1 - share), value * (1 + share)))
        return {"dist": "uniform", "low": low, "high": high}
    if isinstance(given, Mapping) and "dist" in given:
        return dict(given)
    if isinstance(given, Mapping) and set(given) == {"low", "high"}:
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in given.values()):
            raise ConfigError(where, dict(given), "a range of two numbers {low, high}")
        if not given["low"] < given["high"]:
            raise ConfigError(where, dict(given), "a range with low < high")
        return {"dist": "uniform", "low": float(given["low"]), "high": float(given["high"])}
    raise ConfigError(where, given, ALLOWED)


def _place(raw: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = raw
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value


def with_uncertainty(cfg: Mapping[str, Any], declared: Mapping[str, Any],
                     sampled: Mapping[str, float | Distribution]) -> dict[str, Any]:
    """A copy of the raw config with every declared input given as its distribution.
    `sampled`: the fields that may be uncertain (`sampled_fields` of the validated config)."""
    raw = _groups(cfg)
    for path, given in declared_inputs(declared).items():
        if path not in sampled:
            raise _unsampled(f"uncertain.{path}", dict(given) if isinstance(given, Mapping)
                             else given, "a number", sampled)
        _place(raw, path, _distribution(path, given, sampled[path]))
    return {**cfg, **raw}


def with_values(cfg: Mapping[str, Any], values: Mapping[str, float],
                sampled: Mapping[str, float | Distribution]) -> dict[str, Any]:
    """A copy of the raw config with each path of `values` set to its number, to check it
    against the field's bounds; a path that is not a sampled number is named as
    `inputs.<path>`."""
    raw = _groups(cfg)
    for path, value in values.items():
        if path not in sampled:
            raise _unsampled(f"inputs.{path}", value, "a column named by a number", sampled)
        _place(raw, path, value)
    return {**cfg, **raw}


def _groups(cfg: Mapping[str, Any]) -> dict[str, Any]:
    """Copies of the raw config's scenario and mediator, to set values in."""
    return {group: copy.deepcopy(dict(cfg[group])) for group in ("scenario", "mediator")}


def _unsampled(key: str, value: Any, what: str,
               sampled: Mapping[str, float | Distribution]) -> ConfigError:
    """The error for a path that is not a number the model samples per replicate."""
    example = next(iter(sampled), "scenario.conflict.contest_exponent")
    return ConfigError(key, value, f"{what} the model samples per replicate, under scenario or "
                       f"mediator (e.g. {example}; {len(sampled)} in this config)")
