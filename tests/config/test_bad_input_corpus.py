"""The corpus of bad inputs: each one is refused before anything runs, with exit code 2 and
one line per problem naming the file (or the command line), the key, the value and what is
allowed. Checked through the same precheck `negsim` runs, in process."""

import contextlib
import io
from pathlib import Path

import pytest

from sim.cli import precheck

SALIENCE = [f"scenario.parties.UA.salience.{k}=0" for k in (
    "demilitarisation", "zaporizhzhia", "kherson", "donetsk", "luhansk", "sea_ceasefire",
    "energy_moratorium", "full_ceasefire")]

CORPUS = [
    (['scenario=atlantis'],
     "negsim: error: scenario: got 'atlantis'; expected one of black_sea_2025, symmetric_textbook"),
    (['mediator=bully'],
     "negsim: error: mediator: got 'bully'; expected one of comprehensive, energy_first, neutral, parallel, sea_first"),
    (['experiment=nope'],
     "negsim: error: experiment: got 'nope'; expected one of baseline, delay_vs_patience, leverage, mediator_bias, mediator_strategies, sensitivity, trust_sweep"),
    (['montecarlo=turbo'],
     "negsim: error: montecarlo: got 'turbo'; expected one of default"),
    (['report=poster'],
     "negsim: error: report: got 'poster'; expected one of default, publication"),
    (['report.formats=[png,gif]'],
     "negsim: error: command line: report.formats: got 'gif'; expected any of png, svg, pdf"),
    (['scenario.colour=red'],
     'negsim: error: command line: scenario.colour: got <unknown key>; expected a key the config has (use +scenario.colour=... only to add a new one)'),
    (['+scenario.colour=red'],
     'negsim: error: command line: scenario.colour: got <unknown key>; expected one of name, description, horizon_days, round_interval_days, issues, parties, stages, conflict, monitoring, provenance'),
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
     'negsim: error: command line: scenario.stages.sea.hold_days: got 0; expected a whole number in [1, 1e+06]'),
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
     "negsim: error: command line: sweep.design: got 'random'; expected one of grid, lhs, sobol, morris"),
    (['mediator.bias.RU=1.5'],
     'negsim: error: command line: mediator.bias.RU: got 1.5; expected a number in [-0.99, 0.99]'),
    (['runs=[1'],
     "negsim: error: command line: runs: got '[1'; expected KEY=VALUE in Hydra's override syntax (no viable alternative at input '[1')"),
    (['scenario.stages.energy.hold_days=45'],
     'negsim: error: command line: scenario.stages.energy.hold_days: got 45; expected at most duration_days (30)'),
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


@pytest.mark.parametrize(("args", "message"), CORPUS, ids=[" ".join(a)[:60] for a, _ in CORPUS])
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
