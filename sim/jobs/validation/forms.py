"""The model's forms side by side: every history scored under each form (`model=NAME`,
configs/model/), pooled as the scoreboard pools them, and the baseline's forecast questions
answered under each. The default form is the one `configs/config.yaml` chooses; which form the
scoreboard favours is read off the pooled skill against the base rates, the share of realised
events given under 5% and the count of answers at exactly 0 or 1 (docs/validation.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sim.config.compose import CONFIG_DIR, compose_config, group_options
from sim.jobs.validation.cases import config, simulate
from sim.jobs.validation.histories import HISTORIES, History, score_history
from sim.jobs.validation.scoreboard import SURPRISE, both_scored, line, pooled
from sim.results.answers import COLUMN

BASELINE = "black_sea_2025"


@dataclass(frozen=True)
class FormScore:
    """One form's histories and the baseline's answers under it."""

    name: str
    summary: str
    histories: list[History]
    baseline: dict[str, float]  # yes/no question -> share of runs answering yes


def default_form() -> str:
    """The form `configs/config.yaml` runs unless another is chosen."""
    return str(compose_config([])["scenario"]["form"]["name"])


def form_names() -> list[str]:
    """Every form in configs/model/, the default first."""
    default = default_form()
    return [default, *(f for f in group_options("model", [Path(CONFIG_DIR)]) if f != default)]


def score_forms(runs: int, seed: int, default: list[History] | None = None) -> list[FormScore]:
    """Every history under every form (seed + k for the k-th history, as the scoreboard), and
    the baseline's questions under each (seed - 1); the default form's histories may be given
    (`default`), already scored."""
    found = []
    for k, name in enumerate(form_names()):
        scored = default if k == 0 and default is not None else [
            score_history(case, runs, seed + j, f"model={name}")
            for j, case in enumerate(HISTORIES)]
        cfg = config(f"scenario={BASELINE}", f"model={name}")
        columns = simulate(cfg, runs, seed - 1)
        answers = {q[len(COLUMN):]: float(np.mean(v)) for q, v in columns.items()
                   if q.startswith(COLUMN) and v.dtype == bool}
        found.append(FormScore(name, str(cfg["scenario"]["form"].get("summary", "")), scored,
                               answers))
    return found


TIE = 0.01
"""Pooled skills against the base rates closer than this are taken as a tie."""


def favoured(forms: list[FormScore]) -> str:
    """The form the scoreboard favours, by the rule of docs/guide/forms.md: among
    the forms with the fewest answers at exactly 0 or 1 (Cromwell's rule), the highest pooled
    Brier skill against the base rates; among those within `TIE` of it, the highest against
    50%."""
    certain = {f.name: sum(line(h).certain for h in f.histories) for f in forms}
    fewest = [f for f in forms if certain[f.name] == min(certain.values())]
    base = {f.name: pooled(f.histories, "brier", "base_rate_brier")[0] for f in fewest}
    best = max(v for v in base.values() if v is not None)
    close = [f for f in fewest if base[f.name] is not None and base[f.name] >= best - TIE]
    return max(close, key=lambda f: pooled(f.histories, "brier", None)[0] or -np.inf).name


def _skill(histories: list[History], theirs: str | None) -> str:
    skill, low, high = pooled(histories, "brier", theirs)
    return "–" if skill is None else f"{skill:.2f} ({low:.2f} to {high:.2f})"


def markdown(forms: list[FormScore]) -> list[str]:
    """The document's section "Forms compared"."""
    lines = ["## Forms compared", "",
             "Every history scored under each form of the model (`model=NAME`, "
             "[configs/model/](../configs/model/); what each says: ODD, section 7.28), with "
             "the same runs and seeds; pooled Brier skills with 95% bootstrap intervals over "
             "cases, as in the scoreboard. The first form is the default.", "",
             "| form | what it says | skill vs 50% | skill vs base rates | happened, given "
             f"under {SURPRISE:.0%} | exactly 0 or 1 |", "|---|---|---|---|---|---|"]
    for f in forms:
        cases = [line(h) for h in f.histories]
        lines.append(f"| {f.name} | {f.summary} | {_skill(f.histories, None)} | "
                     f"{_skill(f.histories, 'base_rate_brier')} | "
                     f"{sum(c.surprises for c in cases)} of {sum(c.happened for c in cases)} | "
                     f"{sum(c.certain for c in cases)} of {sum(c.questions for c in cases)} |")
    names, chosen = [f.name for f in forms], favoured(forms)
    lines += ["", f"By the rule of [forms.md](guide/forms.md#which-form-is-the-default-and-why) "
              f"(the fewest answers at exactly 0 or 1; then the highest skill against the base "
              f"rates; within {TIE} of it, the highest against 50%) the scoreboard favours "
              f"**{chosen}**; the default is {names[0]}"
              + (", the same." if chosen == names[0] else
                 ": the default no longer follows the rule, and should be changed.")]
    lines += ["", "Mean Brier score of each case's yes/no questions, by form (lower is better):",
              "", "| case | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for case in [h.name for h in forms[0].histories]:
        briers = [[np.mean([r["brier"] for r in both_scored(h, "brier", None)])
                   for h in f.histories if h.name == case] for f in forms]
        lines.append(f"| {case} | " + " | ".join(f"{b[0]:.3f}" if b else "–" for b in briers)
                     + " |")
    asked = sorted(set().union(*(f.baseline for f in forms)))
    lines += ["", f"The baseline ({BASELINE}, its own mediator) under each form: the share of "
              "runs answering yes to each of its yes/no questions.", "",
              "| question | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for q in asked:
        lines.append(f"| {q} | " + " | ".join(
            f"{100 * f.baseline[q]:.1f}%" if q in f.baseline else "–" for f in forms) + " |")
    return [*lines, ""]
