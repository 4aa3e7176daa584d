"""The code behind the numbers: one digest over every module that can change a result.

Both the sweep's point store (a stored point is reused only if the same code made it) and the
compile cache (machine code is reused only for the same source) key on it. It covers the whole
package except the modules listed in PRESENTATION, which only check inputs or show, serve or
time results; a new module is covered the moment it exists, so the list of what counts cannot
fall behind the code. A test checks that nothing the model or the summaries import is in PRESENTATION.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # the sim package
PRESENTATION = frozenset({"report", "app", "cli", "jobs/validation",
                          "jobs/processes.py", "jobs/reference.py", "__main__.py"})
"""Parts of the package (paths under it) that check inputs, read saved results or serve them,
never make them."""


def number_files(package: Path | None = None) -> list[Path]:
    """Every source file that can change a number, in a fixed order."""
    package = package or PACKAGE
    return sorted(path for path in package.rglob("*.py") if not _presents(path.relative_to(package)))


def _presents(relative: Path) -> bool:
    """Whether the file lies in (or is) a part named in PRESENTATION."""
    parts = relative.parts
    return any("/".join(parts[:k]) in PRESENTATION for k in range(1, len(parts) + 1))


def code_fingerprint(package: Path | None = None) -> str:
    """SHA-256 over the path and bytes of every file of `number_files`."""
    package = package or PACKAGE
    digest = hashlib.sha256()
    for path in number_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
