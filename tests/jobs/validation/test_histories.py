"""Histories with known outcomes, each run with its own mediator and questions and scored
against what happened; built from facts dated up to day 0, and honest about what they lack."""

import re

import pytest
import yaml

from sim.jobs.validation import histories
from sim.jobs.validation.document import SIZES, markdown
from tests.conftest import ROOT, settings

FACT = {"black_sea_grain_2022": r"\bG\d+\b", "minsk_2014_2015": r"\bM\d+\b",
        "minsk_2015": r"\bN\d+\b",
        "yemen_2022": r"\bY\d+\b", "gaza_2025": r"\bZ\d+\b"}
DAY_0_FACTS = {"black_sea_grain_2022": {"G1", "G2", "G3", "G4", "G5"},
               "minsk_2014_2015": {"M1", "M2", "M3"},
               "minsk_2015": {"N1", "N2", "N3", "N4", "N5"},
               "yemen_2022": {"Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7"},
               "gaza_2025": {"Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z8", "Z9"}}


@pytest.fixture(scope="module")
def scored():
    return [histories.score_history(name, 400, 51 + k)
            for k, name in enumerate(histories.HISTORIES)]


@pytest.mark.parametrize("name", histories.HISTORIES)
def test_a_history_runs_with_its_own_mediator_questions_and_start_date(name):
    chosen = settings(f"scenario={name}")
    assert chosen.scenario.start_date is not None
    assert chosen.mediator.strategy == {"black_sea_grain_2022": "un_turkey_2022",
                                        "minsk_2014_2015": "osce_tcg_2014",
                                        "minsk_2015": "normandy_2015",
                                        "yemen_2022": "un_envoy_yemen_2022",
                                        "gaza_2025": "qatar_egypt_us_2025"}[name]
    outcomes = yaml.safe_load((histories.OUTCOMES / f"{name}.yaml").read_text())
    assert set(outcomes) <= set(chosen.questions.names)
    assert set(outcomes) == set(histories.REPRESENTS[name])  # each scored question says what it lacks


@pytest.mark.parametrize("name", histories.HISTORIES)
def test_parameters_cite_only_facts_dated_up_to_day_0_and_the_sheet_has_them(name):
    sheet = (ROOT / "seeds" / f"{name}_facts.md").read_text()
    chosen = settings(f"scenario={name}")  # its scenario and its mediator (the exit hazard too)
    sources = [*chosen.scenario.provenance.values(), *chosen.mediator.provenance.values()]
    cited = {fact for source in sources for fact in re.findall(FACT[name], source)}
    assert cited and cited <= DAY_0_FACTS[name]
    up_to_day_0 = sheet.split("## After day 0")[0]
    assert all(f"| {fact} |" in up_to_day_0 for fact in cited)


def test_each_history_is_scored_question_by_question_with_totals(scored):
    for h in scored:
        assert h.runs == 400 and h.log_floor == 1 / 800
        for row in h.questions.values():
            assert row["log_score"] <= 0
            if "p" in row:
                assert row["ci_low"] <= row["p"] <= row["ci_high"]
                assert row["brier"] == pytest.approx((row["p"] - row["outcome"]) ** 2)
        briers = [r["brier"] for r in h.questions.values() if "brier" in r]
        assert h.totals["mean_brier"] == pytest.approx(sum(briers) / len(briers))
        assert h.totals["log_score"] == pytest.approx(
            sum(r["log_score"] for r in h.questions.values()))


def test_the_document_has_a_histories_section_with_every_question(scored):
    text = markdown({}, {"kept": 0, "draws": 0, "replicates_per_draw": 0, "priors": {},
                         "region": {}}, quick=True, seconds=1, scored=scored)
    assert "## Histories" in text
    for h in scored:
        assert f"### {h.name} (day 0 = {h.start_date}" in text
        assert all(f"| {name}: " in text for name in h.questions)
    assert "as asked: a renewal at the first term" in text
    assert SIZES["histories"][1] == 2_000
    committed = (ROOT / "docs" / "validation.md").read_text()
    assert "## Histories" in committed


def test_the_histories_are_shown_beside_their_record_before_the_truces_semantics(scored):
    """The record names its commit and scores every question asked then; a question the
    starting state now answers keeps its row, marked as no longer asked."""
    before = histories.recorded()
    then = [h.name for h in before]
    assert then == [h.name for h in scored][:len(then)]  # a history added since has no record
    assert all(h.runs == 10_000 for h in before)
    text = "\n".join(histories.markdown(scored, before))
    assert "commit 7bbd50c" in text
    assert "| days_to_ceasefire: " in text and "not asked: the starting state answers it" in text
    for h, was in zip(scored[:len(before)], before, strict=True):
        common = [n for n in h.questions if n in was.questions and "p" in h.questions[n]]
        assert f"Over the {len(common)} yes/no questions asked now" in text


@pytest.mark.parametrize("name", ["yemen_2022", "minsk_2015", "gaza_2025"])
def test_a_pre_registered_history_keeps_its_first_score_beside_the_commit_that_fixed_it(name):
    """Its questions and outcomes were committed before any run; the first score, written
    once by scripts/first_score.py, names that commit and scores every outcome."""
    import json

    first = json.loads((histories.OUTCOMES / "first" / f"{name}.json").read_text())
    assert re.fullmatch(r"[0-9a-f]{7,40}", first["preregistered"])
    outcomes = yaml.safe_load((histories.OUTCOMES / f"{name}.yaml").read_text())
    assert first["history"]["name"] == name and first["history"]["runs"] == 10_000
    assert set(first["history"]["questions"]) == set(outcomes)
