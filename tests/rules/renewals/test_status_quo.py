"""A party renews a truce unless its terms fall clearly short: the status quo has weight."""

import numpy as np

from sim.rules.renewals.status_quo import StatusQuo
from tests.conftest import run_model, settings, textbook
from tests.rules.renewals.contract import RENEWABLE, RenewalContract, expiry


class TestStatusQuo(RenewalContract):
    name = "status_quo"

    def test_story(self, unit: StatusQuo) -> None:
        """Where it would sign it renews; where it falls short by less than the weight it
        renews too; by more, it lets the truce expire. At weight 0 it is as_signing."""
        today = expiry(2)
        renews = unit.renews(today, {"weight": np.full(today.due.shape, 0.05)})
        assert np.array_equal(renews, today.due & (today.surplus >= -0.05))
        assert (renews >= (today.due & today.willing)).all()
        assert (renews & ~today.willing).any()
        none = unit.renews(today, {"weight": np.zeros(today.due.shape)})
        assert np.array_equal(none, today.due & today.willing)

    def test_a_side_a_little_stronger_keeps_the_truce_a_side_much_stronger_does_not(self):
        """A's capability grows 1% a day: by day 11 the split it signed is worth a little
        less to it than fighting, so as_signing lets the truce expire where status_quo, with
        weight 0.2 of the stake, renews it; at 5% a day the shortfall outweighs the status
        quo and it expires under both."""
        def renewals(drift: float, rule: str) -> np.ndarray:
            s = textbook(*RENEWABLE, f"scenario.conflict.drift_per_day.A={drift}",
                         "scenario.parties.A.acceptance_noise=0.0",
                         *(f"scenario.parties.{p}.renewal.rule={rule}" for p in "AB"),
                         *(f"+scenario.parties.{p}.renewal.parameters.weight=0.2" for p in "AB"
                           if rule == "status_quo"))
            return run_model(s, 8)[1]["stage.truce.renewal_declined.A"]

        assert (renewals(0.01, "as_signing") >= 1).all()
        assert (renewals(0.01, "status_quo") == 0).all()
        assert (renewals(0.05, "status_quo") >= 1).all()


def test_a_party_that_gives_the_stage_no_weight_renews_as_it_would_sign():
    """Ukraine given no weight on the energy moratorium: its shortfall has no scale to be
    measured in, so the status quo adds nothing; terms worth nothing to it against a war worth
    nothing on the stage, it never declines (a generated scenario once divided by that
    weight)."""
    _, out = run_model(settings("scenario.parties.UA.salience.energy_moratorium=0.0",
                                "model=classic"), 64, seed=3)  # valued as terms: worth nothing
    assert out["stage.energy.renewals"].sum() > 0  # terms were reached and renewed
    assert (out["stage.energy.renewal_declined.UA"] == 0).all()  # it loses nothing either way
