"""The fighting behind the talks: a drifting, noisy balance with periodic escalations."""

from __future__ import annotations

from numba import vectorize


def escalating(day: int, period: int, window: int) -> bool:
    """Whether `day` falls inside an escalation window (windows open every `period` days)."""
    return window > 0 and day % period < window


def escalation_starts(day: int, period: int, window: int) -> bool:
    return window > 0 and day > 0 and day % period == 0


@vectorize(["f8(f8, f8, f8, f8, f8)"], cache=True)
def advance_balance(log_capability: float, drift: float, volatility: float, shock: float,
                    jump: float) -> float:  # pragma: no cover - compiled
    """One day of war: a log-capability drifts, diffuses and jumps on escalation."""
    return log_capability + (drift + volatility * shock + jump)
