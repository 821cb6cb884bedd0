"""The window at province scale: the longest event-loop gap of every action, and the time
to the first data on screen.

    uv run python tests/benchmarks/bench_gui.py [--units 3321] [--periods 5] [--runs 2]

A database of `--units` communes × `--periods` periods is built once (_bench.big_database).
Each child runs offscreen with a 10 ms heartbeat QTimer on the GUI thread; the longest gap
between two beats while an action runs (and until the window is idle again: no task left,
three quiet beats) is what a person feels as a frozen window.
- figure (child `app`): the main window on that database: open it, the first and a later
  visit of every page, sorting every column of each page's table (the worst column is
  printed), typing a filter, changing the period, F5, opening the report editor and the
  proposal dialog;
- baseline (child `bare`): a bare QTableView + QSortFilterProxyModel over the same rows
  (units × their values of the period, read with sqlite3): fill, sort every column, filter;
- time to the first data (processes FIRST_APP, FIRST_BARE): spawn to the first turn of
  the event loop after the overview shows its figures (the period's counts; the window
  started as a person starts it, as in bench_startup.py), against a bare PySide6 window
  that reads one sqlite3 aggregate into a label.
Targets (issue 12): every action's gap ≤ 100 ms, in its worst run (its unloaded gap,
below; a best run says nothing of the others); first data ≤ 1.5× the bare window.
Printed only; nothing here is asserted by the test suite.

Every child runs on a 1366×768 offscreen screen (`laptop_screen`), the laptop of the
issue. On Linux each gap also gets the GUI thread's own CPU time in it and the time it
waited for a CPU (/proc schedstat): `unloaded`, the gap less that wait, is what a loaded
machine's neighbours did not add. THIDUA_BENCH_WATCHDOG=<ms> prints every thread's stack
to stderr whenever the heartbeat misses that long (what really runs in a long gap).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

GAP_TARGET = 0.100
FIRST_DATA_RATIO = 1.5


# ---- in a child ----------------------------------------------------------------------------


class Heartbeat:
    """A 10 ms timer on the GUI thread; `worst` is the longest gap between two beats."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.worst_at = (self.last, self.last)  # when the longest gap began and ended
        # Linux: the GUI thread's CPU time and its time waiting for a CPU (run queue) in
        # the longest gap, from /proc (schedstat): on a loaded machine the second is the
        # neighbours' share of the gap, which a quiet machine would not have
        self.worst_cpu = self.worst_queued = 0.0
        self._stat = _schedstat_path()
        self.last_stat = self._read_stat()
        self.gc: GcPauses | None = None  # when set, _measure also prints the collector's part
        self.action = ""  # the action being measured (for the watchdog's reports)
        self.timer.start()

    def _read_stat(self) -> tuple[float, float]:
        if self._stat is None:
            return (0.0, 0.0)
        with open(self._stat, "rb") as f:
            cpu_ns, queued_ns, _slices = f.read().split()
        return int(cpu_ns) / 1e9, int(queued_ns) / 1e9

    def _beat(self) -> None:
        now, stat = time.perf_counter(), self._read_stat()
        if now - self.last > self.worst:
            self.worst = now - self.last
            self.worst_at = (self.last, now)
            self.worst_cpu = stat[0] - self.last_stat[0]
            self.worst_queued = stat[1] - self.last_stat[1]
        self.last, self.last_stat = now, stat

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.last_stat = self._read_stat()
        self.worst = 0.0
        self.worst_at = (self.last, self.last)
        self.worst_cpu = self.worst_queued = 0.0


def _schedstat_path() -> str | None:
    import threading

    path = f"/proc/self/task/{threading.get_native_id()}/schedstat"
    return path if os.path.exists(path) else None


