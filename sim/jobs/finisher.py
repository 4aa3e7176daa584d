"""Finishing a run whose results are saved (its summary and report), here or in a process of
its own that gets ready while the run simulates.

Finishing reads the saved results only, never the model. It needs SciPy (intervals,
Kaplan-Meier) and Matplotlib, whose imports take ≈ 1 s; the simulation needs neither. When the
Monte Carlo runs in `negsim`'s own process, the machine's second core would idle meanwhile, so
`negsim` starts a `Finisher` first: a fresh interpreter that imports all that in parallel,
waits for the job, and draws the figures on two cores (`sim.report.build`).
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
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from sim.jobs.processes import descendants


@dataclass(frozen=True)
class Job:
    """What finishing a run needs beside its saved results: the horizon (for the durations),
    the report's formats, and the summary's fields that come from the settings: `head` before
    the estimates (kind, names, seed), `tail` after them (labels, provenance)."""

    folder: Path
    horizon_days: int
    formats: tuple[str, ...]
    head: dict[str, Any]
    tail: dict[str, Any]
    split: bool = False
    """Whether a finishing process may draw the figures in two processes (`sim.report.build`).
    Only for a run that kept its Monte Carlo in one process: the forked copy counts its shared
    pages again in the memory the processes hold (≈ 270 MB, measured), room that the larger
    process of a run with workers does not leave under 1 GiB."""


def finish(job: Job, split: bool = False) -> tuple[dict[str, Any], str]:
    """Summarise the run table, write the report (its figures drawn by two processes if
    `split` and the job allows it), then `summary.json`, last: it marks the folder complete.
    Returns the summary and its text for the terminal."""
    from sim.report.build import build_report
    from sim.results.digest import digest_saved
    from sim.results.files import SUMMARY, write_json
    from sim.results.summary import format_summary, summarise_digest

    digest = digest_saved(job.folder, job.horizon_days)
    summary = {**job.head, **summarise_digest(digest), **job.tail}
    note = ""
    try:
        build_report(job.folder, summary, job.formats, digest, split=split and job.split)
    except Exception as error:  # the results are whole: a report that fails must not lose them
        summary["report_error"] = f"{type(error).__name__}: {error}".splitlines()[0]
        note = (f"\nnegsim: warning: the report could not be built ({summary['report_error']}); "
                f"the results are complete: rebuild it with negsim-report {job.folder}")
    write_json(job.folder / SUMMARY, summary)
    return summary, format_summary(summary) + note


class Finisher:
    """A process that imports what finishing needs now, then finishes one job when given it.

    If the caller ends without giving it one (bad input, an interrupt), it sees its input
    close and exits quietly. `start=False` leaves starting it to `start` (or the job): a run
    whose workers fill the machine starts it once they are gone, not to hold its memory
    beside theirs."""

    def __init__(self, start: bool = True) -> None:
        self.process: subprocess.Popen | None = None
        if start:
            self.start()

    def start(self) -> None:
        """Start the process, unless it is started."""
        if self.process is None:
            # One BLAS thread, so that the process may fork to draw figures (sim.report.build).
            env = os.environ | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
            self.process = subprocess.Popen([sys.executable, "-m", "sim.jobs.finisher"], env=env,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def __call__(self, job: Job) -> tuple[dict[str, Any], str]:
        """Finish `job` there; its errors are raised here, as they would be in this process.
        If that process died instead (killed, out of memory), the job is finished here."""
        self.start()
        assert self.process is not None
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            pickle.dump(job, self.process.stdin)
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
        job = pickle.load(sys.stdin.buffer)
    except EOFError:  # the caller ended without a job
        return
    try:
        reply: tuple[bool, Any] = (False, finish(job, split=True))
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


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # an interrupt ends it quietly, as the caller
    serve()
    sys.stderr.flush()
    os._exit(0)  # nothing left to tear down that matters (see `sim.cli.main.leave`)
