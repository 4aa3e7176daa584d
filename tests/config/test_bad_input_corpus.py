"""The corpus of bad inputs: each one is refused before anything runs, with exit code 2 and
one line per problem naming the file (or the command line), the key, the value and what is
allowed. Checked through the same precheck `negsim` runs, in process."""

import contextlib
import io
import re
from pathlib import Path

import pytest

from sim.cli.precheck import precheck
from sim.rules.agendas import AGENDAS
from sim.rules.concessions import CONCESSIONS
from sim.rules.renewals import RENEWALS
from sim.rules.stages import STAGE_RULES
from sim.rules.styles import STYLES
from sim.rules.tactics import TACTICS

CONFIGS = Path(__file__).resolve().parents[2] / "configs"


def shipped(group: str) -> str:
    """The shipped configs of a group, listed as an error message lists them (sorted)."""
    return ", ".join(sorted(p.stem for p in (CONFIGS / group).glob("*.yaml")))


SCENARIOS, MEDIATORS, QUESTION_SETS = shipped("scenario"), shipped("mediator"), shipped("questions")

SALIENCE = [f"scenario.parties.UA.salience.{k}=0" for k in (
    "demilitarisation", "zaporizhzhia", "kherson", "donetsk", "luhansk", "sea_ceasefire",
    "energy_moratorium", "full_ceasefire")]

