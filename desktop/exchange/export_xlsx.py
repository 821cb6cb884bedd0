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

Written with openpyxl's write-only mode and one shared style array per kind of cell, so
that 2,000 units export in about the time openpyxl needs to stream the bare cells.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from desktop.domain.evaluation import rule_label
from desktop.domain.plan import KIND_LABELS, UNIT_KIND_LABELS
from desktop.domain.storage import write_bytes_whole
from desktop.domain.vnformat import day, number

from .csv_tables import (
    DATE,
    FAIL,
    FORMULA_STARTS,
    INCOMPLETE,
    INT,
    NOT_APPLICABLE,
    NOT_SUBMITTED,
    NUMBER,
    PASS,
    PERCENT,
    TEXT,
    SheetTable,
    report_tables,
)
from .export_input import ExportInput

SHEETS = ("TongHop", "ChiTieu", "TienDo", "KhenThuong", "ThongTin")
HEADER_ROW = 3  # the header (and, for grouped columns, the row under it)
MAX_WIDTH = 48
MIN_WIDTH = 5
BODY_FACTOR = 1.3  # regular text: letters per unit of column width
PAGE_CHARS = 190  # characters of column width that still print readably on one A4 landscape

FORMATS = {
    INT: "0",
    NUMBER: "#,##0",
    "decimal": "#,##0.00",
    PERCENT: '0.00" %"',
    DATE: "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    TEXT: "General",
}


def number_format(kind: str) -> str:
    """The cell format of a kind; 'percent:3' / 'decimal:3' for a value shown with more
    places (vnformat.rounded: never rounded across its criterion's threshold)."""
    base, _, places = kind.partition(":")
    if not places:
        return FORMATS.get(kind, "General")
    zeros = "0" * int(places)
    return f'0.{zeros}" %"' if base == PERCENT else f"#,##0.{zeros}"


# fill, font colour (Excel's Good / Bad / Neutral)
MARK_COLOURS = {
    PASS: ("C6EFCE", "006100"),
    FAIL: ("FFC7CE", "9C0006"),
    INCOMPLETE: ("FFEB9C", "9C5700"),
    NOT_SUBMITTED: ("E7E6E6", "404040"),
    NOT_APPLICABLE: ("F2F2F2", "808080"),
}
HEADER_FILL = "D9E1F2"
TOTAL_FILL = "DDEBF7"
FONT_NAME = "Times New Roman"


