"""Histories with known outcomes: each historical scenario run with its own mediator and
questions, and scored against what happened (`seeds/outcomes/NAME.yaml`) with the scoring
rules of `negsim-score`. Nothing here is tuned: the scenarios' parameters use facts dated up to
their day 0 only, and a poor score is reported as it is, with what the model cannot represent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from sim.config.compose import CONFIG_DIR
from sim.jobs.settings import load_settings
from sim.jobs.validation.cases import cell, config, simulate
from sim.results.answers import COLUMN
from sim.results.baserates.build import TABLE, load
from sim.results.baserates.forecaster import BaseRateForecaster
from sim.results.estimators import wilson
from sim.results.scores import read_outcomes, score

OUTCOMES = Path(CONFIG_DIR).parent / "seeds" / "outcomes"

REPRESENTS: dict[str, dict[str, str]] = {
    "black_sea_grain_2022": {
        "renewed_at_least_once": "as asked: renewed at its term, each party deciding as at "
                                 "signing, or signed again after a lapse",
        "renewed_by_day_150": "as asked: a renewal at the first term",
        "renewed_three_times": "as asked, except that every renewal is for the first term's "
                               "120 days (the real second and third were for 60)",
        "in_force_day_300": "as asked, by renewals",
        "suspended_at_least_once": "as asked: Russia suspends its part and returns (its "
                                   "participation rule, walks_out), with daily chances that "
                                   "are assumptions, unrelated to any attack",
        "ended_within_a_year": "as asked: the corridor ends by a party declining to renew, by "
                               "collapse or by Russia's withdrawal, more likely while the "
                               "memorandum, held by Western governments, goes undelivered "
                               "(rates that are assumptions)",
    },
    "minsk_2014_2015": {
        "violations_reported_most_weeks": "as asked: a truce stays in force while violated "
                                          "until a party or the mediator declares it over "
                                          "(the `declared` rule), though the model's parties "
                                          "violate far less often than the reports of M8",
        "collapses_and_is_signed_again": "in part: a collapsed truce is tabled again at once, "
                                         "not months later in a second format (Normandy)",
        "political_provisions_implemented": "in part: signing is implementing; the provisions "
                                            "are one stage with the ceasefire's mediator",
    },
    "yemen_2022": {
        "renewed_at_first_term": "as asked: renewed at its term, each party deciding as at "
                                 "signing with the truce in force as the status quo",
        "in_force_day_120": "as asked, by a renewal or a signing again after a lapse",
        "renewed_at_least_twice": "as asked: every renewal is for the first term's 61 days",
        "in_force_day_200": "as asked, by renewals, though the parties are one coalition and the "
                            "Houthis, and the UN's expanded terms (salaries) are not on the "
                            "table at a renewal",
        "in_force_day_365": "in part: a truce out of force is off, with the war's costs in full; "
                            "the calm that outlasted the truce without a signature is not "
                            "represented",
        "collapsed_within_six_months": "as asked: a collapse is a party's or the mediator's "
                                       "declaration (the `declared` rule)",
        "violations_reported_most_weeks": "as asked, though the fuel ships and flights owed "
                                          "under the truce are not counted: signing is "
                                          "implementing",
        "settlement_within_a_year": "in part: one settlement stage, tabled once the truce has "
                                    "held, between two parties standing for many",
    },
    "minsk_2015": {
        "ceasefire_in_force_day_30": "as asked: in force from day 3 until declared over; the "
                                     "battle for Debaltseve fought on through its first days "
                                     "(N6) is only a daily hazard of violation",
        "violations_reported_most_weeks": "as asked, though the model's parties violate far "
                                          "less often than the OSCE's daily reports (N9)",
        "ceasefire_collapses": "as asked: a collapse is a party's or the mediator's declaration; "
                               "a recommitment to a ceasefire still in force (N9) is not "
                               "represented",
        "withdrawal_collapses": "in part: the withdrawal is its own stage, in force once done and "
                                "declared over by its own reports; it neither waits on the "
                                "ceasefire nor falls with it, as the Package chained them",
        "political_provisions_implemented": "in part: signing is implementing; the provisions "
                                            "are one stage, not sequenced after the withdrawal "
                                            "and local elections as the Package sequenced them",
        "mediators_give_up": "in part: the Normandy leaders and the OSCE are one mediator with "
                             "an exit hazard per impasse; the separatists and Russia are one "
                             "party",
    },
    "istanbul_2022": {
        "ceasefire_within_30_days": "as asked: a ceasefire signed at a weekly round; Russia's "
                                    "announced cut in activity near Kyiv (I10) is not a truce "
                                    "and is not represented",
        "ceasefire_within_a_year": "in part: the talks end only when the mediator walks away; "
                                   "parties that suspend them (I13) show only as rounds "
                                   "without a signing, and atrocities (I11) and annexations "
                                   "(I15) are not events of the model",
        "ceasefire_in_force_day_180": "as asked, an open-ended ceasefire in force until declared "
                                      "over; the war moves the balance only by drift and noise, "
                                      "with no Western arms or sanctions",
        "treaty_within_a_year": "in part: neutrality, guarantees and territory are one stage "
                                "between two parties; the guarantor states (I10) are not "
                                "parties and their consent is not a condition",
        "mediator_gives_up": "in part: Belarus, Turkey and Israel are one mediator, Turkey, with "
                             "an exit hazard per impasse; its tracks beside the talks (prisoner "
                             "exchanges, I14) are not represented",
    },
    "donbas_2020": {
        "ceasefire_in_force_day_90": "as asked: in force from day 0 until declared over; the "
                                     "additional measures (disciplinary penalties, the JCCC "
                                     "mechanism) are not provisions of their own",
        "ceasefire_in_force_day_180": "as asked, by the same declared rule",
        "ceasefire_in_force_day_365": "in part: a ceasefire eroding for months while every "
                                      "side still invokes it (D19, D22) is in force until "
                                      "declared over; rising violations and a patron's troop "
                                      "build-up (D21) are only daily hazards",
        "ceasefire_collapses_within_six_months": "as asked: a collapse is a party's or the "
                                                 "mediator's declaration (the `declared` rule)",
        "violations_reported_most_weeks": "as asked, though the model's parties violate far "
                                          "less often than the OSCE's daily counts (D18)",
        "political_settlement_within_a_year": "in part: the Minsk political provisions are one "
                                              "settlement stage, tabled beside the ceasefire, "
                                              "not sequenced after local elections; signing "
                                              "is implementing",
        "mediator_gives_up": "in part: the OSCE in the Contact Group and the Normandy leaders "
                             "are one mediator with an exit hazard per impasse; the "
                             "separatists and Russia are one party",
    },
    "jeddah_2023": {
        "renewed_at_first_term": "as asked: extended at its term, each party deciding as at "
                                 "signing with the truce in force as the status quo, though "
                                 "for seven days, not the five agreed",
        "renewed_at_least_twice": "as asked: every extension is for the first term's seven days",
        "in_force_day_20": "as asked, by extensions or a signing again after an expiry",
        "signed_again_within_60_days": "in part: signed again on the same seven-day stage, not "
                                       "the 24- and 72-hour ceasefires agreed later",
        "in_force_day_90": "as asked, though a mediator that has left stops the run, and an "
                           "expired truce is then off",
        "violations_reported_most_weeks": "as asked, though the humanitarian terms (aid let "
                                          "through, forces out of hospitals) are not counted: "
                                          "signing is implementing",
        "mediators_leave_within_30_days": "in part: a suspension conditional on the parties' "
                                          "steps is read as walking away for good; the army's "
                                          "own walk-out from the talks is not represented",
        "settlement_within_a_year": "in part: one settlement stage, tabled once the truce has "
                                    "held, between two forces standing for many, with no "
                                    "civilian parties and no second round in a wider format",
    },
    "colombia_2016": {
        "ceasefire_in_force_day_90": "as asked: open-ended and in force until declared over; "
                                     "the end dates the government gave it after the "
                                     "plebiscite (C12) are not represented",
        "ceasefire_collapses": "as asked: a collapse is a party's or the mediator's "
                               "declaration (the `declared` rule)",
        "violations_reported_most_weeks": "as asked, by the UN-led mechanism's verification; "
                                          "violence by the ELN and other groups is not a "
                                          "violation of this ceasefire",
        "agreement_in_force_by_day_65": "in part: signing and ratifying are one act, the "
                                        "government's veto player (the plebiscite) "
                                        "consenting only to terms that beat war by its "
                                        "premium; a signing later rejected is not "
                                        "represented",
        "agreement_in_force_within_a_year": "in part: a rejected text revised and ratified by "
                                            "Congress instead is only a later signing at the "
                                            "mediator's next package, with the same veto "
                                            "player",
        "in_force_day_365": "in part: the ceasefire and the agreement are stages in force or "
                            "not; disarmament and reintegration are not represented",
        "mediators_give_up": "in part: the guarantor countries and the UN are one mediator "
                             "with an exit hazard per impasse",
    },
    "lebanon_2024": {
        "renewed_at_first_term": "as asked: renewed at its 60-day term, each party deciding as "
                                 "at signing with the truce in force as the status quo; the real "
                                 "extension was for 23 days and followed an unfinished withdrawal "
                                 "(H10), which the model does not see: signing is implementing",
        "in_force_day_120": "in part: every renewal is for the first term's 60 days, while the "
                            "real arrangement ran on without a term after 18 February (H11)",
        "in_force_day_365": "in part: in force only through five renewals at 60-day terms, or a "
                            "signing again; the arrangement that ran on without a term is not "
                            "represented",
        "collapsed_within_a_year": "as asked: a collapse is a party's or the mediator's "
                                   "declaration (the `declared` rule); Israel's strikes under a "
                                   "freedom of action it claimed (H8) are only violations",
        "violations_reported_most_weeks": "as asked, though the model's parties violate far less "
                                          "often than the thousands of breaches reported (H16)",
        "settlement_within_a_year": "in part: one settlement stage (Hezbollah's arms, the border), "
                                    "tabled once the truce has held, between Israel and a Lebanon "
                                    "that speaks for Hezbollah",
        "mediators_give_up": "in part: the US and France (with UNIFIL and others) are one mediator "
                             "with an exit hazard per impasse; the change of US administration "
                             "and envoys is not represented",
    },
    "libya_2020": {
        "ceasefire_in_force_day_90": "as asked: in force from day 0 until declared over; the "
                                     "foreign forces' departure due by then (L8) is not a stage, "
                                     "so its failure (L13) does not weigh on the ceasefire",
        "ceasefire_in_force_day_365": "as asked, though each side is one party and the foreign "
                                      "forces and their backers are not actors",
        "ceasefire_collapses": "as asked: a collapse is a party's or the mediator's declaration "
                               "(the `declared` rule)",
        "violations_reported_most_weeks": "in part: reports are the model's detections and false "
                                          "reports at assumed rates; no weekly count was "
                                          "published after day 0, so the outcome rests on "
                                          "isolated allegations and the UN's finding that the "
                                          "truce held (L12, L13)",
        "political_agreement_within_a_year": "in part: the road map, the choice of the executive "
                                             "and its approval by parliament (L11, L14, L15) are "
                                             "one settlement stage between the two parties, "
                                             "signed when both accept its terms",
        "mediator_gives_up": "in part: the mission is one mediator with an exit hazard per "
                             "impasse; a change of envoy (L14) is not an exit",
    },
    "pretoria_2022": {
        "ceasefire_in_force_day_90": "as asked: in force from day 1 until declared over; "
                                     "Eritrea's and the Amhara forces' presence (P11) is not "
                                     "represented, they are not parties",
        "ceasefire_in_force_day_365": "as asked, or signed again after a collapse; the "
                                      "government and the TPLF are the only parties",
        "ceasefire_collapses": "as asked: a collapse is a party's or the mediator's "
                               "declaration; deadlines that slipped without one (P13) are "
                               "not represented",
        "disarmament_collapses": "in part: the disarmament is its own stage, in force once done, "
                                 "weighed and violable by both parties, though only the TPLF "
                                 "hands over weapons, and not tied to the withdrawal of "
                                 "Eritrea's forces as the Nairobi declaration tied it (P9)",
        "political_provisions_implemented": "in part: signing is implementing; the interim "
                                            "administration and the delisting are one stage "
                                            "signed at the table, not enacted by parliament and "
                                            "the prime minister (P12), with the disputed areas "
                                            "bundled in",
        "mediators_give_up": "in part: the AU panel is one mediator with an exit hazard per "
                             "impasse; IGAD, the UN and the US beside it are not represented",
    },
    "gaza_2025": {
        "in_force_day_40": "as asked: in force from day 0 until declared over or its 42-day "
                           "term lapses unrenewed; the exchange in weekly instalments and a "
                           "postponed release (Z10) are only daily hazards of violation",
        "extended_at_first_term": "as asked: renewed at its term, each party deciding as at "
                                  "signing with the truce in force as the status quo; a "
                                  "third-party proposal to extend it (Z11) is not represented",
        "in_force_day_60": "as asked, by a renewal or a signing again; a ceasefire kept in part "
                           "past its term without an agreed extension (Z11) is not represented",
        "collapsed_within_90_days": "in part: a collapse is a party's or the mediator's "
                                    "declaration while the truce is in force; a truce that "
                                    "has lapsed at its term cannot collapse, though the war "
                                    "resumed 16 days after the term (Z12)",
        "violations_reported_most_weeks": "as asked, though the releases owed and the aid "
                                          "trucks are not counted: signing is implementing",
        "phase_two_within_six_months": "in part: one second-phase stage (withdrawal and who "
                                       "governs Gaza), tabled once the first has held 16 days, "
                                       "between Israel's government as one party and Hamas; "
                                       "the hostages still held are not its terms",
        "signed_again_within_a_year": "in part: signing again is the same first-phase stage "
                                      "tabled anew, not an agreement from another plan (Z13) "
                                      "with other mediators beside them",
        "mediators_give_up": "in part: Qatar, Egypt and the US are one facilitative mediator "
                             "with an exit hazard per impasse; the US's pressure on either "
                             "side is not represented",
    },
}
"""What the current model can represent of each scored question."""


@dataclass(frozen=True)
class History:
    """One history's run and scores."""

    name: str
    mediator: str
    start_date: str
    runs: int
    seed: int
    questions: dict[str, dict[str, Any]]  # name -> text, p (ci) or p_realised, outcome, scores
    totals: dict[str, Any]
    log_floor: float


