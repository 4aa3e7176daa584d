"""Signed agreements: from a first ceasefire agreement to a comprehensive one (PA-X), and how
many agreements end within a year of signing (UCDP)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from sim.results.baserates.table import Row, Survival, read, share

YEARS = (1, 2, 5)
PAX_COLUMNS = ("PP", "AgtId", "Dat", "Stage")
CEASEFIRE, COMPREHENSIVE = "Cea", "SubComp"

UCDP_END = pd.Timestamp("2021-12-31")
"""The last day the UCDP peace agreement data cover: an agreement signed within a year of it is
left out of the within-a-year shares (its year is not over)."""
UCDP_COLUMNS = ("paid", "pa_date", "duration", "pa_type", "cease")
TYPES = {"all": ("every agreement", None), "full": ("full agreements (pa_type 1)", 1),
         "partial": ("partial agreements (pa_type 2)", 2),
         "process": ("peace process agreements (pa_type 3)", 3)}


def processes(raw: pd.DataFrame) -> Survival:
    """Per peace process with a ceasefire agreement and no comprehensive one before it: days
    from its first ceasefire agreement to its first comprehensive one, censored at the last
    signing date in the file."""
    signed = raw.assign(date=pd.to_datetime(raw.Dat, errors="coerce")).dropna(subset=["date"])
    last = signed.date.max()
    first_cea = signed[signed.Stage == CEASEFIRE].groupby("PP").date.min()
    comprehensive = signed[signed.Stage == COMPREHENSIVE]
    days, observed = [], []
    for process, start in first_cea.items():
        dates = comprehensive.date[comprehensive.PP.eq(process)]
        if (dates < start).any():
            continue
        reached = dates.min() if dates.size else pd.NaT
        days.append(((reached if reached is not pd.NaT else last) - start).days)
        observed.append(reached is not pd.NaT)
    return Survival(np.asarray(days, float), np.asarray(observed, bool))


def pax_rows(data_dir: Path) -> Iterator[Row]:
    found = processes(read(data_dir, "pax", PAX_COLUMNS))
    for years in YEARS:
        still, low, high = found.at(round(365.25 * years))
        estimate = None if still is None else 1 - still
        yield Row(f"process.comprehensive_within_{years}y.after_first_ceasefire",
                  f"share of peace processes reaching a comprehensive agreement within {years} "
                  f"year(s) of their first ceasefire agreement",
                  "peace processes with a ceasefire agreement (Stage Cea) and no comprehensive "
                  "one (Stage SubComp) before it; those without one censored at the last "
                  "signing date in the data",
                  estimate, None if high is None else 1 - high, None if low is None else 1 - low,
                  "probability", found.n, found.events,
                  "Kaplan-Meier cumulative, log-log Greenwood interval", "pax")


def ucdp_rows(data_dir: Path) -> Iterator[Row]:
    """The share of signed agreements that ended within 365 days, by type and for those with
    ceasefire provisions."""
    raw = read(data_dir, "ucdp_pa", UCDP_COLUMNS)
    signed = pd.to_datetime(raw.pa_date, errors="coerce")
    ended = pd.to_datetime(raw.duration, errors="coerce")
    within = ((ended - signed).dt.days <= 365).to_numpy(bool)
    kinds = pd.to_numeric(raw.pa_type, errors="coerce")
    usable = signed.notna() & (signed <= UCDP_END - pd.Timedelta(days=365))
    groups = {**{name: (text, kinds == code if code else usable)
                 for name, (text, code) in TYPES.items()},
              "with_ceasefire": ("agreements with ceasefire provisions (cease 1)",
                                 pd.to_numeric(raw.cease, errors="coerce") == 1)}
    for name, (condition, members) in groups.items():
        chosen = (usable & members).to_numpy(bool)
        hits = int(within[chosen].sum())
        yield Row(f"agreement.ended_within_1y.{name}",
                  "share of signed agreements that ended within a year of signing",
                  f"{condition} signed by {(UCDP_END - pd.Timedelta(days=365)).date()}; ended = "
                  "an end date (duration) within 365 days",
                  *share(hits, int(chosen.sum())), "probability", int(chosen.sum()), hits,
                  "share, Wilson interval", "ucdp_pa")


def rows(data_dir: Path) -> Iterator[Row]:
    yield from pax_rows(data_dir)
    yield from ucdp_rows(data_dir)
