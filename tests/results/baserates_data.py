"""Small data sets in the shape of the real ones, written by the tests that need them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.results.baserates.table import DATA_SETS

ETH_DEFAULTS = {"cc": 1, "ucdp_acd_id": 100, "cf_dec_yr": 2019, "cf_dec_month": 1, "cf_dec_day": 1,
                "written": 0, "fixed": 0, "fixed_time": "0", "p_humanitarian": 0,
                "p_peaceprocess": 0, "p_holiday": 0, "p_election": 0, "mediator_nego": 0,
                "ended": -1, "end_yr": -1, "end_month": -1, "end_day": -1}


def ceasefire(uid: int, start: str, end: str | None = None, **codes: object) -> dict[str, object]:
    """One ETH/PRIO row: a ceasefire taking effect on `start`, ending on `end` (or not)."""
    began = pd.Timestamp(start)
    row: dict[str, object] = {**ETH_DEFAULTS, "uniq_id": uid, "cf_effect_yr": began.year,
                              "cf_effect_month": began.month, "cf_effect_day": began.day}
    if end is not None:
        stop = pd.Timestamp(end)
        row |= {"ended": 4, "end_yr": stop.year, "end_month": stop.month, "end_day": stop.day}
    return row | codes


def write_eth(folder: Path, rows: list[dict[str, object]]) -> Path:
    path = folder / DATA_SETS["eth_prio"][0]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def write_pax(folder: Path, rows: list[tuple[int, str, str]]) -> None:
    """PA-X agreements as (peace process, signing date, stage)."""
    table = pd.DataFrame(rows, columns=["PP", "Dat", "Stage"])
    table.insert(1, "AgtId", range(1, len(rows) + 1))
    table.to_csv(folder / DATA_SETS["pax"][0], index=False)


def write_ucdp_pa(folder: Path, rows: list[tuple[str, str | None, int, int]]) -> None:
    """UCDP agreements as (signed, ended or None, pa_type, cease)."""
    table = pd.DataFrame(rows, columns=["pa_date", "duration", "pa_type", "cease"])
    table.insert(0, "paid", range(1, len(rows) + 1))
    table.to_csv(folder / DATA_SETS["ucdp_pa"][0], index=False)


def write_termination(folder: Path, rows: list[tuple[int, int, float | None, int]]) -> None:
    """Conflict-years as (episode, confterm, outcome, year)."""
    table = pd.DataFrame(rows, columns=["conflictep_id", "confterm", "outcome", "year"])
    table.to_csv(folder / DATA_SETS["ucdp_term"][0], index=False)


def write_all(folder: Path) -> Path:
    """A complete, tiny data folder: every file the derivation reads."""
    write_eth(folder, [ceasefire(1, "2019-01-01", "2019-01-21"), ceasefire(2, "2020-12-01")])
    write_pax(folder, [(1, "2000-01-01", "Cea"), (1, "2001-01-01", "SubComp")])
    write_ucdp_pa(folder, [("2010-01-01", "2010-04-11", 2, 1)])
    write_termination(folder, [(1, 0, None, 1990), (1, 1, 1, 1991)])
    return folder
