"""A truce in force, day by day: when it has held, when it expires (when it collapses is its
stage's rule, `sim.rules.stages`).

Rules for one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

from sim.rules.compiled import rule


@rule
def has_held(days: int, hold_days: float) -> bool:
    """A truce has held once it has been in force, uncollapsed, for the stage's `hold_days`."""
    return days >= hold_days


@rule
def has_expired(days: int, duration: float) -> bool:
    """A time-limited truce expires after `duration_days` in force (inf: open-ended)."""
    return days >= duration
