"""`thidua export --xlsx` and `--pdf` of 2,000 units vs XlsxWriter and a reportlab canvas
writing the same content.

    uv run python tests/benchmarks/bench_export.py [--units 2000] [--runs 3]

The database: 2,000 communes, 5 periods, every indicator. Figures, whole processes:
`thidua --db X export --period 2023 --xlsx FILE` and `... --pdf FILE` (reading and
evaluating the period, then writing every sheet with its formats, or the official
report). Floors, whole processes too:
- xlsx: XlsxWriter (constant memory) writing the same cells to the same sheets, the
  cells read back from the product's workbook outside the timing (floors.xlsx);
- pdf: a reportlab canvas drawing the same text, the product PDF's lines page by page
  (pdftotext -layout, outside the timing), with the same TrueType font (floors.pdf).
Targets: xlsx ≤ 1.2×, pdf ≤ 3×.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bench  # noqa: E402

PERIOD = "2023"
FONT = _bench.ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"


def read_cells(path: Path) -> dict[str, list[list[object]]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


def pdf_pages(path: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, text=True, encoding="utf-8").stdout
    return [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")
            if page.strip()]


def main(argv: list[str] | None = None) -> list[_bench.Figure]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    work = _bench.workdir("export")
    try:
        t0 = time.perf_counter()
        db = _bench.big_database(work / "province.db", args.units, 5)
        print(f"built the database in {time.perf_counter() - t0:.1f} s", flush=True)
        env = _bench.bench_env(work)
        xlsx, pdf = work / "product.xlsx", work / "product.pdf"
        first = _bench.spawn(_bench.thidua("--db", db, "export", "--period", PERIOD,
                                           "--xlsx", xlsx, "--pdf", pdf), env=env, cwd=work)
        assert first.returncode == 0, first.stderr
        cells = read_cells(xlsx)
        n_cells = sum(len(r) for rows in cells.values() for r in rows)
        with open(work / "cells.pickle", "wb") as fh:
            pickle.dump(cells, fh)
        pages = pdf_pages(pdf)
        (work / "pages.json").write_text(json.dumps(pages, ensure_ascii=False), "utf-8")
        shutil.copyfile(pdf, work / "first.pdf")
        runs = _bench.interleaved({
            "xlsx": (_bench.thidua("--db", db, "export", "--period", PERIOD, "--xlsx", xlsx),
                     env),
            "xlsx-floor": (_bench.floor("xlsx", work / "cells.pickle", work / "floor.xlsx"),
                           env),
            "pdf": (_bench.thidua("--db", db, "export", "--period", PERIOD, "--pdf", pdf), env),
            "pdf-floor": (_bench.floor("pdf", work / "pages.json", FONT, work / "floor.pdf"),
                          env),
        }, args.runs, work, warm=False)
        figures = [
            _bench.Figure(
                "bench_export", f"`thidua export --xlsx`, {args.units:,} units "
                f"({n_cells:,} cells)", _bench.walls(runs["xlsx"]),
                "XlsxWriter writing the same cells", _bench.walls(runs["xlsx-floor"]),
                target_ratio=1.2, peak_mb=_bench.max_peak(runs["xlsx"]),
                floor_peak_mb=_bench.max_peak(runs["xlsx-floor"]),
                cpu_times=_bench.cpus(runs["xlsx"]),
                floor_cpu_times=_bench.cpus(runs["xlsx-floor"])),
            _bench.Figure(
                "bench_export", f"`thidua export --pdf`, {args.units:,} units "
                f"({len(pages)} pages)", _bench.walls(runs["pdf"]),
                "reportlab canvas drawing the same text, same font",
                _bench.walls(runs["pdf-floor"]), target_ratio=3.0,
                peak_mb=_bench.max_peak(runs["pdf"]),
                floor_peak_mb=_bench.max_peak(runs["pdf-floor"]),
                cpu_times=_bench.cpus(runs["pdf"]), floor_cpu_times=_bench.cpus(runs["pdf-floor"])),
        ]
        _bench.report(figures)
        return figures
    finally:
        _bench.cleanup(work)


if __name__ == "__main__":
    main()
