"""The day-0 state of the stages a scenario names as already signed (`initial:`), written into
the truce records before the first day, as a signing at a round would have left them."""

from __future__ import annotations

import numpy as np

from sim.domain.initial import Start
from sim.engine.tables import Layout
from sim.engine.truce import IN_FORCE, PENDING, Truces


def start(truces: Truces, initial: dict[str, Start], lay: Layout) -> np.ndarray:
    """Sign each stage named in `initial` on day 0, in every replicate, at the candidate
    package nearest its terms: in force for `days_ago` days already (its term and hold test
    that far along), or pending on its conditions since `days_ago` days before day 0. Returns
    (S,) bool, the stages started so (the first tier tables only the others)."""
    started = np.zeros(len(lay.stages), dtype=bool)
    for name, given in initial.items():
        s = lay.stages.index(name)
        choice = nearest(lay, s, given.terms)
        started[s] = True
        truces.signed[:, s] = True
        truces.signed_day[:, s] = 0.0
        truces.spells[:, s] = 1
        truces.spell_signed_day[:, s] = -float(given.days_ago)
        truces.chosen[:, s] = choice
        truces.terms[:, s] = lay.candidate_terms[s][choice]
        on_stage = lay.stage_issues[s] > 0
        truces.final_terms[:, on_stage] = lay.candidate_terms[s][choice][on_stage]
        truces.utility[:, :, s] = lay.candidate_utility[s][choice]
        if given.status == "in_force":
            truces.status[:, s] = IN_FORCE
            truces.in_force_day[:, s] = 0.0
            truces.days_current[:, s] = given.days_ago
        else:
            truces.status[:, s] = PENDING
    return started


def nearest(lay: Layout, s: int, terms: dict[str, float]) -> int:
    """The candidate package of stage s nearest `terms` (by issue name) on the stage's issues:
    the model signs only candidates, so a starting state is one of them."""
    on_stage = np.flatnonzero(lay.stage_issues[s] > 0)
    wanted = np.array([terms[lay.issues[k]] for k in on_stage])
    gap = np.abs(lay.candidate_terms[s][:, on_stage] - wanted).sum(axis=1)
    return int(np.argmin(gap))
