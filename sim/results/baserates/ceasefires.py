"""How long ceasefires last (ETH/PRIO): Kaplan-Meier survival, split by what kind they are.

One ceasefire is one `uniq_id` (the file has a row per actor; its first row speaks for it).
About half have no end date, so every statistic is given two ways: `censored`, those without an
end date counted as still going on the data set's last day (Kaplan-Meier), and `dated`, only
those with an end date (the survival among the complete cases, which is shorter).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from sim.results.baserates.table import Row, Survival, read

DATA_END = pd.Timestamp("2020-12-31")
"""The last day the ETH/PRIO data cover: a ceasefire without an end date is censored here."""

NEVER_IN_EFFECT = 3
"""The `ended` code that appears to mean the ceasefire never took effect (left out)."""

COLUMNS = ("uniq_id", "cc", "ucdp_acd_id", "cf_dec_yr", "cf_dec_month", "cf_dec_day",
           "cf_effect_yr", "cf_effect_month", "cf_effect_day", "written", "fixed", "fixed_time",
           "p_humanitarian", "p_peaceprocess", "p_holiday", "p_election", "mediator_nego",
           "ended", "end_yr", "end_month", "end_day")

GROUPS: dict[str, tuple[str, str]] = {
    "all": ("every ceasefire that took effect", "True"),
    "written": ("written ceasefires (written 1 or 2)", "written in (1, 2)"),
    "verbal": ("verbal ceasefires (written 0)", "written == 0"),
    "time_limited": ("time-limited ceasefires (fixed 1)", "fixed == 1"),
    "open_ended": ("ceasefires without a fixed term (fixed 0)", "fixed == 0"),
    "humanitarian": ("ceasefires with a humanitarian purpose", "p_humanitarian == 1"),
    "holiday": ("ceasefires for a holiday", "p_holiday == 1"),
    "peace_process": ("ceasefires as part of a peace process", "p_peaceprocess == 1"),
    "election": ("ceasefires for an election", "p_election == 1"),
    "mediated": ("ceasefires negotiated with a mediator (mediator_nego 1)", "mediator_nego == 1"),
    "unmediated": ("ceasefires negotiated without a mediator (mediator_nego 0)",
                   "mediator_nego == 0"),
}
"""Per split: what it holds, and its selection (a pandas query on one row per ceasefire)."""

WAYS = {
    "censored": "those without an end date censored on 2020-12-31 (the data's last day)",
    "dated": "only those with an end date",
}
HORIZONS = {"censored": (7, 14, 30, 60, 90, 120, 180, 270, 365, 545, 730), "dated": (30, 365)}
"""Days at which survival is given: a curve (two years) for the censored way, which the
base-rate forecaster reads; 30 and 365 days for the dated way."""


def dates(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    """Dates from coded parts: none without a year and month; the 15th where the day is
    unknown (codes 0 and -1 are missing)."""
    parts = pd.DataFrame({"year": pd.to_numeric(year, errors="coerce"),
                          "month": pd.to_numeric(month, errors="coerce"),
                          "day": pd.to_numeric(day, errors="coerce")})
    known = (parts.year > 0) & (parts.month.between(1, 12))
    parts["day"] = parts.day.where(parts.day.between(1, 31), 15)
    parts.loc[~known, ["year", "month", "day"]] = (2000, 1, 1)  # a placeholder, dropped below
    stamped = pd.to_datetime(parts.astype(int), errors="coerce")
    return stamped.where(known)


def ceasefires(raw: pd.DataFrame) -> pd.DataFrame:
    """One row per ceasefire with its start (when it took effect, else when declared), its end
    where dated, and the set of conflicts (or the country) it belongs to."""
    rows = raw.groupby("uniq_id", sort=True)
    table = rows.first().reset_index()
    for column in COLUMNS[3:]:
        if column != "fixed_time":
            table[column] = pd.to_numeric(table[column], errors="coerce")
    effect = dates(table.cf_effect_yr, table.cf_effect_month, table.cf_effect_day)
    declared = dates(table.cf_dec_yr, table.cf_dec_month, table.cf_dec_day)
    table["start"] = effect.fillna(declared)
    table["end"] = dates(table.end_yr, table.end_month, table.end_day)
    table["dated"] = table.end_yr > 0
    table["conflicts"] = rows.apply(_conflicts, include_groups=False).to_numpy()
    return table


def _conflicts(rows: pd.DataFrame) -> frozenset[str]:
    ids = pd.to_numeric(rows.ucdp_acd_id, errors="coerce")
    known = {f"acd{int(i)}" for i in ids if i > 0}
    return frozenset(known or {f"cc{rows.cc.iloc[0]}"})


def spells(table: pd.DataFrame, way: str) -> Survival:
    """Days from start to end (an end) or to the data's last day (censored), of ceasefires
    that took effect, whose start is known and whose end, where it has one, is known to the
    month; `dated` keeps only those with an end."""
    usable = (table.ended != NEVER_IN_EFFECT) & table.start.notna() & ~(table.dated
                                                                          & table.end.isna())
    if way == "dated":
        usable &= table.dated
    chosen = table[usable]
    stop = chosen.end.where(chosen.dated, DATA_END)
    days = (stop - chosen.start).dt.days.clip(lower=0).to_numpy(float)
    return Survival(days, chosen.dated.to_numpy(bool))


def survival_rows(data_dir: Path) -> Iterator[Row]:
    """Survival at `HORIZONS` and the median duration, per split, both ways."""
    table = ceasefires(read(data_dir, "eth_prio", COLUMNS))
    for group, (condition, query) in GROUPS.items():
        chosen = table.query(query) if query != "True" else table
        for way, treatment in WAYS.items():
            found = spells(chosen, way)
            where = f"{condition}; {treatment}"
            for horizon in HORIZONS[way]:
                yield Row(f"ceasefire.survival_{horizon}d.{group}.{way}",
                          f"share of ceasefires still in force {horizon} days after taking effect",
                          where, *found.at(horizon), "probability", found.n, found.events,
                          "Kaplan-Meier, log-log Greenwood interval", "eth_prio")
            yield Row(f"ceasefire.median_days.{group}.{way}",
                      "median days from a ceasefire taking effect to its end", where,
                      *found.median(), "days", found.n, found.events,
                      "Kaplan-Meier median, interval where its band crosses one half",
                      "eth_prio")

