"""A unilateral truce: a party declares that it will hold fire for a few days, on a holiday or
for cover, without an agreement. The others may reciprocate; when it ends they weigh whether
it was kept, as one more observation of the declarer's word. The ETH/PRIO Civil Conflict
Ceasefire data count unilateral declarations beside bilateral and multilateral ceasefires in
the civil wars of 1989-2020 (Clayton et al. 2022); one that is not kept is read as cover for
regrouping (Fortna 2004 on truces as a breathing space). Its effect on the war is exact:
for D days the others' daily cost falls by the share `relief` (the declarer's too where they
reciprocate).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.gestures import Gesture, Means, Occasion
from sim.rules.units import Setting, declare

DECLARE, RECIPROCATE, KEPT = range(3)  # its uniforms, by column


class UnilateralTruce(Gesture):
    name = "unilateral_truce"
    summary = ("a party holds fire for a few days on its own, with a chance on each of its days; "
               "the others may reciprocate, and weigh afterwards whether it was kept")
    source = ("Clayton, Nygard, Strand, Rustad et al. (2022), Introducing the ETH/PRIO Civil "
              "Conflict Ceasefire Dataset, Journal of Conflict Resolution, "
              "doi:10.1177/00220027221129195; Fortna (2004), Peace Time, Princeton University "
              "Press")
    unilateral = True
    draws = 3
    parameters = declare(
        chance=Setting("chance it declares one on each of its days (on any day, if it has none)",
                       "probability", 0.0, 1.0, 0.5, "assumption: 0.5; range 0-1"),
        duration_days=Setting("days it lasts, the day of declaring included", "days", 1.0,
                              30.0, 2.0, "assumption: 2 (a holiday truce of 36 hours); range 1-3"),
        relief=Setting("share of the others' daily cost of war it lifts while it lasts", "share",
                       0.0, 1.0, 0.3, "assumption: 0.3; range 0.1-0.5"),
        reciprocate=Setting("chance the others hold fire too (its own cost then falls alike)",
                            "probability", 0.0, 1.0, 0.2, "assumption: 0.2; range 0-0.5"),
        kept=Setting("chance it is kept to its end (else the others see it broken)",
                     "probability", 0.0, 1.0, 0.5, "assumption: 0.5; range 0.2-0.8"),
        trust_weight=Setting("observations of its word the others add to their trust in it when "
                             "it ends (to compliance if kept, to violations if not)",
                             "pseudo-counts", 0.0, 100.0, 1.0,
                             "assumption: 1, as one report; range 0-3"))

    def made(self, occasion: Occasion, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return occasion.free & (occasion.draws[:, DECLARE] < settings["chance"])

    def carry_out(self, means: Means, rows: np.ndarray, occasion: Occasion,
                  settings: Mapping[str, np.ndarray]) -> None:
        draws = occasion.draws
        means.hold_fire(rows, settings["relief"], np.rint(settings["duration_days"]),
                        draws[:, RECIPROCATE] < settings["reciprocate"],
                        draws[:, KEPT] < settings["kept"], settings["trust_weight"])
