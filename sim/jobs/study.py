"""A study with a sweep block: compose and validate every point, run them, tabulate them.

Writes, in the run folder: `sweep.json` (the design and every point's overrides and key) first,
`sweep.parquet` (one row per point, every estimate with its interval), `sensitivity.parquet`
for a Morris design, and `summary.json` last, marking the folder complete. Each point's own
run table and summary live in the point store (see `sim.montecarlo.points`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from sim.config.compose import PointComposer
from sim.config.errors import ConfigError
from sim.engine.fingerprint import code_fingerprint
from sim.jobs.provenance import identity, library_versions, provenance, write_parameter_csv, write_run_info
from sim.jobs.settings import Settings, load_settings, uncertain_ranges
from sim.jobs.simulation import simulation
from sim.montecarlo.backends import release_workers
from sim.montecarlo.designs import (
    Axis,
    SweepSpec,
    ablation_variant,
    crossed_axes,
    design_points,
    load_sweep,
    override,
    unit_points,
)
from sim.montecarlo.points import Point, run_points, sweep_table
from sim.report.build import build_report
from sim.report.sensitivity import morris_indices
from sim.results.files import PARAMETERS, SUMMARY, write_json, write_parquet

SENSITIVITY = "sensitivity.parquet"


def _key(override_text: str) -> str:
    return override_text.lstrip("+~").split("=", 1)[0]


def build_points(settings: Settings, overrides: list[str],
                 progress: bool = False) -> tuple[SweepSpec, list[Axis], list[Point]]:
    """Every point composed from the command line plus its own values, and validated. A bad
    point is named by the swept parameter that made it bad, with the point's index."""
    spec, axes = load_sweep(settings.options.sweep,
                            uncertain_ranges(settings.scenario, settings.mediator))
    swept = {a.path for a in axes}
    composer = PointComposer([o for o in overrides if _key(o) not in swept])
    code = {"code": code_fingerprint(), "libraries": library_versions()}
    design = design_points(spec, axes)
    points = []
    for index, values in enumerate(tqdm(design, desc="checking sweep points", unit="point",
                                        disable=not progress or len(design) < 100)):
        point, cfg = _compose_point(composer, index, values)
        options = point.options
        extra = tuple(override(path, value) for path, value in values.items())
        points.append(Point(index, values, extra,
                            simulation(point),
                            point.scenario.horizon_days,
                            {"scenario": cfg["scenario"], "mediator": cfg["mediator"], **code},
                            options.runs, options.seed, options.montecarlo.chunk_size,
                            identity(point)))
    return spec, axes, points


def _compose_point(composer: PointComposer, index: int,
                   values: dict[str, Any]) -> tuple[Settings, dict[str, Any]]:
    try:
        cfg = composer.compose(values, override) | {"sweep": None}  # a point is a single run
        return load_settings(cfg), cfg
    except KeyError as error:
        path = str(error.args[0])
        raise ConfigError(f"sweep.parameters.{path}", "<unknown key>",
                          "a key the config has (check its spelling in the config or "
                          "`negsim --cfg job`)") from None
    except ConfigError as error:
        problems = []
        for p in error.problems:
            axis = next((path for path in values if p.key == path or p.key.startswith(
                (path + ".", path + "["))), None)
            key = f"sweep.parameters.{axis}" if axis else p.key
            problems.append(ConfigError(key, p.value, f"{p.allowed} (at point {index}: "
                                        f"{', '.join(override(k, v) for k, v in values.items())})"))
        raise ConfigError.joined(problems) from None


def _console(table: pd.DataFrame, axes: list[Axis], sensitivity: pd.DataFrame | None) -> str:
    """The points as a table (the first 30), then the sensitivity ranking if any."""
    def pct(x: float) -> str:
        return f"{100 * x:.1f}%"

    shown = pd.DataFrame({"point": table["point"]})
    if "variant" in table:  # an ablation: which mechanisms are on, and the crossed axes
        shown["variant"] = table["variant"]
        axes = crossed_axes(axes)
    for axis in axes if len(axes) <= 3 else []:  # many inputs: see sweep.parquet
        shown[axis.path] = table[f"param.{axis.path}"]
    shown["P(agreement)"] = table["agreement.p"].map(pct)
    shown["95% CI"] = [f"{pct(lo)} - {pct(hi)}" for lo, hi in
                       zip(table["agreement.ci_low"], table["agreement.ci_high"], strict=True)]
    shown["P(held)"] = table["agreement_held.p"].map(pct)
    text = shown.head(30).to_string(index=False)
    if len(table) > 30:
        text += f"\n... {len(table) - 30} more points in sweep.parquet"
    if sensitivity is not None:
        text += "\n\nMorris sensitivity of P(agreement): mu* (95% CI half-width), largest first\n"
        text += "\n".join(f"  {r.parameter:<50} {r.mu_star:.4f} (± {r.mu_star_conf:.4f})"
                           for r in sensitivity.itertuples())
    return text


def run_study(settings: Settings, overrides: list[str], folder: Path,
              echo: Callable[[str], None], argv: list[str]) -> dict[str, Any]:
    """Run a sweep into `folder`, reusing finished points from the point store."""
    started = time.perf_counter()
    options = settings.options
    spec, axes, points = build_points(settings, overrides, options.montecarlo.progress)
    store = Path(options.point_store)
    folder.mkdir(parents=True, exist_ok=True)
    write_json(folder / "sweep.json", {
        "design": spec.design, "parameters": [a.path for a in axes], "seed": spec.seed,
        "points": [{"point": p.index, "key": p.key, "overrides": list(p.overrides)}
                   for p in points]})
    computed = run_points(points, options.engine, store, options.montecarlo.progress)
    release_workers()
    table = sweep_table(points, store)
    if spec.design == "ablation":
        table.insert(1, "variant", [ablation_variant(p.values, axes) for p in points])
    write_parquet(folder / "sweep.parquet", table)
    sensitivity = None
    if spec.design == "morris":
        sensitivity = morris_indices([a.path for a in axes], unit_points(spec, axes),
                                     table["agreement.p"].to_numpy(), spec.seed)
        write_parquet(folder / SENSITIVITY, sensitivity)
    write_run_info(folder, settings, started, argv)
    summary = {"kind": "sweep", **identity(settings), "runs": options.runs,
               "horizon_days": settings.scenario.horizon_days,
               "design": spec.design, "parameters": [a.path for a in axes],
               "points": len(points), "computed": computed,
               "reused": len(points) - len(computed), "point_store": str(store),
               "sensitivity": None if sensitivity is None else sensitivity.to_dict("records"),
               **provenance()}
    write_parameter_csv(folder / PARAMETERS, settings.scenario, settings.mediator)
    build_report(folder, summary, settings.options.report.formats)
    write_json(folder / SUMMARY, summary)
    echo(_console(table, axes, sensitivity))
    echo(f"\n{len(points)} points ({len(computed)} computed, {summary['reused']} reused); "
         f"results written to {folder}")
    return summary
