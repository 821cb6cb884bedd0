"""Edit a returned form by hand in LibreOffice Calc set to a locale, as a commune officer
would: rows and columns inserted, deleted, sorted, hidden, merged, sheets added, hidden or
renamed, a formula typed, the heading changed.

Run with Debian's /usr/bin/python3 (it has `uno`):

    /usr/bin/python3 tests/lo_edit.py LOCALE IN.xlsx OUTDIR WORKDIR EDIT...

For each EDIT (a name of EDITS below) the form is opened afresh, the sheet protection
lifted (it has no password: Tools > Protect Sheet), the edit made through Calc's own
operations, and the result saved as OUTDIR/EDIT.xlsx with the Excel 2007 filter. One JSON
line per edit is printed: {"edit": name, "saved": true} or {"edit": name, "error": text}.
An edit whose file exists already is skipped, so that a run that died can be resumed.

Values are typed beforehand with tests/lo_calc.py (its own Calc process): Calc 7.4
headless dies shortly after a `.uno:EnterString` when more UNO calls follow, as they do
here.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import uno  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lo_calc import calc_session, prop  # noqa: E402


class Form:
    """The BaoCao sheet of an open document, found by content as a person reads it."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.sheets = doc.getSheets()
        self.ws = self.sheets.getByName("BaoCao")
        self._end: int | None = None
        self.end_row()

    def unprotect(self) -> None:
        self.ws.unprotect("")  # no password: Tools > Protect Sheet, unticked

    def text(self, col: int, row: int) -> str:
        return self.ws.getCellByPosition(col, row).getString()

    def end_row(self) -> int:
        """The last row worth reading, measured once on opening, with room for the rows the
        edits insert."""
        if self._end is None:
            cursor = self.ws.createCursor()
            cursor.gotoEndOfUsedArea(False)
            self._end = cursor.getRangeAddress().EndRow + 20
        return self._end

    def header(self) -> tuple[int, dict[str, int]]:
        for r in range(self.end_row() + 1):
            for c in range(12):
                if self.text(c, r) == "Mã":
                    cols = {self.text(x, r): x for x in range(12) if self.text(x, r)}
                    return r, cols
        raise RuntimeError("no header")

    def row_of(self, code: str) -> int:
        hrow, cols = self.header()
        for r in range(hrow + 1, self.end_row() + 1):
            if self.text(cols["Mã"], r) == code:
                return r
        raise RuntimeError(f"no row {code}")

    def last_table_row(self) -> int:
        hrow, cols = self.header()
        last = hrow
        for r in range(hrow + 1, self.end_row() + 1):
            t = self.text(cols["Mã"], r)
            if t and t.upper() == t and " " not in t:
                last = r
        return last

    def cell(self, code: str, column: str):
        _, cols = self.header()
        return self.ws.getCellByPosition(cols[column], self.row_of(code))

    def insert_rows(self, at: int, n: int = 1) -> None:
        self.ws.getRows().insertByIndex(at, n)

    def insert_cols(self, at: int, n: int = 1) -> None:
        self.ws.getColumns().insertByIndex(at, n)


