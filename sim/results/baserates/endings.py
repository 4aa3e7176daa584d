"""How armed conflict episodes end (UCDP Conflict Termination, conflict level)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from sim.results.baserates.table import Row, read, share

COLUMNS = ("conflictep_id", "confterm", "outcome", "year")
OUTCOMES = {"peace_agreement": ("a peace agreement", (1,)), "ceasefire": ("a ceasefire", (2,)),
            "victory": ("victory by either side", (3, 4)),
            "victory_government": ("victory by side A (the government)", (3,)),
            "victory_rebels": ("victory by side B (the rebels)", (4,)),
            "low_activity": ("low activity", (5,)),
            "actor_ceased": ("an actor ceasing to exist", (6,))}
"""Per row: the outcome, and the `outcome` codes it covers."""
PERIODS = {"all": ("episodes ended 1946-2020", 0), "since_1989": ("episodes ended 1989-2020", 1989)}


def episodes(raw: pd.DataFrame) -> pd.DataFrame:
    """One row per ended episode (its terminating year) with its coded outcome."""
    ended = raw[pd.to_numeric(raw.confterm, errors="coerce") == 1]
    outcome = pd.to_numeric(ended.outcome, errors="coerce")
    return pd.DataFrame({"episode": ended.conflictep_id, "outcome": outcome,
                         "year": pd.to_numeric(ended.year, errors="coerce")}
                        ).dropna().drop_duplicates("episode", keep="last")


def rows(data_dir: Path) -> Iterator[Row]:
    table = episodes(read(data_dir, "ucdp_term", COLUMNS))
    for period, (condition, since) in PERIODS.items():
        chosen = table[table.year >= since]
        for name, (text, codes) in OUTCOMES.items():
            hits = int(chosen.outcome.isin(codes).sum())
            yield Row(f"episode.ended_by.{name}.{period}",
                      f"share of ended armed conflict episodes that ended by {text}",
                      f"{condition} with a coded outcome (outcome {', '.join(map(str, codes))})",
                      *share(hits, len(chosen)), "probability", len(chosen), hits,
                      "share, Wilson interval", "ucdp_term")