HISTORIES = tuple(REPRESENTS)

RECORDED = Path(__file__).with_name("before_truces.json")
"""Both histories as the model scored them on 7 December 2026 (commit 7bbd50c), before truces
were weighed against the war they stop, could be signed before day 0, collapsed by declaration,
were renewed as at signing and tabled again once expired, a third party's promise was valued at
its expected delivery, a mediator's exit was a hazard and talks began on a first-round day:
written by `scripts/record_scores.py` at that commit, with the seeds and runs used here."""


def recorded() -> list[History]:
    """The histories as recorded before the truces' semantics changed (`RECORDED`)."""
    kept = json.loads(RECORDED.read_text(encoding="utf-8"))
    return [History(**h) for h in kept["histories"]]


def score_history(name: str, runs: int, seed: int, *overrides: str) -> History:
    """Run scenario `name` with its own mediator and questions (and `overrides`), and score it
    against `seeds/outcomes/NAME.yaml`."""
    cfg = config(f"scenario={name}", *overrides)
    settings = load_settings(cfg)
    columns = simulate(cfg, runs, seed)
    asked = {q.name: q for q in settings.questions.questions}
    path = OUTCOMES / f"{name}.yaml"
    given = yaml.safe_load(path.read_text(encoding="utf-8"))
    outcomes = read_outcomes(given, {n: q.timed for n, q in asked.items()},
                             settings.scenario.horizon_days, str(path))
    answers = {n: columns[COLUMN + n] for n in outcomes}
    model = {n: float(np.mean(a)) for n, a in answers.items() if not asked[n].timed}
    days = {n: a.astype(float) for n, a in answers.items() if asked[n].timed}
    rated = BaseRateForecaster(load(TABLE), settings.scenario).answer(settings.questions)
    scored = score(model, days, runs, outcomes,
                   base_rate={n: a.p for n, a in rated.items() if n in model})
    rows = {}
    for n, row in scored["questions"].items():
        rows[n] = {"text": asked[n].text, **row,
                   "represents": REPRESENTS.get(name, {}).get(n, "")}
        if n in model:
            ci = wilson(int(np.sum(answers[n])), runs)
            rows[n] |= {"ci_low": ci.ci_low, "ci_high": ci.ci_high}
    return History(name, settings.mediator.strategy, str(settings.scenario.start_date), runs,
                   seed, rows, scored["totals"], scored["log_floor"])


