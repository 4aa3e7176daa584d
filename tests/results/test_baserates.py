"""Base rates derived from small data sets whose answers can be worked out by hand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.results.baserates import agreements, ceasefires, endings, renewals
from sim.results.baserates.build import derive
from sim.results.baserates.table import COLUMNS, BaseRateError, Survival, frame
from tests.results.baserates_data import (
    ceasefire,
    write_all,
    write_eth,
    write_pax,
    write_termination,
    write_ucdp_pa,
)

END = ceasefires.DATA_END


def _days_before_end(days: int) -> str:
    return str((END - pd.Timedelta(days=days)).date())


def _after(start: str, days: int) -> str:
    return str((pd.Timestamp(start) + pd.Timedelta(days=days)).date())


def _by_id(rows) -> pd.DataFrame:
    return frame(rows).set_index("id")


@pytest.fixture
def six_ceasefires(tmp_path: Path) -> Path:
    """Four ended after 20, 30, 50 and 90 days; two still going, 30 and 80 days before the data
    end; one that never took effect; and one ceasefire written as two actors' rows."""
    start = "2019-01-01"
    rows = [ceasefire(1, start, _after(start, 20), written=1),
            ceasefire(2, start, _after(start, 30), written=1),
            ceasefire(2, start, _after(start, 30), written=1, cc=9),  # its second actor
            ceasefire(3, _days_before_end(30), written=1),
            ceasefire(4, start, _after(start, 50)),
            ceasefire(5, _days_before_end(80)),
            ceasefire(6, start, _after(start, 90)),
            ceasefire(7, start, _after(start, 5), ended=ceasefires.NEVER_IN_EFFECT)]
    write_eth(tmp_path, rows)
    return tmp_path


def test_kaplan_meier_censors_those_without_an_end_at_the_data_end(six_ceasefires: Path):
    """By hand: at day 20, 1 of 6 ends (5/6); at day 30, 1 of the 5 at risk (the censored one
    still counts at its own day): 5/6 x 4/5 = 2/3; at day 50, 1 of 3: 4/9, below a half."""
    table = _by_id(ceasefires.survival_rows(six_ceasefires))
    row = table.loc["ceasefire.survival_30d.all.censored"]
    assert row.estimate == pytest.approx(2 / 3, abs=1e-4)
    assert (row.n, row.events) == (6, 4)
    assert row.ci_low < row.estimate < row.ci_high
    assert table.loc["ceasefire.median_days.all.censored", "estimate"] == 50


def test_dated_way_keeps_only_the_ceasefires_with_an_end(six_ceasefires: Path):
    """Of the four that ended (20, 30, 50, 90 days), two last past day 29 and half by day 30."""
    table = _by_id(ceasefires.survival_rows(six_ceasefires))
    row = table.loc["ceasefire.survival_30d.all.dated"]
    assert (row.estimate, row.n, row.events) == (pytest.approx(0.5), 4, 4)
    assert table.loc["ceasefire.median_days.all.dated", "estimate"] == 30
    assert table.loc["ceasefire.survival_365d.all.dated", "estimate"] == 0


def test_splits_select_by_their_codes(six_ceasefires: Path):
    """Written: ended at 20 and 30, one censored 30 days before the end; verbal: the rest."""
    table = _by_id(ceasefires.survival_rows(six_ceasefires))
    assert table.loc["ceasefire.survival_30d.written.censored", "n"] == 3
    assert table.loc["ceasefire.survival_30d.written.censored", "estimate"] == pytest.approx(1 / 3, abs=1e-4)
    assert table.loc["ceasefire.survival_30d.verbal.censored", "n"] == 3
    assert table.loc["ceasefire.survival_30d.verbal.censored", "estimate"] == 1


def test_a_median_never_reached_is_left_empty():
    """Nine of ten still going: the survival never falls to a half within the data."""
    found = Survival(np.array([5.0] + [100.0] * 9), np.array([True] + [False] * 9))
    assert found.median()[0] is None
    assert found.at(50)[0] == pytest.approx(0.9)


def test_dates_with_an_unknown_day_fall_on_the_15th_and_without_a_month_on_none():
    found = ceasefires.dates(pd.Series([2019, 2019, -1]), pd.Series([3, -1, 3]),
                             pd.Series([-1, 4, 4]))
    assert found.iloc[0] == pd.Timestamp("2019-03-15")
    assert found.iloc[1:].isna().all()


