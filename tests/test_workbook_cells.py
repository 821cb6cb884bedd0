"""The workbook's cells as written (exchange/xlsx_sheets.py): each kind of value a table
holds becomes the cell it should, with its format, and none can run as a formula.

Read back with openpyxl, as a spreadsheet would read the file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import openpyxl
import xlsxwriter

from desktop.exchange.csv_tables import DATE, INT, NUMBER, PERCENT, TEXT, Column, SheetTable
from desktop.exchange.xlsx_sheets import write_table
from desktop.exchange.xlsx_styles import Styles

COLUMNS = [
    Column("STT", INT),
    Column("Văn bản", TEXT),
    Column("Số", NUMBER),
    Column("Tỷ lệ", PERCENT),
    Column("Ngày", DATE),
]


def workbook(rows: list[list[object]], marks: list[list[str | None]] | None = None) -> bytes:
    table = SheetTable("Bang", "TIÊU ĐỀ", "=Phòng thử — tiêu đề phụ", list(COLUMNS))
    for i, row in enumerate(rows):
        table.add(list(row), marks[i] if marks else None)
    table.total_rows = 1
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    write_table(wb, table, Styles(wb), freeze_cols=1)
    wb.close()
    return buf.getvalue()


def test_each_kind_of_value_becomes_its_cell() -> None:
    rows = [
        [1, '=HYPERLINK("x")', 3125, Decimal("64.996"), dt.date(2023, 12, 1)],
        [2, "Xã\x01 Một", 2.5, 72.5, None],
        [3, "", float("nan"), Decimal("58.33"), dt.date(2024, 1, 5)],
        [None, "Toàn huyện", 3127.5, Decimal("NaN"), None],
    ]
    data = workbook(rows, [[None, None, None, "fail", None]] * 4)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula, not even for NaN
    ws = openpyxl.load_workbook(io.BytesIO(data))["Bang"]
    assert ws["A2"].quotePrefix and ws["A2"].value.startswith("=")  # the merged subtitle
    assert ws.freeze_panes == "B4"
    link = ws["B4"]
    assert link.data_type == "s" and link.quotePrefix and link.value == '=HYPERLINK("x")'
    assert ws["B5"].value == "Xã Một"  # a control character a workbook cannot hold: dropped
    assert ws["B6"].value is None and ws["B6"].border.left.style == "thin"  # blank, bordered
    assert (ws["C4"].value, ws["C4"].number_format) == (3125, "#,##0")
    assert (ws["C5"].value, ws["C5"].number_format) == (2.5, "#,##0.00")
    assert ws["C6"].value is None  # not a number a cell can hold
    assert (ws["D4"].value, ws["D4"].number_format) == (64.996, '0.000" %"')
    assert ws["D4"].fill.fgColor.rgb.endswith("FFC7CE")  # the mark's colour
    assert (ws["D5"].value, ws["D5"].number_format) == (72.5, '0.00" %"')
    assert (ws["D6"].value, ws["D6"].number_format) == (58.33, '0.00" %"')
    assert ws["D7"].value is None
    assert ws["E4"].value == dt.datetime(2023, 12, 1) and ws["E4"].number_format == "dd/mm/yyyy"
    assert ws["E5"].value is None and ws["E5"].border.left.style == "thin"
    total = ws["B7"]
    assert total.value == "Toàn huyện" and total.font.b  # the totals row, bold
    assert ws.auto_filter.ref == "A3:E6"  # the units, not the totals


def test_a_narrow_table_keeps_its_subtitle_in_one_cell() -> None:
    table = SheetTable("Hep", "T", "+ghi chú", [Column("STT", INT)])
    table.add([1])
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    write_table(wb, table, Styles(wb), freeze_cols=0)
    wb.close()
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["Hep"]
    assert not ws.merged_cells.ranges
    assert ws["A2"].value == "+ghi chú" and ws["A2"].quotePrefix
