"""Concession styles: how much of its opening margin a party still demands, a registered unit each.

A party holds out for its reservation value plus a margin (`demand_margin`), of which it
concedes over the talks (Faratin, Sierra and Jennings 1998 call the rules that govern this
"negotiation tactics"). A style's one decision, `demands`, gives for one party in every
replicate at once the share of that margin it still demands this round, in [0, 1]: 1 at the
start, 0 once it has given all of it up. It reads the round's `Stance` by name and its own
parameters, (R,) arrays sampled per replicate. A style is chosen per party in the scenario
(`parties.<name>.concession.style`, its parameters under `concession.parameters`);
`time_dependent` is the default. To add one, see docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Stance:
    """What a party's concession may depend on, for every replicate."""

    day: int  # today
    deadline_days: np.ndarray  # (R,) its deadline_days (the horizon where none is given)
    exponent: np.ndarray  # (R,) its concession_exponent: < 1 Boulware, > 1 Conceder
    cost_borne: np.ndarray  # (R,) the cost of war it has borne so far, share of the stake


class ConcessionStyle(Unit):
    """The base of every concession style."""

    def demands(self, stance: Stance, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) float in [0, 1]: the share of its opening margin it still demands."""
        raise NotImplementedError


CONCESSIONS: Registry[ConcessionStyle] = Registry("concession style", ConcessionStyle, __name__,
                                                  "style")
"""Every concession style, by name."""
