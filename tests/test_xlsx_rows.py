"""The table sheets' body rows given to XlsxWriter as their cells' XML (exchange/xlsx_rows.py)
make the very file XlsxWriter writes from its own cell calls: every member of the zip the
same, byte for byte (so every value, shared string, number format, font, fill, border,
alignment, width, merge, pane, print title, filter and footer a person sees)."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from desktop.actions.exports import load_export_input
from desktop.exchange import export_xlsx, xlsx_rows
from desktop.exchange.csv_tables import DATE, INT, NUMBER, PERCENT, TEXT, Column, SheetTable
from desktop.exchange.xlsx_sheets import write_table
from desktop.exchange.xlsx_styles import Styles
from desktop.store.database import Database

# the file's creation time: the one member that is not about the sheets
STAMPED = "docProps/core.xml"


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != STAMPED}


def both_ways(monkeypatch: pytest.MonkeyPatch, write) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    """The workbook written through TableSheet, and through XlsxWriter's own cell calls."""
    fast = members(write())
    with monkeypatch.context() as m:
        m.setattr(xlsx_rows, "supported", lambda: False)
        stock = members(write())
    return fast, stock


def assert_same(fast: dict[str, bytes], stock: dict[str, bytes]) -> None:
    assert list(fast) == list(stock)
    for name in stock:
        assert fast[name] == stock[name], name


def table_workbook(table: SheetTable) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    write_table(wb, table, Styles(wb), freeze_cols=1)
    wb.close()
    return buf.getvalue()


def test_the_pinned_xlsxwriter_is_one_the_rows_are_made_for() -> None:
    # Another XlsxWriter: the sheets are written cell by cell (slower, the same file);
    # check xlsx_rows against its worksheet.py before adding it to KNOWN_VERSIONS.
    assert xlsx_rows.supported()


def test_the_demo_workbook_is_xlsxwriters_own(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database.open(demo_db, write=False) as db:
        inp = load_export_input(db, "2023", now=dt.datetime(2024, 1, 5, 8, 30), outputs=["xlsx"])
    fast, stock = both_ways(monkeypatch, lambda: export_xlsx.xlsx_bytes(inp))
    assert_same(fast, stock)
    sheet = fast["xl/worksheets/sheet2.xml"].decode()
    assert '<c r="A5" s="' in sheet and 't="s"><v>' in sheet  # body cells, shared strings


def test_odd_cells_in_body_rows_keep_their_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells XlsxWriter writes itself (a formula-like text, control characters, NaN, a
    boolean, an empty text) between given ones, in column order; rows that wrap."""
    columns = [
        Column("STT", INT),
        Column("Văn bản", TEXT),
        Column("Số", NUMBER),
        Column("Tỷ lệ", PERCENT),
        Column("Ngày", DATE),
        Column("Ghi chú", TEXT),
    ]
    long = "Một ghi chú rất dài " * 6
    rows = [
        [1, '=HYPERLINK("x")', 3125, Decimal("64.996"), dt.date(2023, 12, 1), long],
        [2, "Xã\x01 Một", 2.5, 72.5, None, True],
        [3, "", float("nan"), Decimal("58.33"), dt.datetime(2024, 1, 5, 7, 30), "+1"],
        [4, "-", float("inf"), Decimal("NaN"), dt.date(2024, 1, 5), "@x"],
        [None, "Toàn huyện", 3127.5, Decimal("100"), None, None],
    ]
    marks = [None, None, None, "fail", None, None]

    def write() -> bytes:
        table = SheetTable("Bang", "TIÊU ĐỀ", "Tiêu đề phụ", list(columns))
        for row in rows:
            table.add(list(row), list(marks))
        table.total_rows = 1
        return table_workbook(table)

    fast, stock = both_ways(monkeypatch, write)
    assert_same(fast, stock)


def test_many_rows_across_span_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hundreds of rows of every kind of value and mark (the spans of each 16 rows)."""
    rnd = random.Random(3)
    columns = [
        Column("STT", INT),
        Column("Tên", TEXT),
        Column("Số", NUMBER),
        Column("Tỷ lệ", PERCENT),
        Column("Ngày", DATE),
    ]
    choices = [None, "pass", "fail", "incomplete"]

    def value(kind: str) -> object:
        if rnd.random() < 0.15:
            return None
        if kind == INT:
            return rnd.randint(0, 99)
        if kind == TEXT:
            return rnd.choice(["Xã Một", "Phường Hai", "=A1", "Thị trấn\nBa", "Xã Ơn " * 12])
        if kind == NUMBER:
            return rnd.choice([rnd.randint(0, 10**6), rnd.random() * 1000])
        if kind == PERCENT:
            return Decimal(rnd.randint(0, 10000)) / rnd.choice([100, 1000])
        return dt.date(2023, 12, rnd.randint(1, 31))

    def write() -> bytes:
        table = SheetTable("Lon", "TIÊU ĐỀ", "Tiêu đề phụ", list(columns))
        state = rnd.getstate()
        for _ in range(300):
            table.add([value(c.kind) for c in columns], [rnd.choice(choices) for _ in columns])
        rnd.setstate(state)
        table.total_rows = 1
        return table_workbook(table)

    fast, stock = both_ways(monkeypatch, write)
    assert_same(fast, stock)