def markdown(histories: list[History], before: list[History] | None = None) -> list[str]:
    """The document's section "Histories": a table per history, then its totals; with
    `before` (the same histories as recorded before the truces' semantics changed,
    `recorded`), both, question by question, and the totals over the questions asked now."""
    lines = ["## Histories", "",
             "Out-of-sample cases: each scenario is built from the facts dated up to its day 0 "
             "(its fact sheet in `seeds/`), run with its own mediator and questions, and scored "
             "against what happened (`seeds/outcomes/`) by the rules of `negsim-score`. "
             "Nothing was tuned to these outcomes; a poor score is a finding, and the last "
             "column says which part of the history the current model cannot represent."
             + (" \"Before\" is the model of 7 December 2026 (commit 7bbd50c), with the same "
                "seed and runs, before truces were weighed against the war they stop, could be "
                "signed before day 0, collapsed by declaration, were renewed as at signing, a "
                "third party's promise was valued at its expected delivery, a mediator's exit "
                "was a hazard and talks began on a first-round day (recorded by "
                "`scripts/record_scores.py`: `sim/jobs/validation/before_truces.json`). A "
                "question the starting state now answers is no longer asked; it keeps its "
                "before." if before else ""), ""]
    earlier = {h.name: h for h in before or []}
    for h in histories:
        was = earlier.get(h.name)
        lines += [f"### {h.name} (day 0 = {h.start_date}; mediator {h.mediator}; {h.runs:,} "
                  f"runs, seed {h.seed})", "",
                  "| question | model P (95% CI) | base rates: P | happened | Brier | log score | "
                  "before: P, Brier, log | the model represents it |",
                  "|---|---|---|---|---|---|---|---|"]
        lines += [_row(n, r, was) for n, r in h.questions.items()]
        dropped = [n for n in (was.questions if was else {}) if n not in h.questions]
        lines += [f"| {n}: {cell(was.questions[n]['text'])} | not asked: the starting state "
                  f"answers it | | | | | {_before(was, n)} | |" for n in dropped if was]
        lines += ["", _totals(h, "")]
        if was is not None:
            lines += ["", _totals(was, "Before: "), "", _same_questions(h, was)]
        lines += [""]
    return lines


