"""The app's model and server, without a browser: levers in, one traced episode out."""

import io
import subprocess
import sys
import tarfile

import pytest

from sim.app.levers import Levers
from sim.app.page import START, EpisodeModel, fitting
from sim.app.serve import PINNED, packages_needed, prepare_assets


def test_the_app_model_is_one_traced_episode_of_the_configured_baseline(baseline):
    model = EpisodeModel()
    assert model.replicates == 1 and model.events is not None
    assert model.levers == START and model.notice == ""
    assert model.world == baseline.scenario and model.mediator_spec == baseline.mediator


def test_the_same_seed_replays_the_same_episode():
    first, second = EpisodeModel(seed="5"), EpisodeModel(seed=5)
    for _ in range(60):
        first.step()
        second.step()
    assert first.events.rows == second.events.rows


def test_a_slider_value_reaches_the_model():
    model = EpisodeModel(trust_first=0.9, patience_rounds=15.0)
    prior = model.world.parties["RU"].trust["UA"]
    assert prior.alpha / (prior.alpha + prior.beta) == pytest.approx(0.9)
    assert model.mediator_spec.patience_rounds == 15


def test_a_strategy_that_does_not_fit_the_scenario_is_replaced_and_said_so():
    model = EpisodeModel(scenario_name="symmetric_textbook", strategy="sea_first")
    assert model.levers.strategy != "sea_first"
    assert model.levers.strategy == "neutral"  # the scenario's own
    assert model.notice == ("Strategy sea_first does not fit scenario symmetric_textbook (its "
                            "ladder names stages the scenario does not have); using strategy "
                            "neutral instead.")
    assert fitting(Levers(scenario="symmetric_textbook", strategy="neutral"))[2] == ""


def test_an_ended_episode_stays_where_it_ended():
    model = EpisodeModel(scenario_name="symmetric_textbook", strategy="neutral")
    while model.running:
        model.step()
    ended, rows = model.day, len(model.events.timeline)
    for _ in range(7):  # the controls step a week at a time, past the end
        model.step()
    assert (model.day, len(model.events.timeline)) == (ended, rows)


def test_a_seed_that_is_not_a_number_falls_back_and_says_so():
    model = EpisodeModel(seed="tomorrow")
    assert model.levers.seed == START.seed and "'tomorrow' is not a whole number" in model.notice


def test_the_model_never_imports_the_app():
    code = ("import sys, sim.engine.model, sim.jobs.run; "
            "print('sim.app.page' in sys.modules, 'solara' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_page_scripts_solara_needs_are_found_in_its_templates():
    names = {name for name, _ in packages_needed()}
    assert {"requirejs", "font-awesome", "@widgetti/vue-grid-layout"} <= names
    assert PINNED.search("/npm/@widgetti/vue-grid-layout@2.3.13-alpha.2/dist/x.js").groups() == (
        "@widgetti/vue-grid-layout", "2.3.13-alpha.2")


def _package(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_page_scripts_are_fetched_once_from_the_npm_registry_into_the_proxy_cache(tmp_path):
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return _package({"dist/lib.js": b"// lib"})

    wanted = {("@scope/lib", "1.2.3-alpha.1"), ("plain", "2.0.0")}
    assert prepare_assets(tmp_path, wanted, fetch) == ["@scope/lib@1.2.3-alpha.1", "plain@2.0.0"]
    assert (tmp_path / "@scope" / "lib@1.2.3-alpha.1" / "dist" / "lib.js").read_bytes() == b"// lib"
    assert asked == ["https://registry.npmjs.org/@scope/lib/-/lib-1.2.3-alpha.1.tgz",
                     "https://registry.npmjs.org/plain/-/plain-2.0.0.tgz"]
    assert prepare_assets(tmp_path, wanted, fetch) == [] and len(asked) == 2  # cached


def test_a_failed_download_leaves_no_half_package(tmp_path):
    def fetch(url: str) -> bytes:
        raise OSError("registry unreachable")

    with pytest.raises(OSError):
        prepare_assets(tmp_path, {("plain", "2.0.0")}, fetch)
    assert not (tmp_path / "plain@2.0.0").exists()


def test_the_server_refuses_a_bad_port_in_one_line():
    out = subprocess.run([sys.executable, "-m", "sim.app.serve", "--port", "70000"],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.strip() == "negsim-app: --port: got 70000; expected a port number 0-65535"


def test_the_panels_share_one_build_of_the_tables_per_day():
    model = EpisodeModel()
    model.step()
    first = model.tables()
    assert model.tables() is first  # every panel of one render reads the same tables
    model.step()
    timeline, _ = model.tables()
    assert model.tables() is not first and timeline["day"].tolist() == [1, 2]


def test_choosing_a_scenario_sets_its_own_levers_and_mediator():
    """The baseline's lever values used to carry over into another scenario."""
    from sim.app.page import lever_values

    values = lever_values("symmetric_textbook", "3")
    model = EpisodeModel(**values)
    assert model.levers.strategy == "neutral" and model.notice == ""
    assert model.world.parties["A"].trust["B"].alpha == 1.0  # the scenario's own prior
    assert model.mediator_spec.bias == {}


def test_the_controls_name_the_chosen_scenarios_parties():
    from sim.app.page import _party_labels

    assert _party_labels("black_sea_2025") == ("Russia", "Ukraine")
    assert _party_labels("symmetric_textbook") == ("Party A", "Party B")


def test_the_app_offers_the_scenarios_of_a_users_config_folder(tmp_path, monkeypatch):
    from sim.app import levers
    from tests.conftest import ROOT

    text = (ROOT / "configs" / "scenario" / "symmetric_textbook.yaml").read_text()
    (tmp_path / "scenario").mkdir()
    (tmp_path / "scenario" / "mine.yaml").write_text(
        text.replace("name: symmetric_textbook", "name: mine"))
    monkeypatch.setenv(levers.CONFIG_DIRS, str(tmp_path))
    levers._composed.cache_clear()
    try:
        assert "mine" in levers.options("scenario")
        model = EpisodeModel(scenario_name="mine")
        assert model.world.name == "mine" and model.levers.strategy == "neutral"
    finally:
        levers._composed.cache_clear()
