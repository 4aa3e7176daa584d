"""`negsim-analyze FOLDER [--outcome NAME] [--discover OUTCOME[>P]] [--csv]`: which sampled
inputs matter, and when an outcome is likely, from saved results alone (no new runs).

FOLDER is a single run (its run table: every replicate's sampled inputs and outcomes) or a
sweep (its table of points). Writes `sensitivity_given_data.parquet` (and `.csv`) beside the
results; `--discover agreement>0.5` also finds where P(agreement) is at least 0.5 (PRIM, CART
and feature scores, `sim.report.scenarios`) and writes `scenario_discovery.json`; `--csv` also
exports the run or sweep table as CSV.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sim.cli.report import saved_results
from sim.report.given_data import GIVEN_DATA
from sim.results.files import RUNS, ResultsError, load_runs, load_summary, write_csv, write_parquet


def _discovery(text: str) -> tuple[str, float]:
    """`OUTCOME` or `OUTCOME>P`: the outcome column and the probability to reach (0.5 if none)."""
    name, _, value = text.partition(">")
    try:
        threshold = float(value) if value else 0.5
    except ValueError:
        threshold = -1.0
    if not name or not 0 < threshold < 1:
        raise argparse.ArgumentTypeError(f"got {text!r}; expected OUTCOME or OUTCOME>P with P "
                                         "strictly between 0 and 1, e.g. agreement>0.5")
    return name, threshold


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="negsim-analyze", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a run or sweep results folder")
    parser.add_argument("--outcome", default="agreement",
                        help="outcome column: agreement, agreement_held or question.NAME")
    parser.add_argument("--discover", type=_discovery, metavar="OUTCOME[>P]", default=None,
                        help="scenario discovery: where is P(OUTCOME) at least P (default 0.5)?")
    parser.add_argument("--seed", type=int, default=0, help="seed of the bootstrap and dummy")
    parser.add_argument("--csv", action="store_true", help="also export the run or sweep table")
    return parser


def analyze(folder: Path, outcome: str = "agreement", seed: int = 0, csv: bool = False,
            discovery: tuple[str, float] | None = None) -> str:
    """Given-data sensitivity of `outcome` in a saved run or sweep, and scenario discovery of
    `discovery` (outcome, threshold) where asked; returns the text for the terminal."""
    from sim.report.given_data import given_data_indices, ranking_text, run_sample, sweep_sample

    sweep = load_summary(folder).get("kind") == "sweep"
    sample = (sweep_sample if sweep else run_sample)(folder, outcome)
    if sample.inputs.shape[1] == 0:
        raise ResultsError(f"{folder}: got no sampled input that varies; expected a run with "
                         "uncertain inputs or a sweep")
    table = given_data_indices(sample, seed)
    write_parquet(folder / f"{GIVEN_DATA}.parquet", table)
    write_csv(folder / f"{GIVEN_DATA}.csv", table)
    text = ranking_text(table, outcome)
    if csv:
        import pandas as pd

        data = pd.read_parquet(folder / "sweep.parquet") if sweep else load_runs(folder)
        write_csv(folder / ("sweep.csv" if sweep else RUNS.replace(".parquet", ".csv")), data)
        if sweep:  # and every replicate beside its point's parameters
            from sim.results.exports import export_replicates

            text += f"\nExported {export_replicates(folder)}"
    if discovery is not None:
        from sim.report.scenarios import discover, discovery_text, save_discovery

        name, threshold = discovery
        found = discover((sweep_sample if sweep else run_sample)(folder, name), threshold, seed)
        text += f"\n\n{discovery_text(found)}\nWritten to {save_discovery(folder, found)}"
    if (Path(folder) / "report.html").exists():  # the report shows what was just found
        from sim.report.build import build_report

        text += f"\nReport rebuilt: {build_report(Path(folder))}"
    return text


def main(argv: list[str] | None = None) -> None:
    """Console script `negsim-analyze`."""
    args = _parser().parse_args(argv)
    with saved_results("negsim-analyze", args.folder):
        text = analyze(args.folder, args.outcome, args.seed, args.csv, args.discover)
    print(text)
    print(f"Written to {args.folder / (GIVEN_DATA + '.parquet')}")


if __name__ == "__main__":
    main()
