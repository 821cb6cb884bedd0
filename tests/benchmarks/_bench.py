"""Shared helpers of the benchmarks: whole processes, peak memory, test data.

Every figure is a whole process as a person runs it (`thidua import ...`, `thidua check
--format json`, the window until the overview's data is on screen), timed from spawn
to exit (or to the READY line of a window), against a floor (floors.py): the least a
program must do for the same result, also a whole process, measured in the same run,
taking turns with the product. Only ratios transfer between machines.

Both the fastest run of each (`timeit`'s choice: on a shared machine the CPU's speed
moves by half within seconds, and a slower run measures the neighbours) and the median
are reported; targets apply to the ratio of the fastest runs. Peak memory is each
process's own resident set size, as the kernel reports it through os.wait4.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MEMORY_TARGET_MB = 250.0
JSON_PREFIX = "BENCH-JSON "


# ---- timing and memory -------------------------------------------------------------------


@dataclasses.dataclass
class Run:
    wall: float  # seconds from spawn to exit
    peak_mb: float | None  # maximum resident set size of the child
    returncode: int
    stdout: str
    stderr: str
    results: dict[str, list[float]]  # RESULT lines printed by the child
    ready: float | None = None  # seconds from spawn to the child's "READY <monotonic>" line
    cpu: float | None = None  # CPU seconds (user + system) of the child, spawn to exit

    def result(self, name: str) -> float:
        return self.results[name][0]


def bench_env(workdir: Path) -> dict[str, str]:
    """The environment of every child: sources importable, data and settings isolated."""
    env = dict(os.environ)
    # Measure what an office PC runs: Python caches compiled modules (__pycache__) after
    # the first start. A shell that forbids it would make every run recompile our
    # modules, a cost the empty-window baseline does not have.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({
        "PYTHONPATH": str(ROOT),
        "THIDUA_DATA_DIR": str(workdir / "data"),
        "XDG_CONFIG_HOME": str(workdir / "config"),
        "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM") or "offscreen",
        "LANG": env.get("LANG") or "C.UTF-8",
    })
    return env


# A tiny launcher between the benchmark and each child: on Linux a child's ru_maxrss
# starts from the RSS of the process it was forked from (it is kept across fork and
# execve), so a child spawned straight from a benchmark that holds 130 MB of test data
# would report at least 130 MB. The launcher is a bare interpreter (-I -S, about 9 MB):
# that is the floor of every peak reported here.
LAUNCHER = """
import os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
spawned_at = time.monotonic()
pid = os.posix_spawnp(cmd[0], cmd, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(out, "w") as fh:
    fh.write(f"{usage.ru_maxrss} {wall} {spawned_at} {usage.ru_utime + usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def spawn(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None,
          timeout: float = 900) -> Run:
    """Run `cmd`: its wall time (spawn to exit) and peak RSS (Linux, macOS)."""
    out_f = tempfile.TemporaryFile()
    err_f = tempfile.TemporaryFile()
    measured = hasattr(os, "wait4") and hasattr(os, "posix_spawnp")
    stats = Path(tempfile.mkstemp(prefix="thidua-rss-")[1])
    full = ([sys.executable, "-I", "-S", "-c", LAUNCHER, str(stats), *cmd] if measured
            else list(cmd))
    t0 = time.perf_counter()
    proc = subprocess.run(full, stdout=out_f, stderr=err_f, env=env, cwd=cwd, timeout=timeout)
    wall = time.perf_counter() - t0
    peak = None
    spawned_at = None
    cpu = None
    if measured:
        text = stats.read_text().split()
        if text:
            kb, wall, spawned_at = int(text[0]), float(text[1]), float(text[2])
            cpu = float(text[3])
            peak = kb / 1024 if sys.platform != "darwin" else kb / 1048576
    stats.unlink(missing_ok=True)
    out_f.seek(0)
    err_f.seek(0)
    stdout = out_f.read().decode("utf-8", "replace")
    stderr = err_f.read().decode("utf-8", "replace")
    results: dict[str, list[float]] = {}
    ready = None
    for line in stdout.splitlines():
        if line.startswith("RESULT "):
            _, name, value = line.split()
            results.setdefault(name, []).append(float(value))
        elif line.startswith("READY ") and spawned_at is not None:
            ready = float(line.split()[1]) - spawned_at  # both CLOCK_MONOTONIC
    return Run(wall, peak, proc.returncode, stdout, stderr, results, ready, cpu)


# ---- reporting ------------------------------------------------------------------------------


@dataclasses.dataclass
class Figure:
    """One measure: the product's times against its floor's, measured interleaved."""

    bench: str
    what: str
    times: list[float]  # seconds of each run of the product
    floor_what: str = ""  # the floor, labelled as the floor it is
    floor_times: list[float] = dataclasses.field(default_factory=list)
    target_ratio: float | None = None  # fastest product run / fastest floor run, at most
    peak_mb: float | None = None
    floor_peak_mb: float | None = None
    peak_target_mb: float | None = MEMORY_TARGET_MB
    note: str = ""
    cpu_times: list[float] = dataclasses.field(default_factory=list)  # CPU seconds of each run
    floor_cpu_times: list[float] = dataclasses.field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def floor_best(self) -> float | None:
        return min(self.floor_times) if self.floor_times else None

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor_times) if self.floor_times else None

    @property
    def ratio(self) -> float | None:
        return self.best / self.floor_best if self.floor_best else None

    @property
    def ratio_median(self) -> float | None:
        return self.median / self.floor_median if self.floor_median else None

    @property
    def cpu_ratio(self) -> float | None:
        """Median CPU time of the product over the floor's: on a loaded machine it moves
        less than wall time (a process waiting for a core uses none), for information."""
        if not self.cpu_times or not self.floor_cpu_times:
            return None
        return statistics.median(self.cpu_times) / statistics.median(self.floor_cpu_times)

    @property
    def verdicts(self) -> list[tuple[str, bool]]:
        out = []
        if self.target_ratio is not None and self.ratio is not None:
            out.append((f"≤ {self.target_ratio:g}×", self.ratio <= self.target_ratio))
        if self.peak_target_mb is not None and self.peak_mb is not None:
            out.append((f"peak ≤ {self.peak_target_mb:g} MB", self.peak_mb <= self.peak_target_mb))
        return out

    @property
    def passed(self) -> bool:
        return all(ok for _, ok in self.verdicts)