class _Styles:
    """One registered style per kind of cell: built once on a prototype cell, then every
    cell of that kind carries only the style's number."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.ws = wb.create_sheet("_styles")  # a scratch sheet to build prototypes on
        self.cache: dict[tuple[Any, ...], int] = {}
        thin = Side(style="thin", color="A6A6A6")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def get(
        self,
        role: str,
        kind: str = TEXT,
        mark: str | None = None,
        total: bool = False,
        quoted: bool = False,
        wrap: bool = False,
    ) -> int:
        key = (role, kind, mark, total, quoted, wrap)
        sid = self.cache.get(key)
        if sid is None:
            sid = self.cache[key] = self.wb._cell_styles.add(self._build(*key))
        return sid

    def _build(
        self, role: str, kind: str, mark: str | None, total: bool, quoted: bool, wrap: bool
    ) -> Any:
        c = Cell(self.ws, row=1, column=1)
        if role == "title":
            c.font = Font(name=FONT_NAME, size=14, bold=True)
        elif role == "subtitle":
            c.font = Font(name=FONT_NAME, size=11, italic=True)
            c.alignment = Alignment(vertical="top", wrap_text=wrap)
        elif role == "header":
            c.font = Font(name=FONT_NAME, size=11, bold=True)
            c.fill = PatternFill("solid", fgColor=HEADER_FILL)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            c.border = self.border
        elif role == "label":
            c.font = Font(name=FONT_NAME, size=11, bold=True)
            c.alignment = Alignment(vertical="top")
        else:  # body: "cell" in a table (bordered), "plain" a value beside its label
            colours = MARK_COLOURS.get(mark or "")
            c.font = Font(
                name=FONT_NAME, size=11, bold=total, color=colours[1] if colours else None
            )
            if colours:
                c.fill = PatternFill("solid", fgColor=colours[0])
            elif total:
                c.fill = PatternFill("solid", fgColor=TOTAL_FILL)
            if role == "cell":
                c.border = self.border
            horizontal = "left" if role == "plain" else ("center" if kind in (INT, DATE) else None)
            c.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=wrap)
        c.number_format = number_format(kind)
        if quoted:
            c.quotePrefix = True
        return c._style

    def drop(self, wb: Workbook) -> None:
        wb.remove(self.ws)


class _FastCell:
    """What openpyxl's streaming worksheet writer reads from a cell, and nothing more.

    A full openpyxl Cell re-detects the type and re-hashes the style of every value; here
    the type is known from the value and the style number from the column, which keeps
    a styled export within reach of streaming bare values."""

    __slots__ = ("parent", "_value", "data_type", "style_id", "coordinate")
    has_style = True
    hyperlink = None
    _comment = None

    def __init__(self, ws: Any, value: Any, data_type: str, style_id: int) -> None:
        self.parent = ws
        self._value = value
        self.data_type = data_type
        self.style_id = style_id

    @property
    def value(self) -> Any:
        return self._value


def _stream(cells: Iterable[Any], row_idx: int) -> Iterable[Any]:
    """Replaces WriteOnlyWorksheet._values_to_row: the cells are ready, give them places."""
    for col, cell in enumerate(cells, start=1):
        if cell is not None:
            cell.coordinate = f"{get_column_letter(col)}{row_idx}"
            yield cell


def _sheet(wb: Workbook, name: str) -> Any:
    ws = wb.create_sheet(name)
    ws._values_to_row = _stream
    return ws


def _clean(text: str) -> str:
    text = text[:32767]
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text


def make_cell(
    ws: Any,
    value: Any,
    styles: _Styles,
    role: str = "cell",
    kind: str = TEXT,
    mark: str | None = None,
    total: bool = False,
    wrap: bool = False,
) -> _FastCell:
    """A cell with its style. Text is always a string cell, never a formula; text that
    a spreadsheet would take for one (=, +, -, @) also gets the quote prefix."""
    if isinstance(value, str):
        quoted = value.startswith(FORMULA_STARTS)
        return _FastCell(ws, _clean(value), "s", styles.get(role, TEXT, mark, total, quoted, wrap))
    if value is None:
        return _FastCell(ws, None, "n", styles.get(role, kind, mark, total, False, wrap))
    if isinstance(value, bool):
        return _FastCell(ws, value, "b", styles.get(role, kind, mark, total, False, wrap))
    if isinstance(value, dt.date):
        kind = "datetime" if isinstance(value, dt.datetime) else DATE
        return _FastCell(ws, value, "d", styles.get(role, kind, mark, total, False, wrap))
    if isinstance(value, Decimal):  # a value as shown, with its own places
        places = max(0, -int(value.as_tuple().exponent))
        if places and (places != 2 or kind != PERCENT):
            kind = f"{PERCENT if kind == PERCENT else 'decimal'}:{places}"
        value = float(value)
    if kind == NUMBER and isinstance(value, float) and not value.is_integer():
        kind = "decimal"
    return _FastCell(ws, value, "n", styles.get(role, kind, mark, total, False, wrap))


def _shown_width(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return max(len(line) for line in value.split("\n")) if value else 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, bool):
        return 5
    if kind.startswith(PERCENT):
        extra = max(0, -int(value.as_tuple().exponent) - 2) if isinstance(value, Decimal) else 0
        return len(f"{float(value):.2f}") + 2 + extra
    if isinstance(value, float) and not value.is_integer():
        return len(number(value, 2))
    return len(number(value))


def column_widths(table: SheetTable) -> list[float]:
    """Widths in characters: the widest value, or the header wrapped over a few lines."""
    widths = []
    for c in table.columns:
        lines = c.header.split("\n")
        longest_word = max(len(w) for line in lines for w in (line.split() or [""]))
        widths.append(max(longest_word, -(-max(len(line) for line in lines) // 2)))
    kinds = [c.kind for c in table.columns]
    for row in table.rows:
        for i, v in enumerate(row):
            if v is not None:
                w = _shown_width(v, kinds[i])
                if w > widths[i]:
                    widths[i] = w
    return [min(max(w + 2, MIN_WIDTH), MAX_WIDTH) for w in widths]


def _wrapped_lines(text: str, width: float, factor: float = 1.0) -> int:
    """How many lines a text takes in a column `width` characters wide (`factor`: how
    many letters of the text fit in one width unit; regular Times is narrower than bold)."""
    room = max(int(width * factor) - 1, 1)
    count = 0
    for line in text.split("\n"):
        used, n = 0, 1
        for word in line.split():
            if used and used + 1 + len(word) > room:
                n, used = n + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        count += n
    return count


def _groups(table: SheetTable) -> list[tuple[int, int, str]]:
    """Runs of consecutive columns under one group header: (first, last, text), 1-based."""
    runs: list[tuple[int, int, str]] = []
    for i, c in enumerate(table.columns, start=1):
        if c.group and runs and runs[-1][2] == c.group and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i, c.group)
        elif c.group:
            runs.append((i, i, c.group))
    return runs


def _pages_wide(total_width: float) -> int:
    return max(1, -(-int(total_width) // PAGE_CHARS))


def _page_setup(
    ws: Any, title_rows: str | None, total_width: float = 0, title_cols: str | None = None
) -> None:
    """A4 landscape, fitted to the width of one page (two or more for very wide tables,
    with the identifying columns repeated), as many pages down as needed."""
    pages_wide = _pages_wide(total_width)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.pageOrder = "overThenDown"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.size = 9
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols and pages_wide > 1:
        ws.print_title_cols = title_cols


def write_table(wb: Workbook, table: SheetTable, styles: _Styles, freeze_cols: int) -> None:
    """One table sheet: title, subtitle, one or two header rows, the rows, totals last."""
    ws = _sheet(wb, table.name)
    ncols = len(table.columns)
    last = get_column_letter(ncols)
    widths = column_widths(table)
    groups = _groups(table)
    header_rows = 2 if groups else 1
    first_data = HEADER_ROW + header_rows
    for first, end, text in groups:  # a group header must fit its run of columns
        room = sum(widths[first - 1 : end])
        if len(text) + 2 > room * 2:
            widths[end - 1] += len(text) + 2 - room * 2
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wrap_cols = [w >= MAX_WIDTH for w in widths]

    lines = max(_wrapped_lines(c.header, widths[i]) for i, c in enumerate(table.columns))
    if groups:
        grouped = [i for i, c in enumerate(table.columns) if c.group]
        sub_lines = max(_wrapped_lines(table.columns[i].header, widths[i]) for i in grouped)
        ws.row_dimensions[HEADER_ROW].height = 15.5 * max(lines - sub_lines, 2) + 2
        ws.row_dimensions[HEADER_ROW + 1].height = 15.5 * sub_lines + 2
    else:
        ws.row_dimensions[HEADER_ROW].height = 15.5 * lines + 2
    # the subtitle wraps within the first printed page's width
    pages_wide = _pages_wide(sum(widths))
    span, room = 0, 0.0
    while span < ncols and (span == 0 or room + widths[span] <= sum(widths) / pages_wide):
        room += widths[span]
        span += 1
    ws.merged_cells.add(f"A2:{get_column_letter(max(span, 1))}2")
    ws.row_dimensions[2].height = 15.5 * _wrapped_lines(table.subtitle, room * 1.15) + 2
    ws.freeze_panes = f"{get_column_letter(freeze_cols + 1)}{first_data}"
    # a table wider than a page repeats its identifying columns and only its header rows
    _page_setup(
        ws,
        f"{1 if pages_wide == 1 else HEADER_ROW}:{first_data - 1}",
        sum(widths),
        f"A:{get_column_letter(freeze_cols)}" if freeze_cols else None,
    )

    ws.append([make_cell(ws, table.title, styles, "title")])
    ws.append([make_cell(ws, table.subtitle, styles, "subtitle", wrap=True)])
    if groups:
        top: list[Any] = []
        below: list[Any] = []
        starts = {first: text for first, _end, text in groups}
        for i, c in enumerate(table.columns, start=1):
            if c.group:
                top.append(make_cell(ws, starts.get(i, ""), styles, "header"))
                below.append(make_cell(ws, c.header, styles, "header"))
            else:
                top.append(make_cell(ws, c.header, styles, "header"))
                below.append(make_cell(ws, None, styles, "header"))
                col = get_column_letter(i)
                ws.merged_cells.add(f"{col}{HEADER_ROW}:{col}{HEADER_ROW + 1}")
        for first, end, _text in groups:
            if end > first:
                ws.merged_cells.add(
                    f"{get_column_letter(first)}{HEADER_ROW}:{get_column_letter(end)}{HEADER_ROW}"
                )
        ws.append(top)
        ws.append(below)
    else:
        ws.append([make_cell(ws, c.header, styles, "header") for c in table.columns])

    kinds = [c.kind for c in table.columns]
    first_total = len(table.rows) - table.total_rows
    wrapping = [i for i, w in enumerate(wrap_cols) if w]
    for r, (row, marks) in enumerate(zip(table.rows, table.marks, strict=True)):
        total = r >= first_total
        if wrapping:
            lines = max(
                _wrapped_lines(row[i], widths[i], BODY_FACTOR) if isinstance(row[i], str) else 1
                for i in wrapping
            )
            if lines > 1:
                ws.row_dimensions[first_data + r].height = 15.0 * lines + 1
        ws.append(
            [
                make_cell(ws, v, styles, "cell", kinds[i], marks[i], total, wrap_cols[i])
                for i, v in enumerate(row)
            ]
        )
    if not table.rows and table.note:
        ws.append([make_cell(ws, table.note, styles, "subtitle")])
    if first_total > 0:
        ws.auto_filter.ref = f"A{first_data - 1}:{last}{first_data - 1 + first_total}"


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


class _Sheet:
    """A write-only sheet that knows which row comes next (to set its height first)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.row = 1

    def append(self, cells: list[Any], height: float | None = None) -> None:
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)
        self.row += 1


