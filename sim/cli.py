"""`negsim`: the Hydra entry point over `sim.task.run`.

Bad input is caught before Hydra creates any folder: the config is composed once with Hydra's
compose API and validated; any problem is one line on stderr and exit code 2. Set
NEGSIM_DEBUG=1 (or HYDRA_FULL_ERROR=1) to see tracebacks instead.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import hydra
from hydra.core.hydra_config import HydraConfig
from hydra.errors import ConfigCompositionException, MissingConfigException, OverrideParseException
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import OmegaConfBaseException

from sim.compose import CONFIG_DIR
from sim.config.errors import ConfigError

_NO_PRECHECK = {"-m", "--multirun", "--help", "-h", "--hydra-help", "--info", "-i", "--cfg",
                "-c", "--version", "--shell-completion", "-sc", "--resolve", "-p", "--package"}
BAD_INPUT = 2


def debugging() -> bool:
    return bool(os.environ.get("NEGSIM_DEBUG") or os.environ.get("HYDRA_FULL_ERROR"))


def fail(message: str) -> None:
    print(f"negsim: error: {message}", file=sys.stderr)
    sys.exit(BAD_INPUT)


def _is_job_override(arg: str) -> bool:
    key = arg.lstrip("+~").split("=", 1)[0]
    return not arg.startswith("-") and not key.startswith(("hydra.", "hydra/")) and key != "hydra"


def explain(error: Exception) -> str:
    """One line for a Hydra or OmegaConf composition error."""
    if isinstance(error, MissingConfigException) and error.missing_cfg_file:
        group, _, name = error.missing_cfg_file.rpartition("/")
        options = ", ".join(error.options or []) or "(none found)"
        return f"{group or 'config'}: got {name!r}; expected one of {options}"
    text = f"{error}\n{error.__cause__ or ''}"
    match = re.search(r"Could not override '([^']+)'", text)
    if match:
        key = match.group(1)
        inner = re.search(r"Key '([^']+)' is not in struct", text)
        if inner and not key.endswith("." + inner.group(1)) and key != inner.group(1):
            return (f"{key}.{inner.group(1)}: got <unknown key>; expected a key {key} has "
                    f"(to replace {key} whole: ~{key} '+{key}=...')")
        return (f"{key}: got <unknown key>; expected a key the config has "
                f"(use +{key}=... only to add a new one)")
    match = re.search(r"Could not append to config\. An item is already at '([^']+)'", text)
    if match:
        return f"{match.group(1)}: already set; expected an override without '+'"
    return text.strip().splitlines()[0]


def _parse_each(overrides: list[str]) -> None:
    """Name the override that does not parse, with its key and value."""
    from hydra.core.override_parser.overrides_parser import OverridesParser

    parser = OverridesParser.create()
    for override in overrides:
        try:
            parser.parse_overrides([override])
        except OverrideParseException as error:
            key, _, value = override.partition("=")
            reason = str(error).strip().splitlines()[0]
            fail(f"{key}: got {value!r}; expected KEY=VALUE in Hydra's override syntax ({reason})")


def precheck(args: list[str]) -> None:
    """Compose and validate the job config exactly as the run will, without writing anything."""
    from sim.compose import compose_config
    from sim.settings import load_settings

    overrides = [a for a in args if _is_job_override(a)]
    _parse_each(overrides)
    try:
        load_settings(compose_config(overrides))
    except ConfigError as error:
        fail(str(error))
    except (MissingConfigException, ConfigCompositionException, OverrideParseException,
            OmegaConfBaseException) as error:
        fail(explain(error))


@hydra.main(config_path=CONFIG_DIR, config_name="config", version_base="1.3")
def _app(cfg: DictConfig) -> None:
    from sim.task import run

    hydra_cfg = HydraConfig.get()
    folder = Path(hydra_cfg.runtime.output_dir)
    try:
        run(OmegaConf.to_container(cfg, resolve=True), folder, argv=sys.argv,
            overrides=list(hydra_cfg.overrides.task))
    except ConfigError as error:
        if debugging():
            raise
        fail(str(error))


def main() -> None:
    """Console script `negsim`."""
    args = sys.argv[1:]
    if not debugging() and not _NO_PRECHECK.intersection(a.split("=")[0] for a in args):
        precheck(args)
    _app()
