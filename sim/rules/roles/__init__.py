"""Third-party roles: what an actor beyond the parties and the mediator decides, a registered
unit each.

A role makes one of four decisions, each for one third party in every replicate at once:

- `approves` (a veto player): whether it approves today a side-payment it holds, for a stage
  signed and pending on it (a carrot such as sanctions relief is not the mediator's to give:
  `sim.domain.implementation`), reading the request by name (`Request`);
- `assures` (a guarantor): the share of the commitment problem it lifts on the stages it
  guarantees, fixed per episode (`sim.rules.commitment`);
- `strikes` (a spoiler): whether it strikes today at a truce it targets, in force, in a way
  monitoring takes for a violation by the party it blames (`Moment`);
- `hosts` (a host or co-mediator): whether it holds today's scheduled round of talks, in which
  the parties weigh its trust and its bias instead of the mediator's (`Moment`, `exposed`
  where a round is held).

The others' defaults do nothing. A role reads its own parameters, (R,) arrays sampled per
replicate. A role that needs chance declares `draws` and gets one uniform per replicate (and
stage, for a request) a day under a key of its own. A role is chosen per third party in the
scenario (`third_parties.<name>.role`, its parameters under `parameters`). To add one, see
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


@dataclass(frozen=True)
class Moment:
    """A day on which a truce a spoiler targets is in force, in every replicate."""

    exposed: np.ndarray  # (R,) bool: live, and some stage it targets is in force today
    talks_today: bool  # a scheduled round of talks is held today
    draw: np.ndarray | None  # (R,) uniform in [0, 1), today's, if the role draws


class Role(Unit):
    """The base of every third-party role."""

    draws: ClassVar[bool] = False
    """Whether it needs a uniform draw per replicate a day (`Request.draw`, `Moment.draw`)."""
    holds_payments: ClassVar[bool] = False
    """Whether the role is about side-payments it holds, so a third party in it must hold one."""
    needs_stages: ClassVar[bool] = False
    """Whether it acts on stages (`third_parties.<name>.stages`: guaranteed, or targeted)."""
    blames: ClassVar[bool] = False
    """Whether it makes its acts look like a party's (`third_parties.<name>.blames`)."""
    hosts_talks: ClassVar[bool] = False
    """Whether it holds rounds of talks (`third_parties.<name>.trust`, `bias`)."""

    def approves(self, request: Request, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where it approves the side-payment today (only where it is waiting)."""
        return np.zeros_like(request.waiting)

    def assures(self, settings: Mapping[str, np.ndarray]) -> np.ndarray | None:
        """(R,) the share in [0, 1] of the commitment problem it lifts on its stages; None:
        it guarantees nothing."""
        return None

    def strikes(self, moment: Moment, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where it strikes today at the truces it targets (only where exposed)."""
        return np.zeros_like(moment.exposed)

    def hosts(self, moment: Moment, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        """(R,) bool: where it holds today's round of talks (only where one is held)."""
        return np.zeros_like(moment.exposed)


ROLES: Registry[Role] = Registry("third-party role", Role, __name__, "role")
"""Every third-party role, by name."""
