"""Record what a checkout of the model scores: both histories (10,000 runs, seeds 51 and 52, as
`negsim-validate` runs them) and the baseline's forecast questions (10,000 runs, seed 12345), as
JSON. The histories' "before" column in docs/validation.md is such a record, made at the commit
it names (`sim/jobs/validation/before_truces.json`):

    git worktree add /tmp/before 7bbd50c
    PYTHONPATH=/tmp/before .venv/bin/python scripts/record_scores.py before.json
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import numpy as np

from sim.jobs.validation import histories
from sim.jobs.validation.histories import COLUMN, config, simulate


def main(path: str) -> None:
    commit = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True).strip()
    scored = [dataclasses.asdict(histories.score_history(name, 10_000, 51 + k))
              for k, name in enumerate(histories.HISTORIES)]
    columns = simulate(config(), 10_000, 12345)
    baseline = {k[len(COLUMN):]: float(np.mean(v)) for k, v in columns.items()
                if k.startswith(COLUMN) and v.dtype == bool}
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"commit": commit, "histories": scored, "baseline": baseline}, out, indent=1,
                  default=float)


if __name__ == "__main__":
    main(sys.argv[1])
