"""Result files are written whole or not at all."""

import json

import numpy as np
import pytest

from sim.results.files import RunTable, load_runs, write_json


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


def test_chunks_are_gathered_into_row_groups_in_order(tmp_path, monkeypatch):
    """Fewer, larger row groups: the writer's memory grows per row group, not per chunk."""
    import pyarrow.parquet as pq

    import sim.results.files as results

    monkeypatch.setattr(results, "ROW_GROUP_ROWS", 10)
    table = RunTable(tmp_path)
    for start in range(0, 25, 5):
        table.append({"replicate": np.arange(start, start + 5)})
    table.close()
    saved = pq.ParquetFile(tmp_path / "runs.parquet")
    assert [saved.metadata.row_group(i).num_rows for i in range(3)] == [10, 10, 5]
    assert load_runs(tmp_path)["replicate"].tolist() == list(range(25))
