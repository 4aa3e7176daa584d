"""What the report's figures show a reader: text that reads as text."""

import pytest

from sim.report.data import load_results
from sim.report.plan import run_plots, sweep_plots


def _labels(fig) -> list[str]:
    """Every text a drawn figure shows: titles, axis labels, tick labels, legends, notes."""
    fig.canvas.draw()
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return [t for t in texts if t]


@pytest.mark.parametrize("folder", ["run_folder", "sweep_folder"])
def test_no_figure_shows_markup_in_its_labels(folder, request):
    """Log-scale ticks once printed as `$\\mathdefault{10^{2}}$`: every label reads as text."""
    results = load_results(request.getfixturevalue(folder))
    plots = sweep_plots(results) if folder == "sweep_folder" else run_plots(results)
    for plot in plots:
        fig = plot.draw()
        shown = _labels(fig)
        assert shown, plot.name
        assert not [t for t in shown if "$" in t or "mathdefault" in t], plot.name


def test_a_run_with_no_agreement_says_so_in_a_sentence_instead_of_empty_figures(tmp_path):
    """Under the classic form the baseline never reaches agreement: its report has no
    agreement, time-to-agreement or terms figure, but a sentence for each, and it opens with how
    far each stage got."""
    from sim.jobs.run import run
    from tests.conftest import composed

    args = ("model=classic", "runs=200", "montecarlo.chunk_size=200", "montecarlo.progress=false")
    run(composed(*args), tmp_path, echo=lambda _: None, argv=["negsim", *args])
    drawn = {p.stem for p in (tmp_path / "figures").iterdir()}
    assert not {"agreement", "time_to_agreement", "terms"} & drawn
    assert {"stage_funnel", "convergence"} <= drawn
    page = (tmp_path / "report.html").read_text()
    assert "No replicate reached a comprehensive agreement within 365 days (0 of 200" in page
    assert page.count('<p class="nothing">') == 3
    assert page.index("Along the sea-first ladder, of 200 simulated years: sea signed in 100% (in "
                      "force in") < page.index("Under sea-first mediation")
