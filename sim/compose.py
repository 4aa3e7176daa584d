"""Compose a job config from overrides, exactly as `negsim` would, as a plain mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CONFIG_DIR = str(Path(__file__).resolve().parents[1] / "configs")


def compose_config(overrides: list[str], with_choices: bool = False) -> dict[str, Any]:
    """Works inside a running Hydra app (reusing its config search path) and outside one.

    With `with_choices`, the group options chosen (scenario, mediator, experiment...) are
    added under the key `choices`, and the run folder Hydra would create under `run_dir`."""
    from hydra import compose, initialize_config_dir
    from hydra.core.global_hydra import GlobalHydra
    from omegaconf import OmegaConf

    if GlobalHydra.instance().is_initialized():
        cfg = compose(config_name="config", overrides=overrides, return_hydra_config=with_choices)
    else:
        with initialize_config_dir(config_dir=CONFIG_DIR, version_base="1.3"):
            cfg = compose(config_name="config", overrides=overrides,
                          return_hydra_config=with_choices)
    if not with_choices:
        return OmegaConf.to_container(cfg, resolve=True)
    choices = OmegaConf.to_container(cfg.hydra.runtime.choices)
    run_dir = OmegaConf.select(cfg, "hydra.run.dir")
    plain = {k: OmegaConf.to_container(cfg[k], resolve=True) if OmegaConf.is_config(cfg[k])
             else cfg[k] for k in cfg if k != "hydra"}
    return plain | {"choices": choices, "run_dir": run_dir}
