"""The Excel form a unit fills in for one period (DESIGN.md section 5).

Layout of the sheet `BaoCao` (the reader finds everything by its labels, not by
fixed positions, but this is what the form looks like):

- heading: parent body and office, title, the plan, the unit and its code, the period
  and its deadline, a short instruction;
- the header row `Mã | Chỉ tiêu | Đơn vị tính | Tử số | Mẫu số | Giá trị | Chỉ tiêu kế hoạch`;
- one row per indicator of the unit's kind, its code in `Mã`; a ratio is entered in
  `Tử số` / `Mẫu số`, every other kind in `Giá trị`; input cells are unlocked, pale
  yellow and validated by Excel, cells that do not apply are grey and locked;
- below: `Người lập biểu:`, `Số điện thoại:`, `Ngày lập:` (input cell to the right of
  each label) and the two signature blocks.

A hidden sheet `_meta` holds key/value rows: format_version, plan, period, unit,
generated_at, app_version.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.errors import DomainError
from desktop.domain.plan import (
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Period,
    Plan,
    Unit,
)
from desktop.domain.values import MAX_COUNT, bounds
from desktop.domain.vnformat import number as vn_number

# The contract the reader shares (form_contract: no openpyxl on the reading side).
from .form_contract import (  # noqa: F401 (re-exported)
    DATE_FORMAT,
    DATE_HOW,
    DATE_MAX,
    DATE_MIN,
    FORMAT_VERSION,
    H_CODE,
    H_DENOMINATOR,
    H_MEASURE,
    H_NAME,
    H_NUMERATOR,
    H_TARGET,
    H_VALUE,
    HEADERS,
    L_PERIOD,
    L_PHONE,
    L_PREPARED_BY,
    L_PREPARED_ON,
    L_UNIT,
    META_KEYS,
    META_SHEET,
    SHEET,
    ratio_notes,
    row_label,
)

# ---- look --------------------------------------------------------------------

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
# Column widths in Excel character units, one per header.
WIDTHS = (16.0, 44.0, 9.5, 11.5, 11.5, 10.5, 14.5)
_PX_PER_UNIT = 7.0  # Excel's width unit is the max digit width of Calibri 11 (7 px)
_PX_PER_CHAR = {12: 6.3, 10: 5.3, 14: 7.4}  # average glyph width of Times New Roman
_LINE_PT = {12: 15.75, 10: 13.2, 14: 18.75}

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # pale yellow: type here
NA_FILL = PatternFill("solid", fgColor="D9D9D9")  # grey: does not apply
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
UNDERLINE = Border(bottom=Side(style="dotted", color="000000"))
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)

def _font(size: int = FONT_SIZE, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _ifont(size: int = FONT_SIZE, bold: bool = False, italic: bool = False) -> InlineFont:
    return InlineFont(rFont=FONT_NAME, sz=size, b=bold or None, i=italic or None)


# ---- public helpers ------------------------------------------------------------


def target_text(
    plan: Plan, indicator: Indicator, unit_kind: str, period: str | None = None
) -> str:
    """What the plan asks of this indicator for this kind of unit: '≥ 65 %', 'Có',
    'Chậm nhất 20/09/2022', '≥ 1'; '> 90 % (phấn đấu)' for a target that is not
    mandatory; 'Căn cứ xếp hạng' for the ranking indicator without a criterion; ''
    when nothing in the plan uses it."""
    parts = [
        _criterion_text(indicator, c)
        for c in plan.criteria_for(unit_kind, period)
        if c.indicator == indicator.code
    ]
    if not parts and plan.ranking is not None and plan.ranking.indicator == indicator.code:
        return "Căn cứ xếp hạng"
    return "; ".join(parts)


def _criterion_text(indicator: Indicator, c: Criterion) -> str:
    if c.op is Operator.TRUE:
        text = "Có"
    elif c.op is Operator.BY:
        assert isinstance(c.threshold, dt.date)
        # "by" is inclusive: the deadline day itself is on time.
        text = f"Chậm nhất {c.threshold:%d/%m/%Y}"
    else:
        assert isinstance(c.threshold, float | int)
        text = f"{c.op.symbol} {vn_number(float(c.threshold))}"
        if indicator.is_percent_like:
            text += " %"
    if not c.mandatory:
        text += " (phấn đấu)"
    return text


def ascii_slug(text: str) -> str:
    """'Xã Lâm Sơn' -> 'Xa-Lam-Son': diacritics stripped, Đ -> D, safe in a file name."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    return text