def fmt_s(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_mb(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f} MB"


def fmt_ratio(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}×"


def report(figures: list[Figure]) -> None:
    """Print the figures for a person, then one JSON line for run_all.py."""
    for f in figures:
        print(f"\n{f.bench}: {f.what}")
        print(f"  product  min {fmt_s(f.best):>9}  median {fmt_s(f.median):>9}   "
              f"peak {fmt_mb(f.peak_mb)}   ({len(f.times)} runs)")
        if f.floor_times:
            print(f"  floor    min {fmt_s(f.floor_best):>9}  median {fmt_s(f.floor_median):>9}"
                  f"   peak {fmt_mb(f.floor_peak_mb)}   ({f.floor_what})")
            print(f"  ratio    min {fmt_ratio(f.ratio):>9}  median {fmt_ratio(f.ratio_median):>9}"
                  f"   (CPU time, medians: {fmt_ratio(f.cpu_ratio)})")
        for label, ok in f.verdicts:
            print(f"  target   {label}: {'PASS' if ok else 'MISS'}")
        if f.note:
            print(f"  note     {f.note}")
    print(JSON_PREFIX + json.dumps([dataclasses.asdict(f) for f in figures],
                                   ensure_ascii=False), flush=True)


def interleaved(commands: Mapping[str, tuple[Sequence[str], dict[str, str]]], runs: int,
                workdir: Path, before: Callable[[str], None] | None = None,
                warm: bool = True) -> dict[str, list[Run]]:
    """Run each command `runs` times, taking turns (drift on a shared machine hits all
    alike), after one unmeasured run of each (the disk cache, Python's compiled modules).
    `before(name)` runs before each spawn, outside the timing (a fresh copy of a file)."""
    out: dict[str, list[Run]] = {name: [] for name in commands}
    for i in range(runs + (1 if warm else 0)):
        for name, (cmd, env) in commands.items():
            if before is not None:
                before(name)
            run = spawn(cmd, env=env, cwd=workdir)
            if run.returncode != 0:
                raise SystemExit(f"{name} failed ({run.returncode}):\n{run.stdout[-2000:]}\n"
                                 f"{run.stderr[-4000:]}")
            if i or not warm:
                out[name].append(run)
    return out


HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.py"
THIDUA = "import sys; from desktop.cli import main; sys.exit(main())"


def thidua(*args: object) -> list[str]:
    """The command line a person runs (`thidua ARGS`), as the installed script does it."""
    return [sys.executable, "-c", THIDUA, *map(str, args)]


def floor(name: str, *args: object) -> list[str]:
    return [sys.executable, str(FLOORS), name, *map(str, args)]


def walls(runs: Sequence[Run]) -> list[float]:
    return [r.wall for r in runs]


def cpus(runs: Sequence[Run]) -> list[float]:
    return [r.cpu for r in runs if r.cpu is not None]


def max_peak(runs: Sequence[Run]) -> float | None:
    peaks = [r.peak_mb for r in runs if r.peak_mb is not None]
    return max(peaks) if peaks else None


def workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"thidua-{prefix}-"))


