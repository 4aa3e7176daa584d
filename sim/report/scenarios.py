"""Scenario discovery: under which ranges of the sampled inputs is an outcome likely?

From a saved sample alone (a run table's replicates or a sweep's points), with EMA Workbench
(Kwakkel 2017):

- PRIM (Friedman and Fisher 1999; Bryant and Lempert 2010) peels the input space towards a box
  where the outcome's mean (the *density*: P(agreement) among the replicates inside) is high,
  trading it against *coverage* (the share of all agreements that fall inside). The chosen box
  is the one of greatest coverage whose density reaches the threshold; a limit whose quasi-p
  value (one-sided binomial test, as EMA Workbench computes it) is not below 0.05 is shown but
  left out of the plain-words statement.
- CART (Breiman et al. 1984) as a second method: the leaf of the classification tree with the
  highest density among leaves holding at least `mass_min` of the sample.
- Feature scoring: extra-trees importances (Geurts et al. 2006), as EMA Workbench computes them.

An outcome per replicate is 0 or 1, so a box's density is an estimate of P(outcome | box),
given here with its Wilson interval; a sweep point's outcome is its estimated P.
"""

from __future__ import annotations

import json
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.report.given_data import GivenSample
from sim.results.estimators import wilson
from sim.results.files import write_json

DISCOVERY = "scenario_discovery.json"
TABLES = ("trajectory", "limits", "cart", "features")
BOX = ["parameter", "low", "high", "range_low", "range_high"]
QP = ["qp_low", "qp_high"]

CANDIDATES = 40  # boxes of the trajectory tried, widest first, for one whose significant limits hold
LARGEST = 20_000
"""Most replicates PRIM, CART and the trees see (a random subset beyond): enough for boxes of
5% mass to hold 1,000 replicates, and PRIM's time grows with the sample (15 s at 20,000 x 57)."""
SIGNIFICANT = 0.05


@dataclass(frozen=True)
class Discovery:
    """What the three methods found, as tables that are saved and drawn."""

    trajectory: pd.DataFrame  # PRIM's peeling: coverage, density, mass, res_dim per box
    chosen: int               # the row of `trajectory` whose box is reported
    limits: pd.DataFrame      # the chosen box: parameter, low, high, qp_low, qp_high, range
    cart: pd.DataFrame        # the best CART leaf's limits (same columns but qp)
    features: pd.DataFrame    # parameter, score (extra-trees importance), rank
    stats: dict[str, Any]     # threshold, sizes and the boxes' coverage, density and interval


def _ema() -> tuple[Any, Any, Any, Any]:
    """EMA Workbench's modules, imported only when needed (≈ 6 s) and without its chatter."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ema_workbench.analysis import cart, feature_scoring, prim
        from ema_workbench.analysis.scenario_discovery_util import RuleInductionType
    logging.getLogger("EMA").setLevel(logging.WARNING)
    return prim, cart, feature_scoring, RuleInductionType


def _subset(sample: GivenSample, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    x, y = sample.inputs.reset_index(drop=True), np.asarray(sample.outcome, float)
    if len(y) > LARGEST:
        keep = np.sort(np.random.default_rng(seed).choice(len(y), LARGEST, replace=False))
        x, y = x.iloc[keep].reset_index(drop=True), y[keep]
    return x, y


def _box_limits(x: pd.DataFrame, lims: pd.DataFrame, qp: pd.DataFrame | None) -> pd.DataFrame:
    """The restricted inputs of a box: its limits beside each input's sampled range."""
    rows = []
    for name in lims.columns:
        low, high = float(lims[name].iloc[0]), float(lims[name].iloc[1])
        lo, hi = float(x[name].min()), float(x[name].max())
        cut_low, cut_high = low > lo, high < hi
        if not (cut_low or cut_high):
            continue
        row = {"parameter": name, "low": low if cut_low else np.nan,
               "high": high if cut_high else np.nan, "range_low": lo, "range_high": hi}
        if qp is not None:
            found = qp.loc[name].tolist() if name in qp.index else []
            p_low, p_high = [*found, np.nan, np.nan][:2]
            row |= {"qp_low": p_low if cut_low else np.nan, "qp_high": p_high if cut_high else np.nan}
        rows.append(row)
    return pd.DataFrame(rows, columns=[*BOX, *(QP if qp is not None else [])])


def _candidates(trajectory: pd.DataFrame, threshold: float) -> list[int]:
    """Boxes to state, best first: those reaching the threshold by coverage (widest first),
    else the densest box."""
    reaching = trajectory[trajectory["density"] >= threshold]
    if reaching.empty:
        return [int(trajectory["density"].to_numpy().argmax())]
    best = reaching.sort_values(["coverage", "res_dim"], ascending=[False, True])
    return [int(trajectory.index.get_loc(i)) for i in best.index[:CANDIDATES]]


