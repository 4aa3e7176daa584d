"""Write a report: one self-contained `report.html` (figures embedded, nothing fetched, every text
from configs escaped), the summary table as CSV and Markdown, and the figures as files in the
formats asked: PNG, SVG (text kept as text), all of them in one PDF. Reads saved results only:
it never imports the model.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import os
import pickle
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd

from sim.report.data import Results, load_results
from sim.report.plan import (
    Plot,
    describe,
    describe_ladder,
    describe_sweep,
    input_plots,
    run_plots,
    sweep_plots,
)
from sim.report.scenarios import answer
from sim.report.style import plt
from sim.results.digest import RunDigest
from sim.results.files import FORMATS, write_atomically, write_csv

FIGURES = "figures"
matplotlib.rcParams["svg.hashsalt"] = "negsim"  # stable SVG ids: same results, same files
matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: editable, searchable, quick
STYLE = """body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}h1{font-size:1.6em}p.summary{font-size:1.1em;background:#f3f6fa;
padding:.8em 1em;border-left:4px solid #0072B2}figure{margin:1.5em 0}img{max-width:100%;
border:1px solid #ddd}figcaption{color:#555;font-size:.92em}table{border-collapse:collapse;
font-size:.85em;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;
vertical-align:top}pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em}
p.nothing{color:#555;font-style:italic;margin:1em 0}"""


def summary_table(results: Results) -> pd.DataFrame:
    """The estimates behind the report, as a table (one row per estimate, or per point)."""
    if results.table is not None:
        keep = [c for c in results.table.columns if c.startswith("param.") or c.startswith((
            "agreement.", "agreement_held.", "time_to_agreement_days."))]
        first = ["point", "variant"] if "variant" in results.table else ["point"]
        return results.table[[*first, *keep]]
    s, rows = results.summary, []
    for key in ("agreement", "agreement_held"):
        rows.append({"estimate": key, "value": s[key]["p"], "ci_low": s[key]["ci_low"],
                     "ci_high": s[key]["ci_high"]})
    for stage, v in s["stages"].items():
        for what in v["ci"]:
            rows.append({"estimate": f"stage {stage} {what.replace('_', ' ')}",
                         "value": v[f"p_{what}"],
                         "ci_low": v["ci"][what][0], "ci_high": v["ci"][what][1]})
    for issue, v in s.get("terms_signed", {}).items():
        if v["signed_in"]:
            rows.append({"estimate": f"terms signed on {issue}, median (quartiles; 0-1 scale)",
                         "value": v["median"], "ci_low": v["q25"], "ci_high": v["q75"]})
    for q, value in s["time_to_agreement_days"].items():
        rows.append({"estimate": f"time to agreement {q} (days, Kaplan-Meier)", "value": value})
    for reason, share in s["end_reasons"].items():
        rows.append({"estimate": f"ended: {reason}", "value": share})
    for name, q in s.get("questions", {}).items():
        if "p" in q:
            rows.append({"estimate": f"question {name}", "value": q["p"], "ci_low": q["ci_low"],
                         "ci_high": q["ci_high"]})
        else:
            rows += [{"estimate": f"question {name} {k} (days, Kaplan-Meier)", "value": q[k]}
                     for k in ("q25", "median", "q75")]
    return pd.DataFrame(rows)


def _questions_table(summary: dict[str, Any]) -> str:
    """The forecast questions in words, with their answers."""
    def days(x: float | None) -> str:
        return "not reached" if x is None else f"{x:.0f}"

    rows = [{"question": name, "text": q.get("text", ""), "answer": (
        f"{100 * q['p']:.1f}% ({100 * q['ci_low']:.1f}–{100 * q['ci_high']:.1f}%)" if "p" in q
        else f"median {days(q['median'])} days (quartiles {days(q['q25'])}–{days(q['q75'])})")}
        for name, q in summary.get("questions", {}).items()]
    return "" if not rows else "<h2>Forecast questions</h2>" + _html_table(pd.DataFrame(rows))


def _html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.4g}"
    return str(value)


def _open_pdf(stack: contextlib.ExitStack, path: Path) -> Any:
    """The pages of report.pdf; its backend is imported only when a PDF is asked (it is slow)."""
    from matplotlib.backends.backend_pdf import PdfPages

    return stack.enter_context(PdfPages(path, metadata={"CreationDate": None,
                                                        "Creator": "negsim"}))


def _render(plots: list[Plot], folder: Path, formats: tuple[str, ...],
            split: bool = False) -> list[tuple[Plot, str]]:
    """Draw each figure once: its PNG for the page, and the files `formats` ask for under
    figures/ (pdf: every figure a page of report.pdf). `split`: half of them in a forked copy
    of this process (not with a PDF, whose pages one process writes in order)."""
    out = folder / FIGURES
    out.mkdir(parents=True, exist_ok=True)
    if split and len(plots) > 1 and "pdf" not in formats and hasattr(os, "fork"):
        pages = _draw_in_two(plots, out, formats)
    else:
        pdf_tmp = folder / f".report.pdf.{os.getpid()}.tmp"
        with contextlib.ExitStack() as stack:
            pdf = _open_pdf(stack, pdf_tmp) if "pdf" in formats else None
            pages = [_draw(plot, out, formats, pdf) for plot in plots]
        if "pdf" in formats:
            os.replace(pdf_tmp, folder / "report.pdf")
    _remove_stale(plots, folder, formats)
    return list(zip(plots, pages, strict=True))