def _name(col: int, row: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


# ---- the edits ----------------------------------------------------------------------------


def blank_row(f: Form) -> None:
    f.insert_rows(f.row_of("SANG_KIEN"))


def blank_rows_header_down(f: Form) -> None:
    for code in ("OCOP_TMDT", "CAP_QUANG_HO", "HSCV_MANG"):
        f.insert_rows(f.row_of(code), 2)
    hrow, _ = f.header()
    f.insert_rows(hrow, 3)
    f.insert_rows(f.last_table_row() + 1)


def blank_column(f: Form) -> None:
    _, cols = f.header()
    f.insert_cols(cols["Tử số"])


def blank_columns_first(f: Form) -> None:
    f.insert_cols(0, 2)


def rows_sorted(f: Form) -> None:
    """Data > Sort by the Chỉ tiêu column, over the table's rows (Calc's collation of the
    locale decides the order)."""
    hrow, cols = f.header()
    last = f.last_table_row()
    width = max(cols.values())
    rng = f.ws.getCellRangeByName(f"{_name(0, hrow + 1)}:{_name(width, last)}")
    field = uno.createUnoStruct("com.sun.star.table.TableSortField")
    field.Field = cols["Chỉ tiêu"]
    field.IsAscending = True
    rng.sort((prop("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,))),
              prop("ContainsHeader", False)))  # fmt: skip


def notes_sheet(f: Form) -> None:
    f.sheets.insertNewByName("Ghi chú", f.sheets.getCount())
    f.sheets.getByName("Ghi chú").getCellRangeByName("A1").setString(
        "Số liệu đã được UBND xã thông qua ngày 10/12/2023"
    )


def missing_row(f: Form) -> None:
    f.ws.getRows().removeByIndex(f.row_of("SANG_KIEN"), 1)


def duplicate_code(f: Form) -> None:
    r = f.row_of("OCOP_TMDT")
    f.insert_rows(r + 1)
    src = f.ws.getCellRangeByName(f"A{r + 1}:L{r + 1}").getRangeAddress()
    f.ws.copyRange(f.ws.getCellRangeByName(f"A{r + 2}").getCellAddress(), src)


def unknown_code(f: Form) -> None:
    f.cell("SANG_KIEN", "Mã").setString("SANG_KIEN_MOI")


def codes_swapped(f: Form) -> None:
    a, b = f.cell("SANG_KIEN", "Mã"), f.cell("DIEM_DTI", "Mã")
    a.setString("DIEM_DTI")
    b.setString("SANG_KIEN")


def merged_code(f: Form) -> None:
    c = f.cell("SANG_KIEN", "Mã")
    r, col = f.row_of("SANG_KIEN"), c.getCellAddress().Column
    f.ws.getCellRangeByName(f"{_name(col, r)}:{_name(col, r + 1)}").merge(True)


def merged_input(f: Form) -> None:
    r = f.row_of("HSCV_MANG")
    _, cols = f.header()
    f.ws.getCellByPosition(cols["Mẫu số"], r).setString("")
    f.ws.getCellRangeByName(f"{_name(cols['Tử số'], r)}:{_name(cols['Mẫu số'], r)}").merge(True)


def hidden_row(f: Form) -> None:
    f.ws.getRows().getByIndex(f.row_of("DIEM_DTI")).IsVisible = False


def hidden_baocao(f: Form) -> None:
    """Format > Sheet > Hide on BaoCao, another sheet shown. (Headless, Calc's xlsx export
    writes the first sheet as the active one and keeps it visible: the new sheet goes
    first, as the tab a person was on when hiding BaoCao.)"""
    f.sheets.insertNewByName("Trang1", 0)
    controller = f.doc.getCurrentController()
    controller.setActiveSheet(f.sheets.getByName("Trang1"))
    f.ws.setPropertyValue("IsVisible", False)


def renamed_baocao(f: Form) -> None:
    if f.doc.isProtected():
        f.doc.unprotect("")
    f.ws.setName("Báo cáo")


def formula_cached(f: Form) -> None:
    f.cell("SANG_KIEN", "Giá trị").setFormula("=1+1")


def heading_changed(f: Form) -> None:
    for r in range(f.end_row() + 1):
        for c in range(12):
            if f.text(c, r).startswith("Đơn vị báo cáo:"):
                f.ws.getCellByPosition(c, r).setString(
                    "Đơn vị báo cáo: Xã Quảng Sơn (mã đơn vị: 22816)"
                )
                return
    raise RuntimeError("no heading")


EDITS: dict[str, Callable[[Form], None]] = {
    f.__name__: f
    for f in (
        blank_row, blank_rows_header_down, blank_column, blank_columns_first, rows_sorted,
        notes_sheet, missing_row, duplicate_code, unknown_code, codes_swapped, merged_code,
        merged_input, hidden_row, hidden_baocao, renamed_baocao, formula_cached,
        heading_changed,
    )
}  # fmt: skip


def main(argv: list[str]) -> int:
    locale, src, outdir, work = argv[0], Path(argv[1]), Path(argv[2]), Path(argv[3])
    names = argv[4:]
    with calc_session(locale, work, "lo_edit", {"SAL_USE_VCLPLUGIN": "svp"}) as started:
        if started is None:
            print(json.dumps({"error": "soffice did not start"}), flush=True)
            return 2
        _ctx, desktop = started
        for name in names:
            out = outdir / f"{name}.xlsx"
            if out.is_file():
                continue
            doc = desktop.loadComponentFromURL(
                src.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
            )
            try:
                form = Form(doc)
                form.unprotect()
                EDITS[name](form)
                doc.storeToURL(out.resolve().as_uri(),
                               (prop("FilterName", "Calc MS Excel 2007 XML"),))  # fmt: skip
                print(json.dumps({"edit": name, "saved": True}), flush=True)
            except Exception:
                print(json.dumps({"edit": name, "error": traceback.format_exc()}), flush=True)



if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