def form_filename(plan: Plan, period: Period, unit: Unit) -> str:
    """'BaoCao_2023_22813_Xa-Lam-Son.xlsx' — the unit and the period, ASCII only."""
    parts = ["BaoCao", ascii_slug(period.code) or "ky", ascii_slug(unit.code) or "donvi"]
    name = ascii_slug(unit.name)[:60].strip("-")
    if name:
        parts.append(name)
    return "_".join(parts) + ".xlsx"


# ---- the form --------------------------------------------------------------------


def write_form(
    plan: Plan,
    period: Period,
    unit: Unit,
    path: Path,
    *,
    office_name: str,
    app_version: str,
    generated_at: dt.datetime,
) -> None:
    """Write the form of `unit` for `period` to `path` (atomically: a complete file or none)."""
    indicators = plan.indicators_for(unit.kind)
    if not indicators:
        raise DomainError(
            f"Kế hoạch {plan.code} không có chỉ tiêu nào cho loại đơn vị '{unit.kind}' "
            f"({unit.name})"
        )
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    _build_sheet(ws, plan, period, unit, indicators, office_name)
    _build_meta(wb.create_sheet(META_SHEET), plan, period, unit, app_version, generated_at)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)  # no password
    wb.properties.title = f"Báo cáo {period.label} - {unit.name}"
    wb.properties.subject = plan.title
    wb.properties.creator = f"ThiĐua CĐS {app_version}"
    wb.properties.created = generated_at.replace(tzinfo=None)

    from desktop.files import write_whole

    write_whole(Path(path), lambda tmp: wb.save(tmp), "biểu mẫu Excel")


def _set(ws: Worksheet, ref: str, value: object, **style: object) -> None:
    cell = ws[ref]
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text from a plan or a name is never a formula
    for key, val in style.items():
        setattr(cell, key, val)


def _lines(text: str, width_units: float, size: int = FONT_SIZE) -> int:
    """How many lines `text` takes when wrapped in a column `width_units` wide."""
    per_line = max(1, int((width_units * _PX_PER_UNIT - 8) / _PX_PER_CHAR[size]))
    total = 0
    for para in text.split("\n"):
        words = para.split()
        if not words:
            total += 1
            continue
        lines, used = 1, 0
        for w in words:
            need = len(w) if used == 0 else used + 1 + len(w)
            if need <= per_line:
                used = need
            else:
                lines += 1 + (len(w) - 1) // per_line
                used = len(w) % per_line or per_line
        total += lines
    return total


def _height(parts: list[tuple[str, int]], width_units: float) -> float:
    """Row height (points) for a wrapped cell made of (text, font size) parts."""
    return sum(_lines(t, width_units, s) * _LINE_PT[s] for t, s in parts) + 4


def _plan_line(plan: Plan) -> str:
    title = plan.title
    ident = ""
    number = plan.number.strip()
    if number and not number.startswith("/"):
        ident = f"số {number}"
    elif number:
        ident = f"số ...{number}"
    if plan.issued_on:
        ident += f" ngày {plan.issued_on:%d/%m/%Y}"
    if plan.issuer:
        ident += f" của {plan.issuer}"
    return f"(Theo {title}{', ' + ident.strip() if ident.strip() else ''})"