def _draw(plot: Plot, out: Path, formats: tuple[str, ...], pdf: Any) -> str:
    """One figure: its files, its page of the PDF, and its PNG (base64) for the HTML page."""
    fig = plot.draw()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)  # drawn once: the file and the page
    fig.set_layout_engine("none")  # keep the layout just computed for SVG and PDF
    if "png" in formats:
        write_atomically(out / f"{plot.name}.png", lambda p, b=buffer: p.write_bytes(b.getvalue()))
    if "svg" in formats:
        write_atomically(out / f"{plot.name}.svg", lambda p, f=fig: f.savefig(
            p, format="svg", metadata={"Date": None}))
    if pdf is not None:
        pdf.savefig(fig)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _draw_in_two(plots: list[Plot], out: Path, formats: tuple[str, ...]) -> list[str]:
    """Every other figure drawn by a forked copy of this process, which sends back its pages:
    drawing is most of a report's time (≈ 1.2 s of 1.25 s for a run, measured)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the copy: draw, send, and end without cleaning up
        try:  # whatever happens, it ends here: never back up its parent's copied stack
            os.close(read)
            try:
                reply: tuple[bool, Any] = (False, [_draw(p, out, formats, None)
                                                   for p in plots[0::2]])
            except BaseException as error:
                reply = (True, f"{type(error).__name__}: {error}")
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(reply, pipe)
        finally:
            os._exit(0)
    os.close(write)
    try:
        odd = [_draw(p, out, formats, None) for p in plots[1::2]]
    finally:
        with os.fdopen(read, "rb") as pipe:
            try:
                failed, even = pickle.load(pipe)
            except EOFError:
                failed, even = True, "the drawing process ended without its figures"
        os.waitpid(pid, 0)
    if failed:
        raise RuntimeError(f"drawing the report's figures failed: {even}")
    pages = [""] * len(plots)
    pages[0::2], pages[1::2] = even, odd
    return pages


def _remove_stale(plots: list[Plot], folder: Path, formats: tuple[str, ...]) -> None:
    """Figure files of an earlier build in formats not asked for now, which would no longer
    match the page."""
    stale = [folder / FIGURES / f"{plot.name}.{kind}" for plot in plots for kind in ("png", "svg")
             if kind not in formats]
    stale += [folder / "report.pdf"] if "pdf" not in formats else []
    for path in stale:
        path.unlink(missing_ok=True)


def _reproduce(results: Results) -> str:
    command = results.info.get("command") or []
    seed = results.summary.get("seed")
    parts = [f"<p>Root seed: <code>{html.escape(str(seed))}</code>. Run again with:</p>",
             f"<pre>{html.escape(' '.join(map(str, command)))}</pre>"]
    if results.config_text:
        parts += ["<p>The composed configuration (<code>.hydra/config.yaml</code>):</p>",
                  f"<pre>{html.escape(results.config_text)}</pre>"]
    return "\n".join(parts)


def build_report(folder: Path, summary: dict[str, Any] | None = None,
                 formats: tuple[str, ...] = ("png",), digest: RunDigest | None = None,
                 split: bool = False) -> Path:
    """Write the report of the results folder `folder` with figure files in `formats` (any of
    FORMATS); returns the path of report.html. `digest`, the folder's run table already reduced
    (by the summary), spares reading it again. `split` draws the figures in two processes
    (for a process with no other threads: it forks)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"report.formats: got {unknown[0]!r}; expected any of {', '.join(FORMATS)}")
    results = load_results(Path(folder), summary)
    results.reduced = digest
    sweep = results.table is not None
    plots = [*(sweep_plots(results) if sweep else run_plots(results)), *input_plots(results)]
    opening = describe_sweep(results) if sweep else (
        describe_ladder(results.summary) + " " + describe(results.summary))
    if results.discovery is not None:  # the question a discovery asks, answered first
        opening = f"{answer(results.discovery)} {opening}"
    table = summary_table(results)
    write_csv(folder / "summary.csv", table)
    write_atomically(folder / "summary.md", lambda p: p.write_text(
        table.to_markdown(index=False) + "\n", encoding="utf-8"))
    drawn = dict(_render([p for p in plots if p.nothing is None], folder, formats, split))
    figures = "\n".join(
        f'<figure><img alt="{html.escape(p.name)}" src="data:image/png;base64,{drawn[p]}">'
        f"<figcaption>{html.escape(p.caption)}</figcaption></figure>" if p in drawn else
        f'<p class="nothing">{html.escape(p.nothing or "")}</p>' for p in plots)
    name = html.escape(str(results.summary.get("name") or results.summary.get("scenario")))
    parameters = ("" if results.parameters is None else "<h2>Parameters and their sources</h2>"
                  + _html_table(results.parameters))
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>negsim report: '
            f"{name}</title><style>{STYLE}</style></head><body><h1>negsim report: {name}</h1>"
            f'<p class="summary">{html.escape(opening)}</p><h2>Figures</h2>{figures}'
            f"{_questions_table(results.summary)}"
            f"<h2>Summary table</h2>{_html_table(table)}{parameters}"
            f"<h2>Reproduce</h2>{_reproduce(results)}</body></html>\n")
    write_atomically(folder / "report.html", lambda p: p.write_text(page, encoding="utf-8"))
    return folder / "report.html"
