"""Where Numba keeps the compiled rules and loops: a folder named after their source code.

Numba's own cache checks only the file that defines a compiled loop, not the rules it inlines
from other files, so an edited rule could run stale machine code. Naming the folder after the
package's code fingerprint (`sim.engine.fingerprint`, the same one the sweep's point store uses) rules
that out: any edit to code that computes numbers gives a fresh folder (and a first run that
compiles, ≈ 12 s). `NUMBA_CACHE_DIR`, when set, is respected as given.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from sim.engine.fingerprint import code_fingerprint

PACKAGE = Path(__file__).resolve().parents[1]  # the sim package


def folder() -> Path:
    """The cache folder for this source: under the user's cache, or the temporary folder."""
    digest = code_fingerprint(PACKAGE)
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    for base in (home, Path(tempfile.gettempdir())):
        path = base / "negsim" / "numba" / digest[:16]
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path, os.W_OK):
            return path
    return path


def configure() -> None:
    """Point Numba at this source's folder, before any compiled function is defined."""
    if "NUMBA_CACHE_DIR" in os.environ:
        return
    os.environ["NUMBA_CACHE_DIR"] = str(folder())
    if "numba" in sys.modules:  # imported earlier: its configuration has read the environment
        sys.modules["numba"].config.CACHE_DIR = os.environ["NUMBA_CACHE_DIR"]
