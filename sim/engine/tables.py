"""Scenario values laid out as arrays over replicates, parties, issues and stages.

The compiled daily loops work on stacked arrays (R, n) or (R, n, S); agents hold views into
them. Positions and stage structure are fixed; every other number is a per-replicate array
(sampled or repeated).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from sim.config.sampling import Drawn, Sampled
from sim.domain.mediator import MediatorSpec
from sim.domain.references import MEDIATOR
from sim.domain.scenario import Scenario
from sim.rules.bargaining import (
    candidate_terms,
    frontier_terms,
    simplex_lattice,
    stage_weights,
    utility,
    war_stakes,
)

PARTY_FIELDS = ("capability", "cost_per_day", "demand_margin", "concession_exponent",
                "acceptance_noise", "sucker_cost", "mediator_distrust_penalty", "bias_sensitivity",
                "ratification_premium", "truce_rearmament",
                "delay.prize", "delay.cost_per_day", "violation.base_hazard",
                "violation.incentive_weight", "violation.distrust_weight",
                "violation.escalation_weight")


def _stack(drawn: list[Drawn], field: str) -> np.ndarray:
    """One field's draws (R,) of each part in `drawn` (a party's, a stage's), side by side:
    (R, len(drawn)); `field` may reach inside (`delay.prize`)."""
    return np.stack([part.at(field) for part in drawn], axis=-1)


@dataclass
class Layout:
    """Fixed structure of a scenario under one mediator: names, positions, stages, candidates."""

    parties: list[str]
    issues: list[str]
    stages: list[str]
    ideal: np.ndarray  # (n, K)
    salience: np.ndarray  # (n, K), each row sums to 1
    stage_issues: np.ndarray  # (S, K) 0/1
    weight: np.ndarray  # (n, S) salience of each stage's issues
    stakes: np.ndarray  # (n, n, S) what party i gets on stage s if party j wins, [j, i, s]
    duration: np.ndarray  # (S,) days, inf for open-ended
    max_violations: np.ndarray  # (S,)
    comprehensive: np.ndarray  # (S,) bool
    tier: np.ndarray  # (S,) ladder tier of each stage, -1 if the mediator never proposes it
    tiers: int
    has_linkage: np.ndarray  # (n, S) bool
    brokered: np.ndarray  # (n, S) bool: the party's side-payment is a third party's to approve
    conditional: np.ndarray  # (S,) bool: signing it leaves it pending on conditions precedent
    owed: np.ndarray  # (n, S) bool: a third party's side-payment owed once in force, not before
    renewal_days: np.ndarray  # (S,) days of a renewed term, nan where it is not renewed
    tabled_again: np.ndarray  # (S,) bool: proposed again once its term runs out unrenewed
    candidate_terms: list[np.ndarray]  # per stage (C, K)
    candidate_utility: list[np.ndarray]  # per stage (C, n), less the fixed cost of red lines,
    # without lines of control (their value is read off the reservation, sim.engine.lines)
    audience: list[np.ndarray]  # per stage (C, n) audience cost per day of commitment
    depth: np.ndarray  # (S, C) how much of a complete truce each candidate is (`truce_depth`)
    truce: np.ndarray  # (S,) bool: valued by what it does to the war, not by its terms'
    # ideal points (the `averted` valuation, `truce_stages`)


def truce_stages(scenario: Scenario) -> np.ndarray:
    """(S,) bool: the stages valued as truces, by what they do to the war over their life (the
    form's `averted` valuation): every stage short of the comprehensive agreement. On their issues
    with a status quo (a truce's "none"), terms are worth nothing as terms and the war's winner
    imposes nothing: their value is their depth times what a complete truce averts, less the
    momentum it freezes (`sim.engine.war.value_truces`). Under the `stakes` valuation, none."""
    averts = scenario.form.averts
    return np.array([averts and not scenario.stages[s].comprehensive
                     for s in scenario.stage_names], dtype=bool)


def layout(scenario: Scenario, mediator: MediatorSpec) -> Layout:
    parties, issues, stages = scenario.party_names, list(scenario.issues), scenario.stage_names
    ideal = np.array([[scenario.parties[p].ideal[k] for k in issues] for p in parties])
    raw = np.array([[scenario.parties[p].salience[k] for k in issues] for p in parties])
    salience = raw / raw.sum(axis=1, keepdims=True)
    mask = np.array([[k in scenario.stages[s].issues for k in issues] for s in stages], float)
    tier = np.full(len(stages), -1)
    for t, names in enumerate(mediator.ladder):
        for name in names:
            tier[stages.index(name)] = t
    lattice = simplex_lattice(len(parties), mediator.proposal_grid)
    indivisible = np.array([scenario.issues[k].kind == "indivisible" for k in issues])
    traded = np.array([scenario.issues[k].kind != "line_of_control" for k in issues], float)
    mask_traded = mask * traded  # a line of control's terms are the line (sim.engine.lines)
    if mediator.proposal.packages == "logrolling":  # two parties, checked on loading
        terms = [frontier_terms(ideal, salience, mask_traded[s], mediator.proposal_grid,
                                indivisible, scenario.form.terms == "tied")
                 for s in range(len(stages))]
        longest = max(len(t) for t in terms)  # stages stack: repeat each path's last package
        terms = [np.vstack([t, np.repeat(t[-1:], longest - len(t), axis=0)]) for t in terms]
    else:
        terms = [candidate_terms(lattice, ideal, mask_traded[s], indivisible)
                 for s in range(len(stages))]
    unchanged = np.array([np.nan if scenario.issues[k].status_quo is None
                          else scenario.issues[k].status_quo for k in issues])
    terms = [no_empty_deals(t, mask[s], unchanged) for s, t in enumerate(terms)]
    crossing = [red_line_costs(scenario, parties, issues, ideal, terms[s], mask[s])
                for s in range(len(stages))]
    truce = truce_stages(scenario)
    by_terms = mask * ~(truce[:, None] & ~np.isnan(unchanged)[None, :])  # valued as terms
    utilities = [utility(terms[s], ideal, salience * mask_traded[s] * by_terms[s])
                 - crossing[s][0] for s in range(len(stages))]
    brokered, owed, conditional = conditions_precedent(scenario)
    return Layout(
        parties=parties, issues=issues, stages=stages, ideal=ideal, salience=salience,
        stage_issues=mask, weight=stage_weights(salience, mask),
        stakes=war_stakes(ideal, salience, by_terms), truce=truce,
        duration=np.array([scenario.stages[s].duration_days or np.inf for s in stages], float),
        max_violations=np.array([scenario.stages[s].max_violations for s in stages]),
        comprehensive=np.array([scenario.stages[s].comprehensive for s in stages]),
        tier=tier, tiers=len(mediator.ladder),
        has_linkage=np.array([[s in scenario.parties[p].linkage for s in stages] for p in parties]),
        brokered=brokered, conditional=conditional, owed=owed,
        renewal_days=np.array([np.nan if scenario.stages[s].renewal_days is None
                               else scenario.stages[s].renewal_days for s in stages], float),
        tabled_again=np.array([scenario.stages[s].tabled_again and tier[k] >= 0
                               for k, s in enumerate(stages)], dtype=bool),
        candidate_terms=terms, candidate_utility=utilities,
        audience=[c[1] for c in crossing],
        depth=np.stack([truce_depth(t, mask_traded[s], unchanged) for s, t in enumerate(terms)]),
    )


def truce_depth(terms: np.ndarray, on_stage: np.ndarray, status_quo: np.ndarray) -> np.ndarray:
    """How much of a complete truce each candidate package (C, K) of a stage is, (C,) in [0, 1]:
    on each of the stage's issues with a status quo (a truce's "none"), the distance the terms
    move from it as a share of the farthest they could, averaged. A stage in force is what its
    terms say: a pause at a tenth of its scale averts a tenth of the cost its full relief would.
    A stage none of whose issues has a status quo divides a stake rather than stopping fighting
    by degrees, so it is whole (1) once in force."""
    issues = (on_stage > 0) & ~np.isnan(status_quo)
    if not issues.any():
        return np.ones(terms.shape[0])
    sq = status_quo[issues]
    return (np.abs(terms[:, issues] - sq) / np.maximum(sq, 1.0 - sq)).mean(axis=1)


def conditions_precedent(scenario: Scenario) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which side-payments a third party holds, (n, S) bool; which of those are owed after the
    stage is in force rather than conditions precedent, (n, S) bool; and which stages a signing
    leaves pending on conditions precedent, (S,) bool: a deadline, a set-up time that may
    exceed 0, or a side-payment some third party must approve first."""
    parties, stages = scenario.party_names, scenario.stage_names
    held = {h for third in scenario.third_parties.values() for h in third.holds}
    brokered = np.array([[f"{p}.{s}" in held for s in stages] for p in parties], dtype=bool)
    owed = brokered & np.array([[s in scenario.parties[p].linkage
                                 and not scenario.parties[p].linkage[s].precedent
                                 for s in stages] for p in parties], dtype=bool)
    conditional = np.array([scenario.stages[s].conditions.deadline_days is not None
                            or scenario.stages[s].conditions.setup_days != 0.0
                            or (brokered & ~owed)[:, k].any() for k, s in enumerate(stages)],
                           dtype=bool)
    return brokered, owed, conditional


def no_empty_deals(terms: np.ndarray, on_stage: np.ndarray, status_quo: np.ndarray) -> np.ndarray:
    """A stage's candidates without the packages that change nothing: where every issue of the
    stage sits at its status quo (a "ceasefire" of no ceasefire), the candidate is replaced by
    the nearest one that changes something, so the mediator never tables it and nothing is
    signed in its name. Unchanged where any issue of the stage has no status quo."""
    issues = np.flatnonzero(on_stage > 0)
    if np.isnan(status_quo[issues]).any():
        return terms
    empty = np.all(terms[:, issues] == status_quo[issues], axis=1)
    if not empty.any() or empty.all():
        return terms
    keep = np.flatnonzero(~empty)
    nearest = keep[np.abs(np.arange(len(terms))[:, None] - keep[None, :]).argmin(axis=1)]
    return terms[nearest]


def red_line_costs(scenario: Scenario, parties: list[str], issues: list[str], ideal: np.ndarray,
                   terms: np.ndarray, on_stage: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What crossing its red lines costs each party in each candidate package of a stage: the
    fixed cost (C, n) and the audience cost per day of public commitment (C, n). A line is
    crossed where the terms lie further from the party's ideal than its limit."""
    fixed, audience = np.zeros((len(terms), len(parties))), np.zeros((len(terms), len(parties)))
    for i, name in enumerate(parties):
        for issue, line in scenario.parties[name].red_lines.items():
            k = issues.index(issue)
            if not on_stage[k]:
                continue
            crossed = np.abs(terms[:, k] - ideal[i, k]) > abs(line.limit - ideal[i, k]) + 1e-12
            fixed[:, i] += crossed * line.cost
            audience[:, i] += crossed * line.audience_growth
    return fixed, audience


@dataclass
class PartyTable:
    """Per-replicate party parameters, each (R, n) unless noted."""

    params: dict[str, np.ndarray]
    side_payment: np.ndarray  # (R, n, S) promised
    delivery_alpha: np.ndarray  # (R, n, S) evidence that a third party delivers it (1 if none)
    delivery_beta: np.ndarray  # (R, n, S) evidence that it does not (0 if no third party holds it)
    trust_alpha: np.ndarray  # (R, n, n): row i is party i's evidence about each other party
    trust_beta: np.ndarray
    mediator_alpha: np.ndarray  # (R, n)
    mediator_beta: np.ndarray
    drift: np.ndarray
    volatility: np.ndarray

    def expected_payment(self, party: int | slice = slice(None),
                         stage: int | slice = slice(None)) -> np.ndarray:
        """(R, n, S) what each side-payment is worth to its party (or, for one `party` and
        `stage`, (R,)): the promise times its belief that it is delivered (certain where the
        mediator funds it, a Beta mean where a third party holds it and has not approved it)."""
        kept, broken = self.delivery_alpha[:, party, stage], self.delivery_beta[:, party, stage]
        return self.side_payment[:, party, stage] * (kept / (kept + broken))


class PartyRecords(NamedTuple):
    """What each party has done and borne so far, (R, n) each, counted as the episode runs."""

    stalls: np.ndarray  # rounds it stalled
    reported: np.ndarray  # violations reported against it
    vetoes: np.ndarray  # deals its veto player refused to ratify
    cost_borne: np.ndarray  # its cost of war, summed over the days

    @classmethod
    def none_yet(cls, replicates: int, parties: int) -> PartyRecords:
        counts = (np.zeros((replicates, parties), dtype=np.int32) for _ in range(3))
        return cls(*counts, np.zeros((replicates, parties)))


def party_table(values: Sampled, lay: Layout) -> PartyTable:
    names, r = lay.parties, len(next(iter(values.values())))
    parties = [values.scenario.parties[p] for p in names]
    params = {f: _stack(parties, f) for f in PARTY_FIELDS}
    params["deadline_days"] = deadlines(parties, r, values.roots["scenario"].horizon_days)
    side = np.zeros((r, len(names), len(lay.stages)))
    kept, broken = np.ones_like(side), np.zeros_like(side)
    alpha, beta = np.ones((r, len(names), len(names))), np.zeros((r, len(names), len(names)))
    for i, party in enumerate(parties):
        for s, stage in enumerate(lay.stages):
            if stage in party.linkage:  # it signs only if paid
                link = party.linkage[stage]
                side[:, i, s] = link.side_payment
                if lay.brokered[i, s]:  # a third party's to deliver: believed in part
                    kept[:, i, s] = link.delivery * link.delivery_weight
                    broken[:, i, s] = (1.0 - link.delivery) * link.delivery_weight
        for j, q in enumerate(names):
            if j != i:
                alpha[:, i, j], beta[:, i, j] = party.trust[q].alpha, party.trust[q].beta
    conflict = values.scenario.conflict
    return PartyTable(
        params=params, side_payment=side, delivery_alpha=kept, delivery_beta=broken,
        trust_alpha=alpha, trust_beta=beta,
        mediator_alpha=_stack(parties, f"trust.{MEDIATOR}.alpha"),
        mediator_beta=_stack(parties, f"trust.{MEDIATOR}.beta"),
        drift=np.stack([conflict.drift_per_day[p] for p in names], axis=-1),
        volatility=np.stack([conflict.volatility_per_day[p] for p in names], axis=-1),
    )


def deadlines(parties: list[Drawn], r: int, horizon: int) -> np.ndarray:
    """(R, n) each party's deadline_days as drawn; the horizon where a party gives none (the
    documented default, an assumption)."""
    drawn = [party.deadline_days for party in parties]
    return np.stack([d if isinstance(d, np.ndarray) else np.full(r, float(horizon))
                     for d in drawn], axis=-1)


def stage_table(values: Sampled, lay: Layout, field: str) -> np.ndarray:
    """A per-replicate stage parameter, (R, S)."""
    return _stack([values.scenario.stages[s] for s in lay.stages], field)


def nash_weights(values: Sampled, lay: Layout, mediator: MediatorSpec) -> np.ndarray:
    """The mediator's Nash weights (R, n): 1 plus its rapport with each party."""
    r = len(next(iter(values.values())))
    bias = np.zeros((r, len(lay.parties)))
    for i, p in enumerate(lay.parties):
        if p in mediator.bias:
            bias[:, i] = values.mediator.bias[p]
    return 1.0 + bias