CORPUS = [
    (['scenario=atlantis'],
     f"negsim: error: scenario: got 'atlantis'; expected one of {SCENARIOS}"),
    (['mediator=bully'],
     f"negsim: error: mediator: got 'bully'; expected one of {MEDIATORS}"),
    (['experiment=nope'],
     "negsim: error: experiment: got 'nope'; expected one of baseline, delay_vs_patience, leverage, mechanisms, mediator_bias, mediator_strategies, scenario_discovery, sensitivity, sensitivity_morris, trust_sweep"),
    (['montecarlo=turbo'],
     "negsim: error: montecarlo: got 'turbo'; expected one of default"),
    (['report=poster'],
     "negsim: error: report: got 'poster'; expected one of default, publication"),
    (['report.formats=[png,gif]'],
     "negsim: error: command line: report.formats: got 'gif'; expected any of png, svg, pdf"),
    (['scenario.colour=red'],
     'negsim: error: command line: scenario.colour: got <unknown key>; expected a key the config has (use +scenario.colour=... only to add a new one)'),
    (['+scenario.colour=red'],
     'negsim: error: command line: scenario.colour: got <unknown key>; expected one of name, description, horizon_days, round_interval_days, first_round_day, start_date, issues, parties, stages, conflict, monitoring, political_cover, third_parties, gestures, initial, coding, form, provenance'),
    (['~scenario.horizon_days'],
     'negsim: error: command line: scenario.horizon_days: got <missing>; expected a whole number in [1, 36500]'),
    (['~scenario.parties.RU.capability'],
     'negsim: error: command line: scenario.parties.RU.capability: got <missing>; expected a number in (0, 1e+06]'),
    (['+mediator.leverage.bribe=1'],
     'negsim: error: command line: mediator.leverage.bribe: got <unknown key>; expected one of carrot_budget, stick_size, max_sticks'),
    (['runs=ten'],
     "negsim: error: command line: runs: got 'ten'; expected a whole number in [1, 1e+09]"),
    (['scenario.horizon_days=soon'],
     "negsim: error: command line: scenario.horizon_days: got 'soon'; expected a whole number in [1, 36500]"),
    (['mediator.style=7'],
     'negsim: error: command line: mediator.style: got 7; expected a string'),
    (['trace=maybe'],
     "negsim: error: command line: trace: got 'maybe'; expected true or false"),
    (['scenario.stages.sea.issues=sea_ceasefire'],
     "negsim: error: command line: scenario.stages.sea.issues: got 'sea_ceasefire'; expected a list"),
    (['scenario.parties.RU.ideal=0.5'],
     'negsim: error: command line: scenario.parties.RU.ideal: got 0.5; expected a mapping of names to values'),
    (['scenario.stages.energy.verification=nan'],
     'negsim: error: command line: scenario.stages.energy.verification: got nan; expected a number in [0, 1] or {dist: ...}'),
    (['scenario.parties.RU.cost_per_day=inf'],
     'negsim: error: command line: scenario.parties.RU.cost_per_day: got inf; expected a number in [0, 1e+06] or {dist: ...}'),
    (['scenario.conflict.drift_per_day.UA=-inf'],
     'negsim: error: command line: scenario.conflict.drift_per_day.UA: got -inf; expected a number in [-1, 1] or {dist: ...}'),
    (['scenario.monitoring.detection_base=1.5'],
     'negsim: error: command line: scenario.monitoring.detection_base: got 1.5; expected a number in [0, 1]'),
    (['scenario.monitoring.attribution_accuracy=-0.1'],
     'negsim: error: command line: scenario.monitoring.attribution_accuracy: got -0.1; expected a number in [0, 1]'),
    (['scenario.parties.UA.violation.base_hazard=2'],
     'negsim: error: command line: scenario.parties.UA.violation.base_hazard: got 2; expected a number in [0, 1]'),
    (['scenario.stages.sea.verification=1.01'],
     'negsim: error: command line: scenario.stages.sea.verification: got 1.01; expected a number in [0, 1]'),
    (['scenario.horizon_days=0'],
     'negsim: error: command line: scenario.horizon_days: got 0; expected a whole number in [1, 36500]'),
    (['scenario.horizon_days=-30'],
     'negsim: error: command line: scenario.horizon_days: got -30; expected a whole number in [1, 36500]'),
    (['scenario.stages.energy.duration_days=0'],
     'negsim: error: command line: scenario.stages.energy.duration_days: got 0; expected a whole number in [1, 1e+06]'),
    (['scenario.stages.sea.hold_days=0'],
     'negsim: error: command line: scenario.stages.sea.hold_days: got 0; expected a number in [1, 1e+06]'),
    (['scenario.round_interval_days=0'],
     'negsim: error: command line: scenario.round_interval_days: got 0; expected a whole number in [1, 3650]'),
    (['runs=0'],
     'negsim: error: command line: runs: got 0; expected a whole number in [1, 1e+09]'),
    (['runs=-5'],
     'negsim: error: command line: runs: got -5; expected a whole number in [1, 1e+09]'),
    (['runs=2.5'],
     'negsim: error: command line: runs: got 2.5; expected a whole number in [1, 1e+09]'),
    (['runs=1000000000000'],
     'negsim: error: command line: runs: got 1000000000000; expected a whole number in [1, 1e+09]'),
    (['scenario.stages.sea.issues=[crimea]'],
     "negsim: error: command line: scenario.stages.sea.issues[0]: got 'crimea'; expected a declared issue name: demilitarisation, zaporizhzhia, kherson, donetsk, luhansk, sea_ceasefire, energy_moratorium, full_ceasefire"),
    (['+scenario.parties.RU.trust.XX={alpha:1,beta:1}'],
     'negsim: error: command line: scenario.parties.RU.trust.XX: got <unknown key>; expected a party (or mediator) name: UA, mediator'),
    (['mediator.ladder=[]'],
     'negsim: error: command line: mediator.ladder: got []; expected a non-empty list of non-empty tiers of stage names'),
    (['mediator.ladder=[[sea],[sea],[settlement]]'],
     "negsim: error: command line: mediator.ladder[1][0]: got 'sea'; expected each stage once in the ladder"),
    (['mediator.ladder=[[nowhere]]'],
     "negsim: error: command line: mediator.ladder[0][0]: got 'nowhere'; expected a stage of scenario black_sea_2025: sea, energy, full_ceasefire, settlement"),
    (SALIENCE,
     "negsim: error: command line: scenario.parties.UA.salience: got {'demilitarisation': 0.0, 'zaporizhzhia': 0.0, 'kherson': 0.0, 'donetsk': 0.0, 'luhansk': 0.0, 'sea_ceasefire': 0.0, 'energy_moratorium': 0.0, 'full_ceasefire': 0.0}; expected weights with a positive sum"),
    (['scenario.parties.RU.capability.low=3'],
     "negsim: error: command line: scenario.parties.RU.capability: got {'dist': 'uniform', 'low': 3, 'high': 2.5}; expected a uniform distribution that needs low <= high"),
    (['scenario.parties.RU.capability.dist=poisson'],
     "negsim: error: command line: scenario.parties.RU.capability.dist: got 'poisson'; expected one of uniform, triangular, beta, lognormal"),
    (['~scenario.parties.RU.capability', '+scenario.parties.RU.capability={dist:beta,a:-1,b:2}'],
     "negsim: error: command line: scenario.parties.RU.capability: got {'dist': 'beta', 'a': -1, 'b': 2}; expected a beta distribution that needs a > 0 and b > 0"),
    (['~scenario.parties.RU.capability', '+scenario.parties.RU.capability={dist:lognormal,median:0,sigma:1}'],
     "negsim: error: command line: scenario.parties.RU.capability: got {'dist': 'lognormal', 'median': 0, 'sigma': 1}; expected a lognormal distribution that needs median > 0 and sigma >= 0"),
    (['name=../../etc'],
     "negsim: error: command line: name: got '../../etc'; expected a name of letters, digits and _ (it names a folder under results/)"),
    (['name=/tmp/x'],
     "negsim: error: command line: name: got '/tmp/x'; expected a name of letters, digits and _ (it names a folder under results/)"),
    (['backend=spark'],
     "negsim: error: command line: backend: got 'spark'; expected one of local, dask"),
    (['workers=0'],
     'negsim: error: command line: workers: got 0; expected a whole number in [1, 4096]'),
    (['seed=-1'],
     'negsim: error: command line: seed: got -1; expected a whole number in [0, 9.22337e+18]'),
    (['experiment=leverage', 'sweep.design=random'],
     "negsim: error: command line: sweep.design: got 'random'; expected one of grid, lhs, sobol, morris, ablation"),
    (['mediator.bias.RU=1.5'],
     'negsim: error: command line: mediator.bias.RU: got 1.5; expected a number in [-0.99, 0.99]'),
    (['runs=[1'],
     "negsim: error: command line: runs: got '[1'; expected KEY=VALUE in Hydra's override syntax, special characters quoted: runs='\"...\"' (no viable alternative at input '[1')"),
    (['scenario.stages.energy.renewal_days=null', 'scenario.stages.energy.hold_days=45'],
     'negsim: error: command line: scenario.stages.energy.hold_days: got 45; expected at most duration_days (30), every draw, unless it is renewable (renewal_days)'),
]