def _build_sheet(
    ws: Worksheet,
    plan: Plan,
    period: Period,
    unit: Unit,
    indicators: tuple[Indicator, ...],
    office_name: str,
) -> None:
    ncols = len(HEADERS)
    last_col = get_column_letter(ncols)
    total_width = sum(WIDTHS)
    for i, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    # -- heading
    left_block = "A{r}:B{r}"
    parent = str(plan.extras.get("parent_body") or "").strip()
    row = 1
    if parent:
        ws.merge_cells(left_block.format(r=row))
        _set(ws, f"A{row}", parent.upper(), font=_font(), alignment=center)
        row += 1
    ws.merge_cells(left_block.format(r=row))
    _set(ws, f"A{row}", office_name.strip().upper(), font=_font(bold=True), alignment=center)
    ws.row_dimensions[row].height = _height([(office_name, 12)], WIDTHS[0] + WIDTHS[1])
    row += 2

    ws.merge_cells(f"A{row}:{last_col}{row}")
    _set(
        ws,
        f"A{row}",
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA",
        font=_font(14, bold=True),
        alignment=center,
    )
    ws.row_dimensions[row].height = 22
    row += 1
    plan_line = _plan_line(plan)
    ws.merge_cells(f"A{row}:{last_col}{row}")
    _set(ws, f"A{row}", plan_line, font=_font(italic=True), alignment=center)
    ws.row_dimensions[row].height = _height([(plan_line, 12)], total_width)
    row += 2

    def labelled(label: str, value: str, extra: str = "") -> None:
        nonlocal row
        ws.merge_cells(f"A{row}:{last_col}{row}")
        rich = CellRichText(TextBlock(_ifont(), label), TextBlock(_ifont(bold=True), value))
        if extra:
            rich.append(TextBlock(_ifont(), extra))
        _set(ws, f"A{row}", rich, font=_font(), alignment=left)
        ws.row_dimensions[row].height = _height([(label + value + extra, 12)], total_width)
        row += 1

    labelled(L_UNIT + " ", unit.name, f" (mã đơn vị: {unit.code})")
    labelled(L_PERIOD + " ", period.label, "")
    labelled("Hạn nộp báo cáo: ", f"{period.deadline:%d/%m/%Y}", "")
    instruction = (
        "Hướng dẫn: chỉ nhập số liệu vào các ô nền vàng; ô nền xám không dùng. "
        "Chỉ tiêu tỷ lệ nhập Tử số và Mẫu số (số nguyên, tử số không lớn hơn mẫu số); "
        "các chỉ tiêu khác nhập cột Giá trị (Có/Không chọn trong danh sách; ngày: "
        f"{DATE_HOW}, ngày trước, tháng sau, dù máy tính cài đặt vùng nào). Chưa có số "
        "liệu thì để trống. Không thêm, xóa dòng, không đổi tên trang tính."
    )
    ws.merge_cells(f"A{row}:{last_col}{row}")
    _set(ws, f"A{row}", instruction, font=_font(italic=True), alignment=left)
    ws.row_dimensions[row].height = _height([(instruction, 12)], total_width)
    row += 2

    # -- table
    header_row = row
    for col, label in enumerate(HEADERS, start=1):
        ref = f"{get_column_letter(col)}{row}"
        _set(ws, ref, label, font=_font(bold=True), alignment=center, border=BOX, fill=HEAD_FILL)
    ws.row_dimensions[row].height = 34
    row += 1

    for ind in indicators:
        _indicator_row(ws, row, plan, unit, ind, period.code)
        row += 1

    # -- who prepared it
    row += 1
    for label, kind in ((L_PREPARED_BY, "text"), (L_PHONE, "phone"), (L_PREPARED_ON, "date")):
        _set(ws, f"A{row}", label, font=_font(), alignment=Alignment(vertical="center"))
        ref = f"B{row}"
        _set(
            ws,
            ref,
            None,
            font=_font(),
            alignment=Alignment(horizontal="left", vertical="center"),
            border=UNDERLINE,
            fill=INPUT_FILL,
            protection=UNLOCKED,
        )
        if kind == "phone":
            ws[ref].number_format = "@"
        elif kind == "date":
            ws[ref].number_format = "@"
            dv = _date_validation(ref, "Ngày lập", f"Ngày lập biểu: {DATE_HOW}.")
            ws.add_data_validation(dv)
            dv.add(ref)
        ws.row_dimensions[row].height = 20
        row += 1

    # -- signatures
    row += 1
    ws.merge_cells(f"E{row}:{last_col}{row}")
    _set(
        ws,
        f"E{row}",
        "…………, ngày …… tháng …… năm ……",
        font=_font(italic=True),
        alignment=center,
    )
    row += 1
    ws.merge_cells(f"A{row}:B{row}")
    ws.merge_cells(f"E{row}:{last_col}{row}")
    _set(ws, f"A{row}", "NGƯỜI LẬP BIỂU", font=_font(bold=True), alignment=center)
    _set(ws, f"E{row}", "THỦ TRƯỞNG ĐƠN VỊ", font=_font(bold=True), alignment=center)
    row += 1
    ws.merge_cells(f"A{row}:B{row}")
    ws.merge_cells(f"E{row}:{last_col}{row}")
    _set(ws, f"A{row}", "(Ký, ghi rõ họ tên)", font=_font(italic=True), alignment=center)
    _set(
        ws,
        f"E{row}",
        "(Ký tên, đóng dấu, ghi rõ họ tên)",
        font=_font(italic=True),
        alignment=center,
    )
    row += 1
    for _ in range(4):
        ws.row_dimensions[row].height = 18
        row += 1
    last_row = row - 1

    # -- screen and print
    ws.freeze_panes = f"A{header_row + 1}"
    ws.sheet_view.zoomScale = 100
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{last_col}{last_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # left 2 cm for binding, 1.5 cm elsewhere (inches)
    ws.page_margins = PageMargins(
        left=0.79, right=0.59, top=0.59, bottom=0.59, header=0.3, footer=0.3
    )
    ws.print_options.horizontalCentered = True
    ws.oddFooter.left.text = f"{plan.code} / kỳ {period.code} / đơn vị {unit.code}"
    ws.oddFooter.left.size = 8
    ws.oddFooter.left.font = FONT_NAME

    # -- protection: no password; rows and columns may be resized to read long text
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


def _indicator_row(
    ws: Worksheet, row: int, plan: Plan, unit: Unit, ind: Indicator, period: str
) -> None:
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left_top = Alignment(horizontal="left", vertical="center", wrap_text=True)
    a, b, c, d, e, f, g = (f"{get_column_letter(i)}{row}" for i in range(1, 8))

    _set(ws, a, ind.code, font=_font(10), alignment=center, border=BOX, protection=LOCKED)

    parts: list[tuple[str, int]] = [(ind.name, 12)]
    if ind.kind is IndicatorKind.RATIO:
        notes = ratio_notes(ind)
        rich = CellRichText(
            TextBlock(_ifont(), ind.name + "\n"), TextBlock(_ifont(10, italic=True), notes)
        )
        parts.append((notes, 10))
        _set(ws, b, rich, font=_font(), alignment=left_top, border=BOX)
    else:
        _set(ws, b, ind.name, font=_font(), alignment=left_top, border=BOX)

    _set(ws, c, ind.measure or "", font=_font(), alignment=center, border=BOX)
    target = target_text(plan, ind, unit.kind, period)
    _set(ws, g, target, font=_font(), alignment=center, border=BOX)

    height = max(
        _height(parts, WIDTHS[1]),
        _height([(target, 12)], WIDTHS[6]),
        _height([(ind.measure, 12)], WIDTHS[2]),
        22.0,
    )
    ws.row_dimensions[row].height = math.ceil(height)

    def input_cell(ref: str, number_format: str) -> None:
        _set(
            ws,
            ref,
            None,
            font=_font(),
            alignment=Alignment(horizontal="right", vertical="center"),
            border=BOX,
            fill=INPUT_FILL,
            protection=UNLOCKED,
        )
        ws[ref].number_format = number_format

    def na_cell(ref: str) -> None:
        _set(ws, ref, None, font=_font(), border=BOX, fill=NA_FILL, protection=LOCKED)

    kind = ind.kind
    if kind is IndicatorKind.RATIO:
        input_cell(d, "#,##0")
        input_cell(e, "#,##0")
        na_cell(f)
        # Whole >= 0 and tử số <= mẫu số, checked on whichever of the two is typed last.
        # IF first: text typed in the cell makes INT() an error, which is never "valid"
        # but reads better as a plain FALSE.
        whole = "IF(ISNUMBER({x}),AND({x}=INT({x}),{x}>=0,{x}<=" + str(MAX_COUNT) + ",{rel}),FALSE)"
        dv_n = DataValidation(
            type="custom",
            formula1=whole.format(x=d, rel=f"OR(ISBLANK({e}),{d}<={e})"),
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorStyle="stop",
            errorTitle="Tử số không hợp lệ",
            error="Tử số phải là số nguyên không âm và không lớn hơn mẫu số.",
            promptTitle="Tử số",
            prompt=_clip(f"{ind.numerator_label} (số nguyên, không lớn hơn mẫu số)"),
        )
        dv_d = DataValidation(
            type="custom",
            formula1=whole.format(x=e, rel=f"OR(ISBLANK({d}),{d}<={e})"),
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorStyle="stop",
            errorTitle="Mẫu số không hợp lệ",
            error="Mẫu số phải là số nguyên không âm và không nhỏ hơn tử số.",
            promptTitle="Mẫu số",
            prompt=_clip(f"{ind.denominator_label} (số nguyên)"),
        )
        for dv, ref in ((dv_n, d), (dv_d, e)):
            ws.add_data_validation(dv)
            dv.add(ref)
        return

    na_cell(d)
    na_cell(e)
    if kind is IndicatorKind.PERCENT:
        input_cell(f, "General")
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="100",
            error="Nhập một số từ 0 đến 100 (không gõ dấu %).",
            prompt="Phần trăm, từ 0 đến 100 (không gõ dấu %).",
            **_dv_common("Phần trăm"),
        )
    elif kind is IndicatorKind.COUNT:
        input_cell(f, "#,##0")
        top = _top(ind)
        dv = DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2=top,
            error="Nhập số nguyên không âm."
            + (f" Tối đa {vn_number(float(ind.maximum))}." if ind.maximum is not None else ""),
            prompt=_clip(f"Số lượng ({ind.measure or 'số nguyên'}), số nguyên không âm."),
            **_dv_common("Số lượng"),
        )
    elif kind is IndicatorKind.SCORE:
        input_cell(f, "General")
        if ind.maximum is not None:
            top = vn_number(float(ind.maximum))
            error = f"Nhập một số từ 0 đến {top} (thang điểm {top})."
            prompt = f"Điểm, từ 0 đến {top}."
        else:
            error, prompt = "Nhập một số không âm.", "Điểm, một số không âm."
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2=_top(ind),
            error=error,
            prompt=prompt,
            **_dv_common("Điểm"),
        )
    elif kind is IndicatorKind.BOOL:
        input_cell(f, "@")
        ws[f].alignment = Alignment(horizontal="center", vertical="center")
        dv = DataValidation(
            type="list",
            formula1='"Có,Không"',
            error="Chọn Có hoặc Không trong danh sách.",
            prompt="Chọn Có hoặc Không.",
            **_dv_common("Có / Không"),
        )
    elif kind is IndicatorKind.DATE:
        input_cell(f, "@")
        ws[f].alignment = Alignment(horizontal="center", vertical="center")
        dv = _date_validation(f, "Ngày", f"Ngày: {DATE_HOW}.")
    else:  # pragma: no cover - every kind is handled above
        raise DomainError(f"loại chỉ tiêu không hỗ trợ: {kind}")
    ws.add_data_validation(dv)
    dv.add(f)


