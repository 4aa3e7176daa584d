"""Sweeps: common random numbers, resuming, and the same numbers on every backend."""

import shutil

import pandas as pd
import pytest

from sim.jobs.run import run
from sim.results.files import load_runs
from tests.conftest import composed

TINY = ("runs=60", "montecarlo.chunk_size=30", "montecarlo.progress=false",
        "scenario.horizon_days=120")


def quiet(_: str) -> None:
    pass


def sweep(tmp_path, folder: str, *overrides: str) -> tuple[dict, pd.DataFrame]:
    args = [*TINY, f"point_store={tmp_path / 'store'}", *overrides]
    summary = run(composed(*args), tmp_path / folder, echo=quiet, argv=["test"], overrides=args)
    return summary, pd.read_parquet(tmp_path / folder / "sweep.parquet")


IRRELEVANT = ("+sweep.design=grid",
              "+sweep.parameters={scenario.parties.UA.delay.cost_per_day: [0.5, 1.0, 2.0]}")


def test_a_parameter_that_does_not_matter_gives_a_flat_sweep(tmp_path):
    """Ukraine never stalls (its delay prize is 0), so its cost of delay changes nothing; with
    common random numbers every point sees the same replicates and the sweep is exactly flat."""
    _, table = sweep(tmp_path, "flat", *IRRELEVANT)
    assert len(table) == 3
    assert table["param.scenario.parties.UA.delay.cost_per_day"].tolist() == [0.5, 1.0, 2.0]
    assert table["agreement.p"].nunique() == 1
    assert table["stages.sea.p_signed"].nunique() == 1
    outcomes = [load_runs(f).drop(columns=[c for c in load_runs(f) if c.startswith("input.")])
                for f in table["folder"]]
    pd.testing.assert_frame_equal(outcomes[0], outcomes[2])


NO_EU = ("~scenario.third_parties", "+scenario.third_parties={}")
"""Without the EU's veto, the mediator's carrot budget decides the sea truce."""
UNSIGNED = ("~scenario.initial",)
"""Nothing signed on day 0, so that whether the sea truce is signed is the talks' doing."""


def test_a_parameter_that_matters_moves_the_estimate(tmp_path):
    _, table = sweep(tmp_path, "moves", "+sweep.design=grid", *NO_EU, *UNSIGNED,
                     "+sweep.parameters={mediator.leverage.carrot_budget: [0.0, 0.1]}")
    no_carrot, carrot = table["stages.sea.p_signed"]
    assert carrot > no_carrot


def test_a_rerun_computes_only_the_points_not_yet_finished(tmp_path):
    first, table = sweep(tmp_path, "first", *IRRELEVANT)
    assert first["computed"] == [0, 1, 2]
    shutil.rmtree(table["folder"][1])  # as if the run had been killed during point 1
    second, again = sweep(tmp_path, "second", *IRRELEVANT)
    assert second["computed"] == [1] and second["reused"] == 2
    pd.testing.assert_frame_equal(table.drop(columns="folder"), again.drop(columns="folder"))


@pytest.mark.parametrize("backend", ["backend=dask", "workers=2"])
def test_other_backends_give_identical_numbers(tmp_path, backend):
    _, local = sweep(tmp_path / "a", "local", "workers=1", *IRRELEVANT[:1],
                     "+sweep.parameters={mediator: [sea_first, comprehensive]}")
    _, other = sweep(tmp_path / "b", "other", backend, "workers=2", *IRRELEVANT[:1],
                     "+sweep.parameters={mediator: [sea_first, comprehensive]}")
    pd.testing.assert_frame_equal(local.drop(columns="folder"), other.drop(columns="folder"))
    for a, b in zip(local["folder"], other["folder"], strict=True):
        pd.testing.assert_frame_equal(load_runs(a), load_runs(b))


def test_a_sweep_over_the_seed_runs_each_point_with_its_own_seed(tmp_path):
    """Before, every point ran the top-level seed and stored it under its own key: one number
    printed three times, and a poisoned store."""
    _, table = sweep(tmp_path, "seeds", "+sweep.design=grid", *UNSIGNED,
                     "+sweep.parameters={seed: [1, 2, 3]}")
    seeds = [load_runs(f)["chunk_seed"].iloc[0] for f in table["folder"]]
    assert len(set(seeds)) == 3
    alone = run(composed(*TINY, *UNSIGNED, "seed=2"), tmp_path / "alone", echo=quiet,
                argv=["test"])
    assert table["stages.sea.p_signed"][1] == alone["stages"]["sea"]["p_signed"]
    assert table["stages.sea.p_signed"].nunique() > 1


def test_a_sweep_over_runs_and_chunk_size_honours_each_point(tmp_path):
    _, table = sweep(tmp_path, "sizes", "+sweep.design=grid",
                     "+sweep.parameters={runs: [30, 90], montecarlo.chunk_size: [30, 45]}")
    frames = [load_runs(f) for f in table["folder"]]
    assert [len(f) for f in frames] == [30, 30, 90, 90]
    assert [f["chunk"].nunique() for f in frames] == [1, 1, 3, 2]


@pytest.mark.parametrize("path", ["workers", "backend", "report.formats", "trace", "name"])
def test_a_sweep_over_a_setting_that_changes_no_number_is_refused(tmp_path, path):
    from sim.config.errors import ConfigError

    with pytest.raises(ConfigError, match=f"sweep.parameters: got '{path}'; expected a key under"):
        sweep(tmp_path, "refused", "+sweep.design=grid", f"+sweep.parameters={{{path}: [1, 2]}}")


def _damage(folder, name: str) -> None:
    path = folder / name
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


@pytest.mark.parametrize("damaged", ["runs.parquet", "summary.json"])
def test_a_damaged_stored_point_is_computed_again(tmp_path, damaged):
    from pathlib import Path

    _, table = sweep(tmp_path, "first", *IRRELEVANT)
    _damage(Path(table["folder"][1]), damaged)
    second, again = sweep(tmp_path, "second", *IRRELEVANT)
    assert second["computed"] == [1] and second["reused"] == 2
    pd.testing.assert_frame_equal(table.drop(columns="folder"), again.drop(columns="folder"))


def test_a_stored_point_whose_table_was_swapped_is_computed_again(tmp_path):
    """A run table of the right length but other bytes (another point's) does not verify."""
    from pathlib import Path

    _, table = sweep(tmp_path, "first", *IRRELEVANT[:1], *NO_EU,
                     "+sweep.parameters={mediator.leverage.carrot_budget: [0.0, 0.1]}")
    a, b = (Path(f) / "runs.parquet" for f in table["folder"])
    shutil.copy(a, b)
    second, again = sweep(tmp_path, "second", *IRRELEVANT[:1], *NO_EU,
                          "+sweep.parameters={mediator.leverage.carrot_budget: [0.0, 0.1]}")
    assert second["computed"] == [1]
    pd.testing.assert_frame_equal(table.drop(columns="folder"), again.drop(columns="folder"))
