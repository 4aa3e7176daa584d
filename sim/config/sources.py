"""Which file a configuration key came from, so that an error can name it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

COMMAND_LINE = "command line"
GROUPS = ("scenario", "mediator", "montecarlo", "experiment")


def _override_key(override: str) -> str:
    return override.lstrip("+~").split("=", 1)[0]


def _has(data: Any, parts: list[str]) -> bool:
    for part in parts:
        if not isinstance(data, Mapping) or part not in data:
            return False
        data = data[part]
    return True


def _mentions(path: Path, parts: list[str]) -> bool:
    try:
        return _has(yaml.safe_load(path.read_text(encoding="utf-8")), parts)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def source_of(key: str, choices: Mapping[str, str | None], overrides: list[str],
              config_dirs: list[Path], root: Path) -> str:
    """The command line, or the config file most likely to hold `key` (e.g. 'runs' or
    'scenario.parties.RU.capability'), given the group options chosen."""
    parts = key.replace("[", ".[").split(".")
    for override in overrides:
        name = _override_key(override)
        if name in GROUPS:
            continue  # choosing a config file, not setting a value
        if key == name or key.startswith((name + ".", name + "[")) or name.startswith(key + "."):
            return COMMAND_LINE
    group = parts[0]
    experiment = choices.get("experiment")
    candidates: list[tuple[Path, list[str]]] = []
    if experiment:
        candidates += [(d / "experiment" / f"{experiment}.yaml", parts) for d in config_dirs]
    if group in ("scenario", "mediator") and choices.get(group):
        candidates += [(d / group / f"{choices[group]}.yaml", parts[1:]) for d in config_dirs]
    if group == "mediator":
        candidates += [(d / "mediator_common.yaml", parts[1:]) for d in config_dirs]
    for path, inner in candidates:
        if path.exists() and _mentions(path, [p for p in inner if not p.startswith("[")]):
            return _shown(path, root)
    for path, _ in candidates:
        if path.exists() and path.parent.name == group:
            return _shown(path, root)
    primary = [d / "config.yaml" for d in config_dirs if (d / "config.yaml").exists()]
    return _shown(primary[-1], root) if primary else COMMAND_LINE
