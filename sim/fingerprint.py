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

PACKAGE = Path(__file__).resolve().parent
PRESENTATION = frozenset({"report", "validation", "app.py", "explore.py", "serve.py", "cli.py",
                          "precheck.py", "bench.py", "collect.py", "processes.py", "__main__.py"})
"""Top-level parts of the package that check inputs, read saved results or serve them, never
make them."""


def number_files(package: Path | None = None) -> list[Path]:
    """Every source file that can change a number, in a fixed order."""
    package = package or PACKAGE
    return sorted(path for path in package.rglob("*.py")
                  if path.relative_to(package).parts[0] not in PRESENTATION)


def code_fingerprint(package: Path | None = None) -> str:
    """SHA-256 over the path and bytes of every file of `number_files`."""
    package = package or PACKAGE
    digest = hashlib.sha256()
    for path in number_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