def _row_height(values: Sequence[Any], widths: Sequence[float]) -> float | None:
    lines = max(
        (
            _wrapped_lines(v, w, BODY_FACTOR)
            for v, w in zip(values, widths, strict=False)
            if isinstance(v, str)
        ),
        default=1,
    )
    return 15.0 * lines + 1 if lines > 1 else None


INFO_WIDTHS = [24.0, 56.0, 20.0, 24.0, 28.0, 28.0, 24.0]


def write_info(wb: Workbook, inp: ExportInput, styles: _Styles) -> None:
    sheet = _Sheet(_sheet(wb, "ThongTin"))
    ws = sheet.ws
    plan = inp.plan

    def kinds(ks: Iterable[str]) -> str:
        return ", ".join(UNIT_KIND_LABELS.get(k, k) for k in ks)

    crit_rows: list[list[Any]] = [
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
    ind_rows: list[list[Any]] = [
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
    for i, w in enumerate(INFO_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _page_setup(ws, "1:1")
    sheet.append([make_cell(ws, "THÔNG TIN BÁO CÁO", styles, "title")])
    sheet.append([])
    for label, value in _info_rows(inp):
        kind = INT if isinstance(value, int) else TEXT
        sheet.append(
            [
                make_cell(ws, label, styles, "label"),
                make_cell(ws, value, styles, "plain", kind, wrap=True),
            ],
            _row_height([label, value], INFO_WIDTHS),
        )
    sheet.append([])
    sheet.append([make_cell(ws, "TIÊU CHÍ, CHỈ TIÊU CỦA KẾ HOẠCH", styles, "title")])
    _grid(
        sheet,
        styles,
        ["Mã", "Tên tiêu chí", "Chỉ tiêu", "Yêu cầu", "Bắt buộc", "Áp dụng cho", "Căn cứ"],
        crit_rows,
    )
    sheet.append([])
    _grid(
        sheet,
        styles,
        ["Mã", "Tên chỉ tiêu", "Loại", "Đơn vị tính", "Tử số", "Mẫu số", "Áp dụng cho"],
        ind_rows,
    )


def _grid(
    sheet: _Sheet, styles: _Styles, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    ws = sheet.ws
    sheet.append([make_cell(ws, h, styles, "header") for h in header])
    for row in rows:
        sheet.append(
            [make_cell(ws, v, styles, "cell", wrap=True) for v in row],
            _row_height(row, INFO_WIDTHS),
        )


FREEZE = {"TongHop": 3, "ChiTieu": 3, "TienDo": 3, "KhenThuong": 0}


def build_workbook(inp: ExportInput, tables: dict[str, SheetTable] | None = None) -> Workbook:
    tables = tables or report_tables(inp)
    wb = Workbook(write_only=True)
    styles = _Styles(wb)
    for name in SHEETS[:-1]:
        write_table(wb, tables[name], styles, FREEZE[name])
    write_info(wb, inp, styles)
    styles.drop(wb)
    return wb


def xlsx_bytes(inp: ExportInput, tables: dict[str, SheetTable] | None = None) -> bytes:
    buf = io.BytesIO()
    build_workbook(inp, tables).save(buf)
    return buf.getvalue()


def write_file(path: Path, data: bytes, what: str) -> Path:
    """Write `data` to `path` whole or not at all (storage.write_whole: a temporary file
    beside it, renamed; every storage failure named)."""
    return write_bytes_whole(Path(path), data, what)


def write_xlsx(inp: ExportInput, path: Path, tables: dict[str, SheetTable] | None = None) -> Path:
    """Write the workbook (built whole in memory first); the file appears whole or not at all."""
    return write_file(Path(path), xlsx_bytes(inp, tables), "tệp Excel")
