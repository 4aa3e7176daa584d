"""What an episode produced: one outcome row per replicate, as columns by name."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from sim.engine.agents import Mediator, Party
from sim.engine.gestures import Gestures
from sim.engine.persistence import Persistence
from sim.engine.tables import Layout, PartyRecords
from sim.engine.third_parties import ThirdParty
from sim.engine.truce import Truces
from sim.rules.recourses import RECOURSES, counted


class Ended(Protocol):
    """What the outcome row reads of R episodes that have ended."""

    layout: Layout
    truces: Truces
    mediator: Mediator
    parties: list[Party]
    third_parties: list[ThirdParty]
    gestures: Gestures
    end_reason: np.ndarray  # (R,) why each ended
    end_day: np.ndarray  # (R,)
    records: PartyRecords  # what each party has done and borne
    probe_days: tuple[int, ...]  # days whose stages in force a question asks about
    in_force_on: dict[int, np.ndarray]  # (R, S) at the end of each probe day reached

    def in_force_at(self, day: int) -> np.ndarray:
        """(R, S) the stages in force at the end of `day`, as the episodes ended."""
        ...


def outcomes(model: Ended) -> dict[str, np.ndarray]:
    """Outcome columns (R,) by name: the agreement, each stage, each party, the mediator."""
    lay, truces, med = model.layout, model.truces, model.mediator
    comprehensive = lay.comprehensive
    agreement_day = np.where(truces.signed[:, comprehensive], truces.signed_day[:, comprehensive],
                             np.inf).min(axis=1)
    cols: dict[str, np.ndarray] = {
        "agreement": np.isfinite(agreement_day),
        "agreement_day": np.where(np.isfinite(agreement_day), agreement_day, np.nan),
        "agreement_held": (truces.held[:, comprehensive]).any(axis=1),
        "end_reason": model.end_reason.astype(str),
        "end_day": model.end_day.astype(np.int32),
        "highest_stage": _highest_stage(model),
        "carrots_paid": med.carrots_paid.copy(),
        "sticks": med.sticks.copy(),
    }
    cols |= _recourses(med.persistence)
    probed = _in_force_on(model)
    for s, name in enumerate(lay.stages):
        cols[f"stage.{name}.signed"] = truces.signed[:, s].copy()
        cols[f"stage.{name}.signed_day"] = truces.signed_day[:, s].copy()
        cols[f"stage.{name}.signed_again_day"] = truces.signed_again_day[:, s].copy()
        cols[f"stage.{name}.spells"] = truces.spells[:, s].copy()
        cols[f"stage.{name}.reported_violations"] = truces.reports[:, s].copy()
        cols[f"stage.{name}.held"] = truces.held[:, s].copy()
        cols[f"stage.{name}.collapsed"] = truces.collapses[:, s] > 0
        cols[f"stage.{name}.collapses"] = truces.collapses[:, s].copy()
        cols[f"stage.{name}.days_in_force"] = truces.days_in_force[:, s].copy()
        cols[f"stage.{name}.proposals"] = truces.proposals[:, s].copy()
        cols[f"stage.{name}.first_spell_days"] = truces.first_spell_days[:, s].copy()
        cols[f"stage.{name}.first_spell_collapsed"] = truces.first_spell_collapsed[:, s].copy()
        cols[f"stage.{name}.held_day"] = truces.held_day[:, s].copy()
        cols[f"stage.{name}.collapsed_day"] = truces.collapsed_day[:, s].copy()
        cols[f"stage.{name}.in_force_day"] = truces.in_force_day[:, s].copy()
        cols[f"stage.{name}.lapses"] = truces.lapses[:, s].copy()
        cols[f"stage.{name}.lapsed_day"] = truces.lapsed_day[:, s].copy()
        cols[f"stage.{name}.renewals"] = truces.renewals[:, s].copy()
        cols[f"stage.{name}.renewed_day"] = truces.renewed_day[:, s].copy()
        cols[f"stage.{name}.suspensions"] = truces.suspensions[:, s].copy()
        cols[f"stage.{name}.suspended_day"] = truces.suspended_day[:, s].copy()
        cols[f"stage.{name}.withdrawn_day"] = truces.withdrawn_day[:, s].copy()
        for day, in_force in probed.items():
            cols[f"stage.{name}.in_force_on_day_{day}"] = in_force[:, s].copy()
        for i, party in enumerate(lay.parties):
            cols[f"stage.{name}.violations.{party}"] = truces.violations[:, s, i].copy()
            cols[f"stage.{name}.acceptances.{party}"] = truces.acceptances[:, s, i].copy()
            cols[f"stage.{name}.renewal_declined.{party}"] = truces.declined[:, s, i].copy()
            cols[f"stage.{name}.withdrawn_by.{party}"] = truces.withdrawn[:, s, i].copy()
            cols[f"stage.{name}.declared_over_by.{party}"] = truces.declared_by[:, s, i].copy()
        cols[f"stage.{name}.declared_over_by_mediator"] = truces.declared_by[:, s, -1].copy()
    for party in model.parties:
        prefix = f"party.{party.name}."
        cols[prefix + "stalls"] = party.stalls.copy()
        cols[prefix + "vetoes"] = model.records.vetoes[:, party.index].copy()
        cols[prefix + "violations"] = party.violations.copy()
        cols[prefix + "reported_violations"] = party.reported.copy()
        cols[prefix + "declared_over"] = truces.declared_by[:, :, party.index].sum(axis=1)
        cols[prefix + "cost_borne"] = model.records.cost_borne[:, party.index].copy()
        cols[prefix + "trust_in_mediator"] = party.trust_in_mediator()
        for other in model.parties:
            if other is not party:
                alpha = party.trust_alpha[:, other.index]
                cols[prefix + f"trust_in.{other.name}"] = alpha / (alpha + party.trust_beta[:,
                                                                                 other.index])
    for third in model.third_parties:
        if third.role.holds_payments:
            cols[f"third_party.{third.name}.approvals"] = third.approvals.copy()
        if third.role.blames:
            cols[f"third_party.{third.name}.strikes"] = third.strikes.copy()
        if third.role.hosts_talks:
            cols[f"third_party.{third.name}.rounds_hosted"] = third.rounds_hosted.copy()
    for making in model.gestures.makings:
        cols[f"gesture.{making.name}.made"] = making.made.copy()
        if making.unit.unilateral:
            cols[f"gesture.{making.name}.kept"] = making.kept_count.copy()
    for k, issue in enumerate(lay.issues):
        cols[f"terms.{issue}"] = truces.final_terms[:, k].copy()
    return cols


def _recourses(persistence: Persistence) -> dict[str, np.ndarray]:
    """Every registered recourse's columns, in the table's order, whether the mediator lists
    it or not (zeros then): how often it was taken, and what the means kept for it."""
    kept = persistence.kept()
    cols: dict[str, np.ndarray] = {}
    for unit in counted(RECOURSES):
        cols[f"mediator.{unit.column}"] = persistence.used(unit.name)
        cols |= {f"mediator.{key}": kept[key] for key in unit.keeps}
    return cols


def _in_force_on(model: Ended) -> dict[int, np.ndarray]:
    """(R, S) stages in force at the end of each probe day, also on a day the model did not
    reach because every episode had ended (`NegotiationModel.in_force_at`)."""
    none = np.zeros(model.truces.status.shape, dtype=bool)
    return {day: model.in_force_on.get(day, model.in_force_at(day) if day > 0 else none)
            for day in model.probe_days}


def _highest_stage(model: Ended) -> np.ndarray:
    """Name of the signed stage highest on the mediator's ladder, or 'none'."""
    lay, signed = model.layout, model.truces.signed
    rank = np.where(signed, lay.tier[None, :] * len(lay.stages) + np.arange(len(lay.stages)), -1)
    best = rank.argmax(axis=1)
    names = np.array(lay.stages, dtype=object)[best]
    return np.where(rank.max(axis=1) >= 0, names, "none").astype(str)
