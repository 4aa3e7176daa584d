"""Every shipped mediator says how likely it is to leave at an impasse, and why."""

import pytest

from sim.domain.parameters import source_of
from tests.conftest import MEDIATORS, composed


@pytest.mark.parametrize("name", MEDIATORS)
def test_every_shipped_mediator_states_its_exit_hazard_and_where_it_comes_from(name):
    mediator = composed(f"mediator={name}")["mediator"]
    assert "chance" in mediator.get("recourses", {}).get("walk_away", {})
    assert source_of(mediator["provenance"], "recourses.walk_away.chance")
