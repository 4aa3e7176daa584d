"""Validation of two-sided private information, through the whole model: the parties take turns
to make take-it-or-leave-it offers (`mediator.proposal.alternate`), each with a private cost of
war drawn uniformly on [0, c_max] over the horizon and a belief about the other's. In the
textbook case (p = 0.5) A first asks x* = p + (c_max - c_A)/2, which B rejects when
c_B < x* - p; B then offers A y* = p - (c_max - c_B)/2, which A rejects when c_A < p - y*.
Neither reads the other's offer as a signal of its cost (an assumption of the model), so, with
c_max = 0.5, P(war after round 1) = 1/4 and P(war after round 2) = 1/6 (the triangle-pair area
of the two rejection regions); later rounds, and the 0.005 grid the offers lie on, by an exact
calculation on a lattice of the two costs (`alternating_path`)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats

from sim.jobs.validation.cases import Row, pct, simulate, textbook
from sim.jobs.validation.information import HORIZON, P
from sim.results.estimators import wilson

COST_MAX, STEP, ROUNDS = 0.5, 0.005, 6  # both costs over the horizon; the offers' grid


def _best(vertex: np.ndarray, value: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """The grid point maximising a concave `value` (a function of the offer): the better of
    the grid points either side of its continuous maximum `vertex` (the lower on a tie)."""
    low = np.floor(vertex / STEP + 1e-9) * STEP
    high = low + STEP
    return np.where(value(high) > value(low), high, low)


def _chance(concession: np.ndarray, bound: np.ndarray) -> np.ndarray:
    """P(cost >= concession) for a cost uniform on [0, bound]."""
    return np.where(concession <= 0, 1.0, np.clip(1.0 - concession / bound, 0.0, 1.0))


def alternating_path(points: int = 2000, rounds: int = ROUNDS) -> list[float]:
    """The share of all replicates that first agree in each round, A proposing in odd rounds,
    on a lattice of `points` x `points` cost pairs (cell midpoints), offers on the grid.
    After a rejection the proposer believes the other's cost lies below the rejected offer's
    concession (its belief truncated there)."""
    mid = (np.arange(points) + 0.5) / points * COST_MAX
    c_a, c_b = (m.ravel() for m in np.meshgrid(mid, mid, indexing="ij"))
    bound_b, bound_a = np.full(c_a.size, COST_MAX), np.full(c_a.size, COST_MAX)  # A's, B's
    open_, shares = np.ones(c_a.size, dtype=bool), []
    for k in range(rounds):
        if k % 2 == 0:  # A asks x for itself; B accepts when c_B >= x - p
            b, c = bound_b, c_a
            x = _best(P + np.clip(b - c, 0.0, None) / 2,
                      lambda x, b=b, c=c: _chance(x - P, b) * x + (1 - _chance(x - P, b)) * (P - c))
            accepted = c_b >= x - P
            bound_b = np.where(open_ & ~accepted, np.minimum(bound_b, x - P), bound_b)
        else:  # B offers A y; A accepts when c_A >= p - y
            b, c = bound_a, c_b
            y = P - _best(np.clip(b - c, 0.0, None) / 2,
                          lambda z, b=b, c=c: _chance(z, b) * (1 - P + z)
                          + (1 - _chance(z, b)) * (1 - P - c))
            accepted = c_a >= P - y
            bound_a = np.where(open_ & ~accepted, np.minimum(bound_a, P - y), bound_a)
        shares.append(float((open_ & accepted).mean()))
        open_ &= ~accepted
    return shares


def _taking_turns(replicates: int, seed: int) -> dict[str, np.ndarray]:
    return simulate(textbook("mediator.proposal.rule=screening", "mediator.proposal.proposer=A",
                             "mediator.proposal.alternate=true",
                             *(f"scenario.parties.{side}.cost_per_day={{dist: uniform, "
                               f"low: 0.0, high: {COST_MAX / HORIZON}}}" for side in "AB")),
                    replicates, seed)


def alternating_offers(replicates: int, seed: int) -> list[Row]:
    """Both costs private; the parties take turns. The first two rounds against the closed
    forms, each round's terms against the offer the proposer's own cost makes optimal; then
    every round's share against the lattice (`_rounds`)."""
    out = _taking_turns(replicates, seed)
    day, terms = out["stage.settlement.signed_day"], out["terms.stake"]
    c_a, c_b = (out[f"input.scenario.parties.{s}.cost_per_day"] * HORIZON for s in "AB")
    n, closed = day.size, (0.25, 1 / 6)
    still = [int((~(day <= k)).sum()) for k in (1, 2)]  # not signed by round k (nan: never)
    cis = [wilson(w, n, 0.999) for w in still]
    asked, offered = day == 1, day == 2  # A's terms: asked by A, offered by B
    off = np.concatenate([np.abs(terms[asked] - (P + (COST_MAX - c_a[asked]) / 2)),
                          np.abs(terms[offered] - (P - (COST_MAX - c_b[offered]) / 2))])
    passed = (bool(off.size) and off.max() <= STEP / 2 + 1e-9
              and all(ci.ci_low <= c <= ci.ci_high for c, ci in zip(closed, cis, strict=True)))
    return [Row("Alternating offers, both costs private U[0, 0.5]: P(war) after rounds 1 and 2",
                "Fearon 1995; Rubinstein 1982 (alternating offers)",
                f"{pct(closed[0])} and {pct(closed[1])} (closed form; offers on a continuum)",
                "; ".join(f"{pct(w / n)} [{pct(ci.ci_low)}, {pct(ci.ci_high)}]"
                          for w, ci in zip(still, cis, strict=True))
                + f"; terms within {off.max():.4f} of each proposer's x* or y*",
                "each within its 99.9% interval; terms on the 0.005 grid", passed),
            _rounds(day)]


def _rounds(day: np.ndarray) -> Row:
    """The share first agreeing in each round against the lattice calculation (chi-square)."""
    path, n = alternating_path(), day.size
    observed = np.array([(day == k + 1).sum() for k in range(ROUNDS)] + [(~(day <= ROUNDS)).sum()])
    expected = np.array([*path, 1.0 - sum(path)]) * n
    keep = expected > 5  # the chi-square's cells with enough expected counts
    chi = stats.chisquare(observed[keep], expected[keep] * observed[keep].sum() / expected[keep].sum())
    return Row("Alternating offers: share first agreeing in each round (A in odd rounds)",
               "Fearon 1995; Powell 1999 (screening)",
               "; ".join(f"round {k + 1}: {pct(s)}" for k, s in enumerate(path))
               + " (on a 2000 x 2000 lattice of the two costs, offers on the grid)",
               "; ".join(f"round {k + 1}: {pct(o / n)}" for k, o in enumerate(observed[:ROUNDS]))
               + f"; chi-square p = {chi.pvalue:.3f}", "p > 0.001", bool(chi.pvalue > 0.001))
