"""Run every benchmark and print one table: figure, baseline, ratio, targets, PASS/MISS.

    uv run python tests/benchmarks/run_all.py            # all
    uv run python tests/benchmarks/run_all.py check      # those whose name contains 'check'

Each benchmark runs as its own process (its output is shown as it comes); the table is
built from the JSON line each prints last. Exit status 1 when a target is missed.
The figures move with the machine's load: run on a quiet machine, compare ratios.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

BENCHES = ("bench_startup", "bench_import", "bench_check", "bench_export")


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def run(name: str) -> tuple[list[dict], float, str]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / f"{name}.py")], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    assert proc.stdout is not None
    rows: list[dict] = []
    for line in proc.stdout:
        if line.startswith(_bench.JSON_PREFIX):
            rows = json.loads(line[len(_bench.JSON_PREFIX):])
        else:
            print(f"  | {line}", end="", flush=True)
    proc.wait()
    error = "" if proc.returncode == 0 else f"exit status {proc.returncode}"
    return rows, time.perf_counter() - t0, error


def main(argv: list[str]) -> int:
    chosen = [b for b in BENCHES if not argv or any(a in b for a in argv)]
    print(f"load average before: {load_average()} ({os.cpu_count()} CPUs)")
    table: list[dict] = []
    failures = []
    for name in chosen:
        print(f"\n== {name}")
        rows, took, error = run(name)
        print(f"  ({took:.0f} s)")
        if error:
            failures.append(f"{name}: {error}")
        table += rows
    print(f"\nload average after: {load_average()}\n")
    header = ("benchmark", "figure", "baseline", "ratio", "targets", "peak", "verdict")
    lines = []
    for r in table:
        f = _bench.Figure(**{k: v for k, v in r.items() if k not in ("ratio", "passed")})
        verdicts = f.verdicts
        lines.append((
            f.what[:64],
            _bench.fmt_s(f.seconds),
            _bench.fmt_s(f.baseline_seconds),
            f"{f.ratio:.2f}×" if f.ratio is not None else "—",
            ", ".join(label for label, _ in verdicts if not label.startswith("peak")) or "—",
            _bench.fmt_mb(f.peak_mb),
            "PASS" if f.passed else "MISS " + ", ".join(lb for lb, ok in verdicts if not ok),
        ))
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    for i, row in enumerate([header, *lines]):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\nmemory target for every figure: peak ≤ {_bench.MEMORY_TARGET_MB:g} MB")
    for failure in failures:
        print(f"FAILED {failure}")
    missed = failures or any(not r["passed"] for r in table)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