def _top(ind: Indicator) -> str:
    """The highest number the form's validation accepts (values.bounds: stated once)."""
    b = bounds(ind)
    assert b is not None
    return repr(b[1]) if not float(b[1]).is_integer() else str(int(b[1]))


def _dv_common(title: str) -> dict[str, object]:
    return {
        "allow_blank": True,
        "showErrorMessage": True,
        "showInputMessage": True,
        "errorStyle": "stop",
        "errorTitle": "Số liệu không hợp lệ",
        "promptTitle": title[:32],
    }


def date_check(ref: str) -> str:
    """Excel/Calc formula: the text in `ref` is a real day dd/mm/yyyy from 1990 to 2100.

    Text functions only (LEN, MID, VALUE of digits, DATE): nothing here depends on the
    spreadsheet's regional settings. Under 255 characters, Excel's limit."""
    x = ref
    d, m, y = f"VALUE(LEFT({x},2))", f"VALUE(MID({x},4,2))", f"VALUE(RIGHT({x},4))"
    return (
        f'AND(LEN({x})=10,MID({x},3,1)="/",MID({x},6,1)="/",'
        f"DAY(DATE({y},{m},{d}))={d},ABS(2*{m}-13)<12,ABS({y}-2045)<=55)"
    )


def _date_validation(ref: str, title: str, prompt: str) -> DataValidation:
    lo, hi = f"{DATE_MIN:%d/%m/%Y}", f"{DATE_MAX:%d/%m/%Y}"
    return DataValidation(
        type="custom",
        formula1=date_check(ref),
        error=f"Ngày không hợp lệ: {DATE_HOW} (từ {lo} đến {hi}).",
        prompt=_clip(prompt),
        **_dv_common(title),
    )


def _clip(text: str, limit: int = 250) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _build_meta(
    ws: Worksheet,
    plan: Plan,
    period: Period,
    unit: Unit,
    app_version: str,
    generated_at: dt.datetime,
) -> None:
    rows = {
        "format_version": FORMAT_VERSION,
        "plan": plan.code,
        "period": period.code,
        "unit": unit.code,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "app_version": app_version,
    }
    for i, (key, value) in enumerate(rows.items(), start=1):
        _set(ws, f"A{i}", key)
        _set(ws, f"B{i}", value)
        ws[f"B{i}"].number_format = "@"
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 30
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
