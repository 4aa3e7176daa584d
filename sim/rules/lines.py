"""Lines of control (`kind: line_of_control`): territory whose terms are where the war has put
the line of contact, not a compromise between ideal points.

A freeze along the line is the focal settlement of a territorial war (Schelling 1960; the Korean
armistice line, the line of contact in Donbas), and war aims follow the battlefield (Goemans
2000; Reiter 2009). Here the line moves with the war's expected outcome on the issue: each day
the expected outcome sum_j p_j a_jk changes, the line moves `mobility` times as far (clipped to
the scale), except while a truce that covers the issue is in force, which holds it. A party
values a stage's lines at sum_k w_ik (1 - |line_k - a_ik|), what freezing them now gives it; it
still weighs fighting on at the war's lottery over ideal points, less its costs. So on a stage
of lines alone, a deal is signed exactly when every party prefers the line to war: the line
lies in the bargaining range.
"""

from __future__ import annotations

import numpy as np


def expected_outcome(p_win: np.ndarray, ideal: np.ndarray) -> np.ndarray:
    """(R, L) the war's expected outcome on each line's issue: sum_j p_j a_jk, p_win (R, n)
    and ideal (n, L)."""
    return p_win @ ideal


def moved_line(line: np.ndarray, before: np.ndarray, now: np.ndarray, mobility: np.ndarray,
               moving: np.ndarray) -> np.ndarray:
    """(R, L) the lines after a day: where `moving`, shifted by mobility times the change of the
    expected outcome (clipped to [0, 1]); elsewhere held."""
    shifted = np.clip(line + mobility * (now - before), 0.0, 1.0)
    return np.where(moving, shifted, line)


def line_value(line: np.ndarray, ideal: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(R, n, S) each party's value of freezing every stage's lines where they are:
    sum_k weights[i, s, k] (1 - |line_k - a_ik|), line (R, L), ideal (n, L), weights (n, S, L)
    the parties' saliences of each stage's lines."""
    closeness = 1.0 - np.abs(line[:, None, :] - ideal[None, :, :])  # (R, n, L)
    return np.einsum("rnl,nsl->rns", closeness, weights)
