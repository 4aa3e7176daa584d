"""A line of control in the whole model: the war moves it, the deal is signed at the line of
that day, and the truce then holds it where it was signed."""

import numpy as np

from sim.engine.model import NegotiationModel
from sim.jobs.settings import load_settings
from sim.jobs.validation.cases import textbook
from tests.conftest import run_model


def _moving(*extra: str):
    return load_settings(textbook(
        "scenario.issues.stake.kind=line_of_control",
        "+scenario.issues.stake.line={position: 0.3, mobility: 2.0}",
        "scenario.conflict.drift_per_day.A=0.01", "mediator.patience_rounds=1000", *extra))


def test_a_line_the_war_moves_is_signed_where_it_then_lies_and_held_there():
    model, columns = run_model(_moving("scenario.stages.settlement.hold_days=30"), 3, seed=2)
    assert (columns["stage.settlement.signed_day"] == 41).all()
    # The line on day 41 is 0.3 + 2 (p - 0.5), p = 1 / (1 + e^-0.41); the settlement held it
    # through its 30-day test, while A kept gaining.
    line = 0.3 + 2 * (1 / (1 + np.exp(-0.41)) - 0.5)
    assert np.allclose(columns["terms.stake"], line)
    assert np.allclose(model.lines.position[:, 0], line)
    assert (model.prospects.p_win[:, 0] > 0.61).all()


def test_reservation_values_are_read_relative_to_the_line():
    # On day 0, before any deal: fighting is worth p - c = 0.4 to each side; freezing the line
    # at 0.3 is worth 0.3 to A and 0.7 to B, so their values relative to it are 0.1 and -0.3.
    plain = NegotiationModel(*_parts(load_settings(textbook())), 1, 0)
    assert not plain.lines.any and np.allclose(plain.prospects.reservation[0, :, 0], [0.4, 0.4])
    lined = NegotiationModel(*_parts(_moving()), 1, 0)
    assert np.allclose(lined.prospects.reservation[0, :, 0], [0.1, -0.3])


def _parts(s):
    return s.scenario, s.mediator
