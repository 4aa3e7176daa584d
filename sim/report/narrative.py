"""A day-by-day account of one traced episode, in words."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

_VERBS = {
    "accept": "{party} accepts", "reject": "{party} rejects", "stall": "{party} stalls",
    "conditional": "{party} accepts only against a side-payment",
    "signed": "the {stage} is signed ({detail})", "violation": "{party} violates the {stage}",
    "report": "a violation of the {stage} is reported against {party}",
    "collapsed": "the {stage} collapses", "held": "the {stage} has held",
    "expired": "the {stage} expires, not renewed", "tabled": "the {stage} is tabled",
    "renewed": "the {stage} is renewed for another term",
    "in_force": "the {stage} comes into force, its conditions met",
    "in_force_at_start": "the {stage} is in force, signed before the talks began",
    "pending_at_start": "the {stage} is signed, pending its conditions",
    "lapsed": "the {stage} lapses, its conditions unmet by its deadline",
    "escalation": "{party} escalates its strikes", "stick": "the mediator applies a stick",
    "carrot": "the mediator funds the side-payment demanded for the {stage}",
    "agreement": "a comprehensive agreement is reached and holds",
    "mediator_withdrew": "the mediator walks away", "horizon": "the horizon is reached",
    "threat": "the mediator threatens a stick unless a stage is signed",
    "threat_carried_out": "the threat's deadline passes and the mediator carries it out",
    "threat_empty": "the threat's deadline passes and nothing happens: its credibility falls",
    "threat_lifted": "a signing lifts the mediator's threat",
    "paused": "the mediator pauses the talks", "envoy_changed": "a new envoy takes over",
    "leaders_call": "the leaders talk by phone and every partial stage is tabled",
    "suspended": "{party} suspends its part in the {stage}",
    "returned": "{party} returns to the {stage}", "withdrawn": "{party} withdraws from the {stage}",
    "spoiler_strike": "{party} strikes at the {stage}, and monitoring takes it for a violation",
    "hosted": "{party} hosts the round",
    "unilateral_truce": "{party} declares a unilateral truce",
    "unilateral_truce_kept": "{party}'s unilateral truce ends, kept",
    "unilateral_truce_broken": "{party}'s unilateral truce ends, broken",
    "humanitarian_exchange": "the parties carry out a humanitarian exchange",
}


def narrate(events: pd.DataFrame, stage_labels: Mapping[str, str],
            party_labels: Mapping[str, str], replicate: int = 0) -> str:
    """One line per day with something to tell, for the given replicate."""
    mine = events[events["replicate"] == replicate]
    lines = []
    for day, today in mine.groupby("day", sort=True):
        said = []
        for row in today.itertuples():
            stage = stage_labels.get(row.stage, row.stage)
            party = party_labels.get(row.party, row.party)
            if row.kind == "proposal":
                said.append(f"the mediator proposes the {stage} ({row.detail})")
            elif row.kind in _VERBS:
                said.append(_VERBS[row.kind].format(stage=stage, party=party, detail=row.detail))
        if said:
            text = "; ".join(said)
            lines.append(f"Day {day:>3}: {text[0].upper()}{text[1:]}.")
    return "\n".join(lines)
