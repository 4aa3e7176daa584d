"""A scenario: issues, parties, stages of truce, the conflict and its monitoring.

Numbers typed `Param` may be given as distributions and are sampled once per replicate;
positions (ideal points and salience) are public demands and stay fixed across replicates.
Every field carries its meaning and unit; each scenario file adds the provenance of its values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.config.schema import LARGEST, Param, number, text
from sim.domain.coding import Coding
from sim.domain.form import Form
from sim.domain.gestures import Gesture
from sim.domain.implementation import Conditions, Participation, Renewal, ThirdParty
from sim.domain.initial import Start
from sim.domain.politics import Commitment, Cover, Line, RedLine, TrustPrior


@dataclass(frozen=True, kw_only=True)
class Issue:
    description: str = text(doc="what the issue is")
    scale: str = text(default="0 = none, 1 = fully", doc="what 0 and 1 mean on this issue")
    kind: str = text(default="divisible", doc="divisible (any term in 0..1), indivisible (0 "
                     "or 1 only: recognition, a legal status, a truce in force or not) or "
                     "line_of_control (territory held: terms are where the war puts the line)")
    status_quo: float | None = number(0, 1, default=None, doc="the term that changes nothing (0 "
                                      "for a truce: none); a stage's package at it on every "
                                      "issue is no deal and is never proposed; null: none",
                                      unit="issue scale")
    line: Line | None = text(default=None, doc="line_of_control only: the line of contact on "
                             "day 0 and how the war moves it")


@dataclass(frozen=True, kw_only=True)
class Delay:
    """How the party stalls: a registered delay tactic (`sim.rules.tactics`) and its parameters.

    `prize` and `cost_per_day` are the war of attrition's, which the default tactic plays: hold
    out until conceding, with hazard cost/prize per day. A party that stalls only some stages
    names them (`stages`), and a stage whose facts differ gets its own values (`per_stage`)."""

    tactic: str = text(default="attrition", doc="the delay tactic (sim/rules/tactics/)")
    prize: Param = number(0, doc="value of outlasting the other side; 0 = never stalls",
                          unit="share of the stake")
    cost_per_day: Param = number(0, above=True, doc="cost of one more day of delay",
                                 unit="share of the stake per day")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the tactic declares",
        "doc": "the tactic's own parameters, checked against what it declares"})
    stages: tuple[str, ...] | None = text(default=None, doc="the stages it stalls on; on any "
                                          "other it answers at once (null: every stage)")
    per_stage: dict[str, dict[str, Param]] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the field or tactic "
        "declares", "doc": "a stage's own prize, cost_per_day or tactic parameters, where the "
                           "facts differ there; the rest as above"})


@dataclass(frozen=True, kw_only=True)
class Concession:
    """How the party gives up its opening margin: a registered concession style
    (`sim.rules.concessions`) and its parameters. The default style, time-dependent, reads the
    party's `concession_exponent`. As with its delay, the party may name the stages it haggles
    over (`stages`) and give a stage its own values (`per_stage`)."""

    style: str = text(default="time_dependent", doc="the concession style (sim/rules/concessions/)")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the style declares",
        "doc": "the style's own parameters, checked against what it declares"})
    stages: tuple[str, ...] | None = text(default=None, doc="the stages it haggles over; on any "
                                          "other it demands no margin above its reservation "
                                          "value (null: every stage)")
    per_stage: dict[str, dict[str, Param]] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the field or style "
        "declares", "doc": "a stage's own concession_exponent or style parameters, where the "
                           "facts differ there; the rest as above"})


@dataclass(frozen=True, kw_only=True)
class Linkage:
    """Conditional acceptance: the party signs the stage only if paid this side-payment."""

    side_payment: Param = number(0, 1, doc="side-payment demanded for signing",
                                 unit="share of the stake")
    description: str = text(default="", doc="what the side-payment is")
    precedent: bool = text(default=True, doc="where a third party holds it: whether it must be "
                           "delivered before the stage is in force (a condition precedent); "
                           "false: the stage comes into force on signing and the payment is "
                           "owed until its holder approves")
    delivery: Param = number(0, 1, default=0.5, doc="where a third party holds it: the party's "
                             "belief at day 0 that the holder delivers it (its prior mean)",
                             unit="probability")
    delivery_weight: Param = number(0, above=True, default=2.0,
                                    doc="how many observations that belief counts as: each lapse "
                                    "or term passed unpaid adds one against, each approval one "
                                    "for", unit="observations")


@dataclass(frozen=True, kw_only=True)
class Propensity:
    """Daily hazard of violating a truce in force: base * exp(weighted drivers) * (1 - verification)."""

    base_hazard: Param = number(0, 1, doc="daily violation hazard with no drivers", unit="per day")
    incentive_weight: Param = number(0, doc="weight of the gain from striking", unit="per stake share")
    distrust_weight: Param = number(0, doc="weight of distrust in the others", unit="per unit distrust")
    escalation_weight: Param = number(0, doc="weight of its own escalation window", unit="log hazard")


@dataclass(frozen=True, kw_only=True)
class Party:
    label: str = text(doc="display name")
    capability: Param = number(0, above=True, doc="military capability at day 0", unit="relative")
    cost_per_day: Param = number(0, doc="daily cost of war", unit="share of the stake per day")
    ideal: dict[str, float] = number(0, 1, doc="ideal term on each issue", unit="issue scale")
    salience: dict[str, float] = number(0, doc="weight of each issue (normalised)", unit="weight")
    demand_margin: Param = number(0, 1, doc="surplus demanded above the reservation value at day 0",
                                  unit="share of the stake")
    concession_exponent: Param = number(0, above=True, doc="<1 Boulware (hard-line), >1 Conceder",
                                        unit="exponent")
    concession: Concession = field(default_factory=Concession)
    deadline_days: Param | None = number(0, above=True, default=None, doc="the day, counted "
                                         "from day 0, by which the party means to have settled: "
                                         "a time-dependent concession has given up its whole "
                                         "opening margin on it (Faratin et al. 1998's deadline); "
                                         "null: the horizon (an assumption: the span watched "
                                         "as its deadline)", unit="days")
    acceptance_noise: Param = number(0, doc="spread of bounded-rational noise in acceptance",
                                     unit="share of the stake")
    sucker_cost: Param = number(0, doc="loss if it complies while the other violates",
                                unit="share of the stake")
    mediator_distrust_penalty: Param = number(0, doc="devaluation of proposals per unit of "
                                              "distrust in the mediator", unit="share of the stake")
    bias_sensitivity: Param = number(0, doc="mediator-distrust evidence per proposal per unit of "
                                     "bias against it", unit="pseudo-counts")
    ratification_premium: Param = number(0, default=0.0, doc="what its veto player (legislature, "
                                         "security elite) demands above its reservation value "
                                         "before ratifying a package its negotiator accepted "
                                         "(Putnam 1988); 0: no veto player (above 0 it "
                                         "also overrules a negotiator's noisy yes below the "
                                         "reservation value)",
                                         unit="share of the stake")
    truce_rearmament: Param = number(0, default=0.0, doc="log-capability it gains per day while "
                                     "truces avert its fighting, on top of its drift, times the "
                                     "share of the daily cost they avert (a ceasefire helps a "
                                     "side that rearms faster: Fortna 2004); 0: none",
                                     unit="log capability per day")
    delay: Delay = field(default_factory=lambda: Delay(prize=0.0, cost_per_day=1.0))
    renewal: Renewal = field(default_factory=Renewal)
    participation: Participation = field(default_factory=Participation)
    linkage: dict[str, Linkage] = field(default_factory=dict)
    red_lines: dict[str, RedLine] = field(default_factory=dict, metadata={
        "doc": "public limits by issue, with the cost of crossing each (section 7 of docs/ODD.md)"})
    trust: dict[str, TrustPrior] = field(default_factory=dict)
    violation: Propensity = field(default_factory=lambda: Propensity(base_hazard=0.0, incentive_weight=0.0,
                                                          distrust_weight=0.0, escalation_weight=0.0))


@dataclass(frozen=True, kw_only=True)
class Collapse:
    """When the stage's truce in force collapses: a registered stage rule (`sim.rules.stages`)
    and its parameters. The default rule, reports, reads the stage's `max_violations`."""

    rule: str = text(default="reports", doc="the stage rule (sim/rules/stages/)")
    parameters: dict[str, Param] = field(default_factory=dict, metadata={
        "low": -LARGEST, "high": LARGEST, "above": False, "unit": "as the rule declares",
        "doc": "the rule's own parameters, checked against what it declares"})


