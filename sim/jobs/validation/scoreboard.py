"""The scoreboard: every history's forecasts scored in one table, case by case and pooled,
beside its first (out-of-sample) score where one was recorded (`scripts/first_score.py`).

Per case: the yes/no questions' mean Brier score, the summed log score, the Brier skill against
a 50% forecaster (1 - Brier / 0.25) and how many events that happened the model gave under 5%.
Pooled: the same over every question of every case, with a 95% bootstrap interval over cases
(cases resampled with replacement: the questions of one case are not independent), so a
skill that rests on one case shows as uncertain."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sim.jobs.validation.histories import OUTCOMES, History

FIRST = Path(OUTCOMES) / "first"
BOOTSTRAP, BOOTSTRAP_SEED = 2000, 81
SURPRISE = 0.05
"""A realised event given less than this is a surprise the table counts."""


@dataclass(frozen=True)
class Line:
    """One case's scores over its yes/no questions."""

    name: str
    questions: int
    mean_brier: float
    log_score: float
    surprises: int  # events that happened, given under SURPRISE
    happened: int  # events that happened
    first_brier: float | None  # its first, out-of-sample score, if recorded


def line(h: History) -> Line:
    """A case's line: its yes/no questions scored now, and its first score if recorded."""
    rows = [r for r in h.questions.values() if "p" in r]
    happened = [r for r in rows if r["outcome"]]
    first = FIRST / f"{h.name}.json"
    first_brier = (json.loads(first.read_text(encoding="utf-8"))["history"]["totals"]["mean_brier"]
                   if first.exists() else None)
    return Line(h.name, len(rows), float(np.mean([r["brier"] for r in rows])),
                float(sum(r["log_score"] for r in rows)),
                sum(r["p"] < SURPRISE for r in happened), len(happened), first_brier)


def pooled_skill(histories: list[History]) -> tuple[float, float, float]:
    """The pooled Brier skill against 50% over every yes/no question of every case, and its
    95% bootstrap interval over cases."""
    briers = [np.array([r["brier"] for r in h.questions.values() if "p" in r])
              for h in histories]
    def skill(picked: list[np.ndarray]) -> float:
        return 1.0 - float(np.mean(np.concatenate(picked))) / 0.25
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    draws = [skill([briers[k] for k in rng.integers(0, len(briers), len(briers))])
             for _ in range(BOOTSTRAP)]
    low, high = np.percentile(draws, [2.5, 97.5])
    return skill(briers), float(low), float(high)


def markdown(histories: list[History]) -> list[str]:
    """The document's section "Scoreboard"."""
    lines = ["## Scoreboard", "",
             f"Every history below, scored on its yes/no questions (the timed ones are in its "
             f"own table). Brier skill is against a forecaster who says 50% to every question "
             f"(positive: better); \"under {SURPRISE:.0%}\" counts the events that happened to "
             f"which the model gave less than {SURPRISE:.0%}. The first score is the case's "
             f"out-of-sample one, recorded when it was pre-registered (`seeds/outcomes/first/`);"
             f" the cases scored before pre-registration have none.", "",
             "| case | yes/no questions | mean Brier | Brier skill vs 50% | log score | "
             "happened, given under 5% | first score (mean Brier) |", "|---|---|---|---|---|---|---|"]
    for h in histories:
        c = line(h)
        first = f"{c.first_brier:.3f}" if c.first_brier is not None else "–"
        lines.append(f"| {c.name} | {c.questions} | {c.mean_brier:.3f} | "
                     f"{1 - c.mean_brier / 0.25:.2f} | {c.log_score:.2f} | "
                     f"{c.surprises} of {c.happened} | {first} |")
    skill, low, high = pooled_skill(histories)
    count = sum(line(h).questions for h in histories)
    lines += ["", f"Pooled over {len(histories)} cases and {count} questions: Brier skill against "
              f"50% {skill:.2f} (95% bootstrap interval over cases {low:.2f} to {high:.2f}, "
              f"{BOOTSTRAP:,} resamples).", ""]
    return lines
