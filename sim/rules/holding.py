"""A truce in force, day by day: when it collapses, when it has held, when it expires.

Rules for one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

from sim.rules.compiled import rule


@rule
def has_collapsed(reports: int, max_reports: int) -> bool:
    """A truce collapses once the violations reported since it came into force reach the
    stage's `max_violations` (it goes back on the table at once)."""
    return reports >= max_reports


@rule
def has_held(days: int, hold_days: float) -> bool:
    """A truce has held once it has been in force, uncollapsed, for the stage's `hold_days`."""
    return days >= hold_days


@rule
def has_expired(days: int, duration: float) -> bool:
    """A time-limited truce expires after `duration_days` in force (inf: open-ended)."""
    return days >= duration
