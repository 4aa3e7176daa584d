"""The fighting behind the talks: a drifting, noisy balance with periodic escalations.

Daily rules for one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


def escalating(day: int, period: int, window: int) -> bool:
    """Whether `day` falls inside an escalation window (windows open every `period` days)."""
    return window > 0 and day % period < window


def escalation_starts(day: int, period: int, window: int) -> bool:
    return window > 0 and day > 0 and day % period == 0


@rule
def advance_balance(log_capability: float, drift: float, volatility: float, shock: float,
                    jump: float) -> float:
    """One day of war: a log-capability drifts, diffuses and jumps on escalation."""
    return log_capability + (drift + volatility * shock + jump)


@rule
def cost_left(cost_relief: np.ndarray, in_force: np.ndarray) -> float:
    """The share of the daily cost of war the truces in force leave: each averts its share of
    what the others leave."""
    remaining = 1.0
    for s in range(cost_relief.shape[0]):
        remaining *= 1.0 - cost_relief[s] * in_force[s]
    return remaining


@rule
def cost_left_without(cost_relief: np.ndarray, in_force: np.ndarray, stage: int) -> float:
    """The share of the daily cost of war left by the truces in force other than `stage`: the
    war a party weighs a truce against is the war without that truce (its own relief is what
    keeping it buys), whatever else is in force."""
    remaining = 1.0
    for s in range(cost_relief.shape[0]):
        if s != stage:
            remaining *= 1.0 - cost_relief[s] * in_force[s]
    return remaining


@rule
def daily_cost(cost_per_day: np.ndarray, pressure: np.ndarray, left: float,
               respite: np.ndarray, cost: np.ndarray) -> None:
    """Each party's cost (n,) of one more day of war, written into `cost`: its base cost,
    raised by any stick the mediator wields (`pressure`), less what truces in force avert
    (`left`, the share they leave: `cost_left`) and what another's unilateral truce lifts
    (`respite`, a share each)."""
    for i in range(cost_per_day.shape[0]):
        cost[i] = party_cost(cost_per_day[i], pressure[i], left, respite[i])


@rule
def party_cost(cost_per_day: float, pressure: float, left: float, respite: float) -> float:
    """One party's cost of one more day of war (`daily_cost`, one entry)."""
    relief = 1.0 - left
    return cost_per_day * (1.0 + pressure) * (1.0 - relief) * (1.0 - respite)


@rule
def expected_cost(cost: float, cost_per_day: float, menace: float, left: float) -> float:
    """The daily cost of war a party weighs against a deal: today's (`daily_cost`), plus the
    stick a standing threat makes it expect (`menace`, credibility times the stick's size, as a
    share of its base cost), less what truces in force avert."""
    return cost + cost_per_day * menace * left if menace != 0.0 else cost
