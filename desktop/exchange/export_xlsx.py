"""The consolidated workbook for the province (DESIGN.md section 7).

Sheets: `TongHop` (one row per unit: result, rank, each mandatory criterion), `ChiTieu`
(indicator values per unit, the last row "Toàn huyện"/"Toàn tỉnh" with the aggregates),
`TienDo` (received on, deadline, late days, channel, review), `KhenThuong` (proposals of
the period, a note when there are none), `ThongTin` (plan, period, office, generated at,
version, the criteria and indicators).

Every table sheet: row 1 the title, row 2 the subtitle, row 3 the header (frozen, repeated
on every printed page), data from row 4. Numbers are numbers with number formats
(percents 0-100 as '0.00" %"'), dates are dates, pass/fail cells are coloured, widths fit
the content, A4 landscape fitted to the page width. No cell can run as a formula: text
starting with =, +, -, @ is a string cell with the quote prefix.

Written with XlsxWriter (one format per kind of cell, xlsx_styles), laid out by
xlsx_layout, sheet by sheet in xlsx_sheets; the table sheets' body rows are given to
XlsxWriter as their cells' XML (xlsx_rows.TableSheet: the same file, a third of the
time). XlsxWriter's default mode rather than constant_memory: the header's merged cells
span two rows, which constant_memory cannot write once the first of them is done, and
its inline strings repeat each unit's name in every sheet; its one gain, rows written as they
come, is what TableSheet does for the body (2,000 units, 105,000 cells: the whole
command about as fast as XlsxWriter writing the bare cells in constant_memory, the
benchmark's floor).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.collector import collection_paused
from desktop.files import write_bytes_whole

from .csv_tables import SheetTable, report_tables
from .export_input import ExportInput

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

SHEETS = ("TongHop", "ChiTieu", "TienDo", "KhenThuong", "ThongTin")
FREEZE = {"TongHop": 3, "ChiTieu": 3, "TienDo": 3, "KhenThuong": 0}


def xlsx_bytes(inp: ExportInput, tables: dict[str, SheetTable] | None = None) -> bytes:
    """The workbook's file, built whole in memory, the cycle collector paused meanwhile
    (desktop.collector: the tables and cells are some 300,000 objects, none in a cycle
    but the workbook's own, dropped when it is written)."""
    from xlsxwriter import Workbook

    from .xlsx_sheets import write_info, write_table
    from .xlsx_styles import Styles

    with collection_paused():
        tables = tables or report_tables(inp)
        buf = io.BytesIO()
        wb = Workbook(
            buf,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        try:
            styles = Styles(wb)
            for name in SHEETS[:-1]:
                write_table(wb, tables[name], styles, FREEZE[name])
            write_info(wb, inp, styles)
            wb.close()
        finally:
            _drop(wb)
    return buf.getvalue()


def _drop(wb: Workbook) -> None:
    """Let go of everything a written workbook holds. Its worksheets and it refer to each
    other (a worksheet keeps the workbook's add_format), so that reference counting alone
    would never free their 100,000 cells: the next collection would walk them all (a
    tenth of a second) and, with the collector paused, freeze them for good."""
    sheets = list(wb.worksheets())
    for ws in sheets:
        vars(ws).clear()
    vars(wb).clear()


def write_file(path: Path, data: bytes, what: str) -> Path:
    """Write `data` to `path` whole or not at all (files.write_whole: a temporary file
    beside it, renamed; every storage failure named)."""
    return write_bytes_whole(Path(path), data, what)


def write_xlsx(inp: ExportInput, path: Path, tables: dict[str, SheetTable] | None = None) -> Path:
    """Write the workbook (built whole in memory first); the file appears whole or not at all."""
    return write_file(Path(path), xlsx_bytes(inp, tables), "tệp Excel")
