"""A spoiler: a third party that gains from the war going on and acts to derail a truce. On a
day a truce it targets is in force it strikes with a daily chance, another on a day talks are
held (strikes timed to talks), in a way that monitoring takes for a violation by the party it
blames: detected, attributed and reported as one, so the others' trust in that party falls
and the truce may collapse as its rule says, although that party kept it (Stedman 1997;
Kydd and Walter 2002: extremist violence aims to persuade the target that the other side
cannot or will not keep the peace). Striking with chance p every day, a truce that collapses
at the first report under perfect monitoring lasts a geometric number of days.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.rules.roles import Moment, Role
from sim.rules.units import Setting, declare


class Spoiler(Role):
    name = "spoiler"
    summary = ("strikes at the truces it targets with a daily chance, another on days of talks, "
               "in a way monitoring blames on a party")
    source = ("Stedman (1997), Spoiler problems in peace processes, International Security "
              "22(2): 5-53; Kydd and Walter (2002), Sabotaging the peace: the politics of "
              "extremist violence, International Organization 56(2): 263-296")
    draws = True
    needs_stages = True
    blames = True
    parameters = declare(
        strike_per_day=Setting(
            "daily chance it strikes while a truce it targets is in force, on a day without "
            "talks", "probability", 0.0, 1.0, 0.01, "assumption: 1% a day; range 0-0.05"),
        talks_per_day=Setting(
            "daily chance it strikes on a day a round of talks is held (strikes timed to talks)",
            "probability", 0.0, 1.0, 0.05,
            "assumption: 5% a day; range 0-0.2 (Kydd and Walter 2002: attacks cluster around "
            "moments of progress)"))

    def strikes(self, moment: Moment, settings: Mapping[str, np.ndarray]) -> np.ndarray:
        assert moment.draw is not None
        chance = settings["talks_per_day"] if moment.talks_today else settings["strike_per_day"]
        return moment.exposed & (moment.draw < chance)