@dataclass(frozen=True, kw_only=True)
class Stage:
    """A truce or settlement: a package over some issues, with the rules for holding it."""

    label: str = text(doc="display name")
    issues: tuple[str, ...] = text(doc="issues whose terms the stage fixes")
    duration_days: int | None = number(1, default=None, doc="life of the truce; null = open-ended",
                                       unit="days")
    hold_days: Param = number(1, doc="days in force without collapse that count as held",
                              unit="days")
    verification: Param = number(0, 1, doc="monitoring strength: cuts hazard, raises detection",
                                 unit="0..1")
    max_violations: int = number(1, doc="reported violations that collapse it", unit="count")
    collapse: Collapse = field(default_factory=Collapse)
    cost_relief: Param = number(0, 1, doc="share of the daily cost of war it removes in force, "
                                "signed whole (signed at part of its scale, that part)",
                                unit="share")
    temptation: Param = number(0, doc="how tempting it is to strike what the stage protects: "
                               "multiplies every party's violation hazard", unit="multiplier")
    guarantee: Param = number(0, 1, default=0.0, doc="credibility of a third party's guarantee "
                              "of its terms: the share of a stronger side's reneging it deters "
                              "(Walter 2002); 0: none", unit="share")
    comprehensive: bool = field(default=False, metadata={"doc": "signing it is the agreement"})
    conditions: Conditions = field(default_factory=Conditions)
    renewal_days: int | None = number(1, default=None, doc="a time-limited truce's renewed term: "
                                      "at each term every party decides whether to renew it "
                                      "(its renewal rule); null: it expires at its term",
                                      unit="days")
    tabled_again: bool = field(default=True, metadata={
        "doc": "whether a truce that runs its term unrenewed goes back on the table, as a "
               "collapsed one does (false: a one-off the mediator does not propose again)"})


