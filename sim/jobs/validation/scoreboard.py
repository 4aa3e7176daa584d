"""The scoreboard: every history's forecasts scored in one table, case by case and pooled,
beside its first (out-of-sample) score where one was recorded (`scripts/first_score.py`).

Per case: the yes/no questions' mean Brier score, the summed log score, the Brier skill against
a 50% forecaster (1 - Brier / 0.25) and against the base-rate forecaster (over the questions it
answers), and how many events that happened the model gave under 5%. Pooled: the skills over
every question of every case, with a 95% bootstrap interval over cases (cases resampled with
replacement: the questions of one case are not independent), so a skill that rests on one case
shows as uncertain."""

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
    certain: int  # questions answered with exactly 0 or 1 (every run alike)
    first_brier: float | None  # its first, out-of-sample score, if recorded
    rated: int  # questions the base rates answer
    base_skill: float | None  # Brier skill against the base rates, over those
    base_own: float | None  # the base rates' own Brier skill against 50%, over those
    first_base_skill: float | None  # the first score's skill against the base rates


def _skill(mine: list[float], theirs: list[float]) -> float | None:
    return 1.0 - float(np.mean(mine)) / float(np.mean(theirs)) if mine else None


def line(h: History, first: History | None = None) -> Line:
    """A case's line: its yes/no questions scored now, and its first score (`first_scored`)
    where one was recorded."""
    rows = {n: r for n, r in h.questions.items() if "p" in r}
    happened = [r for r in rows.values() if r["outcome"]]
    rated = [n for n, r in rows.items() if "base_rate_brier" in r]
    base = [rows[n]["base_rate_brier"] for n in rated]
    return Line(h.name, len(rows), float(np.mean([r["brier"] for r in rows.values()])),
                float(sum(r["log_score"] for r in rows.values())),
                sum(r["p"] < SURPRISE for r in happened), len(happened),
                sum(r["p"] in (0.0, 1.0) for r in rows.values()),
                first.totals["mean_brier"] if first else None, len(rated),
                _skill([rows[n]["brier"] for n in rated], base),
                _skill(base, [0.25] * len(base)),
                _skill([first.questions[n]["brier"] for n in rated], base) if first else None)


def both_scored(h: History, mine: str, theirs: str | None) -> list[dict]:
    """A case's yes/no questions that carry the Brier scores `mine` and `theirs` (None: 50%)."""
    return [r for r in h.questions.values()
            if "p" in r and mine in r and (theirs is None or theirs in r)]


def pooled(histories: list[History], mine: str, theirs: str | None
           ) -> tuple[float | None, float, float]:
    """The pooled Brier skill of scores `mine` against `theirs` (None: 50%), over every yes/no
    question both scored in every case, and its 95% bootstrap interval over cases."""
    pairs = []
    for h in histories:
        rows = both_scored(h, mine, theirs)
        pairs.append((np.array([r[mine] for r in rows]),
                      np.array([0.25 if theirs is None else r[theirs] for r in rows])))

    def skill(picked: list[tuple[np.ndarray, np.ndarray]]) -> float:
        a = np.concatenate([m for m, _ in picked])
        b = np.concatenate([t for _, t in picked])
        return 1.0 - float(np.mean(a)) / float(np.mean(b)) if a.size else np.nan
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    draws = [skill([pairs[k] for k in rng.integers(0, len(pairs), len(pairs))])
             for _ in range(BOOTSTRAP)]
    kept = [d for d in draws if not np.isnan(d)]  # a resample of cases with no question
    low, high = np.percentile(kept, [2.5, 97.5]) if kept else (np.nan, np.nan)
    whole = skill(pairs)
    return (None if np.isnan(whole) else whole), float(low), float(high)


def _num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def markdown(histories: list[History]) -> list[str]:
    """The document's section "Scoreboard"."""
    lines = ["## Scoreboard", "",
             f"Every history below, scored on its yes/no questions (the timed ones are in its "
             f"own table). Brier skill is 1 - Brier / Brier of the other forecaster (positive: "
             f"better), against one who says 50% to every question and against the base-rate "
             f"forecaster (what the open conflict data say of questions of each kind, "
             f"[baserates.md](guide/baserates.md)) over the questions it answers; the base "
             f"rates' own skill against 50% is beside it. \"Under {SURPRISE:.0%}\" counts the "
             f"events that happened to which the model gave less than {SURPRISE:.0%}; \"exactly 0 "
             f"or 1\" the questions every run answered alike, which a contingent event a year "
             f"ahead should not get unless logic forces it (Cromwell's rule). The first "
             f"score is the case's out-of-sample one, recorded when it was pre-registered "
             f"(`seeds/outcomes/first/`); the cases scored before pre-registration have none.", "",
             "| case | yes/no questions | mean Brier | skill vs 50% | skill vs base rates "
             "(questions) | base rates' skill vs 50% | log score | happened, given under 5% | "
             "exactly 0 or 1 | "
             "first score: mean Brier | first: skill vs base rates |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    firsts = {h.name: first_scored(h) for h in histories}
    for h in histories:
        c = line(h, firsts[h.name])
        lines.append(f"| {c.name} | {c.questions} | {c.mean_brier:.3f} | "
                     f"{1 - c.mean_brier / 0.25:.2f} | {_num(c.base_skill)} ({c.rated}) | "
                     f"{_num(c.base_own)} | {c.log_score:.2f} | {c.surprises} of {c.happened} | "
                     f"{c.certain} | "
                     f"{_num(c.first_brier, 3)} | {_num(c.first_base_skill)} |")
    lines += ["", f"Pooled over the {len(histories)} cases as scored now ({BOOTSTRAP:,} "
              f"bootstrap resamples of cases, 95% intervals):", "", *_pooled_lines(histories)]
    recorded = [f for f in firsts.values() if f is not None]
    if recorded:
        lines += ["", f"Pooled over the {len(recorded)} first, out-of-sample scores (each "
                  f"case's run when it was pre-registered):", "", *_pooled_lines(recorded)]
    return [*lines, ""]


def _pooled_lines(histories: list[History]) -> list[str]:
    lines = []
    for label, mine, theirs in (("the model against 50%", "brier", None),
                                ("the model against the base rates", "brier", "base_rate_brier"),
                                ("the base rates against 50%", "base_rate_brier", None)):
        count = sum(len(both_scored(h, mine, theirs)) for h in histories)
        skill, low, high = pooled(histories, mine, theirs)
        lines.append(f"- {label}, over {count} questions: Brier skill {_num(skill)} "
                     f"({low:.2f} to {high:.2f})")
    return lines


def first_scored(h: History) -> History | None:
    """A case's first, out-of-sample score, with the base rates' answers to the same questions
    (the base-rate forecaster does not depend on the run)."""
    path = FIRST / f"{h.name}.json"
    if not path.exists():
        return None
    first = json.loads(path.read_text(encoding="utf-8"))["history"]
    rows = {}
    for name, row in first["questions"].items():
        now = h.questions.get(name, {})
        rows[name] = {**row, **{k: v for k, v in now.items() if k.startswith("base_rate_")}}
    return History(h.name, first["mediator"], first["start_date"], first["runs"], first["seed"],
                   rows, first["totals"], first["log_floor"])
