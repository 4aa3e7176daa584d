"""A party that may step out of a truce in force: each day it suspends its part with chance
`suspend_per_day` and returns `return_days` later, and withdraws with chance
`withdraw_per_day` (the truce ends). The daily chances are hazards of a party that weighs
leaving against staying on grounds the model does not represent (an attack it blames on the
other side, a side-payment it says was not delivered): so the day of its first suspension,
counted from the truce coming into force, is geometric, P(k) = (1 - p)^(k-1) p, and so is the
day it withdraws (the validation case). Where a side-payment owed to it after the truce came
into force (`linkage.<stage>.precedent: false`) has gone undelivered for more than
`grace_days`, it withdraws with the further chance `unpaid_withdraw_per_day` (Walter 2002 on
implementation: a party that sees the terms it was promised go unmet defects). The Black Sea
Grain Initiative: Russia suspended on 29 October 2022, returned on 2 November, and withdrew
on 17 July 2023 saying that the memorandum on its exports had not been carried out (G7, G8,
G12)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.participation import RETURN, STAY, SUSPEND, WITHDRAW, ParticipationRule, Standing
from sim.rules.units import Setting, declare


class WalksOut(ParticipationRule):
    name = "walks_out"
    summary = "suspends with chance suspend_per_day, returns after return_days, may withdraw"
    source = ("Fortna (2004), Peace Time, Princeton UP (ceasefires broken by a side's choice); "
              "the Black Sea Grain Initiative (facts G7, G8, G12)")
    parameters = declare(
        suspend_per_day=Setting("chance a day, while the truce is in force, that it suspends "
                                "its part", "probability per day", 0.0, 1.0, 0.0,
                                "assumption: set by the scenario"),
        return_days=Setting("days it stays out before returning", "days", 0.0, 3650.0, 7.0,
                            "assumption: a week; range 1-60"),
        withdraw_per_day=Setting("chance a day, while in force or suspended, that it withdraws "
                                 "(the truce ends)", "probability per day", 0.0, 1.0, 0.0,
                                 "assumption: set by the scenario"),
        unpaid_withdraw_per_day=Setting(
            "further chance a day that it withdraws while a side-payment owed to it on the "
            "stage has gone undelivered for more than grace_days", "probability per day", 0.0,
            1.0, 0.0, "assumption: set by the scenario (0: the payment changes nothing)"),
        grace_days=Setting("days an owed side-payment may go undelivered before it weighs on "
                           "staying", "days", 0.0, 3650.0, 0.0,
                           "assumption: set by the scenario"))

    def decide(self, standing: Standing, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        leave, withdraw = settings["suspend_per_day"], settings["withdraw_per_day"]
        part = standing.in_force | standing.suspended
        out = np.full(part.shape, STAY, dtype=np.int8)
        back = standing.suspended & (standing.days_suspended >= settings["return_days"])
        out[back] = RETURN
        out[standing.in_force & (standing.draw < leave)] = SUSPEND
        if standing.days_owed is not None:  # a side-payment owed it and not delivered
            unpaid = standing.days_owed > settings["grace_days"]
            withdraw = np.minimum(withdraw + unpaid * settings["unpaid_withdraw_per_day"], 1.0)
        out[part & (standing.draw >= 1.0 - withdraw)] = WITHDRAW
        return out
