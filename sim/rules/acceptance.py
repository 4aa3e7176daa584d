"""Whether a party signs: the trust-weighted value of a package against what it holds out for.

Rules for one replicate, compiled (see `sim.rules.compiled`)."""

from __future__ import annotations

import numpy as np

from sim.rules.compiled import rule


@rule
def concession(day: float, deadline: float, exponent: float) -> float:
    """Share of its initial margin a party still demands: 1 - (t/T)^(1/e) (Faratin et al. 1998),
    T its deadline; none from the deadline on.

    e < 1 is Boulware (holds firm until late), e > 1 a Conceder (gives ground early).
    """
    elapsed = min(max(day / deadline, 0.0), 1.0)
    return 1.0 - elapsed ** (1.0 / exponent)


@rule
def option_value(p_win: np.ndarray, drift: np.ndarray, decisiveness: float, lookahead: float,
                 value: np.ndarray) -> None:
    """Value of waiting while the balance moves one's way: lookahead * max(0, dp_i/dt), for
    each party (n,), written into `value`.

    With p = s^k / sum s^k and log-capabilities drifting at mu, dp_i/dt = k p_i (mu_i - sum_j p_j mu_j).
    In shares of the stake per unit of salience.
    """
    mean_drift = 0.0
    for j in range(p_win.shape[0]):
        mean_drift += p_win[j] * drift[j]
    for i in range(p_win.shape[0]):
        value[i] = lookahead * max(decisiveness * p_win[i] * (drift[i] - mean_drift), 0.0)


@rule
def signing_value(utility: float, reservation: float, trust: float, sucker_cost: float,
                  weight: float) -> float:
    """Expected value of signing: the terms if the others comply, the war and a loss if not."""
    return trust * utility + (1.0 - trust) * (reservation - sucker_cost * weight)


@rule
def threshold(reservation: float, margin: float, still_demanded: float, option: float,
              mediator_distrust: float, penalty: float, weight: float) -> float:
    """What a party holds out for: reservation plus its remaining margin, the option value of
    waiting and a reactive devaluation of proposals from a mediator it distrusts."""
    extra = margin * still_demanded + option + penalty * mediator_distrust
    return reservation + extra * weight


@rule
def accepts(value: float, bar: float, noise: float, draw: float, weight: float) -> bool:
    """Accept when value - bar plus normal noise (scaled by the stake) is non-negative."""
    return value - bar + noise * weight * draw >= 0.0


@rule
def ratifies(utility: float, reservation: float, premium: float, weight: float) -> bool:
    """Whether a party's veto player ratifies a package its negotiator accepted: the terms must
    be worth its reservation value plus what the veto player demands on top (its win-set,
    Putnam 1988's two-level game)."""
    return utility >= reservation + premium * weight
