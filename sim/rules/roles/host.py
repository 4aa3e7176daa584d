"""A host, or co-mediator: another venue or format for the talks. It holds a share of the
scheduled rounds; in a round it holds, the parties weigh the proposal against their trust in
the host, not in the mediator, and the package is chosen with the host's own rapport with each
side (its Nash weights, 1 plus its `bias`) (Touval and Zartman 1985 on the mediator's leverage
and acceptability; Kydd 2003 and Svensson 2007 on what a mediator's bias does; Crocker, Hampson
and Aall 1999 on multiparty mediation and handing the talks on to another venue). With a
share h of rounds held, at a table the mediator's distrust keeps closed and the host's trust
opens, the first signing comes at a geometric round, (1 - h)^(k-1) h.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.roles import Moment, Role
from sim.rules.units import Setting, declare


class Host(Role):
    name = "host"
    summary = ("holds a share of the scheduled rounds, in which the parties weigh its trust and "
               "its bias instead of the mediator's")
    source = ("Touval and Zartman (1985), International Mediation in Theory and Practice; "
              "Crocker, Hampson and Aall (1999), Herding Cats: Multiparty Mediation in a Complex "
              "World, USIP Press; Svensson (2007), Journal of Conflict Resolution 51(2)")
    draws = True
    hosts_talks = True
    parameters = declare(
        share_of_rounds=Setting(
            "chance it holds a given scheduled round of talks", "probability", 0.0, 1.0, 0.5,
            "assumption: half the rounds; range 0-1"))

    def hosts(self, moment: Moment, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert moment.draw is not None
        return moment.exposed & (moment.draw < settings["share_of_rounds"])