@dataclass(frozen=True, kw_only=True)
class Escalation:
    party: str | None = text(doc="party that escalates at intervals; null = none")
    period_days: int = number(1, doc="days between escalations", unit="days")
    window_days: int = number(0, doc="days each escalation lasts", unit="days")
    jump: Param = number(doc="jump in the party's log-capability at each escalation",
                         unit="log capability")


@dataclass(frozen=True, kw_only=True)
class Conflict:
    contest_exponent: Param = number(0, above=True, doc="decisiveness k of the contest function",
                                     unit="exponent")
    drift_per_day: dict[str, Param] = number(-1, 1, doc="trend of each party's log-capability",
                                             unit="per day")
    volatility_per_day: dict[str, Param] = number(0, 1, doc="daily noise of log-capability",
                                                  unit="per sqrt(day)")
    cost_horizon_days: Param = number(0, doc="days of future war costs weighed in the "
                                      "reservation value", unit="days")
    option_lookahead_days: Param = number(0, doc="days ahead a party weighs a balance moving its "
                                          "way", unit="days")
    escalation: Escalation = field(default_factory=lambda: Escalation(party=None, period_days=1,
                                                                        window_days=0, jump=0.0))
    commitment: Commitment = field(default_factory=Commitment)


@dataclass(frozen=True, kw_only=True)
class Monitoring:
    detection_base: Param = number(0, 1, doc="chance a violation is detected at zero verification",
                                   unit="probability")
    attribution_accuracy: Param = number(0, 1, doc="chance a detected violation is blamed on the "
                                         "true violator", unit="probability")
    false_report_per_day: Param = number(0, 1, doc="daily chance a party reports a violation that "
                                         "did not happen", unit="per day")
    compliance_weight: Param = number(0, doc="trust evidence per day with no reported violation",
                                      unit="pseudo-counts per day")
    violation_weight: Param = number(0, doc="distrust evidence per reported violation",
                                     unit="pseudo-counts")


