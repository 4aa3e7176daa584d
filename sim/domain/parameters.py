"""The parameter table of a scenario: every number with its meaning, unit, value and source.

Meaning and unit come from the schema (the dataclass field metadata), the source from the
scenario's `provenance` block, so the table is never typed by hand. `python -m
sim.domain.parameters` prints it in Markdown for docs/ODD.md.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import sys
from dataclasses import dataclass
from typing import Any

from sim.config.distributions import Distribution
from sim.domain.mediator import MediatorSpec
from sim.domain.scenario import Scenario


@dataclass(frozen=True)
class Parameter:
    path: str
    value: str
    meaning: str
    unit: str
    source: str


def _show(value: Any) -> str:
    if isinstance(value, Distribution):
        args = ", ".join(f"{k}={v:g}" for k, v in value.args)
        return f"{value.family}({args})"
    if value is None:
        return "null"
    return f"{value:g}" if isinstance(value, float) else str(value)


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


def source_of(scenario: Scenario, path: str) -> str:
    """The provenance entry for `path`: an exact key, else the first matching pattern."""
    if path in scenario.provenance:
        return scenario.provenance[path]
    for pattern, source in scenario.provenance.items():
        if fnmatch.fnmatchcase(path, pattern):
            return source
    return ""


def parameter_table(scenario: Scenario) -> list[Parameter]:
    return [Parameter(path, _show(value), meta.get("doc", ""), meta.get("unit", ""),
                      source_of(scenario, path))
            for path, value, meta in _walk(scenario, "", {})]


def mediator_table(mediator: MediatorSpec) -> list[Parameter]:
    """The mediator's numbers; their sources are in configs/mediator and docs/ODD.md (sec. 9)."""
    source = f"mediator config '{mediator.strategy}' (docs/ODD.md, section 9)"
    return [Parameter(f"mediator.{path}", _show(value), meta.get("doc", ""), meta.get("unit", ""),
                      source) for path, value, meta in _walk(mediator, "", {})]


def markdown(scenario: Scenario) -> str:
    rows = ["| parameter | value | meaning | unit | source |", "|---|---|---|---|---|"]
    for p in parameter_table(scenario):
        cells = (p.path, p.value, p.meaning, p.unit, p.source)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover - a documentation helper
    from sim.config.compose import compose_config
    from sim.domain.scenario import load_scenario

    name = sys.argv[1] if len(sys.argv) > 1 else "black_sea_2025"
    print(markdown(load_scenario(compose_config([f"scenario={name}"])["scenario"])))
