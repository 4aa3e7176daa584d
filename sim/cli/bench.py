"""`negsim-bench`: measure throughput side by side and print a table (also written as JSON).

- the engine (replicates in lockstep, chunked, on `workers` processes) on the baseline for
  increasing `runs`: episodes/s and replicate-days/s;
- the same rules run the way a Mesa user would, one model per replicate (R = 1 each, as
  `mesa.batch_run` does), on a scaled-down amount of work, and the ratio;
- speed-up from one worker to two; peak resident memory and whole-process time of `negsim`;
- the cost of each phase of the day, and of each mechanism, per replicate-day on one core;
- each performance goal, the figure against it, and whether it is met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from sim.config.compose import compose_config
from sim.engine.model import NegotiationModel
from sim.engine.outcomes import outcomes
from sim.jobs.processes import descendants, processes
from sim.jobs.settings import load_settings
from sim.jobs.simulation import chunks_of
from sim.jobs.validation.mechanisms import ablation_points
from sim.montecarlo.backends import Backend
from sim.results.files import write_json


def engine(runs: int, workers: int, chunk_size: int | None = None) -> dict[str, float]:
    """Episodes and replicate-days per second of the Monte Carlo engine (no files written), in
    chunks of `chunk_size` (the config's when None)."""
    s = load_settings(compose_config([]))
    chunk_size = chunk_size or s.options.montecarlo.chunk_size
    started = time.perf_counter()
    days = 0
    for _, columns in chunks_of(s, runs, 1, Backend("local", workers), chunk_size=chunk_size):
        days += int(columns["end_day"].astype(np.int64).sum())
    seconds = time.perf_counter() - started
    return {"runs": runs, "workers": workers, "seconds": seconds,
            "episodes_per_s": runs / seconds, "replicate_days_per_s": days / seconds}


def one_model_per_replicate(episodes: int) -> dict[str, float]:
    """The same rules, one Mesa model per episode (R = 1), on one core."""
    s = load_settings(compose_config([]))
    seeds = np.random.SeedSequence(1).spawn(episodes)
    started = time.perf_counter()
    for seed in seeds:
        NegotiationModel(s.scenario, s.mediator, 1, seed).run()
    seconds = time.perf_counter() - started
    return {"episodes": episodes, "seconds": seconds, "episodes_per_s": episodes / seconds}


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MiB."""
    children, rss = processes()
    pages = sum(rss.get(pid, 0) for pid in {root, *descendants(root, children)})
    return pages * resource.getpagesize() / 2**20


def whole_process(runs: int) -> dict[str, float]:
    """`negsim runs=N` from start to exit, report included, and the peak of the memory its
    processes hold together (workers included), sampled every 50 ms."""
    script = Path(sys.executable).with_name("negsim")
    with tempfile.TemporaryDirectory() as folder:
        errors = open(Path(folder) / "stderr.txt", "w+b")  # noqa: SIM115 (read after exit)
        started = time.perf_counter()
        process = subprocess.Popen([str(script), f"runs={runs}", f"hydra.run.dir={folder}/run",
                                    "montecarlo.progress=false"], stdout=subprocess.DEVNULL,
                                   stderr=errors)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, _tree_rss_mb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        errors.seek(0)
        message = errors.read().decode(errors="replace")
        errors.close()
        if process.returncode:
            raise RuntimeError(f"negsim runs={runs} failed: {message}")
    return {"runs": runs, "seconds": seconds, "peak_rss_mb": peak}


def quickest(runs: int, tries: int = 3) -> dict[str, float]:
    """`whole_process` at its quickest of a few tries (the first pays for cold file caches), and
    the largest peak of memory among them."""
    found = [whole_process(runs) for _ in range(tries)]
    return {"runs": runs, "seconds": min(f["seconds"] for f in found),
            "peak_rss_mb": max(f["peak_rss_mb"] for f in found), "tries": tries}


def machine() -> dict[str, float]:
    """This machine's memory bandwidth (a large copy, bytes read plus written) and the cost of
    the random numbers the model draws, best of several tries."""
    big = np.ones(2**25)  # 256 MiB
    out = np.empty_like(big)
    copy = min(_timed(lambda: np.copyto(out, big)) for _ in range(5))
    rng = np.random.default_rng(0)
    n = 10_000_000
    uniform = min(_timed(lambda: rng.random(n, dtype=np.float32)) for _ in range(3))
    normal = min(_timed(lambda: rng.standard_normal(n)) for _ in range(3))
    return {"bandwidth_gb_per_s": 2 * big.nbytes / copy / 1e9,
            "uniform_float32_ns": uniform / n * 1e9, "normal_float64_ns": normal / n * 1e9}


def _timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


class _Counting:
    """A random generator that tallies how many numbers each stream hands out."""

    def __init__(self, generator: np.random.Generator, tally: dict[str, int], name: str) -> None:
        self._generator, self._tally, self._name = generator, tally, name

    def __getattr__(self, method: str) -> Any:
        draw = getattr(self._generator, method)

        def counted(*args: Any, **kwargs: Any) -> Any:
            out = draw(*args, **kwargs)
            self._tally[self._name] = self._tally.get(self._name, 0) + int(np.size(out))
            return out
        return counted


def anatomy(replicates: int = 5_000, overrides: tuple[str, ...] = ()) -> dict[str, Any]:
    """One chunk on one core: time, random numbers and state bytes per replicate-day, of the
    default config (with `overrides`)."""
    s = load_settings(compose_config(list(overrides)))
    model = NegotiationModel(s.scenario, s.mediator, replicates, 1)
    tally: dict[str, int] = {}
    model.streams = {k: _Counting(v, tally, k) for k, v in model.streams.items()}
    started = time.perf_counter()
    model.run()
    seconds = time.perf_counter() - started
    days = replicates * model.day  # every replicate is stepped every day, finished or not
    truces = model.truces  # a truce in force is counted once a day: standing or collapsing
    in_force = truces.days_in_force.sum(axis=1) + truces.collapses.sum(axis=1)  # (R,)
    parties = len(model.parties)
    # Two of a party's five daily draws for a truce in force are always computed; the others
    # only after a violation (detection, then attribution and a scapegoat) or a false report
    # (a scapegoat): at most three per violation, and the false reports' expected number.
    rumours = float((in_force * parties * model.propensity.false_report_per_day).sum())
    tally["violation (counter-based), always"] = int(in_force.sum()) * parties * 2
    tally["violation (counter-based), at most"] = 3 * int(truces.violations.sum()) + rumours
    return {"replicates": replicates, "days": model.day,
            "ns_per_replicate_day": seconds / days * 1e9,
            "draws_per_replicate_day": {k: v / days for k, v in sorted(tally.items())},
            "state_bytes_per_replicate": _state_bytes(model) / replicates}


PHASES = (  # (label, owner in the model, method): the day's phases in the order `step` runs them
    ("persistence (sticks landing)", "mediator.persistence", "land"),
    ("gestures", "gestures", "make"),
    ("war", "", "_fight"),
    ("keeping (violations, monitoring, renewals)", "", "_keep_truces"),
    ("participation", "implementation", "take_part"),
    ("talks (rounds, third parties hosting)", "", "_negotiate"),
    ("implementation (conditions, side-payments)", "implementation", "fulfil"),
    ("ladder", "", "_climb_ladder"),
)


def phases(replicates: int = 5_000, overrides: tuple[str, ...] = ()) -> dict[str, float]:
    """ns per replicate-day of each phase of the day on one core, one chunk (the compiled
    loops loaded first), with every baseline mechanism on unless `overrides` say otherwise;
    "other" is the rest of `step`, and "setup and outcomes" what a chunk costs besides."""
    s = load_settings(compose_config(list(overrides)))
    NegotiationModel(s.scenario, s.mediator, 100, 1).run()  # load or compile the loops
    started = time.perf_counter()
    model = NegotiationModel(s.scenario, s.mediator, replicates, 1)
    spent = {label: 0.0 for label, _, _ in PHASES}
    for label, owner, method in PHASES:
        holder = model
        for name in filter(None, owner.split(".")):
            holder = getattr(holder, name)
        setattr(holder, method, _clocked(getattr(holder, method), spent, label))
    stepping = 0.0
    while model.running:
        begun = time.perf_counter()
        model.step()
        stepping += time.perf_counter() - begun
    outcomes(model)
    total = time.perf_counter() - started
    days = replicates * model.day
    costs = {label: seconds / days * 1e9 for label, seconds in spent.items()}
    costs["other (the day's bookkeeping)"] = (stepping - sum(spent.values())) / days * 1e9
    costs["setup and outcomes"] = (total - stepping) / days * 1e9
    costs["total"] = total / days * 1e9
    return costs


def _clocked(method: Any, spent: dict[str, float], label: str) -> Any:
    def clocked(*args: Any, **kwargs: Any) -> Any:
        begun = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - begun
    return clocked


NO_RED_LINES = ("~scenario.parties.RU.red_lines", "+scenario.parties.RU.red_lines={}")
"""A dict override merges into the dict it names: removing Russia's red lines takes two."""

BEYOND_THE_BASELINE = {  # mechanisms the baseline leaves off, each switched on alone
    "with screening (RU proposes)": ["mediator.proposal.rule=screening",
                                     "mediator.proposal.proposer=RU"],
    "with screening, reading UA's losses in battle": [
        "mediator.proposal.rule=screening", "mediator.proposal.proposer=RU",
        "mediator.proposal.battle_reading_sd=0.001"],
    "with screening, the parties taking turns": [
        "mediator.proposal.rule=screening", "mediator.proposal.proposer=RU",
        "mediator.proposal.alternate=true"],
    "with Donetsk a line of control (no red lines)": [
        "scenario.issues.donetsk.kind=line_of_control",
        "+scenario.issues.donetsk.line={position: 0.6, mobility: 1.0}", *NO_RED_LINES],
    "with a flexible agenda (sea_first_adaptive)": ["mediator=sea_first_adaptive"],
    "with a new envoy at an impasse": ["+mediator.recourses.envoy_change={times: 1}"],
    "with a spoiler striking at the energy moratorium": [
        "+scenario.third_parties.spoiler={label: Spoiler, role: spoiler, stages: [energy], "
        "blames: RU}"],
    "with a host holding half the rounds": [
        "+scenario.third_parties.host={label: Host, role: host}"],
}


def mechanism_configs() -> dict[str, dict[str, Any]]:
    """Each configuration `mechanism_costs` measures: the ablation's own points for the default
    mediator (`experiments/mechanisms.yaml`: every mechanism on, each off in turn, all off),
    then each mechanism the baseline leaves off, switched on alone."""
    default = load_settings(compose_config([])).mediator.strategy
    configs = {label: cfg for label, _, cfg in ablation_points((default,))}
    return configs | {name: compose_config(o) for name, o in BEYOND_THE_BASELINE.items()}


def mechanism_costs(replicates: int = 5_000) -> dict[str, float]:
    """ns per replicate-day on one core, one chunk, for each of `mechanism_configs` (best of
    two: the first run of a changed compiled signature pays for compiling)."""
    costs = {}
    for name, cfg in mechanism_configs().items():
        s = load_settings(cfg)
        best = np.inf
        for _ in range(2):
            model = NegotiationModel(s.scenario, s.mediator, replicates, 1)
            best = min(best, _timed(model.run) / (replicates * model.day) * 1e9)
        costs[name] = best
    return costs


def _state_bytes(model: NegotiationModel) -> int:
    """Bytes of every array that spans the replicates (views counted once, with their base)."""
    holders = [model, model.truces, model.party_table, model.mediator, *model.parties]
    seen, total = set(), 0
    for holder in holders:
        values = list(vars(holder).values())
        values += [v for d in values if isinstance(d, dict) for v in d.values()]
        values += [v for t in values if isinstance(t, tuple) for v in t]  # the loops' tables
        for array in values:
            if isinstance(array, np.ndarray) and array.ndim and array.shape[0] == model.replicates:
                root = array if array.base is None else array.base
                if id(root) not in seen and isinstance(root, np.ndarray):
                    seen.add(id(root))
                    total += root.nbytes
    return total


TARGETS = (  # the performance goals on a 2-core machine: (name, unit, bound, at least)
    ("per replicate-day, 1 core, every mechanism on", "ns", 250.0, False),
    ("negsim runs=1000000, whole process", "s", 60.0, False),
    ("peak memory of negsim's processes, any runs", "MiB", 1024.0, False),
    ("speed-up from 1 to 2 workers", "x", 1.7, True),
    ("negsim runs=1000, whole process", "s", 3.0, False),
)


def verdicts(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target, the figure measured against it and whether it is met; `met` is None for a
    figure this bench did not measure (10^6 runs needs `--max-runs 1000000`)."""
    whole = {row["runs"]: row for row in result["whole_process"]}
    figures = (result["mechanisms_ns_per_replicate_day"]["all on"],
               whole[1_000_000]["seconds"] if 1_000_000 in whole else None,
               max(row["peak_rss_mb"] for row in result["whole_process"]),
               result["speed_up"]["ratio"], whole[1_000]["seconds"])
    return [{"target": name, "unit": unit, "bound": bound, "at_least": at_least,
             "measured": figure,
             "met": None if figure is None else (figure >= bound if at_least else figure <= bound)}
            for (name, unit, bound, at_least), figure in zip(TARGETS, figures, strict=True)]


def _print_verdicts(rows: list[dict[str, Any]]) -> None:
    print(f"{'target':<46}{'goal':>12}{'measured':>12}  met")
    for row in rows:
        goal = f"{'>=' if row['at_least'] else '<='} {row['bound']:g} {row['unit']}"
        figure = row["measured"]
        measured = "-" if figure is None else f"{figure:,.{2 if figure < 10 else 1}f} {row['unit']}"
        met = {True: "yes", False: "NO", None: "not measured"}[row["met"]]
        print(f"{row['target']:<46}{goal:>12}{measured:>12}  {met}")


def main() -> None:
    """Console script `negsim-bench [--max-runs N]`."""
    parser = argparse.ArgumentParser(prog="negsim-bench", description=__doc__)
    parser.add_argument("--max-runs", type=int, default=100_000,
                        help="largest engine size (10^6 takes minutes)")
    args = parser.parse_args()
    sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= args.max_runs]
    result: dict[str, Any] = {"engine": [engine(n, 2) for n in sizes]}
    one = engine(20_000, 1)
    result["speed_up"] = {"one_worker": one, "two_workers": engine(20_000, 2)}
    result["speed_up"]["ratio"] = (result["speed_up"]["two_workers"]["episodes_per_s"]
                                   / one["episodes_per_s"])
    mesa_way = one_model_per_replicate(200)
    result["one_model_per_replicate"] = mesa_way
    result["engine_vs_mesa_way_one_core"] = one["episodes_per_s"] / mesa_way["episodes_per_s"]
    result["whole_process"] = [quickest(1_000), *[whole_process(n) for n in sizes if n > 1_000]]
    result["machine"], result["anatomy"] = machine(), anatomy()
    result["phases_ns_per_replicate_day"] = phases()
    result["mechanisms_ns_per_replicate_day"] = mechanism_costs()
    result["targets"] = verdicts(result)
    folder = Path("results/bench") / dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    folder.mkdir(parents=True, exist_ok=True)
    write_json(folder / "bench.json", result)
    print(f"{'engine, 2 workers':<34}{'runs':>10}{'episodes/s':>14}{'replicate-days/s':>18}")
    for row in result["engine"]:
        print(f"{'':<34}{row['runs']:>10,}{row['episodes_per_s']:>14,.0f}"
              f"{row['replicate_days_per_s']:>18,.0f}")
    print(f"one model per replicate (1 core): {mesa_way['episodes_per_s']:,.1f} episodes/s; "
          f"engine on 1 core is {result['engine_vs_mesa_way_one_core']:.1f}x faster")
    print(f"speed-up 1 -> 2 workers: {result['speed_up']['ratio']:.2f}x")
    for row in result["whole_process"]:
        tries = f" (quickest of {row['tries']})" if "tries" in row else ""
        print(f"negsim runs={row['runs']:,}: {row['seconds']:.1f} s whole process{tries}, peak "
              f"memory of its processes {row['peak_rss_mb']:.0f} MiB")
    m, a = result["machine"], result["anatomy"]
    draws = a["draws_per_replicate_day"]
    print(f"machine: copy bandwidth {m['bandwidth_gb_per_s']:.1f} GB/s; a float32 uniform "
          f"{m['uniform_float32_ns']:.2f} ns, a float64 normal {m['normal_float64_ns']:.2f} ns")
    print(f"per replicate-day on one core: {a['ns_per_replicate_day']:.0f} ns; random numbers "
          f"{sum(draws.values()):.1f} ({', '.join(f'{k} {v:.2f}' for k, v in draws.items())}); "
          f"state {a['state_bytes_per_replicate']:,.0f} bytes per replicate")
    print("per replicate-day on one core, by phase (5,000 replicates, every baseline mechanism on):")
    for name, ns in result["phases_ns_per_replicate_day"].items():
        print(f"  {name:<44}{ns:8.0f} ns")
    for name, ns in result["mechanisms_ns_per_replicate_day"].items():
        print(f"  {name}: {ns:.0f} ns per replicate-day")
    _print_verdicts(result["targets"])
    print(f"written to {folder / 'bench.json'}")
