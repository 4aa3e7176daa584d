"""`negsim` as the docs' commands meet it in tests/docs: the real console script, at a small
size. A command that asks for more than SMALL replicates runs SMALL (a sweep: SMALL a point);
one that asks for fewer keeps its own; one that names no number of workers runs on one (the
numbers are the same for any, and a run this small is quicker without starting others); the
progress bar is off. Nothing else changes."""

import os
import sys
from pathlib import Path

SMALL = 40  # the least negsim-analyze reads


def _runs(arg: str) -> int | None:
    name, _, value = arg.lstrip("+").partition("=")
    return int(value) if name == "runs" and value.isdigit() else None


def main() -> None:
    args = sys.argv[1:]
    asked = [n for n in map(_runs, args) if n is not None]
    extra = [] if asked and asked[-1] <= SMALL else [f"runs={SMALL}"]
    if not any(arg.lstrip("+").startswith("workers=") for arg in args):
        extra.append("workers=1")
    real = str(Path(os.environ["NEGSIM_REAL_BIN"]) / "negsim")
    os.execv(real, [real, *args, *extra, "montecarlo.progress=false"])


if __name__ == "__main__":
    main()
