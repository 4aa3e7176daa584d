"""Save, or compare, the numbers a refactor must not change.

    python scripts/run_tables.py save DIR      # run the reference set, keep its tables in DIR
    python scripts/run_tables.py compare A B   # every table in A equals B's, byte for byte
    python scripts/run_tables.py compare A B --additions   # B only adds: new columns, new
                                               # rows at the end; all of A's numbers unchanged

The reference set: `negsim runs=20000 seed=12345` (its run table and traced episode), every
shipped experiment at a small size (its run table, or its sweep table and each point's
run table), and the validation cases' results (without their timing). Parquet tables are
compared as frames (pandas `equals`: every column, dtype and value, except where a sweep
point is stored); every other file (CSV, JSON) by its bytes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the console scripts beside this Python
QUIET = ["montecarlo.progress=false"]
SMALL = ["runs=200", "montecarlo.chunk_size=100", "seed=7", *QUIET]
EXPERIMENTS = sorted(p.stem for p in (ROOT / "experiments").glob("*.yaml"))
KEEP = ("runs.parquet", "sweep.parquet", "sensitivity.parquet", "summary.csv",
        "episode/events.csv", "episode/timeline.csv")


def _negsim(out: Path, *args: str) -> None:
    subprocess.run([str(BIN / "negsim"), *args, f"hydra.run.dir={out}"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


def _keep(run: Path, into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    for name in KEEP:
        if (run / name).exists():
            shutil.copy(run / name, into / name.replace("/", "_"))
    if (run / "sweep.parquet").exists():  # each point's own run table, from the point store
        for point, folder in pd.read_parquet(run / "sweep.parquet")[["point", "folder"]].values:
            shutil.copy(Path(folder) / "runs.parquet", into / f"point_{point:03d}_runs.parquet")


def save(target: Path) -> None:
    work = target / "_work"
    _negsim(work / "baseline", "runs=20000", "seed=12345", *QUIET)
    _keep(work / "baseline", target / "baseline_20000")
    for name in EXPERIMENTS:
        extra = ["sweep.points=2"] if name == "sensitivity_morris" else []
        _negsim(work / name, f"experiment={name}", *SMALL, *extra,
                f"point_store={work / name / 'points'}")
        _keep(work / name, target / f"experiment_{name}")
    before = set((ROOT / "results" / "validation").glob("*"))
    subprocess.run([str(BIN / "negsim-validate"), "--docs", str(work / "validation.md")],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    (written,) = set((ROOT / "results" / "validation").glob("*")) - before
    cases = json.loads((written / "validation.json").read_text())
    cases.pop("seconds")  # how long it took is not a number the model makes
    (target / "validation.json").write_text(json.dumps(cases, indent=1, sort_keys=True))
    shutil.rmtree(work)


MOVABLE = ["folder"]
"""Where a sweep point is stored: named by its key, made from the code's fingerprint, so it
moves with any edit to the code (the numbers in the point's table must not)."""


def _same(a: Path, b: Path, additions: bool = False) -> bool:
    """Equal; with `additions`, B may have more columns (a table) or more lines at the end (a
    CSV), and A's all stay as they were."""
    if a.suffix == ".parquet":
        left, right = pd.read_parquet(a), pd.read_parquet(b)
        drop = [c for c in MOVABLE if c in left.columns]
        if additions:
            if not set(left.columns) <= set(right.columns):
                return False
            right = right[list(left.columns)]
        return left.drop(columns=drop).equals(right.drop(columns=drop, errors="ignore"))
    if additions and a.suffix == ".csv":
        return b.read_bytes().startswith(a.read_bytes())
    return a.read_bytes() == b.read_bytes()


def compare(a: Path, b: Path, additions: bool = False) -> int:
    names = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()}
                   | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    differ = [n for n in names if not ((a / n).exists() and (b / n).exists()
                                       and _same(a / n, b / n, additions))]
    for name in names:
        print(("DIFFERS  " if name in differ else "same     ") + str(name))
    print(f"{len(names) - len(differ)} of {len(names)} files identical")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["save"] and len(sys.argv) == 3:
        save(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) in (4, 5) and sys.argv[4:] in ([], ["--additions"]):
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:] == ["--additions"]))
    else:
        sys.exit(__doc__)