def cleanup(folder: Path) -> None:
    if not os.environ.get("THIDUA_BENCH_KEEP"):
        shutil.rmtree(folder, ignore_errors=True)


# ---- test data ------------------------------------------------------------------------------

EXTRA_PERIOD = dict(code="2023-6T", label="6 tháng đầu năm 2023", deadline=dt.date(2023, 6, 15),
                    starts=dt.date(2023, 1, 1), ends=dt.date(2023, 6, 30))


def province_plan(periods: int = 5):  # type: ignore[no-untyped-def]
    """The Ninh Sơn plan with a fifth period (6 tháng đầu năm 2023) when asked for 5."""
    from desktop.domain.plan import Period
    from desktop.plan_catalog import load_bundled

    plan = load_bundled("ninh-son-2022")
    all_periods = list(plan.periods)
    if periods > len(all_periods):
        all_periods.insert(1, Period(**EXTRA_PERIOD))
    return dataclasses.replace(plan, periods=tuple(all_periods[:periods]))


def random_value(kind: str, rng: random.Random) -> dict[str, object]:
    """The columns of a value row of this kind, realistic and valid."""
    if kind == "ratio":
        d = rng.randint(10, 5000)
        return {"numerator": rng.randint(0, d), "denominator": d}
    if kind in ("percent", "score"):
        return {"number": round(rng.uniform(30, 100), 2)}
    if kind == "count":
        return {"number": rng.randint(0, 5)}
    if kind == "bool":
        return {"flag": rng.random() < 0.9}
    if kind == "date":
        return {"day": dt.date(2022, 9, 1) + dt.timedelta(days=rng.randint(0, 40))}
    raise ValueError(kind)


