"""`check` of a province-sized database vs one SQL aggregate over the same values.

    uv run python tests/benchmarks/bench_check.py [--units 2000] [--periods 5] [--runs 5]

The database: 2,000 communes, 5 periods, every indicator (about 10,000 submissions and
107,000 values). Figure: desktop.store.submissions.period_report for period 2023 (what
`thidua check` and the Kiểm tra page compute: plan, units, submissions, evaluation,
ranking, aggregates), in a fresh process (cold) and again in the same process (warm).
Baseline: one GROUP BY query summing the period's values, on the same session.
Targets: cold figure ≤ 3× the baseline's cold time, and under 1 s; peak ≤ 250 MB.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

PERIOD = "2023"
WARM = 4
AGGREGATE = """
SELECT v.indicator_code, COUNT(*), SUM(v.numerator), SUM(v.denominator), AVG(v.number),
       MIN(v.number), MAX(v.number), SUM(v.flag), MIN(v.day), MAX(v.day)
FROM value v JOIN submission s ON s.id = v.submission_id
JOIN period p ON p.id = s.period_id
WHERE p.code = :period
GROUP BY v.indicator_code
"""


def child(name: str, db_path: str, units: str) -> None:
    from sqlalchemy import text

    from desktop.store.database import Database
    from desktop.store.submissions import period_report

    with Database.open(Path(db_path), write=False) as db:
        for i in range(1 + WARM):
            with db.reading() as s:
                t0 = time.perf_counter()
                if name == "check":
                    report = period_report(s, PERIOD)
                    assert len(report.units) >= int(units)
                else:
                    rows = s.execute(text(AGGREGATE), {"period": PERIOD}).all()
                    assert len(rows) > 5
                elapsed = time.perf_counter() - t0
            _bench.result("cold" if i == 0 else "warm", elapsed)


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    work = _bench.workdir("check")
    try:
        t0 = time.perf_counter()
        db = _bench.big_database(work / "province.db", args.units, args.periods)
        print(f"built {db.name}: {args.units} units × {args.periods} periods in "
              f"{time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.1f} MB)")
        checks, sqls = [], []
        for _ in range(args.runs):  # interleaved, so that drift hits both alike
            checks.append(_bench.child(Path(__file__), "check", db, args.units, workdir=work))
            sqls.append(_bench.child(Path(__file__), "sql", db, args.units, workdir=work))
        cold = _bench.best(checks, "cold")
        warm = min(x for r in checks for x in r.results["warm"])
        base_cold = _bench.best(sqls, "cold")
        base_warm = min(x for r in sqls for x in r.results["warm"])
        figures = [
            _bench.Figure(
                "bench_check", f"check (period_report) of {args.units} units, period {PERIOD}, "
                "first call in a process", cold, "one SQL aggregate, first call", base_cold,
                target_ratio=3.0, target_seconds=1.0, peak_mb=_bench.max_peak(checks),
                baseline_peak_mb=_bench.max_peak(sqls),
                note=f"warm (again in the same process): {_bench.fmt_s(warm)} vs "
                     f"{_bench.fmt_s(base_warm)} ({warm / base_warm:.1f}×); "
                     + _bench.medians_note(_bench.times(checks, "cold"),
                                           _bench.times(sqls, "cold"))),
        ]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], *sys.argv[3:])
    else:
        main()