MORE = [  # issue 16: the classes that still ended in a traceback or a misleading message
    (['scenario=null'],
     f'negsim: error: scenario: got null; expected one of {SCENARIOS}'),
    (['mediator=null'],
     f'negsim: error: mediator: got null; expected one of {MEDIATORS}'),
    (['montecarlo=null'],
     'negsim: error: montecarlo: got null; expected one of default'),
    (['scenario.parties.UA.salience.donetsk=1e308'],
     'negsim: error: command line: scenario.parties.UA.salience.donetsk: got 1e+308; expected a number in [0, 1e+06]'),
    (['scenario.parties.RU.trust.UA.alpha=1e308'],
     'negsim: error: command line: scenario.parties.RU.trust.UA.alpha: got 1e+308; expected a number in (0, 1e+06]'),
    (['scenario.parties.RU.trust.UA.beta=1e308'],
     'negsim: error: command line: scenario.parties.RU.trust.UA.beta: got 1e+308; expected a number in [0, 1e+06]'),
    (['scenario.stages.sea.max_violations=99999999999999999999'],
     'negsim: error: command line: scenario.stages.sea.max_violations: got 99999999999999999999; expected a whole number in [1, 1e+06]'),
    (['mediator.leverage.max_sticks=10000000000000000000000'],
     'negsim: error: command line: mediator.leverage.max_sticks: got 10000000000000000000000; expected a whole number in [0, 1e+06]'),
    (['mediator.patience_rounds=9223372036854775808'],
     'negsim: error: command line: mediator.patience_rounds: got 9223372036854775808; expected a number in [1, 1e+06]'),
    (['~scenario.parties.RU.capability', '+scenario.parties.RU.capability={dist:lognormal,median:1,sigma:1000}'],
     "negsim: error: command line: scenario.parties.RU.capability: got {'dist': 'lognormal', 'median': 1, 'sigma': 1000}; expected a distribution whose draws lie in (0, 1e+06] (its draws reach 0 to inf)"),
    (['~scenario.parties.RU.capability', '+scenario.parties.RU.capability={dist:lognormal,median:1e300,sigma:1}'],
     "negsim: error: command line: scenario.parties.RU.capability: got {'dist': 'lognormal', 'median': 1e+300, 'sigma': 1}; expected a distribution whose draws lie in (0, 1e+06] (its draws reach 2.49e+296 to 4.02e+303)"),
    (['scenario.first_round_day=400'],
     'negsim: error: command line: scenario.first_round_day: got 400; expected a day in [0, horizon_days (365)]: else no round is ever held'),
    (['scenario.first_round_day=-1'],
     'negsim: error: command line: scenario.first_round_day: got -1; expected a whole number in [0, 36500]'),
    (['scenario.parties.RU.deadline_days=0'],
     'negsim: error: command line: scenario.parties.RU.deadline_days: got 0; expected a number in (0, 1e+06]'),
    (['scenario.stages.sea.issues=[sea_ceasefire,sea_ceasefire]'],
     "negsim: error: command line: scenario.stages.sea.issues[1]: got 'sea_ceasefire'; expected each issue once in a stage"),
    (['mediator.bias={}'],
     "negsim: error: command line: mediator.bias: got {}; expected a mapping with keys (an override merges into mediator.bias, so {} changes nothing; to empty it: ~mediator.bias '+mediator.bias={}')"),
    (['scenario.parties.RU.ideal={}'],
     "negsim: error: command line: scenario.parties.RU.ideal: got {}; expected a mapping with keys (an override merges into scenario.parties.RU.ideal, so {} changes nothing; to empty it: ~scenario.parties.RU.ideal '+scenario.parties.RU.ideal={}')"),
    (['~scenario.parties.RU.capability', '+scenario.parties.RU.capability={dist:uniform,low:-1,high:2}'],
     "negsim: error: command line: scenario.parties.RU.capability: got {'dist': 'uniform', 'low': -1, 'high': 2}; expected a distribution whose draws lie in (0, 1e+06] (its draws reach -1 to 2)"),
    (['hydra.run.dir='],
     "negsim: error: hydra.run.dir: got ''; expected a folder (an empty path would write the results among the files of the working folder)"),
    (['hydra.run.dir=/tmp/a', 'b'],
     "negsim: error: command line: got 'b'; expected KEY=VALUE (a value with spaces is quoted whole: 'hydra.run.dir=my results')"),
    (['hydra.run.dir=/dev/null/x'],
     "negsim: error: hydra.run.dir: got '/dev/null/x'; expected a folder negsim can write (/dev/null is not a folder)"),
    (['backend=dask', 'scheduler=nonsense'],
     "negsim: error: command line: scheduler: got 'nonsense'; expected a Dask scheduler address tcp://HOST:PORT (or null for a LocalCluster here)"),
    (['backend=dask', 'scheduler=tcp://127.0.0.1:1'],
     "negsim: error: command line: scheduler: got 'tcp://127.0.0.1:1'; expected a Dask scheduler that answers there (Connection refused)"),
    (['backend=dask', 'scheduler=tcp://127.0.0.1:notaport'],
     "negsim: error: command line: scheduler: got 'tcp://127.0.0.1:notaport'; expected a Dask scheduler address tcp://HOST:PORT (or null for a LocalCluster here)"),
    (['experiment=leverage', 'point_store=/dev/null/x'],
     "negsim: error: point_store: got '/dev/null/x'; expected a folder negsim can write (/dev/null is not a folder)"),
    (['experiment=leverage', '+sweep.parameters.mediator.leverage.stik_size=[1,2]'],
     'negsim: error: command line: sweep.parameters.mediator.leverage.stik_size: got <unknown key>; expected a key the config has (check its spelling in the config or `negsim --cfg job`)'),
    (['experiment=leverage', '+sweep.parameters.mediator.patience_rounds={min:1,max:3}'],
     'negsim: error: command line: sweep.parameters.mediator.patience_rounds.min: got <unknown key>; expected one of low, high, num, integer, log\nnegsim: error: command line: sweep.parameters.mediator.patience_rounds.max: got <unknown key>; expected one of low, high, num, integer, log\nnegsim: error: command line: sweep.parameters.mediator.patience_rounds.low: got <missing>; expected a number in [-1e+06, 1e+06]\nnegsim: error: command line: sweep.parameters.mediator.patience_rounds.high: got <missing>; expected a number in [-1e+06, 1e+06]'),
    (['experiment=leverage', '+sweep.parameters.mediator.leverage.stick_size=[1,-2]'],
     'negsim: error: command line: sweep.parameters.mediator.leverage.stick_size: got -2; expected a number in [0, 1e+06] (at point 1: mediator.leverage.carrot_budget=0.0, mediator.leverage.stick_size=-2)'),
    (['experiment=leverage', 'sweep.design=grid', '+sweep.parameters.mediator.patience_rounds={low:1,high:9,num:10000}'],
     'negsim: error: command line: sweep: got <a grid design of 160,000 points>; expected at most 100,000 points'),
    (['experiment=leverage', '+sweep.parameters.workers=[1,2]'],
     "negsim: error: command line: sweep.parameters: got 'workers'; expected a key under scenario or mediator, a group (scenario, mediator), seed, runs or montecarlo.chunk_size"),
    (['experiment=leverage', '+sweep.parameters.report.formats=[[png],[svg]]'],
     "negsim: error: command line: sweep.parameters: got 'report.formats'; expected a key under scenario or mediator, a group (scenario, mediator), seed, runs or montecarlo.chunk_size"),
    (['experiment=leverage', '+sweep.parameters.seed=[-1,2]'],
     'negsim: error: command line: sweep.parameters.seed: got -1; expected a whole number in [0, 9.22337e+18] (at point 0: mediator.leverage.carrot_budget=0.0, mediator.leverage.stick_size=0.0, seed=-1)'),
    (['experiment=leverage', '+sweep.parameters.scenario=[atlantis]'],
     f"negsim: error: scenario: got 'atlantis'; expected one of {SCENARIOS}"),
    (['~scenario'],
     "negsim: error: hydra.run.dir: got an interpolation of 'scenario.name', which the config does not have; expected ${KEY} naming a key the config has"),
    (['+scenario.description=${nope}'],
     "negsim: error: scenario.description: already set; expected an override without '+'"),
    (['scenario.description=${nope}'],
     "negsim: error: scenario.description: got an interpolation of 'nope', which the config does not have; expected ${KEY} naming a key the config has"),
    (['runs=${oc.env:HOME}'],
     "negsim: error: command line: runs: got '${oc.env:HOME}'; expected a value written out (a result must not depend on the environment it ran in)"),
    (['scenario.parties.RU.label=$x^2$'],
     'negsim: error: command line: scenario.parties.RU.label: got \'$x^2$\'; expected KEY=VALUE in Hydra\'s override syntax, special characters quoted: scenario.parties.RU.label=\'"..."\' (LexerNoViableAltException: scenario.parties.RU.label=$x^2$)'),
    (['mediator=sea_first', 'scenario=symmetric_textbook'],
     "negsim: error: configs/mediator/sea_first.yaml: mediator.ladder[0][0]: got 'sea'; expected a stage of scenario symmetric_textbook: settlement"),
    # issue 17: a delay tactic is a registered unit; its name and parameters are checked
    (['scenario.parties.RU.delay.tactic=bluff'],
     "negsim: error: command line: scenario.parties.RU.delay.tactic: got 'bluff'; expected a delay tactic: " + ", ".join(TACTICS.names())),
    (['mediator.style=bully'],
     "negsim: error: command line: mediator.style: got 'bully'; expected a mediator style: " + ", ".join(STYLES.names())),
    (['+scenario.parties.RU.delay.parameters.margin_rounds=2'],
     "negsim: error: command line: scenario.parties.RU.delay.parameters.margin_rounds: got <unknown key>; expected a parameter of delay tactic 'attrition' (none)"),
    (['scenario.parties.UA.concession.style=stubborn'],
     "negsim: error: command line: scenario.parties.UA.concession.style: got 'stubborn'; expected a concession style: " + ", ".join(CONCESSIONS.names())),
    (['scenario.parties.UA.concession.style=resource_dependent', '+scenario.parties.UA.concession.parameters.endurance=0'],
     "negsim: error: command line: scenario.parties.UA.concession.parameters.endurance: got 0.0; expected a number in [1e-06, 10] (cost of war borne at which the party has conceded its whole opening margin, share of the stake)"),
    (['scenario.stages.sea.collapse.rule=never'],
     "negsim: error: command line: scenario.stages.sea.collapse.rule: got 'never'; expected a stage rule: " + ", ".join(STAGE_RULES.names())),
    (['scenario.stages.sea.collapse.rule=chance', '~scenario.stages.sea.collapse.parameters', '+scenario.stages.sea.collapse.parameters.per_report=1.5'],
     "negsim: error: command line: scenario.stages.sea.collapse.parameters.per_report: got 1.5; expected a number in [0, 1] (chance that one reported violation breaks the truce, probability)"),
    (['scenario.stages.sea.collapse.parameters.tolerance=0'],
     "negsim: error: command line: scenario.stages.sea.collapse.parameters.tolerance: got 0.0; expected a number in [0.01, 10000] (reported violations a week the truce's parties live with: the scale of a violation's seriousness, reports per week)"),
    # issue 19: who chooses the terms
    (['mediator.proposal.rule=auction'],
     "negsim: error: command line: mediator.proposal.rule: got 'auction'; expected a proposal rule: nash, screening"),
    (['mediator.proposal.rule=screening'],
     "negsim: error: configs/mediator_common.yaml: mediator.proposal.proposer: got <missing>; expected the proposing party, which screening needs: RU, UA"),
    (['mediator.proposal.rule=screening', 'mediator.proposal.proposer=XX'],
     "negsim: error: command line: mediator.proposal.proposer: got 'XX'; expected a party name: RU, UA"),
    (['mediator.proposal.battle_reading_sd=0.001'],
     "negsim: error: command line: mediator.proposal.battle_reading_sd: got 0.001; expected null under proposal rule nash: only a rule that screens (screening) holds a belief they inform"),
    (['mediator.proposal.alternate=true'],
     "negsim: error: command line: mediator.proposal.alternate: got True; expected false under proposal rule nash: only a rule that screens (screening) has parties that propose"),
    (['mediator.proposal.rule=screening', 'mediator.proposal.proposer=RU', 'mediator.proposal.alternate=maybe'],
     "negsim: error: command line: mediator.proposal.alternate: got 'maybe'; expected true or false"),
    (['mediator.proposal.rule=screening', 'mediator.proposal.proposer=RU', 'mediator.proposal.disclosure_sd=-1'],
     "negsim: error: command line: mediator.proposal.disclosure_sd: got -1; expected a number in [0, 1e+06]"),
    (['scenario.issues.sea_ceasefire.kind=line_of_control'],
     "negsim: error: configs/scenario/black_sea_2025.yaml: scenario.issues.sea_ceasefire.line: got <missing>; expected a line {position, mobility}, which a line_of_control issue needs"),
    (['+scenario.issues.sea_ceasefire.line={position: 0.5}'],
     "negsim: error: command line: scenario.issues.sea_ceasefire.line: got '{...}'; expected null unless kind is line_of_control"),
    (['scenario.issues.sea_ceasefire.kind=line_of_control', '+scenario.issues.sea_ceasefire.line={position: 1.5}'],
     "negsim: error: command line: scenario.issues.sea_ceasefire.line.position: got 1.5; expected a number in [0, 1]"),
    (['scenario.issues.sea_ceasefire.kind=line_of_control', '+scenario.issues.sea_ceasefire.line={position: 0.5}'],
     "negsim: error: configs/scenario/black_sea_2025.yaml: scenario.issues.sea_ceasefire.status_quo: got 0.0; expected null on a line_of_control issue (its terms are the line)"),
    (['scenario.issues.donetsk.kind=line_of_control', '+scenario.issues.donetsk.line={position: 0.5}'],
     "negsim: error: command line: scenario.issues.donetsk.kind: got 'line_of_control'; expected divisible or indivisible: parties RU draw a red line on it, and a line of control's terms are where the war puts it, not a proposal"),
    (['mediator.proposal.packages=haggle'],
     "negsim: error: command line: mediator.proposal.packages: got 'haggle'; expected one of: compromise, logrolling"),
    (['scenario.conflict.commitment.renegotiation_share=1.5'],
     "negsim: error: command line: scenario.conflict.commitment.renegotiation_share: got 1.5; expected a number in [0, 1]"),
    (['scenario.stages.sea.guarantee=-0.1'],
     "negsim: error: command line: scenario.stages.sea.guarantee: got -0.1; expected a number in [0, 1]"),
    # issue 20: third parties, conditions precedent and renewals
    (['++scenario.third_parties={EU: {label: EU, role: banker, holds: [RU.sea]}}'],
     "negsim: error: command line: scenario.third_parties.EU.role: got 'banker'; expected a third-party role: guarantor, host, spoiler, veto_player"),
    (['++scenario.third_parties={EU: {label: EU, role: veto_player, holds: [UA.sea]}}'],
     "negsim: error: command line: scenario.third_parties.EU.holds[0]: got 'UA.sea'; expected a side-payment as PARTY.STAGE, one of the parties' linkages: RU.sea"),
    (['++scenario.third_parties={EU: {label: EU, role: veto_player, holds: [RU.sea], requires: [peace]}}'],
     "negsim: error: command line: scenario.third_parties.EU.requires[0]: got 'peace'; expected a stage name: sea, energy, full_ceasefire, settlement"),
    (['++scenario.third_parties={EU: {label: EU, role: veto_player, holds: []}}'],
     'negsim: error: command line: scenario.third_parties.EU.holds: got []; expected at least one side-payment as PARTY.STAGE: a veto_player approves the side-payments it holds'),
    (['++scenario.third_parties={RU: {label: EU, role: veto_player, holds: [RU.sea]}}'],
     "negsim: error: command line: scenario.third_parties.RU: got 'RU'; expected a name that is not a party's (a party is not a third party)"),
    (['++scenario.third_parties={EU: {label: EU, role: veto_player, holds: [RU.sea], parameters: {exception_per_day: 2}}}'],
     'negsim: error: command line: scenario.third_parties.EU.parameters.exception_per_day: got 2.0; expected a number in [0, 1] (daily chance it approves while its conditions are unmet (an exception it grants), probability)'),
    (['++scenario.third_parties={EU: {label: EU, role: veto_player, holds: [RU.sea]}, US: {label: US, role: veto_player, holds: [RU.sea]}}'],
     "negsim: error: command line: scenario.third_parties.US.holds[0]: got 'RU.sea'; expected a side-payment no other third party holds (EU does)"),
    (['+scenario.stages.full_ceasefire.renewal_days=30'],
     'negsim: error: command line: scenario.stages.full_ceasefire.renewal_days: got 30; expected null for an open-ended stage (duration_days null): only a time-limited truce is renewed'),
    (['scenario.parties.RU.renewal.rule=never'],
     "negsim: error: command line: scenario.parties.RU.renewal.rule: got 'never'; expected a renewal rule: " + ", ".join(RENEWALS.names())),
    (['scenario.parties.RU.renewal.rule=fixed_chance', '~scenario.parties.RU.renewal.parameters',
      '+scenario.parties.RU.renewal.parameters={chance: 1.5}'],
     'negsim: error: command line: scenario.parties.RU.renewal.parameters.chance: got 1.5; expected a number in [0, 1] (chance it renews the truce at each term, probability)'),
    (['+scenario.stages.full_ceasefire.conditions.deadline_days=0'],
     'negsim: error: command line: scenario.stages.full_ceasefire.conditions.deadline_days: got 0; expected a whole number in [1, 1e+06]'),
    (['+scenario.stages.full_ceasefire.conditions.setup_days=-1'],
     'negsim: error: command line: scenario.stages.full_ceasefire.conditions.setup_days: got -1; expected a number in [0, 1e+06]'),
    (['mediator.agenda.rule=wander'],
     "negsim: error: command line: mediator.agenda.rule: got 'wander'; expected an agenda rule: " + ", ".join(AGENDAS.names())),
    (['mediator.agenda.rule=skip_blocked', '+mediator.agenda.parameters.after_rounds=0'],
     'negsim: error: command line: mediator.agenda.parameters.after_rounds: got 0.0; expected a number in [1, 1000] (rounds of talks on a tier before it tables the next one beside it, rounds)'),
    # issue 18: forecast questions are checked whole against the scenario
    (['questions=nosuch'],
     f"negsim: error: questions: got 'nosuch'; expected one of {QUESTION_SETS}"),
    (['+questions.q={text: x, event: signed, stage: moon, by_day: 3}'],
     "negsim: error: command line: questions.q.stage: got 'moon'; expected a stage of scenario black_sea_2025: sea, energy, full_ceasefire, settlement"),
    (['+questions.q={text: x, event: agreement, by_date: "2025-03-01"}'],
     "negsim: error: command line: questions.q.by_date: got '2025-03-01'; expected day 0 or later (on or after the scenario's start_date)"),
    (['+questions.a={text: x, not: b}', '+questions.b={text: y, not: a}'],
     "negsim: error: command line: questions.a: got 'a -> b -> a'; expected questions that do not refer to themselves through others"),
    # a tactic or a style names the stages it applies to, and a stage's own values
    (['+scenario.parties.RU.delay.stages=[seas]'],
     "negsim: error: command line: scenario.parties.RU.delay.stages[0]: got 'seas'; expected a stage name: sea, energy, full_ceasefire, settlement"),
    (['+scenario.parties.RU.delay.per_stage={sea: {margin_rounds: 2}}'],
     "negsim: error: command line: scenario.parties.RU.delay.per_stage.sea.margin_rounds: got <unknown key>; expected one of prize, cost_per_day (the delay tactic 'attrition' and its party's values)"),
    (['+scenario.parties.UA.concession.stages=[settlement]', '+scenario.parties.UA.concession.per_stage={sea: {concession_exponent: 2}}'],
     "negsim: error: command line: scenario.parties.UA.concession.per_stage.sea: got <unknown key>; expected a stage it applies to: settlement"),
    (['scenario.initial.energy.status=signed'],
     "negsim: error: command line: scenario.initial.energy.status: got 'signed'; expected one of in_force, pending"),
    (['+scenario.initial.nowhere={status: in_force, terms: {x: 1.0}}'],
     "negsim: error: command line: scenario.initial: got 'nowhere'; expected a stage name: sea, energy, full_ceasefire, settlement"),
    (['scenario.initial.energy.days_ago=30'],
     'negsim: error: command line: scenario.initial.energy.days_ago: got 30; expected fewer than its term, duration_days (30): else it ended before day 0'),
    (['+scenario.initial.full_ceasefire={status: pending, terms: {full_ceasefire: 1.0}}'],
     "negsim: error: command line: scenario.initial.full_ceasefire.status: got 'pending'; expected in_force: the stage has no conditions precedent to wait on"),
    (['scenario.initial.sea.days_ago=31'],
     "negsim: error: command line: scenario.initial.sea.days_ago: got 31; expected at most its conditions' deadline_days (30): else it lapsed before day 0"),
    (['scenario.initial.energy.terms.energy_moratorium=1.5'],
     'negsim: error: command line: scenario.initial.energy.terms.energy_moratorium: got 1.5; expected a number in [0, 1]'),
]


