"""Why bargaining fails, as scenario fields: deals that cannot bind a side growing stronger,
public red lines with their audience costs, and the political cover that lowers them (issue
19; the rules are in `sim.rules.commitment` and `sim.engine.tables`)."""

from __future__ import annotations

from dataclasses import dataclass

from sim.config.schema import Param, number


@dataclass(frozen=True, kw_only=True)
class Commitment:
    """Deals that cannot bind a side growing stronger (Fearon 1995, Powell 2006): a party
    projects the balance `shift_days` ahead and fears that the share `renegotiation_share` of a
    deal's value will be revised down to what it could then win by fighting."""

    shift_days: Param = number(0, default=0.0, doc="days ahead a party projects the balance "
                               "(drift, and rearmament under the truce) when weighing a deal",
                               unit="days")
    renegotiation_share: Param = number(0, 1, default=0.0, doc="share of a deal's value a side "
                                        "grown stronger can revise after the shift; 0: deals "
                                        "bind (no commitment problem)", unit="share")


@dataclass(frozen=True, kw_only=True)
class RedLine:
    """A public limit on one issue (a constitutional bar, a claim written into law): terms
    further from the party's ideal than `limit` cost it `cost`, plus an audience cost that
    grows with each day of public commitment (Fearon 1994), cut by political cover."""

    limit: float = number(0, 1, doc="the furthest term from its ideal it accepts without cost",
                          unit="issue scale")
    cost: float = number(0, doc="what crossing it costs (large: a hard constraint)",
                         unit="share of the stake")
    audience_growth: float = number(0, default=0.0, doc="audience cost of crossing it added per "
                                    "day of public commitment since day 0",
                                    unit="share of the stake per day")


@dataclass(frozen=True, kw_only=True)
class Cover:
    """Political cover (a holiday, a leaders' call, a mediator's initiative): on rounds within
    `window_days` after one of `days`, every audience cost is cut by `share`."""

    days: tuple[int, ...] = number(0, default=(), doc="days that give cover", unit="days")
    window_days: int = number(0, default=0, doc="days each gives cover for", unit="days")
    share: float = number(0, 1, default=0.0, doc="share of audience costs the cover lifts",
                          unit="share")
