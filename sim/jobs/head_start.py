"""The speed machinery, kept apart: what makes a short `negsim` job quick without changing a
number it writes. Three things, each measured (docs/performance.md):

- `get_ready`: start now what a single run will use, while `negsim` imports the model: the
  Monte Carlo's worker processes, or a finishing process (`Finisher`);
- `Finisher`: a fresh interpreter that imports SciPy and Matplotlib (≈ 1 s) while the run
  simulates, then finishes the run (`sim.jobs.finish`) and draws its figures on two cores;
- `leave`: exit without the interpreter's teardown once every result is written.

Nothing here decides anything the results say: `sim.jobs.run` is given a `Finisher` as the way
to finish its run (`sim.jobs.finish.Finishing`) and reads the same with or without it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.jobs.finish import Job, finish
from sim.jobs.processes import descendants

if TYPE_CHECKING:
    from sim.jobs.settings import Settings


class Finisher:
    """A process that imports what finishing needs now, then finishes one job when given it.

    If the caller ends without giving it one (bad input, an interrupt), it sees its input
    close and exits quietly. `start=False` leaves starting it to the run (`prepare`, or the
    job): a run whose workers fill the machine starts it once they are gone, not to hold its
    memory beside theirs. With `split` it draws the figures in two processes."""

    def __init__(self, start: bool = True, split: bool = False) -> None:
        self.process: subprocess.Popen | None = None
        self.split = split
        if start:
            self.start()

    def prepare(self) -> None:
        """The run's Monte Carlo is over and its workers are gone: start, if not started."""
        self.start()

    def start(self) -> None:
        """Start the process, unless it is started."""
        if self.process is None:
            # One BLAS thread, so that the process may fork to draw figures (sim.report.build).
            env = os.environ | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
            self.process = subprocess.Popen([sys.executable, "-m", "sim.jobs.head_start"], env=env,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def __call__(self, job: Job) -> tuple[dict[str, Any], str]:
        """Finish `job` there; its errors are raised here, as they would be in this process.
        If that process died instead (killed, out of memory), the job is finished here."""
        self.start()
        assert self.process is not None
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            pickle.dump((job, self.split), self.process.stdin)
            self.process.stdin.close()
            failed, result = pickle.load(self.process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            _kill_tree(self.process.pid)
            return finish(job)
        except BaseException:  # interrupted: nothing goes on writing once negsim has stopped
            _kill_tree(self.process.pid)
            for leftover in job.folder.rglob(".*.tmp"):
                leftover.unlink(missing_ok=True)
            raise
        finally:
            self.process.wait()
        if failed:
            raise result
        return result


def _kill_tree(pid: int) -> None:
    """Kill a process and the processes it started (the one drawing half the figures), which
    would otherwise go on writing; return once none of them runs. It is stopped first, so that it
    starts none while they are looked up."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGSTOP)  # takes effect a moment later: a fork may still finish
    _wait_until(lambda: _state(pid) not in RUNNING)
    doomed = [pid, *descendants(pid)]
    for each in doomed:
        with contextlib.suppress(ProcessLookupError):
            os.kill(each, signal.SIGKILL)
    _wait_until(lambda: all(_state(each) not in RUNNING for each in doomed))


RUNNING = ("R", "S", "D")
"""Linux process states of a process that may still act: running, sleeping, in a system call."""


def _state(pid: int) -> str:
    """A process's state letter from Linux's /proc; "" once it is gone (or elsewhere)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def _wait_until(done: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        time.sleep(0.005)


def serve() -> None:
    """In the finishing process: import, wait for the job, finish it, send back the result."""
    # The reply goes on the original standard output; anything printed goes to standard error,
    # so that no library's message can break the reply.
    reply_to = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    for module in ("sim.results.digest", "sim.report.build", "sim.results.summary"):
        import_module(module)  # while the caller simulates
    try:
        job, split = pickle.load(sys.stdin.buffer)
    except EOFError:  # the caller ended without a job
        return
    try:
        reply: tuple[bool, Any] = (False, finish(job, split=split))
    except Exception as error:  # raised again in the caller, where it is explained
        reply = (True, error if _picklable(error) else RuntimeError(f"{type(error).__name__}: {error}"))
    with reply_to:
        pickle.dump(reply, reply_to)


def _picklable(error: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True


def get_ready(settings: Settings) -> None:
    """Start now what a single run will use, so that it gets ready while this process imports
    the model (≈ 1.5 s): the Monte Carlo's worker processes, or, when the Monte Carlo runs in
    this process, a finishing process that imports the summary's and the report's libraries
    (`Finisher`; with workers, it starts when they are done). A sweep starts its own.

    Only a run that kept its Monte Carlo in this process has its figures drawn in two: the
    forked copy counts its shared pages again in the memory the processes hold (≈ 270 MB,
    measured), room that the larger process of a run with workers does not leave under 1 GiB."""
    global finisher
    options = settings.options
    if options.sweep is not None:
        return
    backend = options.monte_carlo
    spread = backend.spreads(options.chunks)
    if spread:
        backend.start(options.chunks, "sim.engine.chunk:prepare", settings.scenario, settings.mediator)
    finisher = Finisher(start=not spread, split=not spread)  # with workers: once they are gone


finisher: Finisher | None = None
"""The finishing process `get_ready` started, the way `negsim` finishes its run."""


def leave() -> None:
    """Exit at once once the work is done. Every result is already written and published
    (fsync, then an atomic rename), and the exit handlers still run; what is skipped is the
    interpreter's teardown of the ≈ 200,000 objects Mesa, SciPy, Matplotlib and Numba leave,
    which took ≈ 0.5 s of a 1,000-run job (measured). Not while another thread or a child
    process is still running (a multirun's launcher): the usual exit waits for them."""
    import atexit
    import logging
    import multiprocessing
    import threading

    others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if others or multiprocessing.active_children():
        return
    atexit._run_exitfuncs()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # an interrupt ends it quietly, as the caller
    serve()
    sys.stderr.flush()
    os._exit(0)  # nothing left to tear down that matters (see `leave`)