FILES = [  # (file name, bytes) written into a user config folder given with --config-dir
    ("scenario/broken.yaml", b"name: [1, 2\n",
     "scenario/broken.yaml:2:1: got broken YAML (expected ',' or ']', but got '<stream end>'); "
     "expected valid YAML"),
    ("scenario/latin1.yaml", b"name: caf\xe9\n",
     "scenario/latin1.yaml: got byte 0xe9 at offset 9; expected UTF-8 text"),
    ("scenario/bomb.yaml", b"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
     b"c: [*b, *b, *b, *b, *b, *b, *b, *b]\n",
     "scenario/bomb.yaml:1: got a YAML anchor or alias; expected plain YAML (anchors and "
     "aliases are refused: they can expand without bound)"),
    ("scenario/twice.yaml", b"name: a\nhorizon_days: 10\nname: b\n",
     "scenario/twice.yaml:3:1: got broken YAML (key 'name' appears twice); expected valid YAML"),
    ("mediator/tab.yaml", b"strategy: x\n\tladder: []\n",
     "mediator/tab.yaml:2:1: got broken YAML (found character '\\t' that cannot start any "
     "token); expected valid YAML"),
]


def refused(args: list[str]) -> list[str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        precheck(args)
    assert stopped.value.code == 2
    return err.getvalue().strip().splitlines()


@pytest.mark.parametrize(("args", "message"), CORPUS + MORE,
                         ids=[" ".join(a)[:60] for a, _ in CORPUS + MORE])
def test_bad_input_gets_its_message(args, message):
    lines = refused(args)
    assert "\n".join(lines) == message
    assert all(line.startswith("negsim: error: ") for line in lines)


@pytest.mark.parametrize(("name", "content", "message"), FILES, ids=[f[0] for f in FILES])
def test_a_bad_config_file_is_named_with_its_problem(tmp_path: Path, name, content, message):
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    lines = refused(["--config-dir", str(tmp_path)])
    assert lines == [f"negsim: error: {tmp_path}/{message}"]


def test_the_corpus_is_large_enough():
    assert len(CORPUS) + len(FILES) >= 40
    assert len(MORE) + len(FOLDERS) + len(MULTIRUN) + len(SAVED) >= 40  # issue 16's cases


def test_a_user_scenario_file_is_named_in_the_message(tmp_path: Path):
    from tests.conftest import ROOT

    text = (ROOT / "configs" / "scenario" / "symmetric_textbook.yaml").read_text()
    (tmp_path / "scenario").mkdir()
    (tmp_path / "scenario" / "mine.yaml").write_text(
        text.replace("name: symmetric_textbook", "name: mine").replace(
            "    capability: 1.0", "    capability: -2.0", 1))
    lines = refused(["--config-dir", str(tmp_path), "scenario=mine", "mediator=neutral",
                     "runs=0"])
    assert lines == [
        "negsim: error: command line: runs: got 0; expected a whole number in [1, 1e+09]",
        f"negsim: error: {tmp_path}/scenario/mine.yaml: scenario.parties.A.capability: got -2.0; "
        "expected a number in (0, 1e+06]"]


def _folder_named_yaml(root: Path) -> None:
    (root / "scenario" / "x.yaml").mkdir(parents=True)


def _dangling_link(root: Path) -> None:
    (root / "scenario").mkdir()
    (root / "scenario" / "gone.yaml").symlink_to(root / "nowhere")


def _fifo(root: Path) -> None:
    import os

    (root / "scenario").mkdir()
    os.mkfifo(root / "scenario" / "pipe.yaml")


def _deep(root: Path) -> None:
    (root / "scenario").mkdir()
    (root / "scenario" / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")


def _environment(root: Path) -> None:
    (root / "scenario").mkdir()
    (root / "scenario" / "env.yaml").write_text("name: x\ndescription: ${oc.env:HOME}\n")


def _huge(root: Path) -> None:
    (root / "scenario").mkdir()
    with open(root / "scenario" / "huge.yaml", "wb") as handle:
        handle.truncate(11 * 2**20)


def _bare(root: Path) -> None:
    (root / "notes").mkdir()


FOLDERS = [  # (what is laid into a folder given with --config-dir, the message after it)
    (_folder_named_yaml, "/scenario/x.yaml: got a folder; expected a YAML file"),
    (_dangling_link, "/scenario/gone.yaml: got a link to nothing; expected a YAML file"),
    (_fifo, "/scenario/pipe.yaml: got a special file (a pipe, socket or device); expected a "
            "YAML file"),
    (_deep, "/scenario/deep.yaml: got YAML nested too deeply to read; expected a config file "
            "of a few levels"),
    (_environment, "/scenario/env.yaml:2: got ${oc.env:...}; expected values written in the "
                   "file (a result must not depend on the environment it ran in)"),
    (_huge, "/scenario/huge.yaml: got 11,534,336 bytes; expected a config file of at most "
            "10 MiB"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("lay", "message"), FOLDERS, ids=[f[0].__name__ for f in FOLDERS])
def test_a_config_folder_that_would_hang_or_crash_is_refused(tmp_path: Path, lay, message):
    lay(tmp_path)
    assert refused(["--config-dir", str(tmp_path)]) == [f"negsim: error: {tmp_path}{message}"]


@pytest.mark.parametrize(("given", "message"), [
    ("/no/such/folder", "got '/no/such/folder' (nothing there); expected a folder of configs"),
    ("/", "got '/'; expected a folder laid out like configs/, with at least one of scenario/, "
          "mediator/, montecarlo/, report/, experiment/"),
])
def test_a_config_folder_that_is_not_one_is_refused(given, message):
    assert refused(["--config-dir", given]) == [f"negsim: error: --config-dir: {message}"]


def test_a_bare_folder_is_not_a_config_folder(tmp_path: Path):
    _bare(tmp_path)
    assert refused(["--config-dir", str(tmp_path)]) == [
        f"negsim: error: --config-dir: got '{tmp_path}'; expected a folder laid out like "
        "configs/, with at least one of scenario/, mediator/, montecarlo/, report/, experiment/"]


MULTIRUN = [  # a multirun checks every job first: nothing runs, no folder is made
    (["--multirun", "runs=0,10"],
     "negsim: error: command line: runs: got 0; expected a whole number in [1, 1e+09]"),
    (["--multirun", "mediator=sea_first,bully"],
     f"negsim: error: mediator: got 'bully'; expected one of {MEDIATORS}"),
    (["-m", "scenario.colour=red,blue"],
     "negsim: error: command line: scenario.colour: got <unknown key>; expected a key the "
     "config has (use +scenario.colour=... only to add a new one)"),
    (["--multirun", "seed=range(0,100000)", "runs=range(1,100)"],
     "negsim: error: --multirun: got 9,900,000 jobs; expected at most 10,000"),
    (["--cfg", "job", "runs=0"],
     "negsim: error: command line: runs: got 0; expected a whole number in [1, 1e+09]"),
]


@pytest.mark.parametrize(("args", "message"), MULTIRUN, ids=[" ".join(a) for a, _ in MULTIRUN])
def test_a_multirun_or_a_config_dump_is_checked_like_a_run(tmp_path, monkeypatch, args, message):
    import sys

    import sim.cli.main as cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["negsim", *args])
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        cli._main(args)
    assert stopped.value.code == 2
    assert err.getvalue().strip() == message
    assert not list(tmp_path.iterdir())  # nothing written


def test_a_multirun_with_an_anchor_in_a_user_file_is_refused(tmp_path, monkeypatch):
    """Before, a YAML anchor refused in a single run ran under --multirun."""
    import sim.cli.main as cli

    (tmp_path / "scenario").mkdir()
    (tmp_path / "scenario" / "a.yaml").write_bytes(b"x: &a 1\ny: *a\n")
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        cli._main(["--multirun", "--config-dir", str(tmp_path), "runs=5,6"])
    assert stopped.value.code == 2
    assert "got a YAML anchor or alias" in err.getvalue()


def _saved_run(tmp_path: Path) -> Path:
    """A small finished run, written once per test session."""
    from sim.jobs.run import run
    from tests.conftest import (
        ROOT,  # noqa: F401 - the project's configs
        composed,
    )

    folder = tmp_path / "run"
    run(composed("runs=50", "montecarlo.progress=false", "scenario.horizon_days=60"), folder,
        echo=lambda _: None, argv=["test"])
    return folder


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


SAVED = [  # (program, how the saved folder is spoiled, the message after "PROGRAM: error: ")
    ("negsim-report", lambda f: _cut(f / "summary.json"),
     "{f}/summary.json: got a file that is not whole JSON (cut short or edited?); expected "
     "the summary negsim wrote"),
    ("negsim-report", lambda f: (f / "summary.json").write_text(""),
     "{f}/summary.json: got a file that is not whole JSON (cut short or edited?); expected "
     "the summary negsim wrote"),
    ("negsim-report", lambda f: (f / "summary.json").write_text("[1, 2]"),
     "{f}/summary.json: got list content; expected the summary negsim wrote"),
    ("negsim-report", lambda f: _cut(f / "runs.parquet"),
     "{f}/runs.parquet: got a file Parquet cannot read (Parquet magic bytes not found in "
     "footer. Either the file is corrupted or this is not a parquet file.); expected the table "
     "negsim wrote"),
    ("negsim-report", lambda f: (f / "summary.json").write_text('{"kind": "run"}'),
     "{f}: got results negsim-report cannot read (KeyError: 'stages'); expected a "
     "results folder written by negsim"),
    ("negsim-collect", lambda f: None,
     "{f}: got no finished job (folders 0, 1, ... with a summary.json); expected a Hydra "
     "multirun folder"),
]


@pytest.mark.parametrize(("program", "spoil", "message"), SAVED,
                         ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(SAVED)])
@pytest.mark.slow
def test_a_spoiled_results_folder_gets_one_line(tmp_path, monkeypatch, program, spoil, message):
    import sys

    import sim.cli.collect as collect
    import sim.cli.report as report_cli

    folder = _saved_run(tmp_path)
    spoil(folder)
    before = sorted(p.name for p in folder.rglob("*"))
    monkeypatch.setattr(sys, "argv", [program, str(folder)])
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        (report_cli.main if program == "negsim-report" else collect.main)(
            *([[str(folder)]] if program == "negsim-report" else []))
    assert stopped.value.code == 2
    assert err.getvalue().strip() == f"{program}: error: " + message.format(f=folder)
    assert sorted(p.name for p in folder.rglob("*")) == before  # nothing written


@pytest.mark.parametrize("program", ["negsim-report", "negsim-collect"])
def test_a_missing_folder_is_named(tmp_path, monkeypatch, program):
    import sys

    import sim.cli.collect as collect
    import sim.cli.report as report_cli

    missing = tmp_path / "nowhere"
    monkeypatch.setattr(sys, "argv", [program, str(missing)])
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        (report_cli.main if program == "negsim-report" else collect.main)(
            *([[str(missing)]] if program == "negsim-report" else []))
    assert stopped.value.code == 2
    assert err.getvalue().strip() == (f"{program}: error: {missing}: got nothing there; "
                                      "expected a results folder")


def test_the_app_refuses_a_busy_port_before_it_says_it_serves(capsys):
    import socket

    from sim.app.serve import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SystemExit) as stopped:
            main(["--port", str(port)])
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert "serving on" not in out
    assert err.strip() == (f"negsim-app: --port: got {port}; expected a port free on "
                           "127.0.0.1 (Address already in use)")


