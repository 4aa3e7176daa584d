"""A host holds some of the rounds: there the parties weigh its trust and its bias, not the
mediator's."""

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.jobs.settings import Settings, load_settings
from sim.jobs.validation.third_parties import hosted
from sim.rules.roles.host import Host
from tests.conftest import run_model, textbook
from tests.rules.contract import REPLICATES
from tests.rules.roles.contract import RoleContract, moment

TRUSTED = {"trust": {"A": {"alpha": 1.0, "beta": 0.0}}}


def held(share: float) -> Settings:
    return load_settings(hosted(TRUSTED | {"parameters": {"share_of_rounds": share}}))


class TestHost(RoleContract):
    name = "host"

    def chosen(self) -> Settings:
        return held(0.5)

    def test_story(self, unit: Host) -> None:
        """Holding every round, it holds each one that is held, and none other."""
        always = {"share_of_rounds": np.ones(REPLICATES)}
        today = moment(6, True)
        assert np.array_equal(unit.hosts(today, always), today.exposed)

    def test_a_venue_a_distrustful_party_trusts_opens_the_talks(self) -> None:
        """A distrusts the mediator too much to sign anything it proposes; in the host's rounds
        the same package is signed on the first day."""
        assert not run_model(load_settings(hosted(None)), 10)[1]["agreement"].any()
        _, out = run_model(held(1.0), 10)
        assert (out["agreement_day"] == 1).all()
        assert (out["third_party.H.rounds_hosted"] >= 1).all()

    def test_a_host_that_holds_no_round_changes_nothing(self) -> None:
        _, out = run_model(held(0.0), 10)
        assert not out["agreement"].any() and not out["third_party.H.rounds_hosted"].any()

    def test_its_bias_moves_the_terms_as_a_mediators_would(self) -> None:
        _, out = run_model(textbook("+scenario.third_parties={H: {label: H, role: host, "
                                    "bias: {B: 0.5}, parameters: {share_of_rounds: 1.0}}}"), 10)
        assert (out["terms.stake"] < 0.5).all()

    def test_only_a_host_has_trust_and_bias(self) -> None:
        with pytest.raises(ConfigError, match=r"third_parties\.G\.bias: got \['A'\]"):
            textbook("+scenario.third_parties={G: {label: G, role: guarantor, "
                     "stages: [settlement], bias: {A: 0.1}}}")

    def test_the_trust_it_is_given_names_parties(self) -> None:
        with pytest.raises(ConfigError, match=r"third_parties\.H\.trust\.Z"):
            textbook("+scenario.third_parties={H: {label: H, role: host, "
                     "trust: {Z: {alpha: 1.0, beta: 1.0}}}}")
