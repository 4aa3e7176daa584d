"""A veto player over a side-payment: the holder of a sanction whose relief a party demands
for signing. It approves with a daily chance once its own conditions are met (the stages it
requires are in force), and with another, by default none, before (Tsebelis 2002: a deal
needs every veto player's consent; Cunningham 2006: external veto players make wars last).
With the exception chance q and a deadline of D days, a signed stage whose conditions are
never met comes into force with probability 1 - (1 - q)^D; with q = 0, never.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.roles import Request, Role
from sim.rules.units import Setting, declare


class VetoPlayer(Role):
    name = "veto_player"
    summary = ("approves a side-payment it holds with a daily chance, one once its conditions "
               "are met and another (none by default) before")
    source = ("Tsebelis (2002), Veto Players, Princeton University Press; Cunningham (2006), "
              "Veto players and civil war duration, American Journal of Political Science "
              "50(4): 875-892")
    draws = True
    holds_payments = True
    parameters = declare(
        approval_per_day=Setting(
            "daily chance it approves once the stages it requires are in force", "probability",
            0.0, 1.0, 1.0, "assumption: 1 (a condition met is a condition met); range 0.05-1"),
        exception_per_day=Setting(
            "daily chance it approves while its conditions are unmet (an exception it grants)",
            "probability", 0.0, 1.0, 0.0,
            "assumption: 0 (it holds to its conditions); range 0-0.05"))

    def approves(self, request: Request, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert request.draw is not None
        chance = np.where(request.conditions_met, settings["approval_per_day"],
                          settings["exception_per_day"])
        return request.waiting & (request.draw < chance)
