"""How the open conflict data sets would code a scenario's truce: the case's `coding:` block.

The base-rate forecaster (`sim.results.baserates.forecaster`) conditions the data sets' rates
on these codes, as the ETH/PRIO ceasefire data code each ceasefire: written or verbal, its
purpose, whether a mediator negotiated it, and the kind of conflict. Whether a truce is
time-limited, and its term, is read from its stage (`duration_days`), and what was signed by
day 0 from `initial:`, so neither is repeated here. Every code is optional: one left out (or
`null`) is not conditioned on. The codes describe the case on day 0, from its fact sheet; they
set no parameter of the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.config.errors import ConfigError
from sim.config.schema import text

PURPOSES = ("peace_process", "humanitarian", "holiday", "election")
"""The purposes the ETH/PRIO data code (p_peaceprocess, p_humanitarian, p_holiday, p_election)."""
CONFLICTS = ("intrastate", "internationalised", "interstate")
"""UCDP's kinds of armed conflict: within a state, within a state with foreign troops on a
side, between states."""


@dataclass(frozen=True, kw_only=True)
class Coding:
    """A case's truce as the data sets code one."""

    written: bool | None = text(default=None, doc="a written agreement (true) or a verbal or "
                                "declared one (false); null: not conditioned on")
    purpose: str | None = text(default=None, doc="what the truce is for: peace_process, "
                               "humanitarian, holiday or election; null: none of these, or "
                               "not conditioned on")
    mediated: bool | None = text(default=None, doc="whether a third party mediated it; null: "
                                 "not conditioned on")
    conflict: str | None = text(default=None, doc="intrastate, internationalised or interstate "
                                "(the ceasefire data cover civil conflicts only: an interstate "
                                "case borrows their rates)")
    source: str = text(default="", doc="the facts the codes rest on (fact ids of the case's "
                       "sheet, dated up to day 0)")


def check_coding(coding: Coding | None, path: str) -> None:
    """A purpose and a kind of conflict are among those the data sets code."""
    if coding is None:
        return
    if coding.purpose is not None and coding.purpose not in PURPOSES:
        raise ConfigError(f"{path}.coding.purpose", coding.purpose,
                          f"one of {', '.join(PURPOSES)}, or null")
    if coding.conflict is not None and coding.conflict not in CONFLICTS:
        raise ConfigError(f"{path}.coding.conflict", coding.conflict,
                          f"one of {', '.join(CONFLICTS)}, or null")
