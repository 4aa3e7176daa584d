"""Proposal rules: how the terms on the table are chosen, a registered unit each.

The default, `nash`, leaves the choice to the mediator's bias-weighted Nash package over its
estimates of the parties' demands (the compiled round of talks, `sim.engine.talks`). A rule that
`screens` makes the offer instead: a proposing party's best take-it-or-leave-it offer against
its belief about the other's private cost of war (`Belief`), which it revises after each
rejection (Fearon 1995's risk-return trade-off). A mediator chooses one by name
(`mediator.proposal.rule`, the proposing party in `mediator.proposal.proposer`). To add one,
see docs/EXTENDING.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.config.distributions import Distribution
from sim.rules import signals
from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Belief:
    """What a proposing party knows when it makes its offer on one stage, in every replicate.

    The responder accepts a candidate when its value of the terms is at least its reservation
    value, i.e. when its private daily cost of war is at least `acceptance_cost` of that
    candidate: (`responder_fight` - its utility) / `responder_cost_scale`. The proposer knows
    everything but that cost, which it believes drawn from `prior` and below `bound`, and,
    where it has read the cost in battle or from the mediator (`sim.rules.signals`), near those
    readings: `reading_mean` within `reading_sd` (inf where it has none)."""

    proposer_utility: np.ndarray  # (C,) the proposer's value of each candidate package
    responder_utility: np.ndarray  # (C,) the responder's
    proposer_reservation: np.ndarray  # (R,) the proposer's value of fighting on, its cost known
    responder_fight: np.ndarray  # (R,) the responder's value of fighting on, before its cost
    responder_cost_scale: np.ndarray  # (R,) its reservation falls this much per unit of daily cost
    prior: Distribution | float  # the responder's daily cost as the proposer first believes it
    bound: np.ndarray  # (R,) daily cost it has learnt the responder's lies below (inf: none)
    reading_mean: np.ndarray | None = None  # (R,) its readings of the cost, combined
    reading_sd: np.ndarray | None = None  # (R,) their spread: inf with none, 0 when exact

    def acceptance_cost(self, candidates: np.ndarray | None = None) -> np.ndarray:
        """The lowest daily cost at which the responder would accept: (R, C) for every
        candidate, or (R,) for the one `candidates` (R,) names in each replicate."""
        if candidates is None:
            gap = self.responder_fight[:, None] - self.responder_utility[None, :]
            scale = self.responder_cost_scale[:, None]
        else:
            gap = self.responder_fight - self.responder_utility[candidates]
            scale = self.responder_cost_scale
        return gap / np.maximum(scale, 1e-300)

    def acceptance_chance(self) -> np.ndarray:
        """(R, C) the chance, as the proposer believes, that the responder accepts each one."""
        cost = self.acceptance_cost()
        below = prior_cdf(self.prior, cost)
        mass = prior_cdf(self.prior, self.bound)[:, None]
        believed = np.where(mass > 0, np.minimum(below / np.where(mass > 0, mass, 1.0), 1.0),
                            (cost > 0).astype(float))
        if self.reading_sd is not None and self.reading_mean is not None:
            read = np.isfinite(self.reading_sd)
            if read.any():
                believed[read] = signals.below(self.prior, cost[read], self.bound[read],
                                               self.reading_mean[read], self.reading_sd[read])
        return 1.0 - believed


def prior_cdf(prior: Distribution | float, x: np.ndarray) -> np.ndarray:
    """P(daily cost <= x) under the common prior: its distribution, or a known number."""
    if isinstance(prior, Distribution):
        return prior.cdf(x)
    return (np.asarray(x, float) >= float(prior)).astype(float)


class ProposalRule(Unit):
    """The base of every proposal rule."""

    screens: ClassVar[bool] = False
    """Whether it makes the offer itself (else the mediator's Nash package stands)."""

    def offer(self, belief: Belief) -> np.ndarray:
        """(R,) the candidate package offered in each replicate."""
        raise NotImplementedError


def revised_bound(bound: np.ndarray, rejected: np.ndarray, acceptance_cost: np.ndarray) -> np.ndarray:
    """A rejection shows the responder's daily cost lies below what would have made it accept
    the rejected offer: the belief is truncated there (Bayes' rule on a common prior)."""
    return np.where(rejected, np.minimum(bound, acceptance_cost), bound)


PROPOSALS: Registry[ProposalRule] = Registry("proposal rule", ProposalRule, __name__, "rule")
"""Every proposal rule, by name."""
