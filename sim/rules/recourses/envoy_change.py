"""Change the envoy or the format: the parties' trust in the mediator, worn down by its bias
and by its failures, starts again from the prior it had on day 0; the count of idle rounds is
reset. At most `times` times an episode (Svensson 2007 and Beardsley 2011 on how a mediator's
identity and standing bear on the parties' trust)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.recourses import Impasse, Means, Recourse
from sim.rules.units import Setting, declare


class EnvoyChange(Recourse):
    name = "envoy_change"
    summary = "a new envoy: trust in the mediator back to its prior, at most times times"
    source = ("Svensson (2007), J. Peace Research 44(2): 177-194; Beardsley (2011), The "
              "Mediation Dilemma, Cornell UP")
    parameters = declare(times=Setting(
        "changes of envoy it may make in an episode", "count", 0.0, 1000.0, 1.0,
        "assumption: 1; range 0-2"))
    column = "envoy_changes"
    place = 3

    def takes(self, impasse: Impasse, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        return impasse.stuck & (impasse.uses < settings["times"])

    def carry_out(self, means: Means, rows: np.ndarray,
                  settings: Mapping[str, np.ndarray]) -> None:
        means.change_envoy(rows)
