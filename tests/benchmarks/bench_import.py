"""`thidua import` of 200 filled forms vs python-calamine + one fsynced sqlite3 transaction
per file.

    uv run python tests/benchmarks/bench_import.py [--forms 200] [--runs 3]

The forms are made as the office makes them (desktop.exchange.form_template.write_form)
and filled with openpyxl, outside the timing. Figure: `thidua --db X import FOLDER
--received 2023-12-10 --channel usb` into a fresh copy of an empty database, a whole
process (each file checked, read, validated and written in its own transaction, with
the automatic backup a writer takes on opening). Floor: python-calamine reading the
same cells + one fsynced sqlite3 transaction per file writing the same rows
(submission, values, review event) and an audit row for each (floors.import_forms).
Both write the same number of rows (checked). Target: ≤ 2×.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

TABLES = ("submission", "value", "review_event", "audit_log")


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    work = _bench.workdir("import")
    try:
        t0 = time.perf_counter()
        empty = _bench.database_with_communes(work / "empty.db", args.forms)
        forms = _bench.filled_forms(empty, work / "forms", args.forms)
        print(f"made {len(forms)} filled forms in {time.perf_counter() - t0:.1f} s", flush=True)
        before = counts(empty)
        env = _bench.bench_env(work)
        targets = {"import": work / "product.db", "floor": work / "floor.db"}

        def fresh(name: str) -> None:
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(f"{targets[name]}{suffix}").unlink(missing_ok=True)
            shutil.rmtree(work / "data", ignore_errors=True)
            # the automatic backups beside the database: each run starts with none, as the
            # first import into a new database does (left, they piled up run after run and
            # each opening listed, dated and rotated more of them)
            shutil.rmtree(work / f"{targets[name].stem}-backups", ignore_errors=True)
            shutil.copyfile(empty, targets[name])

        runs = _bench.interleaved({
            "import": (_bench.thidua("--db", targets["import"], "import", work / "forms",
                                     "--received", "2023-12-10", "--channel", "usb"), env),
            "floor": (_bench.floor("import", targets["floor"], work / "forms"), env),
        }, args.runs, work, before=fresh)
        written = {name: {t: n - before[t] for t, n in counts(db).items()}
                   for name, db in targets.items()}
        same = {t: written["import"][t] == written["floor"][t] for t in TABLES[:3]}
        assert all(same.values()), written
        figures = [_bench.Figure(
            "bench_import", f"`thidua import` of {args.forms} filled forms",
            _bench.walls(runs["import"]),
            "python-calamine reading the cells + one fsynced sqlite3 transaction per file",
            _bench.walls(runs["floor"]), target_ratio=2.0,
            peak_mb=_bench.max_peak(runs["import"]), floor_peak_mb=_bench.max_peak(runs["floor"]),
            cpu_times=_bench.cpus(runs["import"]), floor_cpu_times=_bench.cpus(runs["floor"]),
            note=f"rows written by each: {written['import']} (floor: audit_log "
                 f"{written['floor']['audit_log']})")]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    main()
