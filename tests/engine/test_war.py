"""Stories about the war behind the talks: what a party weighs a truce against."""

import numpy as np
import pytest

from sim.engine.model import NegotiationModel
from sim.engine.truce import IN_FORCE, OFF
from sim.engine.war import assess
from tests.conftest import settings


def _reservations(model: NegotiationModel, in_force: tuple[str, ...]) -> np.ndarray:
    """Each party's reservation values (n, S) in replicate 0 with exactly `in_force` in force."""
    stages = model.layout.stages
    model.truces.status[:] = OFF
    for name in in_force:
        model.truces.status[:, stages.index(name)] = IN_FORCE
    assess(model.live, model.front, model.log_capability, model.mediator.pressure,
           model.truces.status, model.truces.chosen, model.prospects)
    return model.prospects.reservation[0].copy()


def test_a_truce_in_force_is_weighed_against_the_war_without_it():
    """The energy moratorium in force spares a share of the war's cost; what a party could do
    without it is fight the war it stops, so its reservation value for that very stage is the
    same as when the moratorium is not in force, while every other stage is weighed against a
    war the moratorium has made cheaper (the classic form: valued as stakes, a truce in force
    changes the reservation for it only through its cost; by what it stops, see test_forms)."""
    s = settings("model=classic")
    model = NegotiationModel(s.scenario, s.mediator, replicates=1, seed=3)
    energy, sea = model.layout.stages.index("energy"), model.layout.stages.index("sea")
    none_in_force = _reservations(model, ())
    moratorium = _reservations(model, ("energy",))
    assert (moratorium[:, energy] == none_in_force[:, energy]).all()
    assert (moratorium[:, sea] > none_in_force[:, sea]).all()


def test_with_two_truces_in_force_each_is_weighed_against_the_war_the_other_leaves():
    s = settings("model=classic")
    model = NegotiationModel(s.scenario, s.mediator, replicates=1, seed=3)
    energy = model.layout.stages.index("energy")
    sea_only = _reservations(model, ("sea",))
    both = _reservations(model, ("sea", "energy"))
    assert (both[:, energy] == sea_only[:, energy]).all()


def test_a_truce_in_force_averts_what_its_terms_say():
    """The moratorium's relief is that of a complete halt to energy strikes; signed at half its
    scale, it averts half of that: a pause that pauses little spares little."""
    s = settings()
    model = NegotiationModel(s.scenario, s.mediator, replicates=1, seed=3)
    energy = model.layout.stages.index("energy")
    depth = model.layout.depth[energy]
    half, whole = int(np.argmin(np.abs(depth - 0.5))), int(np.argmax(depth))
    _reservations(model, ())
    war = model.prospects.daily_cost[0].copy()
    relief = model.front.cost_relief[0, energy]
    for package, share in ((whole, 1.0), (half, depth[half])):
        model.truces.chosen[0, energy] = package
        _reservations(model, ("energy",))
        assert model.prospects.daily_cost[0] == pytest.approx(war * (1 - relief * share))
    assert depth[whole] == 1.0 and depth[half] == pytest.approx(0.5, abs=0.01)