class Watchdog:
    """THIDUA_BENCH_WATCHDOG=<ms>: when the heartbeat has not beaten for that long, the
    stack of every thread goes to stderr (once per gap, then every further <ms>), with the
    action being measured: what really runs in a long gap (the GUI thread's Python, or the
    GUI thread waiting while workers hold the GIL). A diagnostic; off by default (it takes
    the GIL every 5 ms itself)."""

    def __init__(self, hb: Heartbeat, threshold_ms: float) -> None:
        import threading

        self.hb = hb
        self.threshold = threshold_ms / 1000
        self.gui = threading.get_ident()
        threading.Thread(target=self._watch, name="bench-watchdog", daemon=True).start()

    def _watch(self) -> None:
        import threading
        import traceback

        reported_at = 0.0
        while True:
            time.sleep(0.005)
            last, now = self.hb.last, time.perf_counter()
            quiet = now - last < self.threshold or now - max(reported_at, last) < self.threshold
            if quiet or not self.hb.action:
                continue
            reported_at = now
            names = {t.ident: t.name for t in threading.enumerate()}
            lines = [f"WATCHDOG {self.hb.action} gap {1000 * (now - last):.0f} ms"]
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                who = "GUI" if ident == self.gui else names.get(ident, str(ident))
                stack = traceback.format_stack(frame)[-12:]
                lines.append(f"  -- {who}\n" + "".join("    " + s.strip().replace(
                    "\n", "\n      ") + "\n" for s in stack))
            print("\n".join(lines), file=sys.stderr, flush=True)


class GcPauses:
    """Python's cycle collections (gc.callbacks), on any thread: each holds the GIL, so
    one on a worker stops the GUI thread as well. `inside(a, b)`: the seconds of
    collection within [a, b] (printed per action: how much of its longest gap was the
    collector's)."""

    def __init__(self) -> None:
        import gc
        import threading

        self.spans: list[tuple[float, float, int]] = []  # start, end, generation
        self._started: dict[int, float] = {}
        self._ident = threading.get_ident

        def noted(phase: str, info: dict[str, int]) -> None:
            me = self._ident()
            if phase == "start":
                self._started[me] = time.perf_counter()
            elif me in self._started:
                self.spans.append((self._started.pop(me), time.perf_counter(),
                                   info["generation"]))

        gc.callbacks.append(noted)

    def inside(self, start: float, end: float) -> float:
        return sum(max(0.0, min(b, end) - max(a, start)) for a, b, _gen in self.spans)


def result(name: str, seconds: float) -> None:
    """One measure of a child, read back by _bench.spawn."""
    print(f"RESULT {name} {seconds:.6f}", flush=True)


