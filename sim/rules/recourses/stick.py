"""Press the main blocker: a rise in its daily cost of war, while the mediator's style allows
sticks and it has sticks left (`mediator.leverage.max_sticks`). Real sticks (sanctions,
tariffs, a pause in aid) take time to land and are often applied in part: the stick lands
`delay_days` after the decision, at `share` of `mediator.leverage.stick_size`, and a signing
before it lands calls it off. With no delay and the whole size it is the stick of Beardsley
et al. (2006), as before."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class Stick(Recourse):
    name = "stick"
    summary = "raises the main blocker's daily cost by share of the stick size, after delay_days"
    source = ("Beardsley, Quinn, Biswas & Wilkenfeld (2006), J. Conflict Resolution 50(1); "
              "Hufbauer, Schott, Elliott & Oegg (2007), Economic Sanctions Reconsidered")
    parameters = declare(
        share=Setting("share of mediator.leverage.stick_size the stick carries", "share",
                      0.0, 1.0, 1.0, "assumption: 1 (the whole stick); range 0.25-1"),
        delay_days=Setting("days from the decision until the stick lands", "days", 0.0,
                           365.0, 0.0, "assumption: 0 (at once); range 0-60"))
    column = None  # counted in `sticks`, beside the threats carried out

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return impasse.stuck & impasse.can_press

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.press(rows, settings["share"], settings["delay_days"])
