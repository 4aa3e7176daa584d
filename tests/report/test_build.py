"""Reports: every figure in the formats asked (PNG, SVG, PDF); tables; escaping; rebuilt
identically."""

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sim.report.build import build_report

RUN_FIGURES = {"agreement", "stage_funnel", "time_to_agreement", "truce_survival", "episode",
               "convergence", "terms", "questions"}


def figures(folder: Path) -> set[str]:
    return {p.stem for p in (folder / "figures").glob("*.png")}


def test_a_run_report_has_every_run_figure_in_png_svg_and_pdf(run_folder):
    assert figures(run_folder) == RUN_FIGURES
    assert {p.stem for p in (run_folder / "figures").glob("*.svg")} == RUN_FIGURES
    assert (run_folder / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (run_folder / "report.pdf").read_bytes().count(b"/Type /Page") >= len(RUN_FIGURES)
    table = pd.read_csv(run_folder / "summary.csv")
    assert table["estimate"].iloc[0] == "agreement"
    assert "| estimate" in (run_folder / "summary.md").read_text()


def test_the_report_states_each_forecast_question_and_its_answer(run_folder):
    page = (run_folder / "report.html").read_text()
    assert "<h2>Forecast questions</h2>" in page
    assert "Will a peace settlement be signed within a year (by 25 March 2026)?" in page
    table = pd.read_csv(run_folder / "summary.csv")
    assert "question settlement_within_a_year" in set(table["estimate"])


def test_the_report_opens_with_the_result_in_words(run_folder):
    page = (run_folder / "report.html").read_text()
    assert "Under sea-first mediation (leverage)" in page
    assert "a comprehensive agreement within 365 days:" in page and "95% CI" in page
    assert "Parameters and their sources" in page and "F7" in page
    assert "Root seed: <code>5</code>" in page


def test_a_comparison_report_compares_the_strategies(sweep_folder):
    assert {"agreement", "stage_funnel", "time_to_agreement", "convergence"} <= figures(sweep_folder)
    page = (sweep_folder / "report.html").read_text()
    assert "Across 5 points varying mediator" in page


def test_a_two_parameter_grid_gets_a_heatmap_and_no_per_point_curves(grid_folder):
    found = figures(grid_folder)
    assert "sweep_heatmap" in found and "time_to_agreement" not in found


def test_a_multirun_folder_is_reported_like_a_sweep(multirun_folder):
    build_report(multirun_folder)
    assert "agreement" in figures(multirun_folder)
    assert "Across 2 points varying seed" in (multirun_folder / "report.html").read_text()


def test_config_text_is_escaped_in_the_html(tmp_path):
    from sim.jobs.run import run
    from tests.conftest import composed

    cfg = composed("runs=30", "montecarlo.progress=false", "name=escaping")
    cfg["scenario"]["name"] = "<script>alert('x')</script>"
    cfg["scenario"]["stages"]["sea"]["label"] = "<b>sea</b>"
    run(cfg, tmp_path, echo=lambda _: None, argv=["negsim"])
    page = (tmp_path / "report.html").read_text()
    assert "<script>" not in page and "<b>sea</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_negsim_report_rebuilds_the_same_figures_from_saved_results(run_folder, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(run_folder, copy)
    original = {p.name: p.read_bytes() for p in (run_folder / "figures").iterdir()}
    shutil.rmtree(copy / "figures")
    for name in ("report.html", "report.pdf", "summary.csv", "summary.md"):
        (copy / name).unlink()
    script = Path(sys.executable).with_name("negsim-report")
    done = subprocess.run([str(script), str(copy), "--formats", "png", "svg", "pdf"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rebuilt = {p.name: p.read_bytes() for p in (copy / "figures").iterdir()}
    assert rebuilt == original
    assert (copy / "report.html").exists() and (copy / "report.pdf").exists()


def test_the_report_code_never_imports_the_model(run_folder, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(run_folder, copy)
    code = ("import sys; from pathlib import Path; from sim.report.build import build_report; "
            f"build_report(Path({str(copy)!r})); "
            "print([m for m in sys.modules if m in ('sim.engine.model', 'sim.engine.agents', 'mesa')])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_report_writes_only_the_figure_files_asked_and_drops_stale_ones(run_folder, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(run_folder, copy)
    build_report(copy)  # the default: PNG files only
    assert figures(copy) == RUN_FIGURES
    assert not list((copy / "figures").glob("*.svg")) and not (copy / "report.pdf").exists()
    build_report(copy, formats=("svg",))
    assert not figures(copy) and len(list((copy / "figures").glob("*.svg"))) == len(RUN_FIGURES)
    assert "data:image/png;base64," in (copy / "report.html").read_text()  # the page keeps PNGs


def test_negsim_report_refuses_an_unknown_format(run_folder):
    script = Path(sys.executable).with_name("negsim-report")
    done = subprocess.run([str(script), str(run_folder), "--formats", "gif"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "invalid choice: 'gif'" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("bad", ["no_such_folder", "empty"])
def test_negsim_report_on_a_bad_folder_says_so(tmp_path, bad):
    target = tmp_path / bad
    if bad == "empty":
        target.mkdir()
    script = Path(sys.executable).with_name("negsim-report")
    done = subprocess.run([str(script), str(target)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "negsim-report: error:" in done.stderr
    assert "Traceback" not in done.stderr


# Python warns of any fork in a process with threads; those here (BLAS, Arrow, jemalloc) are
# idle and register their own fork handlers, and the child only draws and exits.
forking = pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")


@forking
def test_figures_drawn_in_two_processes_are_the_figures_drawn_in_one(run_folder, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for copy in (one, two):
        shutil.copytree(run_folder, copy)
        shutil.rmtree(copy / "figures")
    build_report(one, formats=("png", "svg"))
    build_report(two, formats=("png", "svg"), split=True)
    drawn = {p.name: p.read_bytes() for p in (one / "figures").iterdir()}
    assert len(drawn) == 2 * len(RUN_FIGURES)
    assert {p.name: p.read_bytes() for p in (two / "figures").iterdir()} == drawn
    assert (two / "report.html").read_bytes() == (one / "report.html").read_bytes()


@forking
def test_a_figure_that_fails_in_the_other_process_fails_the_report(tmp_path):
    from sim.report.build import _render
    from sim.report.plan import Plot
    from sim.report.style import new_figure

    def broken():
        raise ValueError("no data to draw")

    plots = [Plot("broken", "", broken), Plot("fine", "", lambda: new_figure()[0])]
    with pytest.raises(RuntimeError, match="ValueError: no data to draw"):
        _render(plots, tmp_path, ("png",), split=True)
    assert (tmp_path / "figures" / "fine.png").exists()  # the other half was drawn


def test_a_sweep_carries_its_forecast_questions_per_point(sweep_folder):
    # The sweep's horizon is 200 days: the questions about later days are not asked.
    table = pd.read_parquet(sweep_folder / "sweep.parquet")
    answered = table["questions.any_truce_day_180.p"]
    assert len(answered) == 5 and answered.between(0, 1).all()
    assert (table["questions.any_truce_day_180.ci_low"] <= answered).all()
    assert "questions.settlement_within_a_year.p" not in table.columns


def test_a_sweep_is_scored_point_by_point(sweep_folder):
    from sim.cli.score import score_folder

    scored = score_folder(sweep_folder, {"any_truce_day_180": False}, None, "outcomes", "")
    assert scored["kind"] == "sweep" and [p["point"] for p in scored["points"]] == [0, 1, 2, 3, 4]
    for point in scored["points"]:
        p = point["questions"]["any_truce_day_180"]["p"]
        assert point["totals"]["mean_brier"] == pytest.approx(p**2)
