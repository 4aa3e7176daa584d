"""Hydra --multirun over any override, on the joblib launcher, summarised like a sweep."""

import subprocess
import sys
from pathlib import Path

import pandas as pd

from sim.report.multirun import collect
from tests.cli.test_main import ROOT, negsim


def test_a_joblib_launcher_multirun_collects_into_a_sweep_table(tmp_path: Path):
    done = negsim("--multirun", "hydra/launcher=joblib", "hydra.launcher.n_jobs=2",
                  "mediator=sea_first,comprehensive", "runs=40", "scenario.horizon_days=90",
                  "montecarlo.progress=false", f"hydra.sweep.dir={tmp_path}")
    assert done.returncode == 0, done.stderr
    script = Path(sys.executable).with_name("negsim-collect")
    collected = subprocess.run([str(script), str(tmp_path)], capture_output=True, text=True,
                               cwd=ROOT, timeout=120)
    assert collected.returncode == 0, collected.stderr
    table = pd.read_parquet(tmp_path / "sweep.parquet")
    assert table["param.mediator"].tolist() == ["sea_first", "comprehensive"]
    assert {"agreement.p", "agreement.ci_low", "agreement.ci_high", "stages.sea.p_signed"} <= set(
        table.columns)


def test_unfinished_jobs_are_left_out_and_named(tmp_path: Path):
    (tmp_path / "0").mkdir()
    table, missing = collect(tmp_path)
    assert table.empty and missing == [tmp_path / "0"]


def test_the_slurm_launcher_config_composes():
    from hydra import compose, initialize_config_dir

    from sim.config.compose import CONFIG_DIR

    with initialize_config_dir(config_dir=CONFIG_DIR, version_base="1.3"):
        cfg = compose(config_name="config", overrides=["hydra/launcher=slurm"],
                      return_hydra_config=True)
    launcher = cfg.hydra.launcher
    assert "submitit" in launcher._target_.lower() and launcher.cpus_per_task == 16
