"""A table sheet's body rows kept as the XML of their cells, ready for the sheet's file.

XlsxWriter stores every cell as a tuple in a table of rows and, at `close()`, writes each
through a general method (the cell's reference, its format's index, its kind looked up
by the tuple's class name, its attributes escaped). For the 100,000 cells of a province's
workbook that is most of the time the workbook takes. `TableSheet` is XlsxWriter's own
worksheet (titles, merges, widths, panes, filters, page setup, the ThongTin sheet are
written by XlsxWriter as ever) whose body rows are given whole, cell by cell already in
the file's form: `<c r="B7" s="…"><v>12.5</v></c>`. The strings go into the workbook's
shared strings as the rows are made (xlsx_sheets), in the order `write_string` would add
them, and each format's index is taken when the row is written into the file, in the
order XlsxWriter takes them: the file is the one XlsxWriter writes from the same calls, byte
for byte (tests/test_xlsx_rows.py compares them).

Relies on XlsxWriter's internals (the worksheet's row loop, the shared strings table):
only for the versions in `KNOWN_VERSIONS`; with another one the sheets are plain
worksheets written cell by cell through XlsxWriter's public calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

if TYPE_CHECKING:
    from xlsxwriter.format import Format

KNOWN_VERSIONS = ("3.3.1",)  # whose row loop and cell XML `TableSheet` writes the same


def supported() -> bool:
    """Whether `TableSheet` writes what this XlsxWriter would (a version it was made for)."""
    return xlsxwriter.__version__ in KNOWN_VERSIONS


# a cell's XML after its reference and format
BLANK_TAIL = "/>"


def number_tail(number: float) -> str:
    return f"><v>{number:.16G}</v></c>"


def column_names(count: int) -> list[str]:
    """The letters of the first `count` columns: A, B, … Z, AA, …"""
    from xlsxwriter.utility import xl_col_to_name

    return [xl_col_to_name(i) for i in range(count)]


# a body cell: (0-based column, its letters, its format, its XML after the format)
Cell = tuple[int, str, "Format", str]


class TableSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter: untyped
    """A worksheet whose body rows are given with `add_row`, the XML of each cell made
    beforehand; any other cell (titles, headers, merges) is written as on any worksheet,
    even in a body row (then merged in column order)."""

    def __init__(self) -> None:
        super().__init__()
        self.body: dict[int, list[Cell]] = {}  # 0-based row -> its cells in column order

    def add_row(self, row: int, cells: list[Cell]) -> None:
        """A body row (0-based) and its cells, in column order."""
        if cells:
            self._check_dimensions(row, cells[0][0])
            self._check_dimensions(row, cells[-1][0])
            self.body[row] = cells

    # ---- XlsxWriter's row loop (worksheet.py: _calculate_spans, _write_rows) -------------

    def _calculate_spans(self) -> None:
        """The <row> spans attribute: the columns used in each block of 16 rows."""
        if not self.body:
            super()._calculate_spans()
            return
        spans: dict[int, str] = {}
        low: int | None = None
        high = 0
        table, body, comments = self.table, self.body, self.comments
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            used = list(table.get(row_num, ()))
            if row_num in comments:
                used += list(comments[row_num])
            cells = body.get(row_num)
            if cells:
                used += (cells[0][0], cells[-1][0])
            if used:
                lo, hi = min(used), max(used)
                low, high = (lo, hi) if low is None else (min(low, lo), max(high, hi))
            if (row_num + 1) % 16 == 0 or row_num == self.dim_rowmax:
                if low is not None:
                    spans[row_num // 16] = f"{low + 1}:{high + 1}"
                    low = None
        self.row_spans = spans

    def _write_rows(self) -> None:
        if not self.body:
            super()._write_rows()
            return
        self._calculate_spans()
        xfs: dict[int, str] = {}  # id(format) -> ' s="n"', taken on first use as XlsxWriter

        def xf(fmt: Format) -> str:
            got = xfs[id(fmt)] = f' s="{fmt._get_xf_index()}"'
            return got

        table, body, row_info, comments = self.table, self.body, self.row_info, self.comments
        spans, write = self.row_spans, self.fh.write
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = body.get(row_num)
            stored = table.get(row_num)
            if cells is None:
                if row_num in row_info or row_num in comments or stored:
                    self._write_stock_row(row_num)
                continue
            self._write_row(row_num, spans.get(row_num // 16), row_info.get(row_num))
            r = str(row_num + 1)
            if stored:  # cells written the ordinary way in a body row: in column order
                given = {cell[0]: cell for cell in cells}
                for col_num in sorted({*given, *stored}):
                    if col_num in stored:
                        self._write_cell(row_num, col_num, stored[col_num])
                    else:
                        _c, col, fmt, tail = given[col_num]
                        write(f'<c r="{col}{r}"{xfs.get(id(fmt)) or xf(fmt)}{tail}')
            else:
                write(
                    "".join(
                        [
                            f'<c r="{col}{r}"{xfs.get(id(fmt)) or xf(fmt)}{tail}'
                            for _c, col, fmt, tail in cells
                        ]
                    )
                )
            self._xml_end_tag("row")

    def _write_stock_row(self, row_num: int) -> None:
        """A row as XlsxWriter's loop writes it: its cells, or only its attributes."""
        span = self.row_spans.get(row_num // 16)
        info = self.row_info.get(row_num)
        stored = self.table.get(row_num)
        if stored:
            self._write_row(row_num, span, info)
            for col_num in sorted(stored):
                self._write_cell(row_num, col_num, stored[col_num])
            self._xml_end_tag("row")
        else:
            self._write_empty_row(row_num, span, info)
