"""Scenarios compose, carry provenance for every parameter, and refuse bad references."""

import copy

import numpy as np
import pytest

from sim.config.errors import ConfigError
from sim.domain.parameters import parameter_table
from sim.domain.references import load_scenario
from sim.engine.model import NegotiationModel
from sim.jobs.settings import load_settings
from tests.conftest import SCENARIOS, composed, settings

BLACK_SEA_MEDIATORS = ["sea_first", "energy_first", "comprehensive", "parallel", "neutral"]


@pytest.mark.parametrize("mediator", BLACK_SEA_MEDIATORS)
def test_every_mediator_composes_with_the_baseline(mediator):
    s = settings(f"mediator={mediator}")
    assert s.mediator.strategy == mediator
    assert s.scenario.name == "black_sea_2025"


def test_sea_first_climbs_sea_energy_full_ceasefire_settlement():
    assert settings().mediator.ladder == (("sea",), ("energy",), ("full_ceasefire",), ("settlement",))


def test_the_textbook_scenario_composes_with_the_neutral_mediator():
    s = settings("scenario=symmetric_textbook", "mediator=neutral")
    assert s.scenario.party_names == ["A", "B"] and list(s.scenario.issues) == ["stake"]


def test_a_black_sea_strategy_names_stages_the_textbook_lacks():
    with pytest.raises(ConfigError, match=r"mediator.ladder\[0\]\[0\]: got 'sea'"):
        settings("scenario=symmetric_textbook", "mediator=sea_first", "mediator.bias={}")


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_parameter_has_meaning_unit_and_provenance(name):
    scenario = load_scenario(composed(f"scenario={name}", "mediator=neutral")["scenario"])
    rows = parameter_table(scenario)
    assert len(rows) > 10
    missing = [r.path for r in rows if not (r.meaning and r.unit and r.source)]
    assert missing == []


def test_provenance_names_only_parameters_that_exist():
    """Each key is a parameter's path, or a pattern (stages.*.renewal_days) that matches one."""
    import fnmatch

    scenario = settings().scenario
    paths = {r.path for r in parameter_table(scenario)}
    assert [key for key in scenario.provenance
            if not fnmatch.filter(paths, key)] == []


def test_seed_facts_are_cited_from_the_fact_sheet(baseline):
    from tests.conftest import ROOT

    sheet = (ROOT / "seeds" / "black_sea_2025_facts.md").read_text()
    cited = {fact for source in baseline.scenario.provenance.values()
             for fact in __import__("re").findall(r"\b[FX]\d+\b", source)}
    assert cited and all(f"| {fact} |" in sheet for fact in cited)


def three_party_config() -> dict:
    cfg = composed("scenario=symmetric_textbook", "mediator=neutral")
    parties = cfg["scenario"]["parties"]
    parties["C"] = copy.deepcopy(parties["B"])
    parties["C"]["ideal"] = {"stake": 0.5}
    for me, party in parties.items():
        party["trust"] = {p: {"alpha": 1.0, "beta": 0.0} for p in parties if p != me}
        party["trust"]["mediator"] = {"alpha": 1.0, "beta": 0.0}
    for key in ("drift_per_day", "volatility_per_day"):
        cfg["scenario"]["conflict"][key]["C"] = 0.0
    cfg["mediator"]["proposal_grid"] = 20
    return cfg


def test_the_schema_is_not_hard_wired_to_two_parties():
    s = load_settings(three_party_config())
    model = NegotiationModel(s.scenario, s.mediator, replicates=20, seed=1)
    out = model.run()
    assert len(model.parties) == 3
    assert out["agreement"].all()
    assert np.isfinite(out["terms.stake"]).all()


def test_logrolling_among_three_parties_is_refused_in_one_line():
    cfg = three_party_config()
    cfg["mediator"]["proposal"]["packages"] = "logrolling"
    with pytest.raises(ConfigError, match=r"mediator.proposal.packages: got 'logrolling'; "
                                          r"expected compromise for any number of parties: "
                                          r"logrolling needs two, scenario symmetric_textbook has 3"):
        load_settings(cfg)


def test_a_party_trusting_an_undeclared_party_is_refused():
    cfg = composed()
    cfg["scenario"]["parties"]["RU"]["trust"]["XX"] = {"alpha": 1.0, "beta": 1.0}
    with pytest.raises(ConfigError, match=r"scenario.parties.RU.trust.XX: got <unknown key>; "
                                          r"expected a party \(or mediator\) name: UA, mediator"):
        load_settings(cfg)


def test_a_stage_over_an_undeclared_issue_is_refused():
    cfg = composed()
    cfg["scenario"]["stages"]["sea"]["issues"] = ["crimea"]
    with pytest.raises(ConfigError, match=r"scenario.stages.sea.issues\[0\]: got 'crimea'"):
        load_settings(cfg)


def test_saliences_that_cannot_be_normalised_are_refused():
    cfg = composed()
    cfg["scenario"]["parties"]["UA"]["salience"] = dict.fromkeys(
        cfg["scenario"]["parties"]["UA"]["salience"], 0.0)
    with pytest.raises(ConfigError, match=r"scenario\.parties\.UA\.salience: .*positive sum"):
        load_settings(cfg)


def test_a_ladder_without_a_comprehensive_stage_is_refused():
    with pytest.raises(ConfigError, match="comprehensive stage"):
        settings("mediator.ladder=[[sea],[energy]]")


def test_an_empty_ladder_is_refused():
    with pytest.raises(ConfigError, match=r"mediator\.ladder"):
        settings("mediator.ladder=[]")
