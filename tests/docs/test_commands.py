"""Every command the README and the user guide show runs, as shown, at a small size.

Each ```bash block is run as a reader would paste it, in an empty folder beside `configs/`,
`seeds/` and `experiments/`; each `negsim …` written inline in the text runs on its own. The
commands meet `negsim` through a shim that only makes them small (tests/docs/shim_negsim.py).
Not run here, and why: installing (`python -m venv`, `pip install`: what scripts/test itself
does), `scripts/test` (this suite), serving the app (it serves until stopped: `--help` is run
instead, and tests/app drives the page), and commands with a placeholder to fill in (NAME,
FOLDER, a cluster's HOST or PARTITION). The sweep written out in the guide runs from a
config folder of its own, as the guide says to save it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))]
BIN = Path(sys.executable).parent
SHIM = Path(__file__).with_name("shim_negsim.py")
PLACEHOLDER = re.compile(r"(?<![\w.])(NAME|PATH|FOLDER|DIR|HOST|PARTITION|RUN_DIR|OUTCOMES|FORECASTS)"
                         r"(?![a-z_])|<|\.\.\.")
MY_STUDY = "negsim experiment=my_study"  # run by the test of the sweep it names
INSTALLING = re.compile(r"python -m venv \.venv && |(\.venv/bin/)?pip install [^&|;]*(&& )?")


def _blocks(path: Path) -> list[str]:
    """The ```bash blocks of one document, continuation lines joined."""
    found = re.findall(r"^ *```bash\n(.*?)^ *```", path.read_text(), flags=re.S | re.M)
    return [block.replace("\\\n", " ") for block in found]


def _runnable(block: str) -> str:
    """A block as the test runs it: the commands a reader runs, without the installation or
    the suite itself, through the `negsim` on PATH."""
    lines = []
    for line in block.splitlines():
        line = INSTALLING.sub("", line.strip()).replace(".venv/bin/", "")
        if line and not line.startswith(("#", "scripts/test")):
            lines.append(line)
    return "\n".join(lines)


def _inline(path: Path) -> list[str]:
    """`negsim …` written inline in the text, with arguments and nothing left to fill in."""
    spans = re.findall(r"`((?:\.venv/bin/)?negsim[\w-]* [^`]+)`", path.read_text())
    return [s.replace(".venv/bin/", "") for s in spans if not PLACEHOLDER.search(s)]


SESSIONS = {d.name: [_runnable(b) for b in _blocks(d) if _runnable(b)] for d in DOCS}
SHOWN = {line for blocks in SESSIONS.values() for block in blocks for line in block.splitlines()}
INLINE = [pytest.param(c, id=f"{d.name}-{c[:60]}") for d in DOCS for c in dict.fromkeys(_inline(d))
          if c not in SHOWN and c != MY_STUDY]


@pytest.fixture
def reader(tmp_path: Path) -> Path:
    """An empty working folder with the project's configs, facts and studies beside it, and
    `negsim` (small) and `negsim-app` (its help) first on PATH."""
    for name in ("configs", "seeds", "experiments"):
        (tmp_path / name).symlink_to(ROOT / name)
    shims = tmp_path / ".shims"
    shims.mkdir()
    (shims / "negsim").write_text(f"#!/bin/sh\nexec {sys.executable} {SHIM} \"$@\"\n")
    (shims / "negsim-app").write_text(f"#!/bin/sh\nexec {BIN / 'negsim-app'} --help\n")
    for shim in shims.iterdir():
        shim.chmod(0o755)
    return tmp_path


def _run(script: str, where: Path) -> subprocess.CompletedProcess:
    env = os.environ | {"PATH": f"{where / '.shims'}:{BIN}:{os.environ['PATH']}",
                        "NEGSIM_REAL_BIN": str(BIN)}
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=where, env=env,
                           capture_output=True, text=True, timeout=600)


def test_the_docs_show_commands_to_run():
    blocks = [block for blocks in SESSIONS.values() for block in blocks]
    assert len(blocks) >= 10 and len(INLINE) >= 8
    assert sum("negsim" in block for block in blocks) >= 10


@pytest.mark.parametrize("document", [name for name, blocks in SESSIONS.items() if blocks])
def test_a_documents_blocks_run_in_order_as_pasted(document: str, reader: Path):
    """A reader pastes a document's blocks one after another in one folder: a later block may
    use what an earlier one made (a scenario copied, a run to score)."""
    for script in SESSIONS[document]:
        done = _run(script, reader)
        assert done.returncode == 0, f"{script}\n---\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"


@pytest.mark.parametrize("command", INLINE)
def test_a_command_written_in_the_text_runs(command: str, reader: Path):
    done = _run(command, reader)
    assert done.returncode == 0, f"{command}\n---\n{done.stderr[-3000:]}"


def test_the_sweep_written_out_in_the_guide_runs_once_saved(reader: Path):
    study = next(block for block in re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "guide" /
                                                "experiments.md").read_text(), flags=re.S)
                 if "name: my_study" in block)
    (reader / "mine" / "experiment").mkdir(parents=True)
    (reader / "mine" / "experiment" / "my_study.yaml").write_text(study)
    done = _run("negsim --config-dir mine experiment=my_study sweep.points=3", reader)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "sweep" in done.stdout.lower()
