"""Result files are written whole or not at all."""

import json

import numpy as np
import pytest

from sim.results import RunTable, load_runs, write_json


def test_json_is_written_atomically_and_nan_becomes_null(tmp_path):
    write_json(tmp_path / "s.json", {"p": np.float64(0.5), "median": float("nan"), "n": np.int64(3)})
    assert json.loads((tmp_path / "s.json").read_text()) == {"p": 0.5, "median": None, "n": 3}
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


def test_run_table_appears_only_when_closed(tmp_path):
    table = RunTable(tmp_path)
    table.append({"x": np.arange(3)})
    table.append({"x": np.arange(3, 5)})
    assert not (tmp_path / "runs.parquet").exists()
    table.close()
    assert load_runs(tmp_path)["x"].tolist() == [0, 1, 2, 3, 4]


def test_an_abandoned_run_table_leaves_nothing(tmp_path):
    table = RunTable(tmp_path)
    table.append({"x": np.arange(3)})
    table.abandon()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(FileNotFoundError):
        load_runs(tmp_path)


def test_text_columns_load_as_categories(tmp_path):
    import pandas as pd

    table = RunTable(tmp_path)
    table.append({"end_reason": np.array(["agreement", "horizon", "agreement"]),
                  "agreement": np.array([True, False, True])})
    table.close()
    runs = load_runs(tmp_path)
    assert isinstance(runs["end_reason"].dtype, pd.CategoricalDtype)
    assert runs["end_reason"].tolist() == ["agreement", "horizon", "agreement"]


def test_only_the_replicate_columns_carry_row_group_statistics(tmp_path):
    """Readers can still pick replicates by row group; the writer does not keep min/max of
    every column of every chunk in memory while a long run streams."""
    import pyarrow.parquet as pq

    table = RunTable(tmp_path)
    for start in (0, 5):
        table.append({"replicate": np.arange(start, start + 5), "x": np.random.rand(5)})
    table.close()
    metadata = pq.ParquetFile(tmp_path / "runs.parquet").metadata
    second = metadata.row_group(1)
    assert (second.column(0).statistics.min, second.column(0).statistics.max) == (5, 9)
    assert second.column(1).statistics is None
