"""A run table read a few rows at a time gives the same summary and figures' data as read whole."""

import numpy as np
import pandas as pd
import pytest

from sim.results import digest as digest_module
from sim.results.digest import TERM_GRID, checkpoints, digest_frame, digest_saved
from sim.results.files import RunTable
from sim.results.summary import summarise, summarise_saved


def run_table(rows: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    agreed = rng.random(rows) < 0.4
    signed = agreed | (rng.random(rows) < 0.3)
    return pd.DataFrame({
        "agreement": agreed,
        "agreement_day": np.where(agreed, rng.integers(1, 100, rows), np.nan),
        "agreement_held": agreed & (rng.random(rows) < 0.5),
        "end_reason": np.where(agreed, "agreement", rng.choice(["horizon", "mediator_withdrew"],
                                                               rows)),
        "highest_stage": rng.choice(["none", "sea", "deal"], rows),
        "stage.deal.signed": signed,
        "stage.deal.held": signed & (rng.random(rows) < 0.5),
        "stage.deal.collapsed": signed & (rng.random(rows) < 0.2),
        "stage.deal.first_spell_days": np.where(signed, rng.integers(0, 80, rows), 0),
        "stage.deal.first_spell_collapsed": signed & (rng.random(rows) < 0.2),
        "party.A.stalls": rng.integers(0, 5, rows), "party.A.violations": rng.integers(0, 3, rows),
        "party.A.reported_violations": rng.integers(0, 3, rows),
        "party.A.trust_in_mediator": rng.random(rows),
        "terms.land": np.where(agreed, rng.random(rows), np.nan),
    })


@pytest.fixture
def saved(tmp_path, monkeypatch):
    """A 1,000-row table saved in chunks of 170 rows and read back 64 rows at a time."""
    monkeypatch.setattr(digest_module, "BATCH_ROWS", 64)
    frame = run_table(1_000)
    table = RunTable(tmp_path)
    for start in range(0, len(frame), 170):
        table.append({c: frame[c].to_numpy()[start:start + 170] for c in frame})
    table.close()
    return tmp_path, frame


def test_a_summary_read_in_batches_equals_the_summary_of_the_whole_table(saved):
    folder, frame = saved
    streamed, whole = summarise_saved(folder, 100), summarise(frame, 100)
    assert streamed.pop("parties")["A"] == pytest.approx(whole.pop("parties")["A"], rel=1e-12)
    assert streamed == whole


def test_the_figures_data_read_in_batches_equals_the_whole_tables(saved):
    folder, frame = saved
    streamed, whole = digest_saved(folder, 100), digest_frame(frame, 100)
    np.testing.assert_array_equal(streamed.agreement_days.events, whole.agreement_days.events)
    np.testing.assert_array_equal(streamed.agreement_days.censored, whole.agreement_days.censored)
    assert streamed.agreement_days.censored[100] == (~frame["agreement"]).sum()  # at the horizon
    np.testing.assert_array_equal(streamed.first_spells["deal"].events,
                                  whole.first_spells["deal"].events)
    np.testing.assert_array_equal(streamed.terms["land"], whole.terms["land"])
    np.testing.assert_array_equal(streamed.running_hits, whole.running_hits)


def test_the_running_share_counts_agreements_among_the_first_n_replicates(saved):
    folder, frame = saved
    at, hits = digest_saved(folder, 100).running_share()
    np.testing.assert_array_equal(hits, np.cumsum(frame["agreement"])[at - 1])
    assert at[0] == 1 and at[-1] == len(frame) and at.size <= 200


def test_agreed_terms_are_counted_on_the_grid_only_where_agreement_was_reached():
    frame = run_table(500)
    counts = digest_frame(frame, 100).terms["land"]
    assert counts.size == TERM_GRID + 1
    assert counts.sum() == frame["agreement"].sum()


def test_checkpoints_grow_geometrically_and_end_at_the_last_replicate():
    at = checkpoints(1_000_000)
    assert at[0] == 1 and at[-1] == 1_000_000 and at.size <= 200
    assert checkpoints(0).size == 0
