"""`thidua check --format json` of a province-sized database vs one SQL aggregate printed.

    uv run python tests/benchmarks/bench_check.py [--units 2000] [--big-units 20000]
                                                  [--periods 5] [--runs 5]

The database: 2,000 communes, 5 periods, every indicator (about 9,500 submissions and
200,000 values). Figure: `thidua --db province.db check --period 2023 --format json`,
a whole process with its output (the JSON the contract fixes: plan, units, submissions,
evaluation, ranking, aggregates) written to a file. Floor: python + one sqlite3 GROUP BY
over the period's values, printed (floors.check). Target: ≤ 2×.
Beside it, in the note and for reference only (no target): floors.check_units, python +
sqlite3 writing the period's units and values as JSON in check's shape, nothing judged,
which says how much of check's time is the shape of its output and how much the rules.
Then the same command on 20,000 communes, once: its peak memory (target ≤ 250 MB).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

PERIOD = "2023"


def to_file(argv: list[str], path: Path) -> list[str]:
    """`argv` with its output going to a file, as `thidua check --format json >
    report.json` does."""
    return ["sh", "-c", f'exec "$@" > {path}', "sh", *argv]


def measure(work: Path, units: int, periods: int, runs: int, warm: bool,
            reference: bool = False) -> dict[str, list[_bench.Run]]:
    t0 = time.perf_counter()
    db = _bench.big_database(work / f"province-{units}.db", units, periods)
    print(f"built {db.name}: {units} units × {periods} periods in "
          f"{time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.1f} MB)", flush=True)
    env = _bench.bench_env(work)
    out = work / f"check-{units}.json"
    shell = [*_bench.thidua("--db", db, "check", "--period", PERIOD, "--format", "json")]
    commands = {"check": (to_file(shell, out), env),
                "floor": (_bench.floor("check", db, PERIOD), env)}
    if reference:
        commands["units"] = (to_file(_bench.floor("check_units", db, PERIOD),
                                     work / "units.json"), env)
    measured = _bench.interleaved(commands, runs, work, warm=warm)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["units"]) >= units, len(report["units"])
    print(f"check's output: {out.stat().st_size / 1e6:.1f} MB of JSON", flush=True)
    return measured


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--big-units", type=int, default=20000)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    work = _bench.workdir("check")
    try:
        runs = measure(work, args.units, args.periods, args.runs, warm=True, reference=True)
        units_best = min(_bench.walls(runs["units"]))
        note = (f"for reference, no target: python + sqlite3 writing the units' values as "
                f"JSON in check's shape, nothing judged (floors.check_units): min "
                f"{_bench.fmt_s(units_best)}; check is "
                f"{min(_bench.walls(runs['check'])) / units_best:.2f}× that")
        figures = [_bench.Figure(
            "bench_check", f"`thidua check --format json`, {args.units:,} units × "
            f"{args.periods} periods", _bench.walls(runs["check"]),
            "python + one sqlite3 GROUP BY over the values, printed",
            _bench.walls(runs["floor"]), target_ratio=2.0,
            peak_mb=_bench.max_peak(runs["check"]), floor_peak_mb=_bench.max_peak(runs["floor"]),
            cpu_times=_bench.cpus(runs["check"]), floor_cpu_times=_bench.cpus(runs["floor"]),
            note=note)]
        if args.big_units:
            big = measure(work, args.big_units, args.periods, 1, warm=False)
            figures.append(_bench.Figure(
                "bench_check", f"the same, {args.big_units:,} units: peak memory",
                _bench.walls(big["check"]), "(the same floor, once)", _bench.walls(big["floor"]),
                peak_mb=_bench.max_peak(big["check"]),
                floor_peak_mb=_bench.max_peak(big["floor"]),
                cpu_times=_bench.cpus(big["check"]), floor_cpu_times=_bench.cpus(big["floor"])))
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    main()
