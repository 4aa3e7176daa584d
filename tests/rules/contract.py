"""The contract every registered unit keeps. A unit's test class inherits it, names the unit,
and tells the story the unit must pass (`test_story`); the family's contract adds what every
unit of that family must do in a whole model run."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pytest

from sim.config.errors import ConfigError
from sim.jobs.settings import Settings
from sim.rules.units import Registry, Unit
from tests.conftest import run_model

REPLICATES = 64


class UnitContract:
    registry: ClassVar[Registry[Any]]
    name: ClassVar[str]

    def chosen(self) -> Settings:
        """A small whole-model case that runs with this unit (each family says how)."""
        raise NotImplementedError

    def settings_for(self, unit: Unit) -> Mapping[str, np.ndarray]:
        return unit.settings({}, REPLICATES)

    def test_a_whole_model_run_with_it_is_the_same_under_the_same_seed(self) -> None:
        _, first = run_model(self.chosen(), 40, seed=5)
        _, again = run_model(self.chosen(), 40, seed=5)
        assert pd.DataFrame(first).equals(pd.DataFrame(again))

    def test_the_engine_consults_it_in_a_whole_model_run(self, monkeypatch) -> None:
        """Registered is not enough: a run configured with the unit reads it, through a
        decision (a public method its class or its family's base defines) or a flag the
        engine asks before deciding (a unit that never steers, say, is asked whether it does)."""
        cls, base = type(self.registry.get(self.name)), self.registry.base
        members = {n: getattr(cls, n) for owner in (cls, base) for n in vars(owner)
                   if not n.startswith("_") and n not in vars(Unit)}
        consulted: list[str] = []
        for name, member in members.items():
            if isinstance(member, bool):  # a flag, read through a property that notes it
                monkeypatch.setattr(cls, name, property(
                    lambda _self, _n=name, _v=member: consulted.append(_n) or _v))
            elif callable(member) and not isinstance(member, type):
                def spy(*args: Any, _original: Any = member, _n: str = name, **kw: Any) -> Any:
                    consulted.append(_n)
                    return _original(*args, **kw)
                monkeypatch.setattr(cls, name, spy)
        run_model(self.chosen(), 40, seed=5)
        assert consulted, f"{self.name}: none of {sorted(members)} was read"

    @pytest.fixture
    def unit(self) -> Unit:
        return self.registry.get(self.name)

    def test_it_is_registered_under_its_name(self, unit: Unit) -> None:
        assert self.name in self.registry.names()
        assert type(unit).name == self.name

    def test_it_says_what_it_does_and_where_it_comes_from(self, unit: Unit) -> None:
        assert unit.summary.strip() and unit.source.strip()

    def test_every_parameter_has_meaning_unit_range_default_and_provenance(self, unit: Unit) -> None:
        for key, setting in unit.parameters.items():
            assert key.isidentifier(), key
            assert setting.meaning.strip() and setting.unit.strip(), key
            assert setting.low <= setting.default <= setting.high, key
            assert setting.provenance.strip(), key

    def test_a_value_outside_a_declared_range_is_refused_by_name(self, unit: Unit) -> None:
        for key, setting in unit.parameters.items():
            with pytest.raises(ConfigError) as refused:
                self.registry.check(self.name, {key: setting.high + 1}, "here")
            assert str(refused.value).startswith(f"here.parameters.{key}: got ")

    def test_story(self, unit: Unit) -> None:
        raise NotImplementedError(f"{type(self).__name__} must tell {self.name}'s story")
