"""The outputs of one export written as a set: the workbook, the PDF and the package either
all replace their old files or none does (files.write_set), even when the program is
interrupted between two of them.

    paths = write_outputs(inp, [("xlsx", p1), ("pdf", p2), ("package", p3)], number="12")

Each output is built whole in memory first (cancellable between outputs through `report`),
then the set is written. `thidua export` and the window's export dialog both use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.collector import collection_deferred, collection_paused
from desktop.domain.errors import DomainError
from desktop.files import write_set

from .export_input import ExportInput

WHAT = {"xlsx": "tệp Excel", "pdf": "tệp PDF", "package": "gói dữ liệu"}
Report = Callable[[int, int, str], bool]


class ExportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("Đã hủy: chưa tệp nào được ghi hay thay.")


def output_bytes(inp: ExportInput, kind: str, *, number: str = "",
                 on: dt.date | None = None) -> bytes:
    if kind == "xlsx":
        from . import export_xlsx

        return export_xlsx.xlsx_bytes(inp)
    if kind == "pdf":
        with collection_paused():  # the modules' objects live as long as the process
            from . import report_pdf
        with collection_deferred():  # some 100,000 objects, a thousand in cycles
            return report_pdf.pdf_bytes(inp, number=number, on=on)
    if kind == "package":
        from . import package

        return package.package_bytes(inp, number=number, on=on)
    raise ValueError(f"unknown output kind {kind!r}")


def write_outputs(inp: ExportInput, targets: Sequence[tuple[str, Path]], *, number: str = "",
                  on: dt.date | None = None, report: Report | None = None) -> list[Path]:
    """Build every output, then write them as one set; ExportCancelled when `report`
    answered False (nothing written)."""
    built: list[tuple[Path, bytes, str]] = []
    total = len(targets) + 1
    for i, (kind, path) in enumerate(targets):
        if report is not None and not report(i + 1, total, f"Đang lập {Path(path).name}…"):
            raise ExportCancelled()
        built.append((Path(path), output_bytes(inp, kind, number=number, on=on), WHAT[kind]))
    if report is not None and not report(total, total, "Đang ghi các tệp…"):
        raise ExportCancelled()
    return write_set(built)
