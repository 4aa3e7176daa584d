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
