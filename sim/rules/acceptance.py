"""Whether a party signs: the trust-weighted value of a package against what it holds out for."""

from __future__ import annotations

import numpy as np
from numba import guvectorize


def concession(day: np.ndarray | float, horizon: float, exponent: np.ndarray) -> np.ndarray:
    """Share of its initial margin a party still demands: 1 - (t/T)^(1/e) (Faratin et al. 1998).

    e < 1 is Boulware (holds firm until late), e > 1 a Conceder (gives ground early).
    """
    elapsed = np.clip(np.asarray(day, dtype=float) / horizon, 0.0, 1.0)
    return 1.0 - elapsed ** (1.0 / exponent)


@guvectorize(["void(f8[:], f8[:], f8, f8, f8[:])"], "(n),(n),(),()->(n)", cache=True)
def option_value(p_win: np.ndarray, drift: np.ndarray, decisiveness: float, lookahead: float,
                 value: np.ndarray) -> None:  # pragma: no cover - compiled
    """Value of waiting while the balance moves one's way: lookahead * max(0, dp_i/dt).

    With p = s^k / sum s^k and log-capabilities drifting at mu, dp_i/dt = k p_i (mu_i - sum_j p_j mu_j).
    Over the party axis; the result is in shares of the stake per unit of salience.
    """
    mean_drift = 0.0
    for j in range(p_win.shape[0]):
        mean_drift += p_win[j] * drift[j]
    for i in range(p_win.shape[0]):
        value[i] = lookahead * max(decisiveness * p_win[i] * (drift[i] - mean_drift), 0.0)


def signing_value(utility: np.ndarray, reservation: np.ndarray, trust: np.ndarray,
                  sucker_cost: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Expected value of signing: the terms if the others comply, the war and a loss if not."""
    return trust * utility + (1.0 - trust) * (reservation - sucker_cost * weight)


def threshold(reservation: np.ndarray, margin: np.ndarray, still_demanded: np.ndarray,
              option: np.ndarray, mediator_distrust: np.ndarray, penalty: np.ndarray,
              weight: np.ndarray) -> np.ndarray:
    """What a party holds out for: reservation plus its remaining margin, the option value of
    waiting and a reactive devaluation of proposals from a mediator it distrusts."""
    extra = margin * still_demanded + option + penalty * mediator_distrust
    return reservation + extra * weight


def accepts(value: np.ndarray, bar: np.ndarray, noise: np.ndarray, draws: np.ndarray,
            weight: np.ndarray) -> np.ndarray:
    """Accept when value - bar plus normal noise (scaled by the stake) is non-negative."""
    return value - bar + noise * weight * draws >= 0.0
