"""Gestures as scenario fields: steps short of a truce that a party takes alone (a unilateral
truce on a holiday) or the parties take together (a prisoner exchange), outside the mediator's
ladder (the rules are in `sim.rules.gestures`, the engine's pass in
`sim.engine.gestures`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.config.errors import ConfigError
from sim.config.schema import LARGEST, Param, number, text


@dataclass(frozen=True, kw_only=True)
class Gesture:
    """A gesture: a registered rule (`sim.rules.gestures`), who makes it, on which days, and the
    rule's parameters."""

    label: str = text(doc="display name")
    rule: str = text(doc="the gesture (sim/rules/gestures/): unilateral_truce, "
                     "humanitarian_exchange")
    by: str | None = text(default=None, doc="the party that makes it alone (a unilateral "
                          "gesture); null: the parties together")
    days: tuple[int, ...] = number(0, default=(), doc="the days it may be made on (holidays); "
                                   "none: any day", unit="days")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the rule declares",
        "doc": "the rule's own parameters, checked against what it declares"})


def check_gestures(gestures: dict[str, Gesture], parties: list[str], path: str) -> None:
    """Every gesture is made by a party of the scenario, if by one. (A day beyond the horizon
    is allowed: it never comes, as when a study shortens the horizon.)"""
    for name, gesture in gestures.items():
        where = f"{path}.gestures.{name}"
        if gesture.by is not None and gesture.by not in parties:
            raise ConfigError(f"{where}.by", gesture.by,
                              f"a party name: {', '.join(parties)}, or null")