@pytest.mark.parametrize("scenario", shipped("scenario").split(", "))
def test_every_shipped_scenario_runs_with_no_other_override(scenario):
    """`negsim scenario=symmetric_textbook` failed: the baseline's ladder does not fit it."""
    chosen = precheck([f"scenario={scenario}"])
    assert chosen.scenario.name == scenario
    own = re.search(r"override /mediator@_global_\.mediator: (\w+)",
                    (CONFIGS / "scenario" / f"{scenario}.yaml").read_text())
    assert own and chosen.mediator.strategy == own.group(1)  # the mediator its file names


def test_a_party_named_no_is_not_read_as_false(tmp_path: Path):
    """`NO:` as a party's key became the party `False`."""
    from tests.conftest import ROOT

    text = (ROOT / "configs" / "scenario" / "symmetric_textbook.yaml").read_text()
    (tmp_path / "scenario").mkdir()
    (tmp_path / "scenario" / "mine.yaml").write_text(
        text.replace("name: symmetric_textbook", "name: mine").replace("\n  A:", "\n  NO:"))
    lines = refused(["--config-dir", str(tmp_path), "scenario=mine"])
    assert lines[0] == (f"negsim: error: {tmp_path}/scenario/mine.yaml: scenario.parties: got "
                        "False; expected names as keys (YAML reads an unquoted NO, yes, on or "
                        "off as a boolean and 1 as a number: quote them, 'NO':)")
