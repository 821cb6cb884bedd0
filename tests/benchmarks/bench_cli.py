"""A command's start: `thidua periods` vs python + sqlite3 reading the periods.

    uv run python tests/benchmarks/bench_cli.py [--runs 7]

Figure: `thidua --db demo.db periods`, a whole process (Python's start, the imports,
opening the database, reading the plan, printing the table). Floor: python + sqlite3
reading the same periods and printing them (floors.periods). Target: ≤ 3×.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    work = _bench.workdir("cli")
    try:
        env = _bench.bench_env(work)
        demo = work / "demo.db"
        made = _bench.spawn(_bench.thidua("--db", demo, "demo"), env=env, cwd=work)
        assert made.returncode == 0, made.stderr
        runs = _bench.interleaved({
            "periods": (_bench.thidua("--db", demo, "periods"), env),
            "floor": (_bench.floor("periods", demo), env),
        }, args.runs, work)
        figures = [_bench.Figure(
            "bench_cli", "`thidua periods` (a command's start)", _bench.walls(runs["periods"]),
            "python + sqlite3 reading the periods", _bench.walls(runs["floor"]),
            target_ratio=3.0, peak_mb=_bench.max_peak(runs["periods"]),
            floor_peak_mb=_bench.max_peak(runs["floor"]),
            cpu_times=_bench.cpus(runs["periods"]), floor_cpu_times=_bench.cpus(runs["floor"]))]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    main()
