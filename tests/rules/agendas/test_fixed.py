"""The fixed ladder: the mediator never moves on by itself."""

from sim.rules.agendas.fixed import Fixed
from tests.rules.agendas.contract import AgendaContract, course


class TestFixed(AgendaContract):
    name = "fixed"

    def test_story(self, unit: Fixed) -> None:
        """However long it has talked on a tier, it stays there: only holding climbs."""
        today = course(3, rounds_on_tier=course(3).rounds_on_tier + 1000)
        assert (unit.next_tier(today, {}) == today.tier).all()
        assert not unit.steers
