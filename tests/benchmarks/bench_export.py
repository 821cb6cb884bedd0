"""Export: the consolidated xlsx of 2,000 units vs openpyxl write-only writing the same cells;
the PDF report of 200 units (its time only).

    uv run python tests/benchmarks/bench_export.py [--units 2000] [--pdf-units 200] [--runs 5]

Figure: desktop.exchange.export_xlsx.write_xlsx for period 2023 of a province-sized
database (2,000 communes, 5 periods). Baseline: the cells of that very workbook (read
back, outside the timing) written by openpyxl in write-only mode, no styles, to the same
sheets. Shown too: load_export_input (reading and evaluating the period), which
`thidua export` pays before writing. Then desktop.exchange.report_pdf.write_pdf for 200
units. Targets: xlsx ≤ 1.5× the baseline; peak ≤ 250 MB for each.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

PERIOD = "2023"


def child(name: str, db_path: str, out: str) -> None:
    if name == "cells":
        from openpyxl import Workbook

        with open(db_path, "rb") as fh:  # here: the pickled cells
            sheets = pickle.load(fh)
        t0 = time.perf_counter()
        wb = Workbook(write_only=True)
        for sheet, rows in sheets.items():
            ws = wb.create_sheet(sheet)
            for row in rows:
                ws.append(row)
        wb.save(out)
        _bench.result("write", time.perf_counter() - t0)
        return
    from desktop.exchange.export_input import load_export_input
    from desktop.store.database import Database

    with Database.open(Path(db_path), write=False) as db:
        t0 = time.perf_counter()
        with db.reading() as s:
            inp = load_export_input(s, PERIOD)
        t1 = time.perf_counter()
        if name == "xlsx":
            from desktop.exchange.export_xlsx import write_xlsx

            write_xlsx(inp, Path(out))
        else:
            from desktop.exchange.report_pdf import write_pdf

            write_pdf(inp, Path(out))
        t2 = time.perf_counter()
    _bench.result("load", t1 - t0)
    _bench.result("write", t2 - t1)


def read_cells(path: Path) -> dict[str, list[list[object]]]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                for ws in wb.worksheets}
    finally:
        wb.close()


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--pdf-units", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    work = _bench.workdir("export")
    me = Path(__file__)
    try:
        try:
            import desktop.exchange.export_xlsx  # noqa: F401
        except ImportError:
            print("bench_export: desktop.exchange.export_xlsx does not exist yet; skipped")
            return []
        t0 = time.perf_counter()
        big = _bench.big_database(work / "province.db", args.units, 5)
        small = _bench.big_database(work / "district.db", args.pdf_units, 5)
        print(f"built the databases in {time.perf_counter() - t0:.1f} s")

        first = _bench.child(me, "xlsx", big, work / "first.xlsx", workdir=work)
        cells = read_cells(work / "first.xlsx")
        n_cells = sum(len(r) for rows in cells.values() for r in rows)
        with open(work / "cells.pickle", "wb") as fh:
            pickle.dump(cells, fh)
        xlsx, plain = [first], []
        for i in range(args.runs):
            if i:
                xlsx.append(_bench.child(me, "xlsx", big, work / "x.xlsx", workdir=work))
            plain.append(_bench.child(me, "cells", work / "cells.pickle", work / "c.xlsx",
                                      workdir=work))
        write = _bench.best(xlsx, "write")
        load = _bench.best(xlsx, "load")
        base = _bench.best(plain, "write")
        figures = [_bench.Figure(
            "bench_export", f"export_xlsx.write_xlsx, {args.units} units ({n_cells:,} cells)",
            write, "openpyxl write-only, the same cells, no styles", base, target_ratio=1.5,
            peak_mb=_bench.max_peak(xlsx), baseline_peak_mb=_bench.max_peak(plain),
            note=f"load_export_input before it: {_bench.fmt_s(load)}; whole export "
                 f"{_bench.fmt_s(load + write)} ({(load + write) / base:.2f}× the baseline); "
                 + _bench.medians_note(_bench.times(xlsx, "write"),
                                      _bench.times(plain, "write")))]

        try:
            import desktop.exchange.report_pdf  # noqa: F401
        except ImportError:
            print("bench_export: desktop.exchange.report_pdf does not exist yet; PDF skipped")
        else:
            pdf = [_bench.child(me, "pdf", small, work / f"r{i}.pdf", workdir=work)
                   for i in range(args.runs)]
            pages = (work / "r0.pdf").read_bytes().count(b"/Type /Page\n") or None
            figures.append(_bench.Figure(
                "bench_export", f"report_pdf.write_pdf, {args.pdf_units} units",
                _bench.best(pdf, "write"), peak_mb=_bench.max_peak(pdf),
                note=f"load_export_input before it: {_bench.fmt_s(_bench.best(pdf, 'load'))}"
                     + (f"; {pages} pages" if pages else "")))
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], *sys.argv[3:])
    else:
        main()
