"""A humanitarian exchange: prisoners of war, or the bodies of the dead, handed over on both
sides, with no ceasefire. An exchange is proposed with a daily chance (by an intermediary) and
takes place where every party accepts it; each one carried out is an observation of the
others' keeping their word (confidence-building measures, Osgood 1962 on graduated
reciprocation in tension reduction; Kydd 2005 on costly signals of reassurance). With daily
chance a and each of n parties accepting with chance p, exchanges come at the daily rate
a p^n, and each adds `trust_weight` to every party's trust in every other, exactly.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.gestures import Gesture, Means, Occasion
from sim.rules.rows import all_of
from sim.rules.units import Setting, declare

PROPOSED = 0  # its uniform, then one a party


class HumanitarianExchange(Gesture):
    name = "humanitarian_exchange"
    summary = ("an exchange proposed with a daily chance and made where every party accepts; "
               "each adds to every party's trust in the others")
    source = ("Osgood (1962), An Alternative to War or Surrender, University of Illinois Press; "
              "Kydd (2005), Trust and Mistrust in International Relations, Princeton "
              "University Press")
    draws = 1
    parameters = declare(
        attempt_per_day=Setting("daily chance an exchange is proposed", "probability", 0.0, 1.0,
                                0.03, "assumption: about one a month; range 0-0.1"),
        acceptance=Setting("chance each party accepts an exchange proposed", "probability", 0.0,
                           1.0, 0.8, "assumption: 0.8; range 0.5-1"),
        trust_weight=Setting("observations of compliance each party adds to its trust in every "
                             "other per exchange", "pseudo-counts", 0.0, 100.0, 0.05,
                             "assumption: 0.05, a quiet day's evidence in the baseline "
                             "(monitoring.compliance_weight); range 0-0.2"))

    def made(self, occasion: Occasion, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        draws = occasion.draws
        accepted = all_of(draws[:, PROPOSED + 1:] < settings["acceptance"][:, None])
        return occasion.free & (draws[:, PROPOSED] < settings["attempt_per_day"]) & accepted

    def carry_out(self, means: Means, rows: np.ndarray, occasion: Occasion,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.exchange(rows, settings["trust_weight"])