def _in_box(x: pd.DataFrame, limits: pd.DataFrame) -> np.ndarray:
    inside = np.ones(len(x), bool)
    for r in limits.itertuples():
        values = x[r.parameter].to_numpy(float)
        inside &= ~(values < r.low) & ~(values > r.high)  # NaN limits restrict nothing
    return inside


def _box_stats(x: pd.DataFrame, y: np.ndarray, limits: pd.DataFrame, binary: bool) -> dict:
    inside = _in_box(x, limits)
    n, total = int(inside.sum()), float(y.sum())
    stats = {"n": n, "mass": n / len(y), "density": float(y[inside].mean()) if n else np.nan,
             "coverage": float(y[inside].sum() / total) if total else np.nan}
    if binary and n:
        p = wilson(int(y[inside].sum()), n)
        stats |= {"ci_low": p.ci_low, "ci_high": p.ci_high}
    return stats


def _qp(box: Any, i: int) -> pd.DataFrame:
    qp = box.inspect(i, style="data")[0][1].xs("qp value", axis=1, level=1)
    qp.columns = ["qp_low", "qp_high"][: qp.shape[1]]
    return qp


def _prim(x: pd.DataFrame, y: np.ndarray, threshold: float, mass_min: float):
    """PRIM's trajectory and the box to state: the widest reaching the threshold whose
    significant limits alone still reach it (else the widest reaching it at all)."""
    prim = _ema()[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        box = prim.Prim(x, y, peel_alpha=0.05, paste_alpha=0.05, mass_min=mass_min).find_box()
        trajectory = box.peeling_trajectory[["coverage", "density", "mass", "res_dim"]]
        candidates = _candidates(trajectory, threshold)
        for i in candidates:
            limits = _box_limits(x, box.box_lims[i], _qp(box, i))
            stated = _box_stats(x, y, significant(limits), binary=False)
            if stated["density"] >= threshold:
                return trajectory.reset_index(drop=True), i, limits
        first = candidates[0]
        return trajectory.reset_index(drop=True), first, _box_limits(x, box.box_lims[first],
                                                                      _qp(box, first))


def _cart(x: pd.DataFrame, y: np.ndarray, binary: bool, mass_min: float) -> pd.DataFrame:
    _, cart, _, kind = _ema()
    mode = kind.BINARY if binary else kind.REGRESSION
    tree = cart.CART(x, y.astype(bool) if binary else y, mass_min=mass_min, mode=mode)
    tree.build_tree()
    stats = tree.stats_to_dataframe()
    column = "density" if "density" in stats else "mean"
    leaf = int(np.asarray(stats[column], float).argmax())
    return _box_limits(x, tree.boxes[leaf], None)


def _features(x: pd.DataFrame, y: np.ndarray, binary: bool, seed: int) -> pd.DataFrame:
    _, _, scoring, kind = _ema()
    mode = kind.CLASSIFICATION if binary else kind.REGRESSION
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = scoring.get_ex_feature_scores(x, y.astype(int) if binary else y, mode=mode,
                                               nr_trees=100, random_state=seed,
                                               min_samples_leaf=max(1, len(y) // 1000))[0]
    scores = scores.iloc[:, 0].sort_values(ascending=False)
    return pd.DataFrame({"parameter": scores.index, "score": scores.to_numpy(float),
                         "rank": np.arange(len(scores))})


def discover(sample: GivenSample, threshold: float = 0.5, seed: int = 0,
             mass_min: float = 0.05) -> Discovery:
    """PRIM, CART and feature scores for "when is the outcome's P at least `threshold`?"."""
    if not 0 < threshold < 1:
        raise ValueError(f"threshold: got {threshold}; expected a probability strictly between "
                         "0 and 1")
    x, y = _subset(sample, seed)
    if np.ptp(y) == 0:
        raise ValueError(f"outcome {sample.outcome_name}: got {y[0]:g} in every case; expected "
                         "an outcome that varies (nothing to discover otherwise)")
    binary = bool(np.isin(y, (0.0, 1.0)).all())
    trajectory, chosen, limits = _prim(x, y, threshold, mass_min)
    cart = _cart(x, y, binary, mass_min)
    stats = {"outcome": sample.outcome_name, "threshold": threshold, "binary": binary,
             "sample": len(y), "of": len(sample.outcome), "overall": float(y.mean()),
             "prim": _box_stats(x, y, limits, binary),
             "stated": _box_stats(x, y, significant(limits), binary),
             "cart": _box_stats(x, y, cart, binary)}
    return Discovery(trajectory, chosen, limits, cart, _features(x, y, binary, seed), stats)


def significant(limits: pd.DataFrame) -> pd.DataFrame:
    """The box with only its significant limits (quasi-p < 0.05): the box stated in words."""
    kept = limits.copy()
    for side in ("low", "high"):
        kept.loc[~(kept[f"qp_{side}"] < SIGNIFICANT), side] = np.nan
    return kept[kept[["low", "high"]].notna().any(axis=1)].reset_index(drop=True)


def _number(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def conditions(limits: pd.DataFrame) -> list[str]:
    """Each restricted limit of a box as "name ≥ value"."""
    return [f"{r.parameter} {sign} {_number(value)}" for r in limits.itertuples()
            for value, sign in ((r.low, "≥"), (r.high, "≤")) if not np.isnan(value)]


def said(outcome: str) -> str:
    """An outcome column in words, for what it is (signed, or signed and held)."""
    if outcome == "agreement":
        return "a comprehensive agreement signed within the horizon"
    if outcome == "agreement_held":
        return "a comprehensive agreement signed and held to the horizon"
    return f"a yes to question {outcome.removeprefix('question.')}"


def answer(found: Discovery) -> str:
    """The question answered in one sentence: where the outcome is likely, with the numbers of
    the box so stated."""
    s, prim = found.stats, found.stats["stated"]
    word = "very likely" if s["threshold"] >= 0.8 else "likely"
    likely = f"{said(s['outcome'])} is {word} (P ≥ {s['threshold']:.2f})"
    likely = likely[0].upper() + likely[1:]
    where = conditions(significant(found.limits))
    interval = (f" [{100 * prim['ci_low']:.1f}, {100 * prim['ci_high']:.1f}]"
                if "ci_low" in prim else "")
    numbers = (f"coverage {100 * prim['coverage']:.0f}%, density {100 * prim['density']:.0f}%"
               f"{interval}, {100 * prim['mass']:.0f}% of the sample")
    if found.trajectory["density"].iloc[found.chosen] < s["threshold"]:
        head = (f"Nowhere in the sampled ranges is {said(s['outcome'])} {word} "
                f"(P ≥ {s['threshold']:.2f}): the densest PRIM box"
                f"{' (' + ' and '.join(where) + ')' if where else ''} reaches only "
                f"{100 * prim['density']:.0f}%")
    elif prim["density"] < s["threshold"]:
        raw = s["prim"]
        head = (f"No range of the inputs makes {said(s['outcome'])} {word} "
                f"(P ≥ {s['threshold']:.2f}) with significant limits: PRIM's box "
                f"({' and '.join(conditions(found.limits))}) reaches "
                f"{100 * raw['density']:.0f}% but its limits are not significant (quasi-p ≥ "
                f"{SIGNIFICANT}); overall {100 * s['overall']:.1f}%")
    elif not where:
        head = f"{likely} across the whole sampled space (overall {100 * s['overall']:.1f}%)"
    else:
        head = f"{likely} when {' and '.join(where)}"
    return f"{head} ({numbers})."


def discovery_text(found: Discovery) -> str:
    """The answer in plain words first, then the full box, CART's leaf and the top features."""
    s, text = found.stats, [answer(found)]
    where = conditions(significant(found.limits))
    dropped = len(conditions(found.limits)) - len(where)
    if dropped:
        full = found.stats["prim"]
        text.append(f"PRIM's box has {dropped} further limit(s) that are not significant "
                    f"(quasi-p ≥ {SIGNIFICANT}), left out above; with them, coverage "
                    f"{100 * full['coverage']:.0f}% and density {100 * full['density']:.0f}%.")
    cart = found.stats["cart"]
    text.append(f"CART's densest leaf: {' and '.join(conditions(found.cart)) or 'everywhere'} "
                f"(coverage {100 * cart['coverage']:.0f}%, density {100 * cart['density']:.0f}%).")
    top = ", ".join(found.features["parameter"].head(3))
    text.append(f"Extra-trees feature scores rank first: {top}. Over {s['sample']:,} of "
                f"{s['of']:,} {'replicates' if s['binary'] else 'points'}; overall "
                f"{100 * s['overall']:.1f}%.")
    return " ".join(text)


def save_discovery(folder: Path, found: Discovery) -> Path:
    """`scenario_discovery.json` beside the results: its tables, numbers and words."""
    path = Path(folder) / DISCOVERY
    write_json(path, {"text": discovery_text(found), "chosen": found.chosen, "stats": found.stats,
                      **{name: getattr(found, name).to_dict("records") for name in TABLES}})
    return path


def load_discovery(folder: Path) -> Discovery | None:
    """A saved discovery, or None if the folder has none."""
    path = Path(folder) / DISCOVERY
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    columns = {"limits": [*BOX, *QP], "cart": BOX}
    tables = {name: pd.DataFrame.from_records(data[name], columns=columns.get(name))
              for name in TABLES}
    for name in columns:
        tables[name] = tables[name].astype({c: float for c in columns[name][1:]})
    return Discovery(chosen=int(data["chosen"]), stats=data["stats"], **tables)
