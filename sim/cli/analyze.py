"""`negsim-analyze FOLDER [--outcome NAME] [--csv]`: which sampled inputs matter, from saved
results alone (no new runs).

FOLDER is a single run (its run table: every replicate's sampled inputs and outcomes) or a
sweep (its table of points). Writes `sensitivity_given_data.parquet` (and `.csv`) beside the
results; `--csv` also exports the run or sweep table as CSV.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sim.cli.report import saved_results
from sim.results.files import RUNS, ResultsError, load_runs, load_summary, write_csv, write_parquet

GIVEN_DATA = "sensitivity_given_data"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="negsim-analyze", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a run or sweep results folder")
    parser.add_argument("--outcome", default="agreement",
                        help="outcome column: agreement, agreement_held or question.NAME")
    parser.add_argument("--seed", type=int, default=0, help="seed of the bootstrap and dummy")
    parser.add_argument("--csv", action="store_true", help="also export the run or sweep table")
    return parser


def analyze(folder: Path, outcome: str = "agreement", seed: int = 0, csv: bool = False) -> str:
    """Given-data sensitivity of `outcome` in a saved run or sweep; returns the ranking text."""
    from sim.report.given_data import given_data_indices, ranking_text, run_sample, sweep_sample

    sweep = load_summary(folder).get("kind") == "sweep"
    sample = (sweep_sample if sweep else run_sample)(folder, outcome)
    if sample.inputs.shape[1] == 0:
        raise ResultsError(f"{folder}: got no sampled input that varies; expected a run with "
                         "uncertain inputs or a sweep")
    table = given_data_indices(sample, seed)
    write_parquet(folder / f"{GIVEN_DATA}.parquet", table)
    write_csv(folder / f"{GIVEN_DATA}.csv", table)
    if csv:
        import pandas as pd

        data = pd.read_parquet(folder / "sweep.parquet") if sweep else load_runs(folder)
        write_csv(folder / ("sweep.csv" if sweep else RUNS.replace(".parquet", ".csv")), data)
    return ranking_text(table, outcome)


def main(argv: list[str] | None = None) -> None:
    """Console script `negsim-analyze`."""
    args = _parser().parse_args(argv)
    with saved_results("negsim-analyze", args.folder):
        text = analyze(args.folder, args.outcome, args.seed, args.csv)
    print(text)
    print(f"Written to {args.folder / (GIVEN_DATA + '.parquet')}")


if __name__ == "__main__":
    main()
