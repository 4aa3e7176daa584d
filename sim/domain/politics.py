"""Why bargaining fails, as scenario fields: deals that cannot bind a side growing stronger,
public red lines with their audience costs, the political cover that lowers them, and lines of
control that the war moves (the rules are in `sim.rules.commitment`,
`sim.engine.tables` and `sim.rules.lines`)."""

from __future__ import annotations

from dataclasses import dataclass

from sim.config.errors import ConfigError
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


@dataclass(frozen=True, kw_only=True)
class Line:
    """A line of control on a `line_of_control` issue (territory held): terms on it are where
    the line lies, not a compromise of ideal points, and the war moves it (Schelling 1960 on the
    line of contact as a focal point; Goemans 2000 and Reiter 2009 on war aims that follow
    the battlefield)."""

    position: Param = number(0, 1, doc="where the line of contact lies on day 0",
                             unit="issue scale")
    mobility: Param = number(0, default=1.0, doc="how far the line moves per unit change of the "
                             "war's expected outcome on the issue (0: a front that never moves)",
                             unit="issue scale per unit of expected outcome")


def check_line(kind: str, line: Line | None, status_quo: float | None, where: str,
               red_lined_by: list[str]) -> None:
    """A line of control has a line and nothing that fixes its terms otherwise: no status quo
    (the line is where the war puts it) and no red line (a limit on a line nobody proposes);
    other kinds have no line."""
    if kind != "line_of_control":
        if line is not None:
            raise ConfigError(f"{where}.line", "{...}", "null unless kind is line_of_control")
        return
    if line is None:
        raise ConfigError(f"{where}.line", "<missing>", "a line {position, mobility}, which a "
                          "line_of_control issue needs")
    if status_quo is not None:
        raise ConfigError(f"{where}.status_quo", status_quo, "null on a line_of_control issue "
                          "(its terms are the line)")
    if red_lined_by:
        raise ConfigError(f"{where}.kind", kind, "divisible or indivisible: parties "
                          f"{', '.join(red_lined_by)} draw a red line on it, and a line of "
                          "control's terms are where the war puts it, not a proposal")


@dataclass(frozen=True, kw_only=True)
class TrustPrior:
    """Beta(alpha, beta) belief that the other complies; mean alpha / (alpha + beta)."""

    alpha: Param = number(0, above=True, doc="prior compliant evidence", unit="pseudo-counts")
    beta: Param = number(0, doc="prior violation evidence", unit="pseudo-counts")
