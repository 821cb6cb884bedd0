"""Start-up: the window with the overview's first figures on screen vs a bare PySide6
window showing one sqlite3 aggregate in a label.

    uv run python tests/benchmarks/bench_startup.py [--runs 7]

Both are whole processes, offscreen, timed from spawn to the first turn of the event
loop with their data shown (each prints `READY <CLOCK_MONOTONIC>` then quits):
- figure: desktop.app.main(demo.db) with THIDUA_EXIT_AFTER=data. The first data is what
  a person reads first on the overview: the current period (its name and deadline) and
  its five counts — units expected, received, on time, late, still missing — the same
  kind of figures as the floor's aggregate. The window reads them from the file with
  plain sqlite3 before the database is opened (actions/startup.first_figures), so they
  are in its first frame; the rest of the overview (results, the criteria chart, the
  units to chase) needs the period's evaluation and follows once the database is open,
  off the GUI thread. It quits at the first turn of the event loop with the counts on
  screen (on a file it cannot read that way, one of another version, only once the
  evaluation shows them);
- floor: QApplication + a QMainWindow whose label shows one sqlite3 aggregate of the
  same database (floors.window);
- for information: THIDUA_EXIT_AFTER=shown (the first frame alone, the database not
  read), and the frozen program dist/thidua/thidua when it exists, on a demo database
  it made itself (a bundle older than the sources refuses a newer file; the note says
  when the bundle is older than the sources).
Target: ≤ 1.5× the floor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

APP = ("import sys; from pathlib import Path; from desktop.app import main; "
       "sys.exit(main(Path(sys.argv[1])))")
FROZEN = _bench.ROOT / "dist" / "thidua" / "thidua"


def ready(runs: list[_bench.Run]) -> list[float]:
    """Spawn to the READY line (what a person waits for)."""
    out = []
    for r in runs:
        if r.ready is None:
            raise SystemExit(f"no READY line:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
        out.append(r.ready)
    return out


def built_before_the_sources() -> str:
    """A note when dist/thidua was built before the last change of desktop/."""
    newest = max(p.stat().st_mtime for p in (_bench.ROOT / "desktop").rglob("*.py"))
    if FROZEN.stat().st_mtime >= newest:
        return ""
    return (" — built before the last change of the sources: an older program "
            "(bash build_scripts/build_linux.sh)")


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    work = _bench.workdir("startup")
    try:
        env = _bench.bench_env(work)
        demo = work / "demo.db"
        made = _bench.spawn(_bench.thidua("--db", demo, "demo"), env=env, cwd=work)
        assert made.returncode == 0, made.stderr
        commands = {
            "data": ([sys.executable, "-c", APP, str(demo)], env | {"THIDUA_EXIT_AFTER": "data"}),
            "floor": (_bench.floor("window", demo), env),
        }
        stale = ""
        if FROZEN.exists():
            frozen_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
            frozen_demo = work / "frozen-demo.db"  # of the bundle's own schema version
            made = _bench.spawn([str(FROZEN), "--db", str(frozen_demo), "demo"],
                                env=frozen_env, cwd=work)
            assert made.returncode == 0, made.stderr
            commands["frozen"] = ([str(FROZEN), "--db", str(frozen_demo)],
                                  frozen_env | {"THIDUA_EXIT_AFTER": "data"})
            stale = built_before_the_sources()
        # last in each round: the run after the frozen program's (236 MB of other files
        # read) finds less of Python's in the disk cache; it is the figure for information
        commands["shown"] = ([sys.executable, "-c", APP, str(demo)],
                             env | {"THIDUA_EXIT_AFTER": "shown"})
        runs = _bench.interleaved(commands, args.runs, work)
        shown, floor = ready(runs["shown"]), ready(runs["floor"])
        note = (f"first frame (THIDUA_EXIT_AFTER=shown): min {_bench.fmt_s(min(shown))} "
                f"({min(shown) / min(floor):.2f}× the floor)")
        if "frozen" in runs:
            frozen = ready(runs["frozen"])
            note += (f"; frozen program, data on screen: min {_bench.fmt_s(min(frozen))} "
                     f"({min(frozen) / min(floor):.2f}× the floor){stale}")
        figures = [_bench.Figure(
            "bench_startup", "window with the overview's first figures on screen (demo database)",
            ready(runs["data"]), "bare PySide6 window + one sqlite3 aggregate in a label",
            floor, target_ratio=1.5, peak_mb=_bench.max_peak(runs["data"]),
            floor_peak_mb=_bench.max_peak(runs["floor"]), note=note,
            cpu_times=_bench.cpus(runs["data"]), floor_cpu_times=_bench.cpus(runs["floor"]))]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    main()