@dataclass(frozen=True, kw_only=True)
class Scenario:
    name: str = text()
    description: str = text()
    horizon_days: int = number(1, 36500, doc="length of an episode", unit="days")
    round_interval_days: int = number(1, 3650, doc="days between negotiation rounds", unit="days")
    first_round_day: int = number(0, 36500, default=0, doc="day of the first scheduled round of "
                                  "talks, counted from day 0 (the start_date); rounds follow "
                                  "every round_interval_days. Day 0 is the state at the start, "
                                  "before the first day simulated (day 1), so 0 (talks in "
                                  "session at the start) and 1 both hold the first round on "
                                  "day 1", unit="days")
    start_date: str | None = text(default=None, doc="calendar date of day 0, YYYY-MM-DD; null = "
                                  "none (questions then give days, not dates)")
    issues: dict[str, Issue] = text()
    parties: dict[str, Party] = text()
    stages: dict[str, Stage] = text()
    conflict: Conflict = text()
    monitoring: Monitoring = text()
    political_cover: Cover = field(default_factory=Cover)
    third_parties: dict[str, ThirdParty] = field(default_factory=dict, metadata={
        "doc": "actors beyond the parties and the mediator (sim/domain/implementation.py)"})
    gestures: dict[str, Gesture] = field(default_factory=dict, metadata={
        "doc": "steps short of a truce: unilateral truces, humanitarian exchanges "
               "(sim/domain/gestures.py)"})
    initial: dict[str, Start] = field(default_factory=dict, metadata={
        "doc": "stages already signed on day 0, in force or pending on their conditions "
               "(sim/domain/initial.py); none: every stage starts off the table"})
    coding: Coding | None = field(default=None, metadata={
        "doc": "how the open conflict data sets would code the case's truce, for the base-rate "
               "forecaster (sim/domain/coding.py); null: not coded"})
    form: Form = field(default_factory=Form, metadata={
        "doc": "the model's form: which account of valuation, resolve, renewal and terms the "
               "run uses (sim/domain/form.py); chosen with model=NAME (configs/model/)"})
    provenance: dict[str, str] = field(default_factory=dict)
    """Where each parameter's value comes from, by path: a fact id in seeds/, a cited source,
    or 'assumption' (with its reason). Meaning and unit come from the field definitions."""

    @property
    def party_names(self) -> list[str]:
        return list(self.parties)

    @property
    def stage_names(self) -> list[str]:
        return list(self.stages)

    @property
    def first_round(self) -> int:
        """The day the first scheduled round is held: `first_round_day`, but not before day 1,
        the first day simulated (day 0 is the start, before anything happens)."""
        return max(self.first_round_day, 1)

    def round_due(self, day: int) -> bool:
        """Whether `day` holds a scheduled round: the first round's day, then every interval."""
        since = day - self.first_round
        return since >= 0 and since % self.round_interval_days == 0

    def rounds_by(self, day: int) -> int:
        """Scheduled rounds held on or before `day` (0 before the first)."""
        since = day - self.first_round
        return since // self.round_interval_days + 1 if since >= 0 else 0