def _settle(idle: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until `idle()` has held for three 20 ms polls in a row."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    quiet = [0]
    started = time.perf_counter()

    def poll() -> None:
        quiet[0] = quiet[0] + 1 if idle() else 0
        if quiet[0] >= 3 or time.perf_counter() - started > timeout:
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()


def _measure(hb: Heartbeat, name: str, action: Callable[[], object],
             idle: Callable[[], bool]) -> float:
    """Run `action` from the event loop; the longest gap until the window is idle again."""
    from PySide6.QtCore import QTimer

    ran = [False]

    def go() -> None:
        action()
        ran[0] = True

    hb.reset()
    hb.action = name
    cpu0 = time.thread_time()  # this thread's: the GUI thread's CPU time
    QTimer.singleShot(0, go)
    _settle(lambda: ran[0] and idle())
    gap = hb.worst
    hb.action = ""
    result(name.replace(" ", "_"), gap)
    result("gui-cpu:" + name.replace(" ", "_"), time.thread_time() - cpu0)
    if hb._stat is not None:
        result("cpu:" + name.replace(" ", "_"), hb.worst_cpu)
        result("queued:" + name.replace(" ", "_"), hb.worst_queued)
    if hb.gc is not None:
        result("gc:" + name.replace(" ", "_"), hb.gc.inside(*hb.worst_at))
    return gap


def child_app(db: str) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

    from desktop.app import make_application
    from desktop.ui.main_window import PAGES, MainWindow

    app = make_application()
    window = MainWindow()
    window.resize(1366, 720)
    window.show()
    hb = Heartbeat()
    hb.gc = GcPauses()
    watch = os.environ.get("THIDUA_BENCH_WATCHDOG")
    if watch:
        Watchdog(hb, float(watch))
    boot_idle = [False]
    window.database_opened.connect(lambda _p: boot_idle.__setitem__(0, True))

    def idle() -> bool:
        ctx = window.ctx
        return ctx is not None and not ctx.tasks.busy and not window._boot.busy

    _measure(hb, "open", lambda: window.start(Path(db)), lambda: boot_idle[0] and idle())
    for visit in ("first", "later"):
        for index, (title, *_rest) in enumerate(PAGES):
            if index not in window.nav_pages:
                continue
            _measure(hb, f"visit-{visit}:{title}", lambda i=index: window.show_page(i), idle)
    for index, (title, *_rest) in enumerate(PAGES):
        if index not in window.pages:
            continue
        window.show_page(index)
        page = window.pages[index]
        tables = [t for t in page.findChildren(QAbstractItemView)
                  if t.isVisible() and t.model() is not None and hasattr(t, "sortByColumn")
                  and t.isSortingEnabled()]
        for table in tables[:1]:
            columns = table.model().columnCount()
            worst = 0.0
            for col in range(columns):
                worst = max(worst, _measure(hb, f"sort-col:{title}:{col}",
                                            lambda t=table, c=col: t.sortByColumn(c, _desc()),
                                            idle))
            result(f"sort:{title}".replace(" ", "_"), worst)
        search = page.findChild(QLineEdit, "searchEdit")
        if search is not None and search.isVisible():
            _measure(hb, f"filter:{title}", lambda s=search: s.setText("Xã Số 12"), idle)
            _measure(hb, f"unfilter:{title}", lambda s=search: s.clear(), idle)
    window.show_page(0)
    combo = window.period_combo
    other = (combo.currentIndex() + 1) % combo.count()
    _measure(hb, "period", lambda: combo.setCurrentIndex(other), idle)
    _measure(hb, "F5", window.refresh, idle)
    subs = next(i for i, p in enumerate(PAGES) if p[0] == "Báo cáo")
    window.show_page(subs)
    page = window.pages[subs]
    _measure(hb, "dialog:report-editor", page.edit_selected, idle)
    if page.editor is not None:
        page.editor.reject()
    _settle(idle)
    props = next(i for i, p in enumerate(PAGES) if p[0] == "Khen thưởng")
    window.show_page(props)
    _settle(idle)
    ppage = window.pages[props]
    _measure(hb, "dialog:proposal", ppage.open_dialog, idle)
    if ppage.dialog is not None:
        ppage.dialog.reject()
    _settle(idle)
    _trends(hb, window, idle)
    window.close()
    QApplication.processEvents()
    del app


def _trends(hb: Heartbeat, window: object, idle: Callable[[], bool]) -> None:
    """Xu hướng: every period of the province evaluated (off the GUI thread), then what a
    person does there: another indicator, one unit of thousands, the completeness grid."""
    from desktop.ui.main_window import PAGES

    index = next((i for i, p in enumerate(PAGES) if p[0] == "Xu hướng"), None)
    if index is None:
        return
    w: Any = window
    w.show_page(index)
    page = w.pages[index]

    def ready() -> bool:
        return idle() and not page.loading

    _settle(ready)
    _measure(hb, "trends:F5", w.refresh, ready)
    _measure(hb, "trends:indicator", lambda: page.indicatorCombo.setCurrentIndex(1), ready)
    _measure(hb, "trends:unit", lambda: page.unitCombo.setCurrentIndex(
        page.unitCombo.count() // 2), ready)
    _measure(hb, "trends:unit-list", page.unitCombo.showPopup, ready)
    page.unitCombo.hidePopup()
    _measure(hb, "trends:grid-end", page.grid.scrollToBottom, ready)


def _desc():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder


BARE_SQL = """
SELECT u.code, u.name, s.received_on, s.state,
       COUNT(v.indicator_code), SUM(v.numerator), SUM(v.denominator), SUM(v.number)
FROM unit u
LEFT JOIN submission s ON s.unit_id = u.id AND s.period_id = ?
LEFT JOIN value v ON v.submission_id = s.id
GROUP BY u.id ORDER BY u.name
"""


def child_bare(db: str) -> None:
    import sqlite3

    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication(sys.argv[:1])
    view = QTableView()
    view.resize(1366, 720)
    view.show()
    hb = Heartbeat()
    model = QStandardItemModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    view.setModel(proxy)
    view.setSortingEnabled(True)

    def fill() -> None:
        con = sqlite3.connect(db)
        period = con.execute("SELECT id FROM period ORDER BY id LIMIT 1").fetchone()[0]
        rows = con.execute(BARE_SQL, (period,)).fetchall()
        con.close()
        model.clear()
        for r in rows:
            model.appendRow([QStandardItem("" if x is None else str(x)) for x in r])

    def idle() -> bool:
        return True

    _measure(hb, "fill", fill, idle)
    worst = 0.0
    for col in range(model.columnCount()):
        def sort(c: int = col) -> None:
            view.sortByColumn(c, Qt.SortOrder.DescendingOrder)

        worst = max(worst, _measure(hb, f"sort-col:{col}", sort, idle))
    result("sort", worst)
    _measure(hb, "filter", lambda: proxy.setFilterFixedString("Xã Số 12"), idle)
    _measure(hb, "unfilter", lambda: proxy.setFilterFixedString(""), idle)
    del app


FIRST_BARE = """
import sqlite3, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel()
label.resize(1366, 720)
label.show()
def read():
    con = sqlite3.connect(sys.argv[1])
    n = con.execute("SELECT COUNT(*) FROM submission s JOIN period p ON p.id = s.period_id "
                    "WHERE p.code = '2023'").fetchone()[0]
    con.close()
    label.setText(f"Đã nộp: {n}")
    QTimer.singleShot(0, lambda: (print('READY', time.monotonic(), flush=True), app.quit()))
QTimer.singleShot(0, read)
sys.exit(app.exec())
"""


# Spawn to the overview's first figures on screen (then quit): the window's own start as
# a person starts it and as bench_startup measures it (desktop.app.main,
# THIDUA_EXIT_AFTER=data: the period and its five counts, what a person reads first). A
# process of its own, not a child of this script: this script's imports (argparse, the
# benchmark helpers and theirs: 30-40 ms) are no part of the window's start, and the bare
# window's process does not pay them either.
FIRST_APP = ("import sys; from pathlib import Path; from desktop.app import main; "
             "sys.exit(main(Path(sys.argv[1])))")


# ---- the parent ----------------------------------------------------------------------------

# The laptop of issue 12. Qt's offscreen platform has one 800×800 screen unless a JSON
# configuration gives it others (qoffscreenintegration.cpp: `offscreen:configfile=PATH`,
# "screens": [{name, x, y, width, height, logicalDpi, …}]); on 800×800 the window measured
# here was 784 px wide, not the 1366 px a person sees.
SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def laptop_screen(env: dict[str, str], work: Path) -> dict[str, str]:
    """`env` with Qt's offscreen platform on a 1366×768 screen (another platform, e.g.
    xcb when QT_QPA_PLATFORM says so, is left as it is)."""
    if env.get("QT_QPA_PLATFORM") != "offscreen":
        return env
    import json

    config = work / "offscreen-screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    return env | {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}



def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--child")
    parser.add_argument("db", nargs="?")
    args = parser.parse_args(argv)
    if args.child:
        {"app": child_app, "bare": child_bare}[args.child](args.db)
        return []
    work = _bench.workdir("gui")
    try:
        t0 = time.perf_counter()
        db = _bench.big_database(work / "province.db", units=args.units, periods=args.periods)
        print(f"database of {args.units} units × {args.periods} periods built in "
              f"{time.perf_counter() - t0:.0f} s", flush=True)
        env = laptop_screen(_bench.bench_env(work), work)
        app_runs, bare_runs, first_app, first_bare = [], [], [], []
        me = [sys.executable, str(Path(__file__)), "--child"]
        first_env = env | {"THIDUA_EXIT_AFTER": "data"}
        first_commands = {  # spawn to the first data on screen, the product's and the floor's
            "app": ([sys.executable, "-c", FIRST_APP, str(db)], first_env),
            "bare": ([sys.executable, "-c", FIRST_BARE, str(db)], env)}
        # one unmeasured run of each first, as _bench.interleaved does for every other
        # figure (the disk cache, Python's compiled modules)
        _bench.interleaved(first_commands, 0, work)
        for _ in range(args.runs):  # interleaved: drift hits all alike
            for runs, cmd, cmd_env in (
                (app_runs, [*me, "app", str(db)], env),
                (bare_runs, [*me, "bare", str(db)], env),
                (first_app, *first_commands["app"]),
                (first_bare, *first_commands["bare"]),
            ):
                run = _bench.spawn(cmd, env=cmd_env, cwd=work)
                if run.returncode != 0:
                    raise SystemExit(f"{cmd[2][:60]} failed ({run.returncode}):\n"
                                     f"{run.stderr[-3000:]}")
                runs.append(run)
        _print_gaps(app_runs, bare_runs, args.units)
        figures = [_first_data(first_app, first_bare, args.units)]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


BARE_FOR = {"open": "fill", "sort": "sort", "filter": "filter", "unfilter": "unfilter"}


def _print_gaps(app_runs: list[_bench.Run], bare_runs: list[_bench.Run], units: int) -> None:
    """The longest gap of each action, judged by its worst run, against the bare table's."""
    names = [n for n in app_runs[0].results
             if not n.startswith(("sort-col:", "gc:", "cpu:", "queued:", "gui-cpu:"))]
    print(f"\nlongest event-loop gap per action, {units} units, {len(app_runs)} runs (target "
          f"≤ {GAP_TARGET * 1000:.0f} ms). verdict: the WORST run's unloaded gap, the gap "
          "less the time the GUI thread waited for a CPU in it (what a loaded machine's "
          "neighbours took; Linux only; a sort: its worst column's), else its wall gap "
          "(marked *); wall: the worst run's gap as measured, runs: each run's; "
          "bare: a bare QTableView + proxy, its best run; gc: the most of one run's longest "
          "gap that Python's cycle collector took; cpu: the GUI thread's own CPU time in the "
          "judged run's longest gap; gui cpu: the GUI thread's CPU time over the whole "
          "action, the median of the runs")
    print(f"{'action':40} {'unloaded':>8} {'wall':>7} {'runs':>17} {'bare':>7} {'gc':>6} "
          f"{'cpu':>6} {'gui cpu':>7}  verdict")
    for name in names:
        per_run = [_run_figures(r, name) for r in app_runs if r.results.get(name)]
        gaps = [f[0] for f in per_run]
        bare_name = BARE_FOR.get(name.split(":")[0], "fill")
        bare = [g for r in bare_runs for g in r.results.get(bare_name, [])]
        collected = [g for r in app_runs for g in r.results.get("gc:" + name, [])]
        gui_cpus = [f[3] for f in per_run if f[3] is not None]
        unloaded = [f[2] for f in per_run]
        if all(u is not None for u in unloaded):
            judged, mark = max(u for u in unloaded if u is not None), ""
            cpu = per_run[unloaded.index(judged)][1]
            shown: float | None = judged
        else:
            judged, mark, cpu, shown = max(gaps), "*", None, None
        verdict = ("ok" if judged <= GAP_TARGET else "FROZEN") + mark
        print(f"{name[:40]:40} {_bench.fmt_s(shown):>8} {_bench.fmt_s(max(gaps)):>7} "
              f"{' / '.join(_bench.fmt_s(g) for g in gaps):>17} "
              f"{_bench.fmt_s(min(bare)) if bare else '—':>7} "
              f"{_bench.fmt_s(max(collected)) if collected else '—':>6} "
              f"{_bench.fmt_s(cpu):>6} "
              f"{_bench.fmt_s(statistics.median(gui_cpus)) if gui_cpus else '—':>7}  {verdict}")


Figures = tuple[float, float | None, float | None, float | None]


def _run_figures(run: _bench.Run, name: str) -> Figures:
    """One run's longest gap of `name`; the GUI thread's CPU time in the gap judged and
    that gap unloaded (less the GUI thread's wait for a CPU in it); the GUI thread's CPU
    time over the action. A sort ("sort:<page>", every column) is judged by its column of
    the largest unloaded gap; its CPU over the action is that of all its columns."""
    def first(key: str) -> float | None:
        values = run.results.get(key)
        return values[0] if values else None

    def unloaded(key: str) -> float | None:
        queued = first("queued:" + key)
        return None if queued is None else run.results[key][0] - queued

    gap = run.results[name][0]
    if not name.startswith("sort:"):
        return gap, first("cpu:" + name), unloaded(name), first("gui-cpu:" + name)
    prefix = "sort-col:" + name.removeprefix("sort:") + ":"
    columns = [(unloaded(k), k) for k in run.results if k.startswith(prefix)]
    if not columns or any(u is None for u, _k in columns):
        return gap, None, None, None
    worst, key = max((u, k) for u, k in columns if u is not None)
    spent = [c for _u, k in columns if (c := first("gui-cpu:" + k)) is not None]
    return gap, first("cpu:" + key), worst, sum(spent) if spent else None


def _first_data(first_app: list[_bench.Run], first_bare: list[_bench.Run],
                units: int) -> _bench.Figure:
    return _bench.Figure(
        "bench_gui", f"time to first data on screen ({units} units)",
        [r.ready for r in first_app if r.ready is not None],
        "bare PySide6 window, one sqlite3 aggregate in a label",
        [r.ready for r in first_bare if r.ready is not None],
        target_ratio=FIRST_DATA_RATIO, peak_mb=_bench.max_peak(first_app),
        floor_peak_mb=_bench.max_peak(first_bare), peak_target_mb=None,
        cpu_times=_bench.cpus(first_app), floor_cpu_times=_bench.cpus(first_bare))


if __name__ == "__main__":
    main()
