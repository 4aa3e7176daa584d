"""Stories about side-payments a third party holds: a party values a promise at what it
expects to be delivered, learns from each lapse, and counts it again at a renewal."""

import numpy as np
import pytest

from sim.engine.model import NegotiationModel
from tests.conftest import run_model, settings

NEVER = ("scenario.third_parties.EU.parameters.approval_per_day=0.0",
         "scenario.third_parties.EU.parameters.exception_per_day=0.0")


def believing(delivery: float, weight: float, *more: str):
    return settings(*NEVER, f"scenario.parties.RU.linkage.sea.delivery={delivery}",
                    f"scenario.parties.RU.linkage.sea.delivery_weight={weight}", *more)


def test_a_promise_is_worth_what_the_party_expects_to_be_delivered():
    s = believing(0.25, 4.0)
    model = NegotiationModel(s.scenario, s.mediator, replicates=5, seed=1)
    ru, sea = model.layout.parties.index("RU"), model.layout.stages.index("sea")
    table = model.party_table
    assert table.expected_payment()[:, ru, sea] == pytest.approx(0.25 * table.side_payment[:, ru, sea])
    unbrokered = ~model.layout.brokered
    assert (table.expected_payment()[:, unbrokered] == table.side_payment[:, unbrokered]).all()


def test_each_lapse_teaches_russia_that_the_eu_will_not_deliver():
    """The EU never lifts its sanctions. Russia, which signs the sea truce only for that
    relief, sees the truce lapse at its deadline each time; each lapse is one more observation
    against delivery, so it signs again less often than if it took the promise as certain."""
    _, out_certain = run_model(believing(1.0, 1e6), 400, seed=3)
    learning, out = run_model(believing(0.5, 2.0), 400, seed=3)
    ru, sea = learning.layout.parties.index("RU"), learning.layout.stages.index("sea")
    assert (learning.party_table.delivery_beta[:, ru, sea] == 1.0 + out["stage.sea.lapses"]).all()
    assert out["stage.sea.lapses"].mean() < 0.8 * out_certain["stage.sea.lapses"].mean()


def test_a_renewal_counts_the_side_payment_as_signing_did():
    """At a term, what Russia counts on is the promise in full once its holder approved it,
    else what it expects to be delivered."""
    s = believing(0.5, 2.0)
    model = NegotiationModel(s.scenario, s.mediator, replicates=4, seed=1)
    ru, sea = model.layout.parties.index("RU"), model.layout.stages.index("sea")
    promised = model.party_table.side_payment[:, ru, sea]
    model.truces.approved[:2, sea, ru] = True
    carrot = model.implementation._carrot(ru, sea)
    assert np.array_equal(carrot[:2], promised[:2])
    assert carrot[2:] == pytest.approx(0.5 * promised[2:])
