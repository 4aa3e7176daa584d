"""Resource-dependent concession (Faratin, Sierra and Jennings 1998): a party concedes as the
resource it negotiates with runs out rather than as the clock runs; here the resource is what
the war costs it. Its margin still demanded is 1 - (C/E)^(1/e), with C the cost of war it has
borne so far, E its `endurance` (the cost at which it has given up the whole margin) and e its
`concession_exponent`. War weariness moves a side to settle as its costs mount (Mueller 1973;
Slantchev 2004 on costs as a reason to settle); relief from a truce, or a stick from the
mediator, slows or speeds it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.concessions import ConcessionStyle, Stance
from sim.rules.units import Setting, declare


class ResourceDependent(ConcessionStyle):
    name = "resource_dependent"
    summary = "concede the opening margin as the cost of war mounts: 1 - (C/E)^(1/e)"
    source = ("Faratin, Sierra & Jennings (1998), Robotics and Autonomous Systems 24: 159-182; "
              "Mueller (1973), War, Presidents and Public Opinion")
    parameters = declare(endurance=Setting(
        "cost of war borne at which the party has conceded its whole opening margin",
        "share of the stake", 1e-6, 10.0, 0.1,
        "assumption: 0.05-0.5 (a cost of war of that order is what a reservation value already "
        "discounts over the cost horizon)"))

    def demands(self, stance: Stance, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        spent = np.clip(stance.cost_borne / settings["endurance"], 0.0, 1.0)
        return 1.0 - spent ** (1.0 / stance.exponent)
