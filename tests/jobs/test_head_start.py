"""Finishing a run in a process of its own gives what finishing it here gives, and no job is
lost when that process fails."""

import shutil
import subprocess
import sys

import pytest

from sim.jobs.finish import Job, finish
from sim.jobs.head_start import Finisher
from sim.jobs.run import run
from sim.results.files import SUMMARY, load_summary
from tests.conftest import composed

RUN = ("runs=300", "montecarlo.chunk_size=150", "montecarlo.progress=false", "seed=11")


def quiet(_: str) -> None:
    pass


@pytest.fixture(scope="module")
def finished_here(tmp_path_factory):
    folder = tmp_path_factory.mktemp("here")
    return folder, run(composed(*RUN), folder, echo=quiet, argv=["test"])


def job_for(folder, summary) -> Job:
    """The job that finished `folder`, read back from its summary."""
    head = {k: summary[k] for k in ("kind", "name", "scenario", "mediator", "mediator_style",
                                    "form", "seed")}
    tail = {k: summary[k] for k in ("labels", "version", "git_commit", "git_dirty")}
    texts = {name: q["text"] for name, q in summary["questions"].items()}
    return Job(folder, 365, ("png",), head, tail, questions=texts)


def unfinished_copy(folder, target):
    """The results folder as the simulation leaves it: no summary, no report yet."""
    shutil.copytree(folder, target)
    (target / SUMMARY).unlink()
    shutil.rmtree(target / "figures")
    return target


def test_a_finisher_writes_the_same_summary_and_figures_as_finishing_here(finished_here,
                                                                          tmp_path):
    folder, summary = finished_here
    there = unfinished_copy(folder, tmp_path / "there")
    got, text = Finisher(split=True)(job_for(there, summary))  # its figures in two processes
    assert got == summary == load_summary(there)
    assert "Agreement" in text or "agreement" in text
    for figure in sorted((folder / "figures").iterdir()):
        assert (there / "figures" / figure.name).read_bytes() == figure.read_bytes(), figure.name


def test_a_finisher_not_yet_started_starts_with_its_job(finished_here, tmp_path):
    folder, summary = finished_here
    there = unfinished_copy(folder, tmp_path / "there")
    finisher = Finisher(start=False)
    assert finisher.process is None
    got, _ = finisher(job_for(there, summary))
    assert got == summary == load_summary(there)


def test_a_finisher_left_unstarted_starts_when_the_run_says_its_monte_carlo_is_over(
        finished_here, tmp_path):
    folder, summary = finished_here
    there = unfinished_copy(folder, tmp_path / "there")
    finisher = Finisher(start=False)
    finisher.prepare()
    assert finisher.process is not None and finisher.process.poll() is None
    got, _ = finisher(job_for(there, summary))
    assert got == summary == load_summary(there)


def test_a_finisher_whose_process_died_finishes_the_job_here(finished_here, tmp_path):
    folder, summary = finished_here
    there = unfinished_copy(folder, tmp_path / "there")
    finisher = Finisher()
    finisher.process.kill()
    finisher.process.wait()
    got, _ = finisher(job_for(there, summary))
    assert got == summary == load_summary(there)


def test_an_error_while_finishing_is_raised_in_the_caller_as_it_was(tmp_path):
    job = Job(tmp_path, 365, ("png",), {"kind": "run"}, {})
    with pytest.raises(FileNotFoundError) as here:
        finish(job)
    with pytest.raises(FileNotFoundError) as there:
        Finisher()(job)
    assert str(there.value) == str(here.value)
    assert not (tmp_path / SUMMARY).exists()


def test_a_finisher_given_no_job_ends_quietly():
    finisher = Finisher()
    finisher.process.stdin.close()
    assert finisher.process.wait(timeout=60) == 0
    assert finisher.process.stdout.read() == b""


def test_the_simulating_process_leaves_scipy_and_matplotlib_to_the_finisher():
    code = ("import sys, sim.jobs.run; "
            "print([m for m in ('matplotlib', 'scipy.stats', 'sim.report.build') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_what_the_finishing_process_prints_does_not_break_its_reply(finished_here, tmp_path,
                                                                   monkeypatch):
    """Standard output carries the reply; a library printing there as it is imported must not
    spoil it (nor may the job quietly be finished here instead)."""
    folder, summary = finished_here
    there = unfinished_copy(folder, tmp_path / "there")
    code = ("import sys, sim.jobs.head_start as f; load = f.import_module\n"
            "def chatty(name):\n    print('a chatty library'); return load(name)\n"
            "f.import_module = chatty; f.serve(); sys.stdout.flush()")
    finisher = Finisher(start=False)
    finisher.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
    monkeypatch.setattr("sim.jobs.head_start.finish", lambda job: pytest.fail("finished here"))
    got, _ = finisher(job_for(there, summary))
    assert got == summary == load_summary(there)


def test_a_report_that_fails_does_not_lose_the_run(finished_here, tmp_path, monkeypatch):
    """A report failure used to end the command after the simulation: the run was lost."""
    from sim.report import build

    folder, summary = finished_here
    copy = unfinished_copy(folder, tmp_path / "copy")

    def broken(*args, **kwargs):
        raise RuntimeError("a figure could not be drawn")

    monkeypatch.setattr(build, "build_report", broken)
    written, text = finish(job_for(copy, summary))
    assert load_summary(copy)["report_error"] == "RuntimeError: a figure could not be drawn"
    assert written["agreement"] == summary["agreement"]
    assert "the results are complete: rebuild it with negsim-report" in text


def test_a_label_with_dollar_signs_is_drawn_as_written(tmp_path):
    """"$x^{2$" in a party's label crashed matplotlib's mathtext after the simulation."""
    folder = tmp_path / "run"
    summary = run(composed(*RUN, 'scenario.parties.RU.label="$x^{2$ (RU)"'), folder,
                  echo=quiet, argv=["test"])
    assert "report_error" not in summary
    assert (folder / "report.html").exists() and (folder / SUMMARY).exists()
