"""Walking away: at an impasse that reaches it, the mediator leaves with its chance."""

import numpy as np

from sim.jobs.validation.cases import simulate
from sim.jobs.validation.persistence import P, deadlocked
from sim.results.estimators import wilson
from sim.rules.recourses.walk_away import WalkAway
from tests.rules.contract import REPLICATES
from tests.rules.recourses.contract import RecourseContract, impasse


class TestWalkAway(RecourseContract):
    name = "walk_away"

    def counted_in(self, out: dict[str, np.ndarray]) -> np.ndarray:
        return out["end_reason"] == "mediator_withdrew"  # the episode's end

    def test_story(self, unit: WalkAway) -> None:
        """Chance 1 leaves wherever stuck; chance 0 never; between, where the draw says."""
        today = impasse(4)
        always, never = np.ones(REPLICATES), np.zeros(REPLICATES)
        assert np.array_equal(unit.takes(today, {"chance": always}), today.stuck)
        assert not unit.takes(today, {"chance": never}).any()
        half = unit.takes(today, {"chance": np.full(REPLICATES, 0.5)})
        assert np.array_equal(half, today.stuck & (today.draw < 0.5))

    def test_a_mediator_that_never_walks_away_stays_to_the_horizon(self) -> None:
        out = simulate(deadlocked({"walk_away": {"chance": 0.0}}, style="facilitative"), 4, 1)
        assert (out["end_reason"] == "horizon").all()


def test_a_mediator_that_names_no_recourses_leaves_at_its_first_impasse_only_by_chance() -> None:
    """Deadlocked, a facilitative mediator with three daily rounds of patience reaches its first
    impasse on day 3. Its config names no recourses, so it falls back on stick (never, for it)
    and walk_away with the unit's documented exit hazard: it leaves there in about that share
    of runs and stays on in the rest, never in all of them."""
    cfg = deadlocked({}, style="facilitative")
    del cfg["mediator"]["recourses"]
    runs = 400
    out = simulate(cfg, runs, 3)
    hazard = WalkAway.parameters["chance"].default
    left_at_first = (out["end_reason"] == "mediator_withdrew") & (out["end_day"] == P)
    share = wilson(int(left_at_first.sum()), runs, 0.999)
    assert 0 < hazard < 1 and not left_at_first.all()
    assert share.ci_low <= hazard <= share.ci_high
