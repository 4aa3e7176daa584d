"""The parameter table of a scenario: every number with its meaning, unit, value and source.

Meaning and unit come from the schema (the dataclass field metadata), the source from the
scenario's `provenance` block, so the table is never typed by hand. `python -m
sim.jobs.reference` writes it into docs/ODD.md.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass
from typing import Any

from sim.config.distributions import Distribution
from sim.config.schema import LARGEST
from sim.domain.mediator import MediatorSpec
from sim.domain.scenario import Scenario


@dataclass(frozen=True)
class Parameter:
    path: str
    value: str
    meaning: str
    unit: str
    source: str
    range: str = ""


def _show(value: Any) -> str:
    if isinstance(value, Distribution):
        args = ", ".join(f"{k}={v:g}" for k, v in value.args)
        return f"{value.family}({args})"
    if value is None:
        return "null"
    return f"{value:g}" if isinstance(value, float) else str(value)


def allowed_range(meta: dict[str, Any]) -> str:
    """The range the schema allows, as a reader writes it; bounds at LARGEST are no bounds."""
    if "low" not in meta:
        return ""
    low, high, above = meta["low"], meta["high"], meta.get("above", False)
    low_text = None if low <= -LARGEST else f"{'(' if above else '['}{low:g}"
    high_text = None if high >= LARGEST else f"{high:g}]"
    if low_text and high_text:
        return f"{low_text}, {high_text}"
    if low_text:
        return f"{'>' if above else '≥'} {low:g}"
    return f"≤ {high:g}" if high_text else "any"


def _walk(obj: Any, path: str, meta: dict[str, Any]) -> list[tuple[str, Any, dict[str, Any]]]:
    """Numeric leaves (numbers, distributions, optional numbers) with their field metadata."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type | Distribution):
        found = []
        for f in dataclasses.fields(obj):
            if f.name != "provenance":
                found += _walk(getattr(obj, f.name), f"{path}.{f.name}".lstrip("."), dict(f.metadata))
        return found
    if isinstance(obj, dict):
        found = []
        for key, value in obj.items():
            found += _walk(value, f"{path}.{key}", meta)
        return found
    numeric = isinstance(obj, int | float | Distribution) and not isinstance(obj, bool)
    if numeric or (obj is None and "low" in meta):
        return [(path, obj, meta)]
    return []


def source_of(provenance: dict[str, str], path: str) -> str:
    """The provenance entry for `path`: an exact key, else the first matching pattern."""
    if path in provenance:
        return provenance[path]
    for pattern, source in provenance.items():
        if fnmatch.fnmatchcase(path, pattern):
            return source
    return ""


def parameter_table(scenario: Scenario) -> list[Parameter]:
    return [Parameter(path, _show(value), meta.get("doc", ""), meta.get("unit", ""),
                      source_of(scenario.provenance, path), allowed_range(meta))
            for path, value, meta in _walk(scenario, "", {})]


def mediator_table(mediator: MediatorSpec) -> list[Parameter]:
    """The mediator's numbers, each with the source its config's `provenance` block gives."""
    return [Parameter(f"mediator.{path}", _show(value), meta.get("doc", ""), meta.get("unit", ""),
                      source_of(mediator.provenance, path), allowed_range(meta))
            for path, value, meta in _walk(mediator, "", {})]


def markdown(scenario: Scenario) -> str:
    """The scenario's table for docs/ODD.md (section 9.3, written by `sim.jobs.reference`)."""
    rows = ["| parameter | value | meaning | unit | range | source |", "|---|---|---|---|---|---|"]
    for p in parameter_table(scenario):
        rows.append(table_row((p.path, p.value, p.meaning, p.unit, p.range, p.source)))
    return "\n".join(rows)


def table_row(cells: tuple[str, ...]) -> str:
    """One Markdown table row, its cells' own bars escaped."""
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def mediator_choices(mediator: MediatorSpec) -> list[Parameter]:
    """The mediator's choices that are not numbers (its ladder, style, rules, the recourses it
    tries in order), for the reference in docs/ODD.md; the run's table keeps numbers only."""
    return [Parameter(f"mediator.{path}", value, meta.get("doc", ""), "–",
                      source_of(mediator.provenance, path))
            for path, value, meta in _choices(mediator, "")]


def _choices(obj: Any, path: str) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for f in dataclasses.fields(obj):
        value, where = getattr(obj, f.name), f"{path}.{f.name}".lstrip(".")
        if f.name in ("strategy", "description", "provenance"):
            continue
        if isinstance(value, Distribution):
            continue
        if dataclasses.is_dataclass(value):
            found += _choices(value, where)
        elif isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            found.append((where, ", ".join(value) or "none", dict(f.metadata)))
        elif isinstance(value, tuple):
            found.append((where, str([list(tier) for tier in value]).replace("'", ""),
                          dict(f.metadata)))
        elif isinstance(value, str | bool) or (value is None and "low" not in f.metadata):
            found.append((where, "null" if value is None else str(value).lower()
                          if isinstance(value, bool) else value, dict(f.metadata)))
    return found
