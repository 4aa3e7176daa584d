"""Config files are read safely: regular files of a sane size, UTF-8, well-formed YAML of a
sane depth, no anchors or aliases (an alias bomb could expand without bound), no key written
twice, and no environment lookups (a result must not depend on the shell it ran in). Checked
before Hydra loads them, in the places Hydra reads: a config folder's own YAML files and those
of its config groups."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import yaml


class _Strict:
    """A safe loader's mixin that refuses duplicate keys instead of keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class _StrictLoader(_Strict, yaml.SafeLoader):
    """Pure Python: its messages name the problem best."""


class _QuickLoader(_Strict, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser where PyYAML has it: ≈ 7 times faster (reading every config file took
    ≈ 50 ms of each `negsim` command in pure Python, measured). A file it refuses is read again
    by `_StrictLoader`, for the message."""


def _check(text: str, loader: type) -> str | None:
    """The line of the first anchor or alias in `text`, loaded with `loader`; None if none."""
    for token in yaml.scan(text, Loader=loader):
        if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
            return str(token.start_mark.line + 1)
    yaml.load(text, Loader=loader)
    return None


CONFIG_GROUPS = ("scenario", "mediator", "questions", "model", "montecarlo", "report",
                 "experiment")
"""The config groups a user's config folder may hold (at least one of them)."""
GROUP_FOLDERS = (*CONFIG_GROUPS, "hydra/launcher")
"""Where Hydra looks for config files inside a config folder (besides the folder itself)."""
LARGEST_FILE = 10 * 2**20
"""Bytes: no config file of this model comes near a megabyte."""
ENVIRONMENT = re.compile(r"\$\{\s*oc\.(env|decode)\s*:")


def _not_a_file(path: Path) -> str | None:
    """Why `path` is not a regular file of a sane size that can be read, or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return f"{path}: got a link to nothing; expected a YAML file"
    except OSError as error:
        return f"{path}: got a file that cannot be read ({error.strerror}); expected a YAML file"
    if stat.S_ISDIR(info.st_mode):
        return f"{path}: got a folder; expected a YAML file"
    if not stat.S_ISREG(info.st_mode):
        return f"{path}: got a special file (a pipe, socket or device); expected a YAML file"
    if info.st_size > LARGEST_FILE:
        return f"{path}: got {info.st_size:,} bytes; expected a config file of at most 10 MiB"
    return None


def problems_in(path: Path) -> list[str]:
    """What is wrong with one config file, one line per problem (empty when it is fine)."""
    wrong = _not_a_file(path)
    if wrong:
        return [wrong]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [f"{path}: got a file that cannot be read ({error.strerror}); expected a YAML file"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"{path}: got byte 0x{raw[error.start]:02x} at offset {error.start}; expected "
                "UTF-8 text"]
    try:
        try:
            line = _check(text, _QuickLoader)
        except yaml.YAMLError:
            line = _check(text, _StrictLoader)
        if line is not None:
            return [f"{path}:{line}: got a YAML anchor or alias; expected plain YAML "
                    "(anchors and aliases are refused: they can expand without bound)"]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        return [f"{where}: got broken YAML ({error.problem or error.context}); expected valid "
                "YAML"]
    except yaml.YAMLError as error:
        return [f"{path}: got broken YAML ({error}); expected valid YAML"]
    except RecursionError:
        return [f"{path}: got YAML nested too deeply to read; expected a config file of a few "
                "levels"]
    for number, line in enumerate(text.splitlines(), 1):
        found = ENVIRONMENT.search(line)
        if found:
            return [f"{path}:{number}: got ${{oc.{found.group(1)}:...}}; expected values written "
                    "in the file (a result must not depend on the environment it ran in)"]
    return []


def check_config_folder(folder: Path) -> str | None:
    """Why a folder given with --config-dir cannot be one, or None."""
    if not folder.is_dir():
        what = "nothing there" if not folder.exists() else "a file"
        return f"--config-dir: got {str(folder)!r} ({what}); expected a folder of configs"
    if not any((folder / group).is_dir() for group in CONFIG_GROUPS):
        return (f"--config-dir: got {str(folder)!r}; expected a folder laid out like configs/, "
                "with at least one of scenario/, mediator/, montecarlo/, report/, experiment/")
    return None


def _files(folder: Path) -> list[Path]:
    found = list(folder.glob("*.yaml"))
    for group in GROUP_FOLDERS:
        if (folder / group).is_dir():
            found += (folder / group).glob("*.yaml")
    return sorted(found)


def check_config_files(folders: list[Path]) -> list[str]:
    """Every YAML file Hydra could read from the config folders (experiments included)."""
    found: list[str] = []
    seen: set[Path] = set()
    for folder in folders:
        for path in _files(folder):
            if path.absolute() not in seen:
                seen.add(path.absolute())
                found += problems_in(path)
    return found
