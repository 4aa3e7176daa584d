"""The contract of a recourse: a unit's contract, and a decision of the right shape, taken only
where the mediator is stuck, the same under the same seed; carried out through the mediator's
means and nothing else; and a whole-model run with it (the textbook case deadlocked, so that
every impasse comes)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.jobs.settings import Settings, load_settings
from sim.jobs.validation.persistence import deadlocked
from sim.rules.recourses import RECOURSES, Impasse, Recourse
from tests.conftest import run_model
from tests.rules.contract import REPLICATES, UnitContract


def impasse(seed: int, **changes: object) -> Impasse:
    """A random impasse: the mediator stuck in most replicates, some way into an episode."""
    rng = np.random.default_rng(seed)
    fields: dict[str, object] = {
        "stuck": rng.random(REPLICATES) < 0.7, "uses": rng.integers(0, 3, REPLICATES),
        "can_press": rng.random(REPLICATES) < 0.5,
        "credibility": np.where(rng.random(REPLICATES) < 0.3, np.nan, rng.random(REPLICATES)),
        "threatening": rng.random(REPLICATES) < 0.2, "draw": rng.random(REPLICATES)}
    return Impasse(**(fields | changes))  # type: ignore[arg-type]


class Means:
    """A mediator's means that only record what they were asked to do."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, np.ndarray]] = []

    def __getattr__(self, verb: str) -> Any:
        def record(rows: np.ndarray, *args: np.ndarray) -> None:
            self.asked.append((verb, rows.copy()))
        return record


class RecourseContract(UnitContract):
    registry = RECOURSES

    def test_it_decides_per_replicate_and_only_where_the_mediator_is_stuck(
            self, unit: Recourse) -> None:
        today = impasse(1)
        takes = unit.takes(today, self.settings_for(unit))
        assert takes.shape == (REPLICATES,) and takes.dtype == bool
        assert not (takes & ~today.stuck).any()

    def test_it_decides_the_same_under_the_same_seed(self, unit: Recourse) -> None:
        first = unit.takes(impasse(7), self.settings_for(unit))
        again = RECOURSES.get(self.name).takes(impasse(7), self.settings_for(unit))
        assert np.array_equal(first, again)

    def test_it_is_carried_out_through_the_means_where_taken(self, unit: Recourse) -> None:
        means, rows = Means(), impasse(3).stuck
        unit.carry_out(means, rows, self.settings_for(unit))  # type: ignore[arg-type]
        assert len(means.asked) == 1 and np.array_equal(means.asked[0][1], rows)

    def test_a_whole_model_run_counts_it_in_its_column_each_time_it_is_taken(
            self, monkeypatch) -> None:
        cls = type(RECOURSES.get(self.name))
        taken = np.zeros(40, dtype=np.int64)
        original = cls.carry_out

        def counting(unit: Recourse, means: Any, rows: np.ndarray, settings: Any) -> None:
            np.add(taken, rows, out=taken)
            original(unit, means, rows, settings)

        monkeypatch.setattr(cls, "carry_out", counting)
        _, out = run_model(self.chosen(), 40, seed=5)
        assert taken.any() and np.array_equal(self.counted_in(out), taken)

    def counted_in(self, out: dict[str, np.ndarray]) -> np.ndarray:
        """The run-table column (R,) that counts this recourse: its own, named by the unit; a
        recourse counted elsewhere (no column of its own) says where, by overriding this."""
        column = type(RECOURSES.get(self.name)).column
        assert column is not None, f"{self.name} has no column: its test must say where it is counted"
        return out[f"mediator.{column}"]

    def chosen(self) -> Settings:
        return load_settings(deadlocked({self.name: {}, "walk_away": {"chance": 1.0}}))