def _row(n: str, r: dict[str, Any], was: History | None) -> str:
    if "p" in r:
        p = f"{100 * r['p']:.1f}% ({100 * r['ci_low']:.1f}–{100 * r['ci_high']:.1f}%)"
        happened, brier = "yes" if r["outcome"] else "no", f"{r['brier']:.3f}"
    else:
        p, happened, brier = f"{100 * r['p_realised']:.1f}% of the realised interval", \
            "the interval", "n/a"
    base = f"{100 * r['base_rate_p']:.1f}%" if "base_rate_p" in r else "–"
    return (f"| {n}: {cell(r['text'])} | {p} | {base} | {happened} | {brier} | "
            f"{r['log_score']:.2f} | {_before(was, n)} | {cell(r['represents'])} |")


def _same_questions(h: History, was: History) -> str:
    """Now and before, over the yes/no questions asked now (both scored them)."""
    common = [n for n, r in h.questions.items() if "p" in r and "p" in was.questions.get(n, {})]
    if not common:
        return "No yes/no question is asked both now and before."
    now = np.mean([h.questions[n]["brier"] for n in common])
    then = np.mean([was.questions[n]["brier"] for n in common])
    return (f"Over the {len(common)} yes/no questions asked now, mean Brier {now:.3f} against "
            f"{then:.3f} before.")


