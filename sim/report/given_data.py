"""Global sensitivity from the sample a run already drew: no designed sample (SALib).

Every replicate of a run samples its uncertain inputs (`input.<path>` in the run table), so the
run table is itself a random sample of inputs and outcomes. Given-data methods estimate each
input's importance from such a sample:

- RBD-FAST (Tarantola et al. 2006; Plischke 2010): the first-order Sobol index S1, the share
  of the outcome's variance the input explains alone, with a bootstrap 95% interval.
- PAWN (Pianosi and Wagener 2015): the median over slices of the input of the Kolmogorov–
  Smirnov distance between the outcome's distribution in the slice and overall; moment-free.

A dummy input, drawn here and entering nothing, is analysed beside the real ones: an index
no larger than the dummy's is indistinguishable from no effect.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from sim.results.files import RUNS, ResultsError, load_runs, run_columns

DUMMY = "dummy (enters nothing)"
GIVEN_DATA = "sensitivity_given_data"
"""The ranking's file name (.parquet and .csv) beside the results it was computed from."""
METHODS = ("rbd_fast", "pawn")
SMALLEST = 40
"""Fewest replicates (or sweep points) analysed: RBD-FAST then uses 3 harmonics."""


@dataclass(frozen=True)
class GivenSample:
    """The inputs (one column each) and one outcome of a saved sample."""

    inputs: pd.DataFrame
    outcome: np.ndarray
    outcome_name: str


def run_sample(folder: Path, outcome: str = "agreement") -> GivenSample:
    """A run table's sampled inputs that vary, and one of its outcome columns as numbers."""
    names = run_columns(folder)
    if outcome not in names:
        choices = [n for n in names if n in ("agreement", "agreement_held")
                   or n.startswith("question.")]
        raise ResultsError(f"{Path(folder) / RUNS}: got outcome {outcome!r}; expected one of "
                         f"{', '.join(choices)}")
    wanted = [n for n in names if n.startswith("input.")]
    table = load_runs(folder, [*wanted, outcome])
    inputs = table[wanted].rename(columns=lambda c: c.removeprefix("input."))
    inputs = inputs.loc[:, inputs.nunique() > 1]
    values = table[outcome].to_numpy(float)
    if np.isnan(values).any():
        raise ResultsError(f"{Path(folder) / RUNS}: got outcome {outcome!r}, which some replicates "
                           "lack (a time not reached); expected a yes/no or a number every "
                           "replicate has, e.g. agreement")
    return GivenSample(inputs.astype(float), values, outcome)


def sweep_sample(folder: Path, outcome: str = "agreement") -> GivenSample:
    """A sweep table's numeric parameters that vary, and one estimate at each point."""
    table = pd.read_parquet(Path(folder) / "sweep.parquet")
    column = f"{outcome}.p"
    if column not in table:
        choices = [c.removesuffix(".p") for c in table.columns if c.endswith(".p")]
        raise ResultsError(f"{Path(folder) / 'sweep.parquet'}: got outcome {outcome!r}; expected "
                         f"one of {', '.join(choices)}")
    params = [c for c in table.columns if c.startswith("param.")
              and pd.api.types.is_numeric_dtype(table[c]) and table[c].nunique() > 1]
    inputs = table[params].rename(columns=lambda c: c.removeprefix("param."))
    return GivenSample(inputs.astype(float), table[column].to_numpy(float), outcome)


def _problem(inputs: pd.DataFrame) -> dict:
    low, high = inputs.min().to_numpy(float), inputs.max().to_numpy(float)
    return {"num_vars": inputs.shape[1], "names": list(inputs.columns),
            "bounds": np.column_stack([low, high]).tolist()}


def given_data_indices(sample: GivenSample, seed: int = 0,
                       methods: tuple[str, ...] = METHODS) -> pd.DataFrame:
    """One row per input and method: the index with `low` and `high` (RBD-FAST: its bootstrap
    95% interval; PAWN: the lowest and highest KS distance over the slices, a spread and not a
    confidence interval), ranked by the first method."""
    from SALib.analyze import pawn, rbd_fast

    if len(sample.outcome) < SMALLEST:
        raise ValueError(f"a sample of at least {SMALLEST} replicates or points; got "
                         f"{len(sample.outcome)}")
    rng = np.random.default_rng(seed)
    inputs = sample.inputs.assign(**{DUMMY: rng.uniform(size=len(sample.inputs))})
    x, y, problem = inputs.to_numpy(float), sample.outcome, _problem(inputs)
    rows = []
    for method in methods:
        if method == "rbd_fast":
            harmonics = min(10, int(math.sqrt((len(y) - 1) / 4)))  # SALib needs N > 4 M^2
            r = rbd_fast.analyze(problem, x, y, M=harmonics, num_resamples=20, conf_level=0.95, seed=seed)
            s1, half = np.asarray(r["S1"], float), np.asarray(r["S1_conf"], float)
            index, low, high = s1, s1 - half, s1 + half
        elif method == "pawn":
            r = pawn.analyze(problem, x, y, S=10, seed=seed)
            index, low, high = r["median"], r["minimum"], r["maximum"]
        else:
            raise ValueError(f"method: got {method!r}; expected any of {', '.join(METHODS)}")
        rows += [{"parameter": name, "method": method, "index": float(i), "low": float(lo),
                  "high": float(hi)} for name, i, lo, hi in zip(problem["names"], index, low,
                                                                    high, strict=True)]
    table = pd.DataFrame(rows)
    order = table[table["method"] == methods[0]].sort_values("index", ascending=False)["parameter"]
    rank = {name: i for i, name in enumerate(order)}
    table = table.assign(rank=table["parameter"].map(rank),
                         order=table["method"].map(methods.index))
    return table.sort_values(["rank", "order"], ignore_index=True).drop(columns="order")


def ranking_text(table: pd.DataFrame, outcome: str, top: int = 10) -> str:
    """The ranking in plain lines, and which inputs are no clearer than the dummy."""
    first = table["method"].iloc[0]
    shown = table[table["method"] == first]
    dummy = shown[shown["parameter"] == DUMMY]["high"].iloc[0]
    lines = [f"Given-data sensitivity of {outcome} ({first}: index and 95% interval), largest "
             "first:"]
    for r in shown.head(top).itertuples():
        lines.append(f"  {r.parameter:<58} {r.index:7.4f} [{r.low:.4f}, {r.high:.4f}]")
    clear = int((shown["low"] > dummy).sum())
    lines.append(f"{clear} of {len(shown) - 1} inputs lie clearly above the dummy input's interval "
                 f"(upper end {dummy:.4f}).")
    return "\n".join(lines)
