"""Record a history's first score, the out-of-sample one: run it as `negsim-validate` does
(10,000 runs, the seed it is given there) and write `seeds/outcomes/first/NAME.json` with the
commit that pre-registered the case (its facts, configs, questions and outcomes, committed
before any run). The file is written once; a later score never replaces it.

    .venv/bin/python scripts/first_score.py NAME PREREGISTERED_COMMIT
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from sim.jobs.validation import histories

FIRST = Path(histories.OUTCOMES) / "first"


def main(name: str, commit: str) -> None:
    path = FIRST / f"{name}.json"
    if path.exists():
        raise SystemExit(f"first_score: {path} exists: a first score is written once")
    if name not in histories.HISTORIES:
        raise SystemExit(f"first_score: {name} is not a history: {', '.join(histories.HISTORIES)}")
    seed = 51 + histories.HISTORIES.index(name)
    scored = histories.score_history(name, 10_000, seed)
    FIRST.mkdir(parents=True, exist_ok=True)
    record = {"preregistered": commit, "history": dataclasses.asdict(scored)}
    path.write_text(json.dumps(record, indent=1, default=float) + "\n", encoding="utf-8")
    print(f"first_score: {name}: mean Brier {scored.totals['mean_brier']:.3f}, "
          f"log score {scored.totals['log_score']:.2f} -> {path}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
