"""Third-party roles: what an actor beyond the parties and the mediator decides, a registered
unit each.

A role's one decision, `approves`, says for one third party in every replicate at once whether
it approves today a side-payment it holds, for a stage signed and pending on it (a carrot
such as sanctions relief is not the mediator's to give: `sim.domain.implementation`). It reads
the request by name (`Request`) and its own parameters, (R,) arrays sampled per replicate. A
role that needs chance declares `draws` and gets one uniform per replicate and stage a day
under a key of its own. A role is chosen per third party in the scenario
(`third_parties.<name>.role`, its parameters under `parameters`). To add one, see
docs/EXTENDING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit


@dataclass(frozen=True)
class Request:
    """A side-payment the third party holds, waiting on it, in every replicate."""

    waiting: np.ndarray  # (R,) bool: its stage is signed and pending, the payment not approved
    conditions_met: np.ndarray  # (R,) bool: every stage it requires is in force today
    days_waiting: np.ndarray  # (R,) int: days since the stage was signed
    draw: np.ndarray | None  # (R,) uniform in [0, 1), today's, if the role draws


class Role(Unit):
    """The base of every third-party role."""

    draws: ClassVar[bool] = False
    """Whether it needs a uniform draw per replicate and stage a day (`Request.draw`)."""
    holds_payments: ClassVar[bool] = True
    """Whether the role is about side-payments it holds, so a third party in it must hold one."""

    def approves(self, request: Request, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where it approves the side-payment today (only where it is waiting)."""
        raise NotImplementedError


ROLES: Registry[Role] = Registry("third-party role", Role, __name__, "role")
"""Every third-party role, by name."""
