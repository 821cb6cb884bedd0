"""The sheets of the consolidated workbook, written with XlsxWriter.

Every table sheet: row 1 the title, row 2 the subtitle (merged over the first printed
page's width), row 3 the header (with a group row over grouped columns, merged), frozen
and repeated on every printed page, data from row 4 or 5, the totals last, an
autofilter over the units. `ThongTin`: the report's facts, then the plan's criteria and
indicators. A4 landscape fitted to the page width (two pages or more across for very
wide tables, with the identifying columns repeated), "Trang n/m" in the footer.

No cell can run as a formula: text is always written as a string cell, and text that a
spreadsheet would take for one (=, +, -, @, tab, CR) also carries the quote prefix.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.domain.evaluation import rule_label
from desktop.domain.plan import KIND_LABELS, UNIT_KIND_LABELS
from desktop.domain.vnformat import day

from . import xlsx_rows
from .csv_tables import DATE, FORMULA_STARTS, INT, NUMBER, PERCENT, TEXT, SheetTable
from .export_input import ExportInput
from .xlsx_layout import (
    HEADER_ROW,
    INFO_WIDTHS,
    MAX_WIDTH,
    column_widths,
    decimal_places,
    fit_group_headers,
    groups,
    header_heights,
    pages_wide,
    row_height,
    subtitle_height,
    subtitle_span,
)
from .xlsx_rows import (
    BLANK_TAIL,
    Cell,
    TableSheet,
    column_names,
    number_tail,
)
from .xlsx_styles import Styles

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

MAX_TEXT = 32767  # characters of a cell
# control characters a workbook cannot hold (what openpyxl refuses): dropped
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
FOOTER = "&C&9 Trang &P/&N"


def clean(text: str) -> str:
    text = text[:MAX_TEXT]
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def shown_kind(value: Decimal, kind: str, text: str | None = None) -> str:
    """The kind of a value as shown, with its own places (vnformat.rounded: more than two
    when rounding would cross its criterion's threshold): 'percent:3', 'decimal:1'.
    (`text`: str(value), when at hand.)"""
    places = decimal_places(value, str(value) if text is None else text)
    if places and (places != 2 or kind != PERCENT):
        return f"{PERCENT if kind == PERCENT else 'decimal'}:{places}"
    return kind


def put(
    ws: Worksheet,
    styles: Styles,
    row: int,
    col: int,
    value: Any,
    role: str = "cell",
    kind: str = TEXT,
    mark: str | None = None,
    total: bool = False,
    wrap: bool = False,
) -> None:
    """One cell (0-based row and column) with its style: text always a string cell,
    never a formula; text a spreadsheet would take for one also gets the quote prefix."""
    if isinstance(value, str) and value:
        quoted = value.startswith(FORMULA_STARTS)
        fmt = styles.get(role, TEXT, mark, total, quoted, wrap)
        ws.write_string(row, col, clean(value), fmt)
    elif value is None or value == "":
        kind = TEXT if value == "" else kind
        ws.write_blank(row, col, None, styles.get(role, kind, mark, total, False, wrap))
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, styles.get(role, kind, mark, total, False, wrap))
    elif isinstance(value, dt.date):
        kind = "datetime" if isinstance(value, dt.datetime) else DATE
        ws.write_datetime(row, col, value, styles.get(role, kind, mark, total, False, wrap))
    else:
        if isinstance(value, Decimal):
            kind, value = shown_kind(value, kind), float(value)
        if kind == NUMBER and isinstance(value, float) and not value.is_integer():
            kind = "decimal"
        fmt = styles.get(role, kind, mark, total, False, wrap)
        if math.isfinite(value):
            ws.write_number(row, col, value, fmt)
        else:  # not a number a cell can hold (and never an error formula)
            ws.write_blank(row, col, None, fmt)


def merge(
    ws: Worksheet,
    styles: Styles,
    cells: tuple[int, int, int, int],
    text: str,
    role: str,
    wrap: bool = False,
) -> None:
    """Text in a merged range (first row, first column, last row, last column; 0-based)
    of cells styled alike; a single cell is written as it is."""
    if cells[0] == cells[2] and cells[1] == cells[3]:
        put(ws, styles, cells[0], cells[1], text, role, wrap=wrap)
        return
    fmt = styles.get(role, TEXT, None, False, text.startswith(FORMULA_STARTS), wrap)
    ws.merge_range(*cells, "", fmt)  # (merge_range would take text starting '=' for a formula)
    ws.write_string(cells[0], cells[1], clean(text), fmt)


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    """Column widths in characters, stored as given (XlsxWriter's set_column would add
    the cell padding: 7 pixels a character, the width of a digit of the default font)."""
    for i, w in enumerate(widths):
        ws.set_column_pixels(i, i, round(w * 7))


def page_setup(
    ws: Worksheet,
    title_rows: tuple[int, int] | None,
    total_width: float = 0,
    title_cols: int = 0,
) -> None:
    """A4 landscape, fitted to the width of one page (two or more for very wide tables,
    with the first `title_cols` columns repeated), as many pages down as needed;
    `title_rows` (0-based, inclusive) repeated on every page."""
    across = pages_wide(total_width)
    ws.set_landscape()
    ws.print_across()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(across, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.center_horizontally()
    ws.set_header("", {"margin": 0.5})
    ws.set_footer(FOOTER, {"margin": 0.5})
    if title_rows:
        ws.repeat_rows(*title_rows)
    if title_cols and across > 1:
        ws.repeat_columns(0, title_cols - 1)


def write_table(wb: Workbook, table: SheetTable, styles: Styles, freeze_cols: int) -> None:
    """One table sheet: title, subtitle, one or two header rows, the rows, totals last
    (given to a TableSheet as their cells' XML, where this XlsxWriter is one it knows)."""
    ws = wb.add_worksheet(table.name, worksheet_class=TableSheet if xlsx_rows.supported() else None)
    ncols = len(table.columns)
    widths = column_widths(table)
    runs = groups(table)
    header_rows = 2 if runs else 1
    first_data = HEADER_ROW - 1 + header_rows  # 0-based
    fit_group_headers(widths, runs)
    set_widths(ws, widths)
    wrap_cols = [w >= MAX_WIDTH for w in widths]
    for r, h in enumerate(header_heights(table, widths, bool(runs)), start=HEADER_ROW - 1):
        ws.set_row(r, h)
    span, room = subtitle_span(widths)
    ws.set_row(1, subtitle_height(table.subtitle, room))
    ws.freeze_panes(first_data, freeze_cols)
    across = pages_wide(sum(widths))
    # a table wider than a page repeats its identifying columns and only its header rows
    page_setup(ws, (0 if across == 1 else HEADER_ROW - 1, first_data - 1), sum(widths), freeze_cols)

    put(ws, styles, 0, 0, table.title, "title")
    merge(ws, styles, (1, 0, 1, span - 1), table.subtitle, "subtitle", wrap=True)
    top = HEADER_ROW - 1
    if runs:
        for first, end, text in runs:
            merge(ws, styles, (top, first - 1, top, end - 1), text, "header")
        for i, c in enumerate(table.columns):
            if c.group:
                put(ws, styles, top + 1, i, c.header, "header")
            else:
                merge(ws, styles, (top, i, top + 1, i), c.header, "header")
    else:
        for i, c in enumerate(table.columns):
            put(ws, styles, top, i, c.header, "header")

    first_total = len(table.rows) - table.total_rows
    _write_rows(ws, styles, table, first_data, widths, wrap_cols)
    if not table.rows and table.note:
        put(ws, styles, first_data, 0, table.note, "subtitle")
    if first_total > 0:
        ws.autofilter(first_data - 1, 0, first_data - 1 + first_total, ncols - 1)


def _write_rows(
    ws: Worksheet,
    styles: Styles,
    table: SheetTable,
    first_data: int,
    widths: Sequence[float],
    wrap_cols: Sequence[bool],
) -> None:
    """The table's rows from `first_data` (0-based) on, as `put` writes them; numbers and
    plain text (most cells) straight, their format looked up by column, mark and row."""
    kinds = [c.kind for c in table.columns]
    first_total = len(table.rows) - table.total_rows
    wrapping = [i for i, w in enumerate(wrap_cols) if w]
    formats: dict[tuple[str, str | None, bool, bool], Format] = {}
    # a TableSheet takes each row's cells in the file's form (xlsx_rows); another
    # worksheet through XlsxWriter's write_number() etc., taken undecorated when there
    # (they are _write_number() etc. behind a decorator that parses "A1" references)
    fast = isinstance(ws, TableSheet)
    write_number = getattr(ws, "_write_number", ws.write_number)
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_blank = getattr(ws, "_write_blank", ws.write_blank)
    write_datetime = getattr(ws, "_write_datetime", ws.write_datetime)
    columns = list(zip(range(len(kinds)), column_names(len(kinds)), kinds, wrap_cols, strict=True))
    sst = ws.str_table if fast else None  # the workbook's shared strings
    strings: dict[str, int] = {} if sst is None else sst.string_table
    serials: dict[dt.date, str] = {}  # a date's cell XML after its format
    isfinite, illegal = math.isfinite, _ILLEGAL.search
    for r, (row, marks) in enumerate(zip(table.rows, table.marks, strict=True)):
        at = first_data + r
        total = r >= first_total
        if wrapping:
            height = row_height([row[i] for i in wrapping], [widths[i] for i in wrapping])
            if height is not None:
                ws.set_row(at, height)
        cells: list[Cell] = []
        add = cells.append
        for (i, letter, kind, wrap), v, mark in zip(columns, row, marks, strict=True):
            t = type(v)
            if t is str:
                if not v or len(v) > MAX_TEXT or v.startswith(FORMULA_STARTS) or illegal(v):
                    put(ws, styles, at, i, v, "cell", TEXT, mark, total, wrap)
                    continue
                kind = TEXT
            elif t is float or t is int:
                if kind == NUMBER and t is float and not v.is_integer():
                    kind = "decimal"
                if not isfinite(v):
                    put(ws, styles, at, i, v, "cell", kind, mark, total, wrap)
                    continue
            elif t is Decimal:  # (float(d) is float(str(d)): CPython's _decimal)
                text = str(v)
                kind, v, t = shown_kind(v, kind, text), float(text), float
                if not isfinite(v):
                    put(ws, styles, at, i, None, "cell", kind, mark, total, wrap)
                    continue
            elif t is dt.date:
                kind = DATE
            elif v is not None:
                put(ws, styles, at, i, v, "cell", kind, mark, total, wrap)
                continue
            key = (kind, mark, total, wrap)
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = styles.get("cell", kind, mark, total, False, wrap)
            if sst is not None:  # a TableSheet: the cell's XML (xlsx_rows: as XlsxWriter's)
                if t is str:
                    index = strings.get(v)  # a shared string, as Worksheet._write_string
                    if index is None:
                        index = strings[v] = sst.unique_count
                        sst.unique_count += 1
                    sst.count += 1
                    add((i, letter, fmt, f' t="s"><v>{index}</v></c>'))
                elif v is None:
                    add((i, letter, fmt, BLANK_TAIL))
                elif t is dt.date:
                    tail = serials.get(v)
                    if tail is None:
                        tail = serials[v] = number_tail(ws._convert_date_time(v))
                    add((i, letter, fmt, tail))
                else:
                    add((i, letter, fmt, f"><v>{v:.16G}</v></c>"))  # number_tail
            elif t is str:
                write_string(at, i, v, fmt)
            elif v is None:
                write_blank(at, i, None, fmt)
            elif t is dt.date:
                write_datetime(at, i, v, fmt)
            else:
                write_number(at, i, v, fmt)
        if fast:
            ws.add_row(at, cells)


def _info_rows(inp: ExportInput) -> list[tuple[str, Any]]:
    plan, period, office, s = inp.plan, inp.report.period, inp.office, inp.report.summary
    issued = f"{plan.number} ngày {day(plan.issued_on)}" if plan.issued_on else plan.number
    return [
        ("Kế hoạch", plan.title),
        ("Số, ngày kế hoạch", issued),
        ("Cơ quan ban hành", plan.issuer),
        ("Mã kế hoạch", plan.code),
        ("Kỳ báo cáo", period.label),
        ("Mã kỳ", period.code),
        ("Từ ngày", period.starts),
        ("Đến ngày", period.ends),
        ("Hạn nộp", period.deadline),
        ("Cơ quan báo cáo", office.name),
        ("Cơ quan chủ quản", office.parent_body),
        ("Địa bàn", inp.area),
        ("Tỉnh, thành phố", office.province),
        ("Thời điểm lập", inp.generated_at),
        ("Phiên bản ThiĐua CĐS", inp.app_version),
        ("Số đơn vị phải báo cáo", s.expected),
        ("Đã nộp", s.submitted),
        ("Nộp đúng hạn", s.on_time),
        ("Nộp trễ hạn", s.late),
        ("Đã chấp nhận", s.accepted),
        ("Đạt", s.passed),
        ("Không đạt", s.failed),
        ("Chưa đủ số liệu", s.incomplete),
        ("Chưa nộp", s.not_submitted),
    ]


class _Rows:
    """A sheet written top to bottom: knows which row comes next (0-based)."""

    def __init__(self, ws: Worksheet, styles: Styles) -> None:
        self.ws = ws
        self.styles = styles
        self.row = 0

    def skip(self) -> None:
        self.row += 1

    def title(self, text: str) -> None:
        put(self.ws, self.styles, self.row, 0, text, "title")
        self.row += 1

    def grid(self, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        for i, h in enumerate(header):
            put(self.ws, self.styles, self.row, i, h, "header")
        self.row += 1
        for values in rows:
            self.cells([(v, "cell", TEXT) for v in values], row_height(values, INFO_WIDTHS))

    def cells(self, cells: Sequence[tuple[Any, str, str]], height: float | None) -> None:
        if height is not None:
            self.ws.set_row(self.row, height)
        for i, (value, role, kind) in enumerate(cells):
            put(self.ws, self.styles, self.row, i, value, role, kind, wrap=role != "label")
        self.row += 1


def write_info(wb: Workbook, inp: ExportInput, styles: Styles) -> None:
    """The ThongTin sheet: the report's facts, the plan's criteria and indicators."""
    ws = wb.add_worksheet("ThongTin")
    plan = inp.plan

    def kinds(ks: Iterable[str]) -> str:
        return ", ".join(UNIT_KIND_LABELS.get(k, k) for k in ks)

    crit_rows = [
        [
            c.code,
            c.name,
            c.indicator,
            rule_label(plan, c),
            "Có" if c.mandatory else "Không",
            kinds(c.unit_kinds),
            c.source,
        ]
        for c in plan.criteria
    ]
    ind_rows = [
        [
            i.code,
            i.name,
            KIND_LABELS.get(i.kind, i.kind),
            i.measure,
            i.numerator_label,
            i.denominator_label,
            kinds(i.unit_kinds),
        ]
        for i in plan.indicators
    ]
    set_widths(ws, INFO_WIDTHS)
    page_setup(ws, (0, 0))
    sheet = _Rows(ws, styles)
    sheet.title("THÔNG TIN BÁO CÁO")
    sheet.skip()
    for label, value in _info_rows(inp):
        kind = INT if isinstance(value, int) else TEXT
        sheet.cells(
            [(label, "label", TEXT), (value, "plain", kind)],
            row_height([label, value], INFO_WIDTHS),
        )
    sheet.skip()
    sheet.title("TIÊU CHÍ, CHỈ TIÊU CỦA KẾ HOẠCH")
    sheet.grid(
        ["Mã", "Tên tiêu chí", "Chỉ tiêu", "Yêu cầu", "Bắt buộc", "Áp dụng cho", "Căn cứ"],
        crit_rows,
    )
    sheet.skip()
    sheet.grid(
        ["Mã", "Tên chỉ tiêu", "Loại", "Đơn vị tính", "Tử số", "Mẫu số", "Áp dụng cho"],
        ind_rows,
    )
