"""Third parties, as Mesa agents whose state spans all replicates: an actor beyond the parties
and the mediator acts as its role (`sim.rules.roles`) decides. A veto player approves, or not,
the side-payments it holds for stages signed and pending on them; a guarantor lifts part of
the commitment problem on the stages it guarantees; a spoiler strikes at the truces it
targets, in a way monitoring blames on a party; a host holds some of the rounds, in which
the parties weigh its trust and its bias instead of the mediator's.
"""

from __future__ import annotations

import mesa
import numpy as np

from sim.config.sampling import Sampled, stream_key
from sim.engine.draws import uniforms
from sim.engine.reads import Episodes
from sim.engine.truce import IN_FORCE
from sim.rules.roles import ROLES, Moment, Request
from sim.rules.rows import all_of, any_of


class ThirdParty(mesa.Agent):
    """An actor beyond the parties and the mediator: a sanctions holder, a guarantor, a
    spoiler or a host, as its role decides."""

    def __init__(self, model: Episodes, name: str, values: Sampled) -> None:
        super().__init__(model)
        spec, lay = model.world.third_parties[name], model.layout
        self.name, self.spec = name, spec
        self.role = ROLES.get(spec.role)
        self.settings = self.role.settings_of(values.scenario.third_parties[name].parameters,
                                              model.replicates)
        held = [h.partition(".") for h in spec.holds]
        self.holds = [(lay.parties.index(p), lay.stages.index(s)) for p, _, s in held]
        self.requires = [lay.stages.index(s) for s in spec.requires]
        self.stages = [lay.stages.index(s) for s in spec.stages]
        self.blamed = lay.parties.index(spec.blames) if spec.blames is not None else -1
        self.key = np.uint64(stream_key(model.seed_sequence, f"third_party:{name}"))
        self.strike_key = np.uint64(stream_key(model.seed_sequence, f"third_party:{name}:strike"))
        self.approvals = np.zeros(model.replicates, dtype=np.int32)
        self.strikes = np.zeros(model.replicates, dtype=np.int32)
        self.rounds_hosted = np.zeros(model.replicates, dtype=np.int32)
        if self.role.hosts_talks:
            self._seat(values)

    def approve(self, pending: np.ndarray, waited: np.ndarray, owed: bool = False) -> None:
        """Approve, or not, each side-payment it holds where its stage waits on it (`pending`,
        (R, S): signed and pending, or, for the payments `owed` after entry into force, in
        force) and it has not approved yet this signing; `waited` (R, S) days since signing.
        Its conditions are met where every stage it requires is in force."""
        model, truces = self.model, self.model.truces
        stages, days = len(model.layout.stages), model.world.horizon_days + 1
        parties = len(model.layout.parties)
        met = None  # the same for every payment it holds: found once, if any waits
        for party, stage in self.holds:
            if model.layout.owed[party, stage] != owed:
                continue
            waiting = pending[:, stage] & ~truces.approved[:, stage, party]
            if not waiting.any():
                continue
            if met is None:
                met = all_of(truces.status[:, self.requires] == IN_FORCE)
            draw = (uniforms(self.key, (model.day * stages + stage) * parties + party,
                             days * stages * parties, model.replicates)
                    if self.role.draws else None)
            since = waited[:, stage]
            days_waiting = np.where(np.isnan(since), 0.0, since).astype(np.int64)
            yes = waiting & self.role.approves(Request(waiting, met, days_waiting, draw),
                                               self.settings)
            truces.approved[:, stage, party] |= yes
            self.approvals += yes

    def _seat(self, values: Sampled) -> None:
        """A host's standing with each party, (R, n): their trust in it (where not given, as in
        the mediator) and its Nash weights, 1 plus its bias."""
        model, lay = self.model, self.model.layout
        table, drawn = model.party_table, values.scenario.third_parties[self.name]
        self.trust_alpha, self.trust_beta = table.mediator_alpha.copy(), table.mediator_beta.copy()
        self.weights = np.ones((model.replicates, len(lay.parties)))
        for i, party in enumerate(lay.parties):
            if party in self.spec.trust:
                self.trust_alpha[:, i] = drawn.trust[party].alpha
                self.trust_beta[:, i] = drawn.trust[party].beta
            if party in self.spec.bias:
                self.weights[:, i] += drawn.bias[party]

    def host(self, free: np.ndarray) -> np.ndarray:
        """(R,) bool: where it holds today's scheduled round, among the replicates `free` to
        meet in its venue."""
        model = self.model
        draw = (uniforms(self.key, model.day, model.world.horizon_days + 1, model.replicates)
                if self.role.draws else None)
        hosted = self.role.hosts(Moment(free, True, draw), self.settings) & free
        self.rounds_hosted += hosted
        model.log("hosted", hosted, party=self.name)
        return hosted

    def assure(self, renegotiation: np.ndarray) -> None:
        """Scale the renegotiation risk (R, S) of the stages it guarantees by what its
        guarantee leaves (in place; a role that guarantees nothing leaves it as it is)."""
        lifted = self.role.assures(self.settings)
        if lifted is not None:
            renegotiation[:, self.stages] *= (1.0 - lifted)[:, None]

    def strike(self, live: np.ndarray, status: np.ndarray, violated: np.ndarray) -> None:
        """Strike, or not, at the truces it targets in force today (`status` (R, S)), marking
        each struck one as violated (`violated` (R, S, n)) by the party it blames (a spoiler
        always has stages and a party to blame: `sim.jobs.settings`)."""
        model = self.model
        in_force = live[:, None] & (status[:, self.stages] == IN_FORCE)  # (R, targets)
        exposed = any_of(in_force)
        if not exposed.any():
            return
        draw = (uniforms(self.strike_key, model.day, model.world.horizon_days + 1,
                         model.replicates) if self.role.draws else None)
        talks = model.world.round_due(model.day)
        struck = self.role.strikes(Moment(exposed, talks, draw), self.settings) & exposed
        if struck.any():
            hit = np.zeros(status.shape, dtype=bool)
            hit[:, self.stages] = in_force & struck[:, None]
            violated[:, :, self.blamed] |= hit
            self.strikes += struck
            model.log("spoiler_strike", hit, party=self.name)


def seat(hosts: list[ThirdParty], live: np.ndarray, weights: np.ndarray, alpha: np.ndarray,
         beta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Who holds today's round where: the replicates a host holds (R,) bool, and the Nash
    weights and the parties' trust (R, n) the round is to use, the host's where it holds it,
    else the mediator's (`weights`, `alpha`, `beta`, left as they are)."""
    weights, alpha, beta = weights.copy(), alpha.copy(), beta.copy()
    free = live.copy()
    for host in hosts:
        mine = host.host(free)
        weights[mine], alpha[mine], beta[mine] = (host.weights[mine], host.trust_alpha[mine],
                                                  host.trust_beta[mine])
        free &= ~mine
    return live & ~free, weights, alpha, beta
