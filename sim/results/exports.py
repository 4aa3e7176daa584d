"""Exports of saved results for other tools: a sweep's replicates, each beside its point's
parameters, in one table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.results.files import load_runs, write_atomically

REPLICATES = "replicates.csv"
"""Every replicate of every point of a sweep, with the point's number and parameters."""


def export_replicates(folder: Path) -> Path:
    """Write `REPLICATES` beside a sweep's table: each point's run table, a point at a time (so
    memory holds one point's replicates, never the whole sweep's), preceded by the point's
    number and its `param.` columns. Published whole or not at all."""
    table = pd.read_parquet(Path(folder) / "sweep.parquet")
    params = [c for c in table.columns if c.startswith("param.")]
    columns: list[str] | None = None

    def write(tmp: Path) -> None:
        nonlocal columns
        for k, row in enumerate(table.itertuples(index=False)):
            runs = load_runs(Path(row.folder))
            head = pd.DataFrame({"point": row.point, **{p: table.at[k, p] for p in params}},
                                index=runs.index)
            joined = pd.concat([head, runs], axis=1)
            columns = columns or list(joined.columns)
            joined.reindex(columns=columns).to_csv(tmp, mode="a", index=False, header=k == 0)

    target = Path(folder) / REPLICATES
    write_atomically(target, write)
    return target
