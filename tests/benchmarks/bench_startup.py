"""Start-up: the main window on the demo database vs an empty PySide6 QMainWindow.

    uv run python tests/benchmarks/bench_startup.py [--runs 7]

Both are `python -c` processes, offscreen, timed from spawn to the first turn of the
event loop with the window shown (each prints `READY <CLOCK_MONOTONIC>` then quits;
spawn to exit is printed as a note):
- figure: desktop.app.main(demo.db) with THIDUA_EXIT_AFTER=shown — desktop/app.py quits
  at the first turn of the event loop after the window is shown (what a person sees
  first; the database is opened right after);
- baseline: QApplication + an empty QMainWindow, shown, quit at the first turn;
- for information: THIDUA_EXIT_AFTER=opened (the window with the database opened and the
  first page filled), and the frozen program dist/thidua/thidua when it exists.
Targets: figure ≤ 1.3× the baseline; peak ≤ 250 MB.
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
BARE = ("import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication(sys.argv[:1])\n"
        "w = QMainWindow()\n"
        "w.resize(1100, 700)\n"
        "w.show()\n"
        "import time\n"
        "QTimer.singleShot(0, lambda: (print('READY', time.monotonic(), flush=True), app.quit()))\n"
        "sys.exit(app.exec())\n")
FROZEN = _bench.ROOT / "dist" / "thidua" / "thidua"


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    work = _bench.workdir("startup")
    try:
        env = _bench.bench_env(work)
        demo = work / "demo.db"
        made = _bench.spawn([sys.executable, "-m", "desktop.cli", "--db", str(demo), "demo"],
                            env=env, cwd=work)
        assert made.returncode == 0, made.stderr
        commands = {
            "bare": ([sys.executable, "-c", BARE], env),
            "shown": ([sys.executable, "-c", APP, str(demo)], env | {"THIDUA_EXIT_AFTER": "shown"}),
            "opened": ([sys.executable, "-c", APP, str(demo)],
                       env | {"THIDUA_EXIT_AFTER": "opened"}),
        }
        if FROZEN.exists():
            frozen_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
            commands["frozen-shown"] = ([str(FROZEN), "--db", str(demo)],
                                        frozen_env | {"THIDUA_EXIT_AFTER": "shown"})
            commands["frozen-opened"] = ([str(FROZEN), "--db", str(demo)],
                                         frozen_env | {"THIDUA_EXIT_AFTER": "opened"})
        runs: dict[str, list[_bench.Run]] = {name: [] for name in commands}
        for cmd, e in commands.values():  # warm the disk cache once
            _bench.spawn(cmd, env=e, cwd=work)
        for _ in range(args.runs):  # interleaved, so that drift hits all alike
            for name, (cmd, e) in commands.items():
                run = _bench.spawn(cmd, env=e, cwd=work)
                if run.returncode != 0:
                    raise SystemExit(f"{name} failed ({run.returncode}):\n{run.stderr[-3000:]}")
                runs[name].append(run)

        def ready_times(name: str) -> list[float]:
            """Spawn to the first turn of the event loop with the window shown (what a
            person waits for); spawn to exit where a child printed no READY line."""
            return [r.ready if r.ready is not None else r.wall for r in runs[name]]

        def wall(name: str) -> float:  # the fastest run: see _bench's docstring
            return min(ready_times(name))

        def to_exit(name: str) -> float:
            return min(r.wall for r in runs[name])


        bare = wall("bare")
        opened_peak = _bench.fmt_mb(_bench.max_peak(runs["opened"]))
        notes = [f"with the database opened: {_bench.fmt_s(wall('opened'))} "
                 f"({wall('opened') / bare:.2f}×), peak {opened_peak}",
                 f"spawn to exit: {_bench.fmt_s(to_exit('shown'))} vs "
                 f"{_bench.fmt_s(to_exit('bare'))} ({to_exit('shown') / to_exit('bare'):.2f}×)",
                 _bench.medians_note(ready_times("shown"), ready_times("bare"))]
        figures = [_bench.Figure(
            "bench_startup", "main window on the demo database, start to first event loop turn",
            wall("shown"), "empty PySide6 QMainWindow, the same way", bare, target_ratio=1.3,
            peak_mb=_bench.max_peak(runs["shown"] + runs["opened"]),
            baseline_peak_mb=_bench.max_peak(runs["bare"]), note="; ".join(notes))]
        if "frozen-shown" in runs:
            figures.append(_bench.Figure(
                "bench_startup", "frozen dist/thidua/thidua, start to first event loop turn",
                wall("frozen-shown"), "empty PySide6 QMainWindow from Python", bare,
                peak_mb=_bench.max_peak(runs["frozen-shown"] + runs["frozen-opened"]),
                baseline_peak_mb=_bench.max_peak(runs["bare"]),
                note=f"with the database opened: {_bench.fmt_s(wall('frozen-opened'))}"))
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    main()