def test_time_limited_truces_their_terms_and_what_follows_them(tmp_path: Path):
    """Three time-limited ceasefires (terms 7, 14 and 30 days): the first is followed in its
    conflict 4 days after it ends, the second 19 days after, the third only in another
    conflict. The first two are coded as having run their term."""
    rows = [ceasefire(1, "2019-02-22", "2019-03-01", fixed=1, fixed_time="7", ended=1),
            ceasefire(2, "2019-03-05"),
            ceasefire(3, "2019-05-18", "2019-06-01", fixed=1, fixed_time="14", ended=1,
                      ucdp_acd_id=200),
            ceasefire(4, "2019-06-20", ucdp_acd_id=200),
            ceasefire(5, "2019-08-02", "2019-09-01", fixed=1, fixed_time="30", ucdp_acd_id=300),
            ceasefire(6, "2019-09-03", ucdp_acd_id=400)]
    write_eth(tmp_path, rows)
    table = _by_id(renewals.rows(tmp_path))
    assert table.loc["ceasefire.share_time_limited.all", "estimate"] == 0.5
    assert table.loc["ceasefire.median_term_days.time_limited", "estimate"] == 14
    assert table.loc["ceasefire.followed_within_7d.time_limited", "events"] == 1
    assert table.loc["ceasefire.followed_within_7d.time_limited", "n"] == 3
    assert table.loc["ceasefire.followed_within_30d.time_limited", "events"] == 2
    assert table.loc["ceasefire.followed_within_30d.ran_its_term", "estimate"] == 1


def test_first_ceasefire_to_comprehensive_agreement(tmp_path: Path):
    """Process 1 reaches a comprehensive agreement half a year on, process 2 three years on,
    process 3 never (censored at the last signing, five years and a day on); process 4 had
    one before its ceasefire and is left out. So a third within a year and within two, two
    thirds within five."""
    write_pax(tmp_path, [(1, "2000-01-01", "Cea"), (1, "2000-07-01", "SubComp"),
                         (2, "2000-01-01", "Cea"), (2, "2003-01-01", "SubComp"),
                         (3, "2000-01-01", "Cea"), (3, "2000-02-01", "Pre"),
                         (4, "1999-01-01", "SubComp"), (4, "2000-01-01", "Cea"),
                         (5, "2005-01-01", "Pre")])
    table = _by_id(agreements.pax_rows(tmp_path))
    shares = [table.loc[f"process.comprehensive_within_{y}y.after_first_ceasefire", "estimate"]
              for y in (1, 2, 5)]
    assert shares == pytest.approx([1 / 3, 1 / 3, 2 / 3], abs=1e-4)
    assert table.iloc[0].n == 3
    assert table.iloc[0].ci_low <= 1 / 3 <= table.iloc[0].ci_high


def test_agreements_ending_within_a_year_by_type(tmp_path: Path):
    """Signed 2010: partial ends on day 100, full on day 400, partial never, process on day
    365 (within the year); one signed in June 2021 has no whole year to show and is left out."""
    write_ucdp_pa(tmp_path, [("2010-01-01", "2010-04-11", 2, 1), ("2010-01-01", "2011-02-05", 1, 0),
                             ("2010-01-01", None, 2, 1), ("2010-01-01", "2011-01-01", 3, 0),
                             ("2021-06-01", "2021-06-02", 2, 1)])
    table = _by_id(agreements.ucdp_rows(tmp_path))
    assert table.loc["agreement.ended_within_1y.all", ["n", "events"]].tolist() == [4, 2]
    assert table.loc["agreement.ended_within_1y.partial", "estimate"] == 0.5
    assert table.loc["agreement.ended_within_1y.full", "estimate"] == 0
    assert table.loc["agreement.ended_within_1y.process", "estimate"] == 1
    assert table.loc["agreement.ended_within_1y.with_ceasefire", "estimate"] == 0.5


def test_how_conflict_episodes_end(tmp_path: Path):
    """Four episodes, each counted once at its last year: by agreement (1980), low activity
    (1995), government victory (2000) and rebel victory (1950)."""
    write_termination(tmp_path, [(1, 0, None, 1979), (1, 1, 1, 1980), (2, 1, 5, 1995),
                                 (3, 1, 3, 2000), (4, 0, None, 1949), (4, 1, 4, 1950)])
    table = _by_id(endings.rows(tmp_path))
    assert table.loc["episode.ended_by.peace_agreement.all", "estimate"] == 0.25
    assert table.loc["episode.ended_by.victory.all", ["n", "events"]].tolist() == [4, 2]
    assert table.loc["episode.ended_by.low_activity.since_1989", "estimate"] == 0.5


def test_the_whole_table_has_every_column_and_unique_ids(tmp_path: Path):
    table = derive(write_all(tmp_path))
    assert list(table.columns) == list(COLUMNS)
    assert table.id.is_unique
    assert table.citation.str.len().min() > 20


def test_a_missing_column_names_the_file_and_the_column(tmp_path: Path):
    write_all(tmp_path)
    pd.read_csv(tmp_path / "pax_agreements.csv").drop(columns="Stage").to_csv(
        tmp_path / "pax_agreements.csv", index=False)
    with pytest.raises(BaseRateError, match=r"pax_agreements\.csv: missing column\(s\) Stage"):
        derive(tmp_path)
