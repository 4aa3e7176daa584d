"""The negotiating parties and the mediator, as Mesa agents whose state spans all replicates.

Each agent's replicate-varying state is a view into the model's stacked arrays, so one agent
speaks for its side in every replicate at once and the rules run once over arrays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from sim.rules.acceptance import accepts, concession, signing_value, threshold
from sim.rules.bargaining import nash_choice
from sim.rules.trust import trust_mean

if TYPE_CHECKING:
    from sim.model import NegotiationModel

NONE, ACCEPT, REJECT, STALL, CONDITIONAL = 0, 1, 2, 3, 4
RESPONSES = {ACCEPT: "accept", REJECT: "reject", STALL: "stall", CONDITIONAL: "conditional"}


class Party(mesa.Agent):
    """A side in the conflict: demands, trust, delay tactics and a propensity to violate."""

    def __init__(self, model: NegotiationModel, name: str, index: int) -> None:
        super().__init__(model)
        self.name, self.index = name, index
        table = model.party_table
        self.param = {key: values[:, index] for key, values in table.params.items()}
        self.trust_alpha = table.trust_alpha[:, index, :]  # (R, n) views
        self.trust_beta = table.trust_beta[:, index, :]
        self.stalls = np.zeros(model.replicates, dtype=np.int32)
        self.reported = model.reported[:, index]  # reports against it, (R,) view
        self.last_offer: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def trust_in_others(self) -> np.ndarray:
        """Mean trust (R,) that the other parties comply."""
        others = [j for j in range(self.model.layout.ideal.shape[0]) if j != self.index]
        return trust_mean(self.trust_alpha[:, others], self.trust_beta[:, others]).mean(axis=1)

    def trust_in_mediator(self) -> np.ndarray:
        table = self.model.party_table
        return trust_mean(table.mediator_alpha[:, self.index], table.mediator_beta[:, self.index])

    def respond(self, stage: int, value: np.ndarray, reservation: np.ndarray,
                carrot: np.ndarray, condition_met: np.ndarray, draws: np.ndarray) -> np.ndarray:
        """Accept, reject or accept on condition of a side-payment, in every replicate (R,)."""
        model, p = self.model, self.param
        weight = model.layout.weight[self.index, stage]
        worth = signing_value(value, reservation, self.trust_in_others(), p["sucker_cost"], weight)
        still = concession(model.day, model.world.horizon_days, p["concession_exponent"])
        bar = threshold(reservation, p["demand_margin"], still, model.option[:, self.index],
                        1.0 - self.trust_in_mediator(), p["mediator_distrust_penalty"], weight)
        # kept for traces: value offered, value held out for, value of fighting on instead
        self.last_offer = (worth + carrot, bar, reservation)
        willing = accepts(worth + carrot, bar, p["acceptance_noise"], draws, weight)
        return np.where(willing, np.where(condition_met, ACCEPT, CONDITIONAL), REJECT)

    @property
    def violations(self) -> np.ndarray:
        """Truces it broke (R,), all stages, whether or not anyone saw."""
        return self.model.truces.violations[:, :, self.index].sum(axis=1, dtype=np.int32)


class Mediator(mesa.Agent):
    """Proposes stages along its ladder, learns from rejections, pays carrots, wields sticks."""

    def __init__(self, model: NegotiationModel, values: dict[str, np.ndarray],
                 nash_weights: np.ndarray, first_error: np.ndarray) -> None:
        super().__init__(model)
        spec, r = model.mediator_spec, model.replicates
        self.spec = spec
        self.levered = spec.style == "leverage"
        self.nash_weights = nash_weights  # (R, n)
        self.learning_step = values["mediator.learning_step"]
        self.budget = values["mediator.leverage.carrot_budget"] * self.levered
        self.stick_size = values["mediator.leverage.stick_size"]
        self.premium = first_error * model.layout.weight[None]  # (R, n, S) hidden demands
        self.pressure = np.zeros((r, len(model.layout.parties)))
        self.carrots_paid = np.zeros(r)
        self.sticks = np.zeros(r, dtype=np.int32)
        self.idle_rounds = np.zeros(r, dtype=np.int32)

    def propose(self, stage: int, public_reservation: np.ndarray, talks: np.ndarray) -> np.ndarray:
        """Index of the bias-weighted Nash bargaining proposal over its estimates, (R,).

        Only replicates where the stage is on the table (`talks`) are searched; the others get 0.
        """
        rows = np.flatnonzero(talks)
        estimate = public_reservation[rows] + self.premium[rows, :, stage]
        choice = np.zeros(talks.shape[0], dtype=np.int64)
        choice[rows] = nash_choice(self.model.layout.candidate_utility[stage], estimate,
                                   self.nash_weights[rows])
        return choice

    def offer_carrots(self, stage: int) -> tuple[np.ndarray, np.ndarray]:
        """Side-payments it can fund for linked demands: (offer (R, n), condition met (R, n))."""
        demand = self.model.party_table.side_payment[:, :, stage]
        linked = self.model.layout.has_linkage[:, stage][None, :]
        offer = np.minimum(demand, self.budget[:, None]) if self.levered else np.zeros_like(demand)
        met = ~linked | (offer >= demand - 1e-12)
        return np.where(linked & met, offer, 0.0), met

    def pay(self, signed: np.ndarray, offer: np.ndarray) -> None:
        """Deliver the carrots of a signed stage and lift the sticks as a reward."""
        paid = np.where(signed, offer.sum(axis=1), 0.0)
        self.budget -= paid
        self.carrots_paid += paid
        self.pressure[signed] = 0.0

    def learn(self, stage: int, rejected: np.ndarray, value: np.ndarray,
              public_reservation: np.ndarray) -> None:
        """A rejection shows the party wants more than the offer gave it: raise the estimate."""
        if not self.spec.learns:
            return
        floor = value - public_reservation
        step = self.learning_step[:, None] * self.model.layout.weight[None, :, stage]
        raised = np.maximum(self.premium[:, :, stage], floor) + step
        self.premium[:, :, stage] = np.where(rejected, raised, self.premium[:, :, stage])

    def reconsider(self, progress: np.ndarray, talking: np.ndarray,
                   blocking: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """After a round: count idle rounds; when patience runs out, press the main blocker
        with a stick (leverage style, while sticks remain) or walk away.

        Returns (pressed, withdrew) masks (R,)."""
        self.idle_rounds = np.where(progress, 0, self.idle_rounds + talking)
        out_of_patience = self.idle_rounds >= self.spec.patience_rounds
        can_press = self.levered & (self.sticks < self.spec.leverage.max_sticks)
        pressed = out_of_patience & can_press
        blocker = np.argmax(blocking - 1e-3 * self.nash_weights, axis=1)
        rows = np.flatnonzero(pressed)
        self.pressure[rows, blocker[rows]] += self.stick_size[rows]
        self.sticks += pressed
        self.idle_rounds[pressed] = 0
        withdrew = out_of_patience & ~can_press
        return pressed, withdrew
