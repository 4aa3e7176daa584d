"""`negsim`: the Hydra entry point over `sim.jobs.run.run`.

Bad input is caught before Hydra creates any folder (`sim.cli.precheck`); every problem is one line
on stderr naming its source, and the exit code is 2. Set NEGSIM_DEBUG=1 (or HYDRA_FULL_ERROR=1)
to see tracebacks instead. Interrupts and write errors also end with one line. Hydra itself is
imported only when the job starts, so that a Ctrl-C at any moment meets `main`'s handler.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sim.cli.precheck import Signal, debugging, fail, jobs_of, precheck
from sim.config.compose import CONFIG_DIR
from sim.config.errors import ConfigError
from sim.jobs import head_start
from sim.jobs.finish import FINISH_HERE

if TYPE_CHECKING:
    from omegaconf import DictConfig


_NO_PRECHECK = {"--help", "-h", "--hydra-help", "--info", "-i", "--version", "--shell-completion",
                "-sc"}
_MULTIRUN, _SHOW = {"-m", "--multirun"}, {"--cfg", "-c"}


class Terminated(BaseException):
    """SIGTERM, turned into an exception so that partial files are cleaned up on the way out."""


def _terminate(signum: int, frame: object) -> None:
    Signal.seen = True
    raise Terminated()


def _interrupt(signum: int, frame: object) -> None:
    Signal.seen = True
    raise KeyboardInterrupt


def _redeliver(unraisable: object) -> None:
    """`sys.unraisablehook`: an interrupt our handlers raised where Python cannot let it
    propagate (a weakref callback inside importlib, say, during start-up) would be printed with
    a traceback and then lost. Send the same signal again a moment later, from another thread,
    so that the main code meets it outside the callback; anything else is reported as usual."""
    import os
    import signal
    import threading

    error = getattr(unraisable, "exc_value", None)
    if isinstance(error, KeyboardInterrupt | Terminated):
        signum = signal.SIGINT if isinstance(error, KeyboardInterrupt) else signal.SIGTERM
        threading.Timer(0.01, os.kill, (os.getpid(), signum)).start()
        return
    sys.__unraisablehook__(unraisable)  # type: ignore[arg-type]


def _stop_if_interrupted(error: BaseException) -> None:
    """End with the interrupt's one line if the run was interrupted, however the interrupt
    surfaced (inside a library's own clean-up, an import of Hydra or OmegaConf say, it can come
    out as another exception); else let `error` go on."""
    interrupted = Signal.seen or isinstance(error, KeyboardInterrupt | Terminated)
    if isinstance(error, SystemExit) or debugging() or not interrupted:
        return
    print(INTERRUPTED, file=sys.stderr)
    sys.exit(130)


def _app() -> None:
    """Hydra's entry point over `_job` (built here, so that importing this module is quick)."""
    import hydra

    hydra.main(config_path=CONFIG_DIR, config_name="config", version_base="1.3")(_job)()


INTERRUPTED = ("negsim: interrupted: nothing unfinished was kept as finished; finished sweep "
               "points are kept, so the same command resumes a sweep")


def _job(cfg: DictConfig) -> None:
    try:
        _run_job(cfg)
    except BaseException as error:
        _stop_if_interrupted(error)
        raise


def _run_job(cfg: DictConfig) -> None:
    from hydra.core.hydra_config import HydraConfig
    from omegaconf import OmegaConf

    from sim.jobs.run import run

    hydra_cfg = HydraConfig.get()
    folder = Path(hydra_cfg.runtime.output_dir)
    try:
        run(OmegaConf.to_container(cfg, resolve=True), folder, argv=sys.argv,
            overrides=list(hydra_cfg.overrides.task),
            finish=head_start.finisher or FINISH_HERE)
    except ConfigError as error:
        if debugging():
            raise
        fail(str(error))
    except (TimeoutError, ConnectionError) as error:  # a Dask scheduler lost mid-run
        if debugging():
            raise
        print(f"negsim: error: lost the Dask scheduler ({error}); finished sweep points are "
              "kept, so the same command resumes a sweep", file=sys.stderr)
        sys.exit(1)
    except OSError as error:
        if debugging():
            raise
        print(f"negsim: error: cannot write results in {folder}: {error.strerror or error} "
              f"({error.filename or 'a results file'}); earlier results are untouched",
              file=sys.stderr)
        sys.exit(1)
    except (KeyboardInterrupt, Terminated):
        print(INTERRUPTED, file=sys.stderr)
        sys.exit(130)


def main() -> None:
    """Console script `negsim`. An interrupt at any moment, the imports and the config checks
    included, ends with one line and exit 130."""
    import os
    import signal

    # Arrow's default allocator keeps the memory of every row group written until the process
    # ends; the system's gives it back (≈ 30 MB less at 10^5 runs, measured). Set before
    # anything imports pyarrow; the finishing process inherits it.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _interrupt)  # even when started in background
    sys.unraisablehook = _redeliver
    try:
        _main(sys.argv[1:])
    except BaseException as error:
        _stop_if_interrupted(error)
        raise


def _main(args: list[str]) -> None:
    flags = {a.split("=")[0] for a in args}
    if not debugging() and not _NO_PRECHECK & flags:
        if _MULTIRUN & flags:
            for job in jobs_of([a for a in args if a not in _MULTIRUN]):
                precheck(job, sweep_dir=True)
        else:
            settings = precheck([a for a in args if a.split("=")[0] not in _SHOW
                                 and a not in ("job", "hydra", "all")])
            if not _SHOW & flags:
                head_start.get_ready(settings)
    _app()
    head_start.leave()
