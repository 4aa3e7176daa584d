"""Mediator styles: how a mediator uses power, a registered unit each.

A style says whether the mediator funds the side-payments parties link to a stage (carrots,
paid from `mediator.leverage.carrot_budget` in the round of talks) and, when its patience runs
out, whether it can press the main blocker with a stick (`mediator.leverage.stick_size`, at
most `max_sticks`) instead of walking away (Beardsley et al. 2006 on facilitation and
manipulation). A mediator chooses one by name (`mediator.style`).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from sim.rules.units import Registry, Unit


class MediatorStyle(Unit):
    """The base of every mediator style."""

    funds_side_payments: ClassVar[bool] = False
    """Whether it offers the carrots parties link to a stage, from its budget."""

    def can_press(self, sticks: np.ndarray, max_sticks: int) -> np.ndarray:
        """(R,) bool: where its patience has run out, whether it presses instead of leaving,
        given the sticks it has used (R,) and the most it may use."""
        raise NotImplementedError


STYLES: Registry[MediatorStyle] = Registry("mediator style", MediatorStyle, __name__, "style")
"""Every mediator style, by name."""
