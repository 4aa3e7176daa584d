"""The fighting behind the talks: a drifting, noisy balance with periodic escalations."""

from __future__ import annotations

import numpy as np


def escalating(day: int, period: int, window: int) -> bool:
    """Whether `day` falls inside an escalation window (windows open every `period` days)."""
    return window > 0 and day % period < window


def escalation_starts(day: int, period: int, window: int) -> bool:
    return window > 0 and day > 0 and day % period == 0


def advance_balance(log_capability: np.ndarray, drift: np.ndarray, volatility: np.ndarray,
                    shocks: np.ndarray, jump: np.ndarray) -> None:
    """One day of war, in place: log-capabilities drift, diffuse and jump on escalation."""
    log_capability += drift + volatility * shocks + jump
