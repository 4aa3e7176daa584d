"""A scenario's starting state: the stages already signed on day 0, as scenario fields.

A history starts the day something was signed (a corridor agreed, a ceasefire protocol), and a
present-day scenario may start with a truce in force or a signing waiting on its conditions.
`initial:` names such stages: each is in force or pending on its conditions precedent, at the
terms signed, signed (or in force) `days_ago` days before day 0. Stages it does not name start
off the table, the mediator's first tier tabled as usual (the engine's pass is
`sim.engine.truce.Truces.start`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.config.errors import ConfigError
from sim.config.schema import number, text

STATUSES = ("in_force", "pending")
"""What a stage can be on day 0 besides off the table: in force, or signed and pending on its
conditions precedent."""


@dataclass(frozen=True, kw_only=True)
class Start:
    """A stage signed before day 0."""

    status: str = text(doc="in_force, or pending (signed, waiting on its conditions precedent)")
    terms: dict[str, float] = field(metadata={
        "low": 0.0, "high": 1.0, "above": False, "unit": "0..1, on each issue's scale",
        "doc": "the terms signed, one value for each issue of the stage"})
    days_ago: int = number(0, default=0, doc="days before day 0 it came into force (in_force) or "
                           "was signed (pending): a time-limited truce has that much less of "
                           "its term left, a pending one that much less of its deadline",
                           unit="days")


def check_initial(initial: dict[str, Start], stages: dict[str, object],
                  conditional: dict[str, bool], path: str) -> None:
    """Every stage named exists, with a status allowed, terms on exactly its issues, and a
    `days_ago` its term and deadline leave room for; a stage can be pending only if it has
    conditions precedent to wait on (`conditional`, by stage)."""
    for name, start in initial.items():
        where = f"{path}.initial.{name}"
        if name not in stages:
            raise ConfigError(f"{path}.initial", name, f"a stage name: {', '.join(stages)}")
        stage = stages[name]
        if start.status not in STATUSES:
            raise ConfigError(f"{where}.status", start.status, f"one of {', '.join(STATUSES)}")
        issues = list(stage.issues)  # type: ignore[attr-defined]
        if sorted(start.terms) != sorted(issues):
            raise ConfigError(f"{where}.terms", sorted(start.terms),
                              f"a value for each of the stage's issues: {', '.join(issues)}")
        duration = stage.duration_days  # type: ignore[attr-defined]
        if start.status == "in_force" and duration is not None and start.days_ago >= duration:
            raise ConfigError(f"{where}.days_ago", start.days_ago,
                              f"fewer than its term, duration_days ({duration}): else it "
                              "ended before day 0")
        if start.status == "pending":
            _check_pending(start, stage, conditional[name], where)


def _check_pending(start: Start, stage: object, conditional: bool, where: str) -> None:
    if not conditional:
        raise ConfigError(f"{where}.status", start.status,
                          "in_force: the stage has no conditions precedent to wait on")
    deadline = stage.conditions.deadline_days  # type: ignore[attr-defined]
    if deadline is not None and start.days_ago > deadline:
        raise ConfigError(f"{where}.days_ago", start.days_ago,
                          f"at most its conditions' deadline_days ({deadline}): else it "
                          "lapsed before day 0")
