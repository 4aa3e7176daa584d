"""The checks `negsim` runs before Hydra creates any folder: the config files, then the job
config composed with Hydra's compose API and validated (every job of a multirun, every point of
a sweep), the results folder, the point store and a Dask scheduler. Every problem is one line on
stderr naming its source, the key, the value and what is allowed, and the exit code is 2.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.config.compose import CONFIG_DIR, group_options, search_path
from sim.config.errors import ConfigError

if TYPE_CHECKING:
    from sim.jobs.settings import Settings

MOST_JOBS = 10_000
"""A multirun of more jobs than this is refused before any is checked or run."""
BAD_INPUT = 2


def debugging() -> bool:
    return bool(os.environ.get("NEGSIM_DEBUG") or os.environ.get("HYDRA_FULL_ERROR"))


class Signal:
    """Whether a signal asked negsim to stop (set by `sim.cli.main`'s handlers). An interrupt that
    lands inside Hydra or OmegaConf can come out of them as a composition error; it must end
    as an interrupt, not as bad input."""

    seen = False


def fail(message: str) -> None:
    """Every problem on its own line, then exit 2 (or, once a signal came, the interrupt)."""
    if Signal.seen:
        raise KeyboardInterrupt
    for line in message.splitlines():
        print(f"negsim: error: {line}", file=sys.stderr)
    sys.exit(BAD_INPUT)


def _is_job_override(arg: str) -> bool:
    key = arg.lstrip("+~").split("=", 1)[0]
    return not arg.startswith("-") and not key.startswith(("hydra.", "hydra/")) and key != "hydra"


def explain(error: Exception) -> str:
    """One line for a Hydra or OmegaConf composition error."""
    from hydra.errors import MissingConfigException

    if isinstance(error, MissingConfigException) and error.missing_cfg_file:
        group, _, name = error.missing_cfg_file.rpartition("/")
        options = ", ".join(error.options or []) or "(none found)"
        return f"{group or 'config'}: got {name!r}; expected one of {options}"
    text = f"{error}\n{error.__cause__ or ''}"
    interpolation = re.search(r"Interpolation key '([^']+)' not found", text)
    if interpolation:
        key = getattr(error, "full_key", None) or "config"
        return (f"{key}: got an interpolation of {interpolation.group(1)!r}, which the config "
                f"does not have; expected ${{KEY}} naming a key the config has")
    match = re.search(r"Could not override '([^']+)'", text)
    if match:
        key = match.group(1)
        inner = re.search(r"Key '([^']+)' is not in struct", text)
        if inner and not key.endswith("." + inner.group(1)) and key != inner.group(1):
            return (f"command line: {key}.{inner.group(1)}: got <unknown key>; expected a key "
                    f"{key} has (to replace {key} whole: ~{key} '+{key}=...')")
        return (f"command line: {key}: got <unknown key>; expected a key the config has "
                f"(use +{key}=... only to add a new one)")
    match = re.search(r"Could not append to config\. An item is already at '([^']+)'", text)
    if match:
        return f"{match.group(1)}: already set; expected an override without '+'"
    return text.strip().splitlines()[0]


def _parse_each(overrides: list[str]) -> list[Any]:
    """Name the override that does not parse, with its key and value; else the parsed ones."""
    from hydra.core.override_parser.overrides_parser import OverridesParser
    from hydra.errors import OverrideParseException

    from sim.config.files import ENVIRONMENT

    parser = OverridesParser.create()
    parsed = []
    for override in overrides:
        if ENVIRONMENT.search(override):
            key, _, value = override.partition("=")
            fail(f"command line: {key}: got {value!r}; expected a value written out (a result "
                 "must not depend on the environment it ran in)")
        if "=" not in override and not override.startswith("~"):
            fail(f"command line: got {override!r}; expected KEY=VALUE (a value with spaces "
                 "is quoted whole: 'hydra.run.dir=my results')")
        try:
            parsed += parser.parse_overrides([override])
        except OverrideParseException as error:
            key, _, value = override.partition("=")
            reason = str(error).strip().splitlines()[0]
            fail(f"command line: {key}: got {value!r}; expected KEY=VALUE in Hydra's override "
                 f"syntax, special characters quoted: {key}='\"...\"' ({reason})")
    return parsed


REQUIRED_GROUPS = ("scenario", "mediator", "montecarlo", "report")
"""Config groups a run cannot do without (experiment may be null)."""


def _sweep_values(override: Any, dirs: list[Path]) -> list[str]:
    """The values a multirun sweep override takes, as override strings."""
    import fnmatch

    from hydra.core.override_parser.types import Glob

    value = override.value()
    if isinstance(value, Glob):
        names = group_options(override.key_or_group, dirs)
        return [n for n in names if any(fnmatch.fnmatch(n, i) for i in value.include)
                and not any(fnmatch.fnmatch(n, e) for e in value.exclude)]
    return list(override.sweep_string_iterator())


def jobs_of(args: list[str]) -> list[list[str]]:
    """The argument lists of every job a multirun would run (Hydra's basic sweeper: the
    product of every sweep override's values, in order)."""
    import itertools

    overrides = _job_args(args)
    parsed = _parse_each(overrides)
    dirs = [Path(CONFIG_DIR), *_config_dirs(args)]
    flags = [a for a in args if a not in overrides]
    choices = []
    for text, override in zip(overrides, parsed, strict=True):
        if override.is_sweep_override():
            prefix = text.split("=", 1)[0]
            choices.append([f"{prefix}={v}" for v in _sweep_values(override, dirs)])
        else:
            choices.append([text])
    count = 1
    for options in choices:
        count *= max(len(options), 1)
    if count > MOST_JOBS:
        fail(f"--multirun: got {count:,} jobs; expected at most {MOST_JOBS:,}")
    return [[*flags, *combo] for combo in itertools.product(*choices)]


def _check_groups(parsed: list[Any], dirs: list[Path]) -> None:
    """`scenario=null` and the like would leave the run without a part it needs."""
    for override in parsed:
        group = override.key_or_group
        if group in REQUIRED_GROUPS and not override.is_delete() and override.value() is None:
            fail(f"{group}: got null; expected one of {', '.join(group_options(group, dirs))}")


def _check_no_op_mappings(parsed: list[Any], cfg: dict[str, Any]) -> None:
    """`key={}` merges nothing into a mapping that has keys: it would silently change nothing."""
    for override in parsed:
        if override.is_delete() or override.is_add() or override.value() != {}:
            continue
        value: Any = cfg
        for part in override.key_or_group.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, dict) and value:
            key = override.key_or_group
            fail(f"command line: {key}: got {{}}; expected a mapping with keys (an override "
                 f"merges into {key}, so {{}} changes nothing; to empty it: ~{key} '+{key}={{}}')")


def _config_dirs(args: list[str]) -> list[Path]:
    """Folders given with --config-dir / -cd, after the project's own."""
    extra = []
    for i, arg in enumerate(args):
        if arg in ("--config-dir", "-cd") and i + 1 < len(args):
            extra.append(Path(args[i + 1]))
        elif arg.startswith("--config-dir="):
            extra.append(Path(arg.split("=", 1)[1]))
    return extra


def _job_args(args: list[str]) -> list[str]:
    """The overrides among the arguments (flags and their values left out)."""
    kept, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("--config-dir", "-cd"):
            skip = True
        elif _is_job_override(arg):
            kept.append(arg)
    return kept


def precheck(args: list[str], sweep_dir: bool = False) -> Settings:
    """Check the config files, then compose and validate the job config exactly as the run
    will, without writing anything; returns the validated settings. `sweep_dir`: the job is
    one of a multirun, which writes under hydra.sweep.dir."""
    from sim.config.compose import compose_config
    from sim.config.files import check_config_files, check_config_folder
    from sim.config.sources import source_of
    from sim.jobs.settings import load_settings

    extra = _config_dirs(args)
    root = Path(CONFIG_DIR).parent
    wrong = [w for w in map(check_config_folder, extra) if w]
    if wrong:
        fail(wrong[0])
    problems = check_config_files([Path(CONFIG_DIR), *extra])
    if problems:
        fail("\n".join(problems))
    overrides = _job_args(args)
    parsed = _parse_each(overrides)
    _check_groups(parsed, [Path(CONFIG_DIR), *extra])
    folders = [a for a in args if a.startswith(("hydra.run.dir=", "hydra.sweep.dir=",
                                                "hydra.sweep.subdir="))]
    search = search_path(extra)
    try:
        cfg = compose_config([*overrides, *search, *folders], with_choices=True)
        choices, run_dir, multirun_dir = cfg.pop("choices"), cfg.pop("run_dir"), cfg.pop("sweep_dir")
        _check_no_op_mappings(parsed, cfg)
        settings = load_settings(cfg)
        if settings.options.sweep is not None:  # every point, before any folder is made
            from sim.jobs.study import build_points

            build_points(settings, [*overrides, *search], settings.options.montecarlo.progress)
    except ConfigError as error:
        dirs = [d.resolve() for d in extra] + [Path(CONFIG_DIR)]
        fail("\n".join(f"{source_of(p.key, choices, overrides, dirs, root)}: {p}"
                       for p in error.problems))
    except composition_errors() as error:
        fail(explain(error))
    if sweep_dir:
        _check_writable(multirun_dir, "hydra.sweep.dir")
    else:
        _check_writable(run_dir)
    if settings.options.sweep is not None:
        _check_writable(settings.options.point_store, "point_store")
    _check_scheduler(settings)
    return settings


def _check_scheduler(settings: Settings) -> None:
    """A Dask scheduler address is checked, and reached, before anything runs."""
    import socket
    from urllib.parse import urlsplit

    options = settings.options
    if options.backend != "dask" or options.scheduler is None:
        return
    where = urlsplit(options.scheduler)
    try:
        port = where.port
    except ValueError:
        port = None
    if where.scheme not in ("tcp", "tls") or not where.hostname or port is None:
        fail(f"command line: scheduler: got {options.scheduler!r}; expected a Dask scheduler "
             "address tcp://HOST:PORT (or null for a LocalCluster here)")
    try:
        socket.create_connection((where.hostname, port), timeout=5).close()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        fail(f"command line: scheduler: got {options.scheduler!r}; expected a Dask scheduler "
             f"that answers there ({reason})")


def _check_writable(given: str | Path, key: str = "hydra.run.dir") -> None:
    """Refuse a results folder that cannot be written before Hydra tries to create it."""
    import tempfile

    if not str(given).strip():
        fail(f"{key}: got {str(given)!r}; expected a folder (an empty path would write the "
             "results among the files of the working folder)")
    folder = existing = Path(given)
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        if not existing.is_dir():
            raise NotADirectoryError(f"{existing} is not a folder")
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        fail(f"{key}: got {str(folder)!r}; expected a folder negsim can write ({reason})")


def composition_errors() -> tuple[type[Exception], ...]:
    """What Hydra and OmegaConf raise for a config they cannot compose (imported late: a
    Ctrl-C during these imports must meet `main`'s handler, not a traceback)."""
    from hydra.errors import (
        ConfigCompositionException,
        MissingConfigException,
        OverrideParseException,
    )
    from omegaconf.errors import OmegaConfBaseException

    return (MissingConfigException, ConfigCompositionException, OverrideParseException,
            OmegaConfBaseException)
