"""Import of 200 filled forms vs openpyxl merely loading the same 200 files.

    uv run python tests/benchmarks/bench_import.py [--forms 200] [--runs 5]

The forms are made as the office makes them (desktop.exchange.form_template.write_form)
and filled with openpyxl, outside the timing. Figure: desktop.store.form_import.import_forms
of the 200 files into an empty database (each file checked, read, validated and written
in its own transaction). Baseline: openpyxl.load_workbook of each file (the default mode).
For information, also openpyxl's read-only mode reading every cell (what the reader uses).
Targets: ≤ 1.5× the baseline; peak ≤ 250 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402


def child(name: str, db_path: str, folder: str) -> None:
    files = sorted(Path(folder).glob("*.xlsx"))
    if name == "import":
        import openpyxl  # noqa: F401 - imported before the clock, as the baseline does

        from desktop.store.database import Database
        from desktop.store.form_import import import_forms

        target = Path(db_path).with_name(f"run-{time.monotonic_ns()}.db")
        shutil.copyfile(db_path, target)
        with Database.open(target, backup=False) as db:
            t0 = time.perf_counter()
            outcomes = import_forms(db, files, received_on=dt.date(2023, 12, 10), channel="usb")
            elapsed = time.perf_counter() - t0
        bad = [o.message() for o in outcomes if not o.ok]
        assert not bad, bad[:3]
    else:
        import openpyxl

        t0 = time.perf_counter()
        for f in files:
            if name == "load":
                openpyxl.load_workbook(f)
            else:  # read-only, every cell of every sheet
                wb = openpyxl.load_workbook(f, read_only=True)
                for ws in wb.worksheets:
                    for row in ws.iter_rows():
                        for cell in row:
                            cell.value  # noqa: B018
                wb.close()
        elapsed = time.perf_counter() - t0
    _bench.result(name, elapsed)


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    work = _bench.workdir("import")
    try:
        t0 = time.perf_counter()
        db = _bench.database_with_communes(work / "empty.db", args.forms)
        forms = _bench.filled_forms(db, work / "forms", args.forms)
        print(f"made {len(forms)} filled forms in {time.perf_counter() - t0:.1f} s")
        me = Path(__file__)
        runs: dict[str, list[_bench.Run]] = {"import": [], "load": [], "readonly": []}
        for _ in range(args.runs):
            for name in runs:
                runs[name].append(_bench.child(me, name, db, work / "forms", workdir=work))
        t_import = _bench.best(runs["import"], "import")
        t_load = _bench.best(runs["load"], "load")
        t_ro = _bench.best(runs["readonly"], "readonly")
        figures = [_bench.Figure(
            "bench_import", f"import_forms of {args.forms} filled forms", t_import,
            f"openpyxl.load_workbook of the same {args.forms} files", t_load,
            target_ratio=1.5, peak_mb=_bench.max_peak(runs["import"]),
            baseline_peak_mb=_bench.max_peak(runs["load"]),
            note=(f"per file {t_import / args.forms * 1000:.1f} ms; openpyxl read-only reading "
                  f"every cell: {_bench.fmt_s(t_ro)} ({t_import / t_ro:.2f}× of it); "
                  + _bench.medians_note(_bench.times(runs["import"], "import"),
                                       _bench.times(runs["load"], "load"))))]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], *sys.argv[3:])
    else:
        main()
