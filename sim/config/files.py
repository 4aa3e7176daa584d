"""Config files are read safely: UTF-8, well-formed YAML, no anchors or aliases (an alias bomb
could expand without bound), and no key written twice. Checked before Hydra loads them."""

from __future__ import annotations

from pathlib import Path

import yaml


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def problems_in(path: Path) -> list[str]:
    """What is wrong with one config file, one line per problem (empty when it is fine)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"{path}: got byte 0x{raw[error.start]:02x} at offset {error.start}; expected "
                "UTF-8 text"]
    try:
        for token in yaml.scan(text):
            if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
                line = token.start_mark.line + 1
                return [f"{path}:{line}: got a YAML anchor or alias; expected plain YAML "
                        "(anchors and aliases are refused: they can expand without bound)"]
        yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        return [f"{where}: got broken YAML ({error.problem or error.context}); expected valid "
                "YAML"]
    except yaml.YAMLError as error:
        return [f"{path}: got broken YAML ({error}); expected valid YAML"]
    return []


def check_config_files(folders: list[Path]) -> list[str]:
    """Every YAML file under the config folders (experiments included), checked."""
    found: list[str] = []
    seen: set[Path] = set()
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found += problems_in(path)
    return found