def _before(was: History | None, name: str) -> str:
    if was is None or name not in was.questions:
        return "–"
    r = was.questions[name]
    shown = (f"{100 * r['p']:.1f}%, {r['brier']:.3f}" if "p" in r
             else f"{100 * r['p_realised']:.1f}% of the interval")
    return f"{shown}, {r['log_score']:.2f}"


def _totals(h: History, opening: str) -> str:
    t = h.totals
    return (f"{opening}Mean Brier {t['mean_brier']:.3f} over {len(h.questions) - _timed(h)} "
            f"yes/no questions (a 50% forecaster scores 0.250; Brier skill "
            f"{t['brier_skill']:.2f}); summed log score {t['log_score']:.2f} (log skill "
            f"against 50% {t['log_skill']:.2f}); probabilities floored at {h.log_floor:.2g}."
            + _against_base_rates(t))


def _against_base_rates(t: dict[str, Any]) -> str:
    if not t.get("compared_with_base_rate"):
        return " The base rates answer none of its questions." if "compared_with_base_rate" in t \
            else ""
    return (f" Against the base rates, over the {t['compared_with_base_rate']} questions they "
            f"answer: Brier skill {t['base_rate_brier_skill']:.2f}, log skill "
            f"{t['base_rate_log_skill']:.2f}.")


def _timed(h: History) -> int:
    return sum("p" not in r for r in h.questions.values())
