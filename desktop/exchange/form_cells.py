"""One input cell of a returned form to a number, a yes/no or a day, or a Vietnamese reason.

Each function takes an `XCell` (what the file holds) and returns None for a blank
cell or raises `CellProblem`. A formula is refused whether or not the file holds its
result; the two cases have their own reasons.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any

from desktop.domain.errors import ValueProblem
from desktop.domain.values import HOW_TO_TYPE_A_DAY, parse_day, parse_flag
from desktop.domain.vnformat import number as vn_number

from .xlsx_cells import XCell, XSheet

__all__ = [
    "CellProblem",
    "as_number",
    "as_flag",
    "as_day",
    "as_phone",
    "as_text",
    "formula_reason",
    "is_blank",
    "labels",
    "norm",
    "short",
]


class CellProblem(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def norm(text: Any) -> str:
    """Label comparison: NFC, collapsed spaces, case-folded."""
    if not isinstance(text, str):
        return ""
    return _norm(text)


@functools.lru_cache(maxsize=4096)  # a form's labels repeat: every cell is compared often
def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def labels(sheet: XSheet) -> list[tuple[int, int, str, XCell]]:
    """Every cell of `sheet` that holds text, by row then column, with its text as
    labels are compared (`norm`): (row, column, text, cell), worked out once per sheet."""
    found: list[tuple[int, int, str, XCell]] | None = sheet.derived.get("labels")
    if found is None:
        found = sheet.derived["labels"] = [
            (r, c, _norm(cell.value), cell)
            for (r, c), cell in sheet.in_order()
            if isinstance(cell.value, str)
        ]
    return found


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_blank(cell: XCell | None) -> bool:
    if cell is None:
        return True
    if cell.formula is not None:
        return False
    v = cell.value
    return v is None or (isinstance(v, str) and not v.strip())


def formula_reason(cell: XCell) -> str:
    """Why a formula is refused: with its cached result, or without one."""
    shown = short("=" + cell.formula, 30) if cell.formula else "công thức dùng chung"
    if cell.value is None or cell.value == "":
        return (
            f"ô chứa công thức {shown} chưa có kết quả (tệp không lưu giá trị đã tính); "
            "chỉ nhập giá trị, không dùng công thức"
        )
    return (
        f"ô chứa công thức {shown} (kết quả {_shown(cell)}); chỉ nhập giá trị, không dùng công thức"
    )


def _shown(cell: XCell) -> str:
    v = cell.value
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return vn_number(v)
    return f"'{short(str(v), 20)}'"


def _common(cell: XCell | None) -> XCell | None:
    """Refusals shared by every input cell; None when the cell is blank."""
    if cell is None:
        return None
    if cell.formula is not None:
        raise CellProblem(formula_reason(cell))
    if cell.kind == "e":
        raise CellProblem(f"ô có giá trị lỗi {cell.value}")
    if is_blank(cell):
        return None
    return cell


_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


@functools.lru_cache(maxsize=256)  # a workbook has a handful of number formats
def _format_core(fmt: str) -> str:
    return _QUOTED.sub("", fmt or "")


@functools.lru_cache(maxsize=256)
def is_date_format(fmt: str) -> bool:
    core = _format_core(fmt).lower()
    if core in ("general", "@", ""):
        return False
    return any(ch in core for ch in "dmyhs")


def is_percent_format(fmt: str) -> bool:
    return "%" in _format_core(fmt)


def as_number(cell: XCell | None, what: str, percent: bool = False) -> float | None:
    c = _common(cell)
    if c is None:
        return None
    if c.kind == "b":
        raise CellProblem(f"{what} phải là số, không phải {'TRUE' if c.value else 'FALSE'}")
    if c.kind == "d" or (c.kind == "n" and is_date_format(c.number_format)):
        raise CellProblem(f"{what} phải là số, không phải ngày giờ")
    if c.kind != "n" or not isinstance(c.value, float):
        raise CellProblem(f"{what} phải là số, không phải chữ ('{short(str(c.value))}')")
    x = c.value
    if percent and is_percent_format(c.number_format):
        # typed as "72,5%" in Excel: stored as 0.725 with a percent format
        x = round(x * 100, 9)
    return x


def as_flag(cell: XCell | None) -> bool | None:
    """Có / Không as text (domain.values.parse_flag: the same two words as everywhere)."""
    c = _common(cell)
    if c is None:
        return None
    if isinstance(c.value, str):
        try:
            return parse_flag(c.value)
        except ValueProblem as exc:
            raise CellProblem(f"{exc.message} (chọn trong danh sách)") from None
    if isinstance(c.value, bool):
        shown = "TRUE" if c.value else "FALSE"
    else:
        shown = vn_number(float(c.value)) if isinstance(c.value, float) else str(c.value)
    raise CellProblem(f"'{short(shown)}' không phải Có hoặc Không (chọn trong danh sách)")


_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
R_NOT_A_DAY = f"không phải là ngày hợp lệ ({HOW_TO_TYPE_A_DAY})"


def as_day(cell: XCell | None, date1904: bool = False) -> dt.date | None:
    """A day: text typed dd/mm/yyyy (day first, always) or yyyy-mm-dd, or a date the
    spreadsheet stored as a serial number (forms of format 1 had date cells)."""
    c = _common(cell)
    if c is None:
        return None
    v = c.value
    if c.kind == "b":
        raise CellProblem(R_NOT_A_DAY)
    if c.kind == "n" and isinstance(v, float):
        if not 1 <= v < 2958466:  # Excel's serial range (to 31/12/9999)
            raise CellProblem(f"{vn_number(v)} {R_NOT_A_DAY}")
        epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        return epoch + dt.timedelta(days=int(v))
    try:
        return parse_day(str(v))  # text: domain.values.parse_day, day first always
    except ValueProblem as exc:
        raise CellProblem(exc.message) from None


def as_phone(cell: XCell) -> str | None:
    c = _common(cell)
    if c is None:
        return None
    v = c.value
    if c.kind == "b" or c.kind == "d" or (c.kind == "n" and is_date_format(c.number_format)):
        raise CellProblem("số điện thoại không hợp lệ")
    if isinstance(v, float):
        if not v.is_integer():
            raise CellProblem("số điện thoại không hợp lệ")
        text = str(int(v))
        # typed as a number, Excel dropped the leading zero (0912 345 678 -> 912345678)
        if len(text) in (9, 10) and not text.startswith("0"):
            text = "0" + text
        return text
    text = " ".join(str(v).split())
    return text[:50] or None


def as_text(cell: XCell) -> str | None:
    c = _common(cell)
    if c is None:
        return None
    v = c.value
    if isinstance(v, float):
        v = vn_number(v) if not v.is_integer() else str(int(v))
    text = " ".join(str(v).split())
    return text[:200] or None
