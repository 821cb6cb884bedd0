"""Run every benchmark and print one table: each figure against its floor, min and median.

    uv run python tests/benchmarks/run_all.py            # every tests/benchmarks/bench_*.py
    uv run python tests/benchmarks/run_all.py check      # those whose name contains 'check'
    uv run python tests/benchmarks/run_all.py import --runs 3   # fewer runs (each bench's own
                                                                # default otherwise)

Each benchmark runs as its own process (its output is shown as it comes); the table is
built from the JSON line each prints last (_bench.report), so a new bench_*.py file is
picked up without changing this one. Exit status 1 when a target is missed.
Every figure is a whole process measured against its floor, interleaved in the same
run: on a shared machine the times move with the load, the ratios much less.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

# The order of the table: those named first, then any other bench_*.py by name.
ORDER = ("bench_cli", "bench_startup", "bench_import", "bench_check", "bench_export",
         "bench_gui")


def benches() -> list[str]:
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return [b for b in ORDER if b in found] + [b for b in found if b not in ORDER]


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def run(name: str, extra: list[str]) -> tuple[list[dict], float, str]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / f"{name}.py"), *extra],
                            stdout=subprocess.PIPE,
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


def table(figures: list[_bench.Figure]) -> list[str]:
    header = ("#", "measure", "product min", "median", "floor min", "median", "ratio min",
              "median", "CPU ratio", "target", "peak", "verdict")
    lines = []
    for n, f in enumerate(figures, start=1):
        lines.append((
            str(n), f.what, _bench.fmt_s(f.best), _bench.fmt_s(f.median),
            _bench.fmt_s(f.floor_best), _bench.fmt_s(f.floor_median), _bench.fmt_ratio(f.ratio),
            _bench.fmt_ratio(f.ratio_median), _bench.fmt_ratio(f.cpu_ratio),
            ", ".join(label for label, _ in f.verdicts) or "—", _bench.fmt_mb(f.peak_mb),
            "PASS" if f.passed else "MISS " + ", ".join(lb for lb, ok in f.verdicts if not ok),
        ))
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    out = []
    for i, row in enumerate([header, *lines]):
        out.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    out.append("\nratio min: fastest product run / fastest floor run (the target's); median: of "
               "the medians; CPU ratio: of the median CPU times (user + system), which a "
               "loaded machine moves less")
    out.append("\nfloors (the same data, measured interleaved with the product in the same run):")
    for n, f in enumerate(figures, start=1):
        if f.floor_what:
            out.append(f"  {n}. {f.floor_what} (peak {_bench.fmt_mb(f.floor_peak_mb)})")
    return out


def main(argv: list[str]) -> int:
    extra: list[str] = []  # options every benchmark takes, passed on: --runs N
    if "--runs" in argv:
        i = argv.index("--runs")
        extra = argv[i:i + 2]
        argv = argv[:i] + argv[i + 2:]
    chosen = [b for b in benches() if not argv or any(a in b for a in argv)]
    print(f"machine: {machine()}")
    print(f"load average before: {load_average()}")
    figures: list[_bench.Figure] = []
    failures = []
    for name in chosen:
        print(f"\n== {name}")
        rows, took, error = run(name, extra)
        print(f"  ({took:.0f} s)")
        if error:
            failures.append(f"{name}: {error}")
        figures += [_bench.Figure(**r) for r in rows]
    print(f"\nload average after: {load_average()}\n")
    print("\n".join(table(figures)))
    for failure in failures:
        print(f"FAILED {failure}")
    missed = failures or any(not f.passed for f in figures)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
