"""Compose a job config from overrides, exactly as `negsim` would, as a plain mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CONFIG_DIR = str(Path(__file__).resolve().parents[2] / "configs")
CONFIG_DIRS = "NEGSIM_CONFIG_DIRS"
"""Environment variable: the user's config folders (`negsim-app --config-dir`), os.pathsep-joined."""


def group_options(group: str, folders: list[Path]) -> list[str]:
    """The names a config group offers across config folders (configs/ and the user's)."""
    return sorted({p.stem for folder in folders for p in (folder / group).glob("*.yaml")})


def search_path(extra: list[Path]) -> list[str]:
    """The override that adds the user's config folders to Hydra's search path (none if none)."""
    if not extra:
        return []
    return [f"hydra.searchpath=[{','.join(f'file://{d.resolve()}' for d in extra)}]"]


def _compose(overrides: list[str], with_hydra: bool = False) -> Any:
    """Hydra's compose, inside a running Hydra app (reusing its config search path) or outside
    one; the config as OmegaConf composed it."""
    from hydra import compose, initialize_config_dir
    from hydra.core.global_hydra import GlobalHydra

    if GlobalHydra.instance().is_initialized():
        return compose(config_name="config", overrides=overrides, return_hydra_config=with_hydra)
    with initialize_config_dir(config_dir=CONFIG_DIR, version_base="1.3"):
        return compose(config_name="config", overrides=overrides, return_hydra_config=with_hydra)


def compose_config(overrides: list[str], with_choices: bool = False) -> dict[str, Any]:
    """The job config as a plain mapping. With `with_choices`, the group options chosen
    (scenario, mediator, experiment...) are added under the key `choices`, and the folder Hydra
    would create under `run_dir` (a run) and `sweep_dir` (a multirun)."""
    from omegaconf import OmegaConf

    cfg = _compose(overrides, with_choices)
    if not with_choices:
        return OmegaConf.to_container(cfg, resolve=True)
    choices = OmegaConf.to_container(cfg.hydra.runtime.choices)
    run_dir = OmegaConf.select(cfg, "hydra.run.dir")
    sweep_dir = OmegaConf.select(cfg, "hydra.sweep.dir")
    plain = {k: OmegaConf.to_container(cfg[k], resolve=True) if OmegaConf.is_config(cfg[k])
             else cfg[k] for k in cfg if k != "hydra"}
    return plain | {"choices": choices, "run_dir": run_dir, "sweep_dir": sweep_dir}


GROUPS = ("scenario", "mediator")
"""Config groups a sweep point may choose (composed by Hydra); any other path is set directly."""


class PointComposer:
    """The configs of a sweep's points, each as `negsim BASE POINT` would compose it, but
    Hydra composes only once per choice of groups (≈ 0.27 s each): a point's other values are
    set on a copy of that config (≈ 0.03 s), interpolations still resolved after.

    Raises KeyError(path) for a path the config does not have."""

    def __init__(self, base: list[str]) -> None:
        self.base, self.composed = list(base), {}

    def compose(self, values: dict[str, Any], render: Any) -> dict[str, Any]:
        """`render(path, value)` is the override string that sets a group choice."""
        import copy

        from omegaconf import OmegaConf
        from omegaconf.errors import ConfigAttributeError, ConfigKeyError

        choice = tuple(render(k, v) for k, v in values.items() if k in GROUPS)
        if choice not in self.composed:
            self.composed[choice] = _compose([*self.base, *choice])
        cfg = copy.deepcopy(self.composed[choice])
        for path, value in values.items():
            if path in GROUPS:
                continue
            if OmegaConf.select(cfg, path, default=_ABSENT) is _ABSENT:
                raise KeyError(path)
            try:
                OmegaConf.update(cfg, path, value, merge=False)
            except (ConfigAttributeError, ConfigKeyError) as error:
                raise KeyError(path) from error
        return OmegaConf.to_container(cfg, resolve=True)


_ABSENT = object()
