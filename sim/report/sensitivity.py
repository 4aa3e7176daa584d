"""Global sensitivity of a sweep's estimate to its parameters (SALib), with intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.montecarlo.designs import salib_problem


def morris_indices(names: list[str], unit_design: np.ndarray, response: np.ndarray,
                   seed: int) -> pd.DataFrame:
    """Morris elementary effects on the unit cube: mu* with its 95% bootstrap interval, sigma.

    Ranked by mu*, largest first. Effects are per unit of each parameter's swept range.
    """
    from SALib.analyze import morris

    result = morris.analyze(salib_problem(names), unit_design, np.asarray(response, float),
                            conf_level=0.95, num_resamples=1000, seed=seed)
    table = pd.DataFrame({
        "parameter": names,
        "mu_star": np.asarray(result["mu_star"], float),
        "mu_star_conf": np.asarray(result["mu_star_conf"], float),
        "mu": np.asarray(result["mu"], float),
        "sigma": np.asarray(result["sigma"], float),
    })
    return table.sort_values("mu_star", ascending=False, ignore_index=True)
