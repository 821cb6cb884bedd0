"""Unit lists in and out of files: Excel (.xlsx) or CSV (UTF-8, with or without a BOM,
comma or semicolon separated), as an office keeps them or the statistics office publishes
them. The heading row is the first row that names a 'Mã' and a 'Tên' column; what each
cell means is read by domain.unit_list.

    rows, problems = read_unit_list(Path("ds_xa.xlsx"))
    write_unit_list(Path("don_vi.xlsx"), units)          # the same columns back
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.plan import UNIT_KIND_LABELS, Unit
from ..domain.unit_list import HEADINGS, UnitListRow, header_columns, parse_unit_rows
from .xlsx_safety import UnsafePackage, check_package

MAX_ROWS = 20_000
MAX_COLS = 40
FORMULA_STARTS = ("=", "+", "-", "@")


class UnitListUnreadable(DomainError):
    """The file cannot be read as a unit list at all."""


def read_unit_list(path: Path) -> tuple[list[UnitListRow], list[str]]:
    """The rows of the list and every problem found ('Dòng 7 (22810): ...')."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnitListUnreadable(f"Không tìm thấy tệp {path}.") from None
    except OSError as exc:
        raise UnitListUnreadable(f"Không đọc được tệp {path.name}: {exc.strerror}.") from None
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        grid = _xlsx_rows(path.name, data)
    elif path.suffix.lower() in (".csv", ".txt"):
        grid = _csv_rows(path.name, data)
    else:
        raise UnitListUnreadable(
            f"{path.name}: chỉ nhận danh sách đơn vị dạng Excel (.xlsx) hoặc CSV (.csv)."
        )
    for i, row in enumerate(grid[:50]):
        columns, missing = header_columns(row)
        if not missing:
            rows, problems = parse_unit_rows(row, grid[i + 1:], first_row=i + 2)
            return rows, [f"{path.name}, {p[0].lower()}{p[1:]}" for p in problems]
    _columns, missing = header_columns(grid[0] if grid else [])
    return [], [f"{path.name}: {missing[0][0].lower()}{missing[0][1:]}"]


def _xlsx_rows(name: str, data: bytes) -> list[list[Any]]:
    try:
        check_package(data).close()
    except UnsafePackage as exc:
        raise UnitListUnreadable(f"{name}: {exc.reason}") from None
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                               keep_links=False)
            try:
                ws = wb.worksheets[0]
                ws.reset_dimensions()
                rows = [list(r) for r in ws.iter_rows(max_row=MAX_ROWS + 50, max_col=MAX_COLS,
                                                      values_only=True)]
            finally:
                wb.close()
    except Exception:  # noqa: BLE001 - never a traceback for a bad file
        raise UnitListUnreadable(
            f"{name}: tệp Excel bị hỏng hoặc không đọc được; hãy mở bằng Excel và lưu lại."
        ) from None
    if len(rows) > MAX_ROWS + 1:
        raise UnitListUnreadable(f"{name}: danh sách quá dài (tối đa {MAX_ROWS:,} đơn vị).")
    return rows


def _csv_rows(name: str, data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnitListUnreadable(
            f"{name}: tệp CSV không ở bảng mã UTF-8; hãy lưu lại từ Excel dạng "
            "'CSV UTF-8 (Comma delimited)'."
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if len(rows) > MAX_ROWS + 1:
        raise UnitListUnreadable(f"{name}: danh sách quá dài (tối đa {MAX_ROWS:,} đơn vị).")
    return rows


# ---- writing ------------------------------------------------------------------------------


def unit_list_table(units: Sequence[Unit]) -> list[list[Any]]:
    """The heading row and one row per unit, in the columns read_unit_list reads."""
    rows: list[list[Any]] = [list(HEADINGS.values())]
    for u in units:
        rows.append([u.code, u.name, UNIT_KIND_LABELS.get(u.kind, u.kind), u.block or "",
                     u.active_from, u.active_to, u.merged_into or ""])
    return rows


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_unit_list(path: Path, units: Sequence[Unit]) -> None:
    """Write the list as .xlsx (frozen heading, widths that fit, dates as dates) or, for
    any other suffix, as CSV (UTF-8 with BOM, so that Excel reads the Vietnamese)."""
    table = unit_list_table(units)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        for row in table:
            writer.writerow([_plain(v) for v in row])
        path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "DonVi"
    for r, row in enumerate(table, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = "DD/MM/YYYY"
            elif value not in (None, ""):
                cell.value = str(value)
                cell.data_type = "s"  # a name is never a formula
            if r == 1:
                cell.font = Font(bold=True)
    for c in range(1, len(table[0]) + 1):
        longest = max(len(_plain(row[c - 1])) for row in table)
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(
            60, max(10, longest + 2))
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wb.save(path)
