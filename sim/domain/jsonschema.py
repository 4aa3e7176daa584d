"""JSON Schemas of the scenario and mediator files, generated from the dataclasses that
validate them (`sim.domain`), so that an editor can complete and check a YAML file as it is
written. `python -m sim.domain.jsonschema` writes them into docs/schema/; a test keeps the
committed files in step with the code.

The schemas say what `sim.config.schema.build` checks field by field: names, types, ranges,
meanings and units, and that a number may instead be a distribution. Cross-checks (a stage
names declared issues, a ladder names the scenario's stages) are left to `negsim` itself.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sys
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.config.schema import Param, _unwrap_optional

DRAFT = "https://json-schema.org/draft/2020-12/schema"
HYDRA_DEFAULTS = {"type": "array", "description": "Hydra's defaults list (e.g. the scenario's "
                  "own mediator: override /mediator@_global_.mediator: NAME)"}
DISTRIBUTION = {
    "type": "object", "required": ["dist"],
    "description": "sampled once per replicate",
    "oneOf": [
        {"properties": {"dist": {"const": "uniform"}, "low": {"type": "number"},
                        "high": {"type": "number"}}, "required": ["low", "high"]},
        {"properties": {"dist": {"const": "triangular"}, "low": {"type": "number"},
                        "mode": {"type": "number"}, "high": {"type": "number"}},
         "required": ["low", "mode", "high"]},
        {"properties": {"dist": {"const": "beta"}, "a": {"type": "number", "exclusiveMinimum": 0},
                        "b": {"type": "number", "exclusiveMinimum": 0},
                        "low": {"type": "number"}, "high": {"type": "number"}},
         "required": ["a", "b"]},
        {"properties": {"dist": {"const": "lognormal"},
                        "median": {"type": "number", "exclusiveMinimum": 0},
                        "sigma": {"type": "number", "minimum": 0}},
         "required": ["median", "sigma"]},
    ],
}


def _bounds(meta: Mapping[str, Any], kind: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": kind}
    low, high = meta.get("low", -math.inf), meta.get("high", math.inf)
    if low > -math.inf:
        out["exclusiveMinimum" if meta.get("above") else "minimum"] = low
    if high < math.inf:
        out["maximum"] = high
    return out


def _described(schema: dict[str, Any], meta: Mapping[str, Any]) -> dict[str, Any]:
    text = meta.get("doc", "")
    if meta.get("unit"):
        text = f"{text} ({meta['unit']})" if text else meta["unit"]
    return {**schema, "description": text} if text else schema


def schema_of(hint: Any, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of one field's type, with its range from `meta`."""
    meta = meta or {}
    if hint == Param:
        return {"anyOf": [_bounds(meta, "number"), {"$ref": "#/$defs/distribution"}]}
    hint, optional = _unwrap_optional(hint)
    if optional:
        return {"anyOf": [schema_of(hint, meta), {"type": "null"}]}
    if dataclasses.is_dataclass(hint):
        return object_schema(hint)
    origin = typing.get_origin(hint)
    if origin is dict:
        return {"type": "object", "additionalProperties": schema_of(typing.get_args(hint)[1], meta)}
    if origin in (list, tuple):
        return {"type": "array", "items": schema_of(typing.get_args(hint)[0], meta)}
    if hint is bool:
        return {"type": "boolean"}
    if hint in (int, float):
        return _bounds(meta, "integer" if hint is int else "number")
    if hint is str:
        return {"type": "string"}
    return {}


def object_schema(cls: type, required: bool = True) -> dict[str, Any]:
    """A dataclass as a closed object: its fields, their meanings, the ones without defaults."""
    hints = typing.get_type_hints(cls)
    properties = {f.name: _described(schema_of(hints[f.name], f.metadata), f.metadata)
                  for f in dataclasses.fields(cls)}
    needed = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING
              and f.default_factory is dataclasses.MISSING]
    out: dict[str, Any] = {"type": "object", "properties": properties,
                           "additionalProperties": False}
    if required and needed:
        out["required"] = needed
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):
        out["description"] = " ".join(cls.__doc__.split())
    return out


def file_schema(cls: type, title: str, required: bool) -> dict[str, Any]:
    """The schema of a config file holding one `cls` (plus Hydra's defaults list)."""
    body = object_schema(cls, required)
    body["properties"] = {"defaults": HYDRA_DEFAULTS, **body["properties"]}
    return {"$schema": DRAFT, "title": title, **body, "$defs": {"distribution": DISTRIBUTION}}


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema. A mediator file is completed from mediator_common.yaml, so none
    of its fields is required on its own."""
    from sim.domain.mediator import MediatorSpec
    from sim.domain.scenario import Scenario

    return {"scenario.schema.json": file_schema(Scenario, "negsim scenario", True),
            "mediator.schema.json": file_schema(MediatorSpec, "negsim mediator", False)}


def render(schema: Mapping[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


FOLDER = Path(__file__).resolve().parents[2] / "docs" / "schema"


def main() -> None:
    """Write docs/schema/*.schema.json (or the folder given)."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():  # documentation: a test checks it, no results layer
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
