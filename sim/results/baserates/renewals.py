"""Time-limited ceasefires (ETH/PRIO): how many there are, their terms, and whether another
ceasefire follows when one runs out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from sim.results.baserates.ceasefires import COLUMNS, DATA_END, NEVER_IN_EFFECT, ceasefires
from sim.results.baserates.table import Row, median, read, share

WINDOWS = (7, 30)
"""Days after a time-limited ceasefire ends within which a successor counts."""

RAN_ITS_TERM = 1
"""The `ended` code that almost only time-limited ceasefires carry (it appears to mean the term
ran out); a second version of each follow-up share keeps only these."""


def term_rows(table: pd.DataFrame) -> Iterator[Row]:
    """The share of ceasefires that are time-limited, the median term of those that are, and
    the share that never took effect."""
    coded = table[table.fixed.isin([0, 1])]
    limited = int((coded.fixed == 1).sum())
    yield Row("ceasefire.share_time_limited.all", "share of ceasefires that are time-limited",
              "every ceasefire whose term is coded (fixed 0 or 1)",
              *share(limited, len(coded)), "probability", len(coded), limited,
              "share, Wilson interval", "eth_prio")
    terms = pd.to_numeric(coded.fixed_time[coded.fixed == 1], errors="coerce")
    terms = terms[terms > 0].to_numpy(float)
    yield Row("ceasefire.median_term_days.time_limited", "median term of a time-limited ceasefire",
              "time-limited ceasefires with a numeric term (fixed_time > 0, in days)",
              *median(terms), "days", int(terms.size), int(terms.size),
              "sample median, order-statistic interval", "eth_prio")
    never = int((table.ended == NEVER_IN_EFFECT).sum())
    yield Row("ceasefire.never_in_effect.all", "share of agreed ceasefires that never took effect",
              f"every ceasefire in the data; `ended` {NEVER_IN_EFFECT} (which appears to mean it "
              "never took effect: the codebook's meaning is not verified)",
              *share(never, len(table)), "probability", len(table), never,
              "share, Wilson interval", "eth_prio")


def near(table: pd.DataFrame, chosen: pd.DataFrame, at: str, other: str, before: int,
         after: int) -> np.ndarray:
    """Per chosen ceasefire: whether another in the same conflict has its date `other` (start
    or end) from `before` days before the chosen one's date `at` to `after` days after."""
    found = np.zeros(len(chosen), bool)
    for i, (uid, day, conflicts) in enumerate(chosen[["uniq_id", at, "conflicts"]].itertuples(
            index=False)):
        close = table[(table.uniq_id != uid) & table[other].between(
            day - pd.Timedelta(days=before), day + pd.Timedelta(days=after))]
        found[i] = any(conflicts & theirs for theirs in close.conflicts)
    return found


def followed(table: pd.DataFrame, ended: pd.DataFrame, window: int) -> np.ndarray:
    """Per ended ceasefire: whether another in the same conflict took effect between the day
    before it ended and `window` days after."""
    return near(table, ended, "end", "start", 1, window)


def preceded(table: pd.DataFrame, chosen: pd.DataFrame, window: int) -> np.ndarray:
    """Per chosen ceasefire: whether another in the same conflict ended from `window` days
    before it took effect to the day after (it is a renewal, as the data code one)."""
    return near(table[table.end.notna()], chosen, "start", "end", window, 1)


def successor_rows(table: pd.DataFrame) -> Iterator[Row]:
    """After a time-limited ceasefire ends, the share followed by another within 7 and 30 days,
    for all that ended on a known day and for those whose end is coded as the term running out."""
    observable = table.end <= DATA_END - pd.Timedelta(days=max(WINDOWS))
    ended = table[(table.fixed == 1) & table.end.notna() & observable]
    versions = {"time_limited": (ended, "time-limited ceasefires with an end date"),
                "ran_its_term": (ended[ended.ended == RAN_ITS_TERM],
                                 "time-limited ceasefires coded as ended by their term (ended 1)")}
    for window in WINDOWS:
        for name, (chosen, condition) in versions.items():
            hits = int(followed(table, chosen, window).sum())
            yield Row(f"ceasefire.followed_within_{window}d.{name}",
                      f"share of ended ceasefires followed by another in the same conflict "
                      f"within {window} days",
                      f"{condition}, ended by {(DATA_END - pd.Timedelta(days=max(WINDOWS))).date()};"
                      f" the next takes effect from the day before the end to {window} days after",
                      *share(hits, len(chosen)), "probability", len(chosen), hits,
                      "share, Wilson interval", "eth_prio")
    renewed = versions["ran_its_term"][0]
    renewed = renewed[preceded(table, renewed, min(WINDOWS))]
    hits = int(followed(table, renewed, min(WINDOWS)).sum())
    yield Row("ceasefire.followed_within_7d.ran_its_term_after_a_renewal",
              "share of ended ceasefires followed by another in the same conflict within 7 days, "
              "among those that themselves followed one within 7 days",
              f"time-limited ceasefires coded as ended by their term (ended 1), ended by "
              f"{(DATA_END - pd.Timedelta(days=max(WINDOWS))).date()}, that took effect within "
              "7 days of another's end in the same conflict: a renewal renewed again",
              *share(hits, len(renewed)), "probability", len(renewed), hits,
              "share, Wilson interval", "eth_prio")


def rows(data_dir: Path) -> Iterator[Row]:
    table = ceasefires(read(data_dir, "eth_prio", COLUMNS))
    yield from term_rows(table)
    yield from successor_rows(table)