def big_database(path: Path, units: int = 2000, periods: int = 5, seed: int = 1) -> Path:
    """A province-sized database: `units` communes, `periods` periods, every indicator.

    About 95 % of the units report in each period (some late, some with a blank value),
    a share are accepted. The plan is installed by the product; the bulk rows are written
    with sqlite3 executemany, as SQLAlchemy stores them (20,000 units take seconds).
    """
    import sqlite3

    from desktop.store.database import Database
    from desktop.store.plans import install_plan

    rng = random.Random(seed)
    plan = province_plan(periods)
    with Database.open(path, create=True, backup=False) as db:
        with db.transaction("Dữ liệu đo hiệu năng") as s:
            install_plan(s, plan)
    Path(str(path) + ".lock").unlink(missing_ok=True)
    indicators = [(i.code, i.kind.value) for i in plan.indicators_for("commune")]
    con = sqlite3.connect(path)
    with con:
        (plan_id,) = con.execute("SELECT id FROM plan").fetchone()
        con.execute("DELETE FROM unit")  # the 8 real communes: replaced below
        con.executemany(
            "INSERT INTO unit (id, plan_id, code, name, kind, block, active_from, active_to, "
            "merged_into_id) VALUES (?, ?, ?, ?, 'commune', NULL, NULL, NULL, NULL)",
            [(i + 1, plan_id, f"{30000 + i}", f"Xã Số {i + 1}") for i in range(units)])
        period_rows = con.execute("SELECT id, deadline FROM period ORDER BY id").fetchall()
        now = "2024-01-05 09:00:00.000000"
        sid = 0
        for pid, deadline in period_rows:
            due = dt.date.fromisoformat(deadline)
            subs, values = [], []
            for u in range(units):
                if rng.random() < 0.05:
                    continue  # not submitted
                sid += 1
                subs.append((
                    sid, u + 1, pid, (due + dt.timedelta(days=rng.randint(-20, 5))).isoformat(),
                    rng.choice(["email", "usb", "paper", "other"]),
                    "accepted" if rng.random() < 0.6 else "received", now, "",
                    f"BaoCao_{u}.xlsx", "", "", "", now))
                for code, kind in indicators:
                    if rng.random() < 0.02:
                        continue  # left blank
                    v = random_value(kind, rng)
                    day = v.get("day")
                    flag = v.get("flag")
                    values.append((sid, code, v.get("numerator"), v.get("denominator"),
                                   v.get("number"), None if flag is None else int(bool(flag)),
                                   day.isoformat() if isinstance(day, dt.date) else None))
            con.executemany(  # the columns named: later migrations add some (version, …)
                "INSERT INTO submission (id, unit_id, period_id, received_on, channel, state, "
                "state_changed_at, return_reason, source_file, source_sha256, prepared_by, "
                "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", subs)
            con.executemany("INSERT INTO value (submission_id, indicator_code, numerator, "
                            "denominator, number, flag, day) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            values)
    con.close()
    return path


def filled_forms(db_path: Path, folder: Path, count: int, period: str = "2023",
                 seed: int = 2) -> list[Path]:
    """`count` forms of distinct communes written by write_form, filled with openpyxl."""
    import openpyxl

    from desktop.exchange.form_template import form_filename, write_form
    from desktop.store.database import Database
    from desktop.store.plans import load_plan, unit_infos

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    with Database.open(db_path, write=False) as db, db.reading() as s:
        plan = load_plan(s)
        units = [u for u in unit_infos(s) if u.kind == "commune"][:count]
    if len(units) < count:
        raise SystemExit(f"only {len(units)} communes for {count} forms")
    p = plan.period(period)
    paths = []
    for u in units:
        target = folder / form_filename(plan, p, u)
        write_form(plan, p, u, target, office_name="Phòng Văn hóa và Thông tin",
                   app_version="bench", generated_at=dt.datetime(2023, 11, 1, 8, 0))
        wb = openpyxl.load_workbook(target)
        ws = wb["BaoCao"]
        cols: dict[str, int] = {}
        header = 0
        for row in ws.iter_rows():
            labels = {str(c.value).strip(): c.column for c in row if c.value is not None}
            if {"Mã", "Tử số", "Mẫu số", "Giá trị"} <= set(labels):
                cols, header = labels, row[0].row
                break
        kinds = {i.code: i.kind.value for i in plan.indicators_for(u.kind)}
        for r in range(header + 1, ws.max_row + 1):
            code = ws.cell(r, cols["Mã"]).value
            if code not in kinds:
                continue
            v = random_value(kinds[code], rng)
            if "numerator" in v:
                ws.cell(r, cols["Tử số"]).value = v["numerator"]
                ws.cell(r, cols["Mẫu số"]).value = v["denominator"]
            elif "flag" in v:
                ws.cell(r, cols["Giá trị"]).value = "Có" if v["flag"] else "Không"
            elif "day" in v:
                d = v["day"]
                assert isinstance(d, dt.date)
                ws.cell(r, cols["Giá trị"]).value = dt.datetime(d.year, d.month, d.day)
            else:
                ws.cell(r, cols["Giá trị"]).value = v["number"]
        wb.save(target)
        paths.append(target)
    return paths


def database_with_communes(path: Path, communes: int) -> Path:
    """An empty Ninh Sơn database with `communes` communes in all (8 real + added)."""
    from desktop.plan_catalog import load_bundled
    from desktop.store.database import Database
    from desktop.store.plans import install_plan
    from desktop.store.units import UnitData, add_unit

    with Database.open(path, create=True, backup=False) as db:
        with db.transaction("Dữ liệu đo hiệu năng") as s:
            install_plan(s, load_bundled("ninh-son-2022"))
            for i in range(max(0, communes - 8)):
                add_unit(s, UnitData(code=f"{40000 + i}", name=f"Xã Thêm {i + 1}",
                                     kind="commune"))
    Path(str(path) + ".lock").unlink(missing_ok=True)
    return path
