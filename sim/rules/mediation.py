"""The mediator's decisions: carrots, learning from rejections, when its patience runs out
(an impasse) and on whom a stick falls.

`carrot` and `raised_estimate` are rules for one replicate, compiled (see `sim.rules.compiled`)
and applied in the round of talks; `reckon` and `main_blocker` run once a round over every
replicate, in NumPy."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


@rule
def carrot(linked: bool, demand: float, budget: float, levered: bool,
           brokered: bool) -> tuple[float, bool]:
    """The side-payment offered to a party for a stage, and whether its condition is met: a
    mediator with leverage offers what it demands, up to what is left of the budget; one a
    third party holds (`brokered`) is promised whatever the mediator's style, since it is not
    the mediator's to fund, and delivered only if that party approves: `demand` is then what
    the promise is worth to the party, the promise times its belief that it is delivered
    (`sim.engine.tables.PartyTable.expected_payment`)."""
    if not linked:
        return 0.0, True
    if brokered:
        return demand, True
    offer = min(demand, budget) if levered else 0.0
    met = offer >= demand - 1e-12
    return (offer if met else 0.0), met


@rule
def raised_estimate(premium: float, floor: float, step: float) -> float:
    """A rejection shows a higher demand: the hidden-demand estimate rises to at least the
    surplus the rejected offer gave (`floor`), plus a learning step."""
    return max(premium, floor) + step


def reckon(idle_rounds: np.ndarray, progress: np.ndarray, talking: np.ndarray,
           under_test: np.ndarray,
           patience_rounds: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """After a round, (R,) each: the idle rounds counted, and where patience ran out (an
    impasse: the mediator's recourses, `sim.rules.recourses`, decide what it does).

    A round with talks and no signing is idle; a signing resets the count. A mediator does not
    abandon a signed comprehensive settlement while it is in force under its hold test
    (`under_test`): such rounds are not idle, and it is never at an impasse then."""
    idle = talking & ~under_test
    idle_rounds = np.where(progress, 0, idle_rounds + idle)
    return idle_rounds, (idle_rounds >= patience_rounds) & ~under_test


def main_blocker(blocking: np.ndarray, nash_weights: np.ndarray) -> np.ndarray:
    """The party a stick falls on, (rows,): the one that blocked most stages this round; on a
    tie, the one the mediator weighs least."""
    return np.argmax(blocking - 1e-3 * nash_weights, axis=1)
