"""`negsim-baserates`: derives the table, refuses bad input in one line, and the committed table
is what the shared data give."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli.baserates import main
from sim.results.baserates.build import SHARED_DATA, TABLE, derive, load
from sim.results.baserates.table import COLUMNS
from tests.results.baserates_data import write_all


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("negsim-baserates: error: ")
    return lines[0]


def test_writes_the_table_from_a_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "baserates.csv"
    (tmp_path / "data").mkdir()
    main(["--data-dir", str(write_all(tmp_path / "data")), "--out", str(out)])
    table = load(out)
    assert list(table.columns) == list(COLUMNS)
    assert "written to" in capsys.readouterr().out


@pytest.mark.parametrize("damage, expected", [
    ("no folder", "no such folder"),
    ("no file", "ucdp_termination_conflict_3_2021.csv: no such file"),
    ("broken", "eth_prio_ceasefires.csv: not a readable CSV"),
    ("empty", "pax_agreements.csv: not a readable CSV"),
])
def test_bad_data_is_refused_in_one_line_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str, expected: str):
    data = tmp_path / "data"
    data.mkdir()
    write_all(data)
    if damage == "no folder":
        data = tmp_path / "elsewhere"
    elif damage == "no file":
        (data / "ucdp_termination_conflict_3_2021.csv").unlink()
    elif damage == "broken":
        (data / "eth_prio_ceasefires.csv").write_text('a,b\n1,2\n3,4,5,6\n"open\n')
    else:
        (data / "pax_agreements.csv").write_text("")
    out = tmp_path / "baserates.csv"
    assert expected in _refused(["--data-dir", str(data), "--out", str(out)], capsys)
    assert not out.exists()


def test_an_unwritable_output_is_refused_and_leaves_nothing(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    data.mkdir()
    write_all(data)
    out = tmp_path / "missing" / "baserates.csv"
    assert "cannot write the table" in _refused(["--data-dir", str(data), "--out", str(out)],
                                                capsys)
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(not SHARED_DATA.is_dir(),
                    reason=f"the shared data sets are not here ({SHARED_DATA}); CI has them")
def test_committed_table_is_what_the_data_give_against_shared_data():
    """seeds/baserates.csv is exactly what `negsim-baserates` derives from ../shared/data."""
    committed = load(TABLE)
    derived = derive(SHARED_DATA).set_index("id", drop=False)
    pd.testing.assert_frame_equal(committed, load_roundtrip(derived), check_dtype=False)


def load_roundtrip(table: pd.DataFrame) -> pd.DataFrame:
    """A derived table as it reads back from its CSV (empty cells become NaN)."""
    return table.astype({c: float for c in ("estimate", "ci_low", "ci_high")})


def test_the_guide_shows_the_committed_figures():
    """Every headline figure in docs/guide/baserates.md is the committed table's, as rounded."""
    table = load(TABLE)
    text = (TABLE.parents[1] / "docs" / "guide" / "baserates.md").read_text()
    shown = re.findall(r"^\| `([\w.]+)` \| ([\d.]+)(%| days) \|", text, flags=re.M)
    assert len(shown) >= 10
    for row_id, value, unit in shown:
        estimate = table.loc[row_id, "estimate"]
        expected = f"{100 * estimate:.1f}" if unit == "%" else f"{estimate:.0f}"
        assert value == expected, row_id
