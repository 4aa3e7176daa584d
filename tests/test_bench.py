"""The benchmark's measurements run and report sane figures (speed itself is not asserted)."""

from sim.bench import engine, one_model_per_replicate


def test_engine_reports_throughput():
    row = engine(200, workers=1, chunk_size=100)
    assert row["runs"] == 200 and row["episodes_per_s"] > 0
    assert row["replicate_days_per_s"] >= row["episodes_per_s"]  # every episode lasts >= 1 day


def test_one_model_per_replicate_runs_the_same_rules():
    row = one_model_per_replicate(3)
    assert row["episodes"] == 3 and row["episodes_per_s"] > 0
