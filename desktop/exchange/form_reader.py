"""Read a filled form (DESIGN.md section 5) back, or refuse it with every reason.

The file is checked as a zip before any XML parser sees it (xlsx_safety), its cells
are read as the file holds them (xlsx_cells: values, formulas, merges, hidden rows),
and the table is found by its content (form_table: every indicator by its `Mã` code,
exactly once, on its own row). The hidden `_meta` sheet and the visible heading must
name the same unit and period. Every value goes through `validate_value`; all problems
of the file are collected and raised together as `FormRejected`. Nothing here raises
anything else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from pathlib import Path
from stat import S_ISREG
from typing import Any

from desktop.domain.errors import DomainError, ValueProblem
from desktop.domain.plan import Indicator, IndicatorKind, Plan
from desktop.domain.values import BLANK, Value, validate_value

from .form_cells import (
    CellProblem,
    as_day,
    as_flag,
    as_number,
    as_phone,
    as_text,
    formula_reason,
    is_blank,
    labels,
    norm,
    short,
)
from .form_contract import (
    FORMAT_VERSION,
    H_CODE,
    H_DENOMINATOR,
    H_NUMERATOR,
    H_VALUE,
    L_PERIOD,
    L_PHONE,
    L_PREPARED_BY,
    L_PREPARED_ON,
    L_UNIT,
    META_SHEET,
    SHEET,
)
from .form_table import FOOTER, Table, locate
from .xlsx_cells import XBook, XCell, XSheet, read_book, ref
from .xlsx_safety import MAX_RATIO, MAX_UNPACKED_BYTES, UnsafePackage, unpack_package

MAX_FILE_BYTES = 10 * 1024 * 1024
SUPPORTED_VERSIONS = tuple(sorted({"1", FORMAT_VERSION}))

R_UNREADABLE = "tệp bị hỏng hoặc không đọc được"

__all__ = [
    "FormData",
    "FormProblem",
    "FormRejected",
    "read_form",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "MAX_RATIO",
]


@dataclass(frozen=True)
class FormProblem:
    """One reason a form is refused: the file, the cell ('D7', or None) and why."""

    file: str
    cell: str | None
    reason: str

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}, ô {self.cell}: {self.reason}"
        return f"{self.file}: {self.reason}"


class FormRejected(DomainError):
    """The form is refused as a whole; `problems` lists every reason found."""

    def __init__(self, problems: list[FormProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class FormData:
    """What a valid form holds. `values` has one entry per indicator row in the sheet
    (a blank row gives a blank Value)."""

    file: str
    plan: str
    period: str
    unit: str
    format_version: str
    generated_at: dt.datetime | None
    app_version: str | None
    values: dict[str, Value]
    prepared_by: str | None
    phone: str | None
    prepared_on: dt.date | None
    source_sha256: str
    rows: dict[str, str] = field(default_factory=dict)  # indicator code -> row cell ('A12')

    @property
    def filled(self) -> int:
        """How many values the form holds (what an import stores)."""
        return sum(1 for v in self.values.values() if not v.is_blank)


# ---- entry point --------------------------------------------------------------------


def read_form(
    path: Path,
    plan: Plan,
    *,
    known_units: Mapping[str, str] | None = None,
    unit_names: Mapping[str, str] | None = None,
    former_names: Mapping[str, Sequence[str]] | None = None,
) -> FormData:
    """Read the form at `path` for `plan`; raise FormRejected with every problem.

    `known_units` maps unit code -> unit kind (from the database, which may hold units
    added after the plan); when given it wins over `plan.units`. `unit_names` (code ->
    name, from the database) are accepted in the heading besides the plan's names, and so
    are `former_names` (code -> the names it had before a merger or a renaming: a form for
    a period before it carries the name valid then).
    """
    path = Path(path)
    name = path.name
    try:
        return _Reader(path, name, plan, known_units, unit_names, former_names).read()
    except FormRejected:
        raise
    except Exception:  # never a traceback for a bad file
        raise FormRejected([FormProblem(name, None, R_UNREADABLE)]) from None


_UNIT_LINE = re.compile(r"^(.*?)\s*\(mã đơn vị:\s*([^)]*?)\s*\)\s*$", re.S)


class _Reader:
    def __init__(
        self,
        path: Path,
        name: str,
        plan: Plan,
        known_units: Mapping[str, str] | None,
        unit_names: Mapping[str, str] | None,
        former_names: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.path = path
        self.former_names = former_names or {}
        self.name = name
        self.plan = plan
        self.known_units = known_units
        self.unit_names = unit_names or {}
        self.problems: list[FormProblem] = []
        self.date1904 = False

    def problem(self, cell: str | None, reason: str) -> None:
        self.problems.append(FormProblem(self.name, cell, reason))

    def fatal(self, reason: str, cell: str | None = None) -> FormRejected:
        self.problem(cell, reason)
        return FormRejected(self.problems)

    # -- steps

    def read(self) -> FormData:
        data = self._read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        try:
            parts = unpack_package(data)
        except UnsafePackage as exc:
            raise self.fatal(exc.reason) from None
        book = read_book(parts)
        self.date1904 = book.date1904
        sheet = self._form_sheet(book)
        meta = self._read_meta(book)
        unit_kind = self._check_meta(meta)
        if unit_kind is not None:  # an unknown unit or period is reported already
            self._check_heading(sheet, meta)
        self._check_other_sheets(book)
        table = locate(sheet, self.plan, unit_kind, self.problem)
        values: dict[str, Value] = {}
        rows: dict[str, str] = {}
        footer: tuple[str | None, str | None, dt.date | None] = (None, None, None)
        if table is not None:
            for code, r in table.rows.items():
                rows[code] = ref(r, table.cols[H_CODE])
                value = self._read_row(sheet, table, r, self.plan.indicator(code))
                if value is not None:
                    values[code] = value
            footer = self._read_footer(sheet, table)
        if self.problems:
            raise FormRejected(self.problems)

        generated_at = None
        raw_gen = meta.get("generated_at")
        if isinstance(raw_gen, str):
            try:
                generated_at = dt.datetime.fromisoformat(raw_gen.strip())
            except ValueError:
                generated_at = None
        app_version = meta.get("app_version")
        prepared_by, phone, prepared_on = footer
        return FormData(
            file=self.name,
            plan=str(meta["plan"]),
            period=str(meta["period"]),
            unit=str(meta["unit"]),
            format_version=str(meta["format_version"]),
            generated_at=generated_at,
            app_version=str(app_version) if app_version not in (None, "") else None,
            values=values,
            prepared_by=prepared_by,
            phone=phone,
            prepared_on=prepared_on,
            source_sha256=sha,
            rows=rows,
        )

    def _read_bytes(self) -> bytes:
        try:
            found = self.path.stat()
        except FileNotFoundError:
            raise self.fatal("không tìm thấy tệp") from None
        except OSError:
            raise self.fatal("không mở được tệp") from None
        if not S_ISREG(found.st_mode):  # Path.is_file(), without a second stat
            raise self.fatal("không phải là tệp")
        size = found.st_size
        if size > MAX_FILE_BYTES:
            raise self.fatal(
                f"tệp quá lớn ({size / 1048576:.1f} MB, tối đa "
                f"{MAX_FILE_BYTES // 1048576} MB); biểu mẫu báo cáo chỉ vài chục KB"
            )
        try:
            with self.path.open("rb") as fh:
                # as much as the file holds (a buffer of the largest size allowed would be
                # mapped and unmapped for every file), and what it may have grown by since
                data = fh.read(size + 1)
                if len(data) > size:
                    data += fh.read(MAX_FILE_BYTES + 1 - len(data))
        except OSError:
            raise self.fatal(
                "không mở được tệp (tệp đang bị khóa hoặc không có quyền đọc)"
            ) from None
        if len(data) > MAX_FILE_BYTES:
            raise self.fatal(f"tệp quá lớn (tối đa {MAX_FILE_BYTES // 1048576} MB)")
        return data

    def _form_sheet(self, book: XBook) -> XSheet:
        sheet = book.sheet(SHEET)
        if sheet is None:
            codes = {i.code for i in self.plan.indicators}
            for other in book.sheets:
                if other.name == META_SHEET:
                    continue
                if norm(other.name) == norm(SHEET) or _has_code(other, codes) is not None:
                    raise self.fatal(
                        f"trang tính '{SHEET}' đã bị đổi tên thành '{short(other.name)}'; "
                        f"hãy đặt lại tên '{SHEET}' (hoặc dùng biểu mẫu được gửi)"
                    )
            raise self.fatal(
                f"không có trang tính '{SHEET}' (không phải biểu mẫu báo cáo, "
                "hoặc trang tính đã bị đổi tên)"
            )
        if sheet.state != "visible":
            self.problem(
                None,
                f"trang tính '{SHEET}' đang bị ẩn; hãy bỏ ẩn (Unhide) rồi kiểm tra lại số liệu",
            )
        return sheet

    def _check_other_sheets(self, book: XBook) -> None:
        codes = {i.code for i in self.plan.indicators}
        for sheet in book.sheets:
            if sheet.name in (SHEET, META_SHEET):
                continue
            found = _has_code(sheet, codes)
            if found is not None:
                self.problem(
                    None,
                    f"trang tính '{short(sheet.name)}' cũng có mã chỉ tiêu "
                    f"('{found.value}' ở ô {found.coordinate}); số liệu chỉ được nhập "
                    f"trong trang '{SHEET}' — hãy xóa trang thừa hoặc chép số liệu về",
                )

    def _read_meta(self, book: XBook) -> dict[str, Any]:
        sheet = book.sheet(META_SHEET)
        if sheet is None:
            self.problem(
                None,
                f"thiếu trang thông tin ẩn '{META_SHEET}' (biểu mẫu không do phần mềm tạo "
                "ra, hoặc đã bị sao chép sang tệp khác); hãy dùng biểu mẫu được gửi",
            )
            return {}
        meta: dict[str, Any] = {}
        for (r, c), cell in sheet.in_order():
            if c != 1 or is_blank(cell) or r > 200:
                continue
            key = norm(cell.value) if isinstance(cell.value, str) else str(cell.value)
            other = sheet.cells.get((r, 2))
            if other is not None and other.formula is not None:
                self.problem(None, f"trang '{META_SHEET}': giá trị '{key}' là công thức")
                continue
            value: Any = None if other is None else other.value
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, int | float):
                value = str(value)
            if isinstance(value, str):
                value = value.strip()
            if key in meta:
                self.problem(None, f"trang '{META_SHEET}' bị hỏng: khóa '{key}' lặp lại")
            meta[key] = value
        missing = [
            k for k in ("format_version", "plan", "period", "unit") if meta.get(k) in (None, "")
        ]
        if missing:
            self.problem(
                None,
                f"trang '{META_SHEET}' bị hỏng: thiếu {', '.join(repr(k) for k in missing)}",
            )
        return meta

    def _check_meta(self, meta: dict[str, Any]) -> str | None:
        """Check identity; return the unit's kind when known. Stops at a foreign plan
        or an unsupported version (then nothing else of the file means anything)."""
        if not meta or any(meta.get(k) in (None, "") for k in ("format_version", "plan")):
            return None
        version = str(meta["format_version"])
        if version not in SUPPORTED_VERSIONS:
            raise self.fatal(
                f"phiên bản biểu mẫu '{version}' không được hỗ trợ (phần mềm đọc phiên bản "
                f"{', '.join(SUPPORTED_VERSIONS)}); hãy dùng biểu mẫu mới được gửi"
            )
        if meta["plan"] != self.plan.code:
            raise self.fatal(
                f"biểu mẫu thuộc kế hoạch '{meta['plan']}', không phải kế hoạch "
                f"'{self.plan.code}' đang dùng"
            )
        period = meta.get("period")
        if period not in (None, "") and period not in {p.code for p in self.plan.periods}:
            self.problem(None, f"kỳ báo cáo '{period}' không có trong kế hoạch {self.plan.code}")
        unit = meta.get("unit")
        if unit in (None, ""):
            return None
        units: Mapping[str, str] = (
            self.known_units
            if self.known_units is not None
            else {u.code: u.kind for u in self.plan.units}
        )
        if unit not in units:
            self.problem(None, f"đơn vị '{unit}' không có trong danh sách đơn vị của kế hoạch")
            return None
        return units[unit]

    def _check_heading(self, sheet: XSheet, meta: dict[str, Any]) -> None:
        """The visible heading must name the unit and period of `_meta`."""
        unit, period = meta.get("unit"), meta.get("period")
        if unit in (None, "") or period in (None, ""):
            return
        lines: dict[str, XCell] = {}
        for _r, _c, text, found in labels(sheet):
            for label, start in _HEADING:
                if text.startswith(start) and label not in lines:
                    lines[label] = found
        names = {n for u in self.plan.units if u.code == unit for n in (u.name,)}
        if unit in self.unit_names:
            names.add(self.unit_names[unit])
        names.update(self.former_names.get(str(unit), ()))
        names.update(n for u in self.plan.units if u.code == unit for n, _until in u.former_names)
        meta_unit = f"{' / '.join(sorted(names)) or '?'} (mã đơn vị: {unit})"
        cell = lines.get(L_UNIT)
        if cell is None:
            self.problem(None, f"không tìm thấy dòng '{L_UNIT} …' ở phần đầu biểu mẫu")
        else:
            shown = " ".join(str(cell.value)[len(L_UNIT) :].split())
            m = _UNIT_LINE.match(shown)
            same = (
                m is not None
                and m.group(2) == unit
                and (not names or norm(m.group(1)) in {norm(n) for n in names})
            )
            if not same:
                self.problem(
                    cell.coordinate,
                    f"phần đầu biểu mẫu ghi đơn vị '{short(shown, 80)}' nhưng biểu mẫu được "
                    f"tạo cho đơn vị '{meta_unit}' (phần đầu đã bị sửa tay); hãy dùng "
                    "biểu mẫu được gửi cho đúng đơn vị",
                )
        try:
            label = self.plan.period(str(period)).label
        except KeyError:
            return  # already reported by _check_meta
        cell = lines.get(L_PERIOD)
        if cell is None:
            self.problem(None, f"không tìm thấy dòng '{L_PERIOD} …' ở phần đầu biểu mẫu")
            return
        shown = " ".join(str(cell.value)[len(L_PERIOD) :].split())
        if norm(shown) != norm(label):
            self.problem(
                cell.coordinate,
                f"phần đầu biểu mẫu ghi kỳ báo cáo '{short(shown, 60)}' nhưng biểu mẫu được "
                f"tạo cho kỳ '{label}' (mã kỳ {period}; phần đầu đã bị sửa tay); hãy dùng "
                "biểu mẫu được gửi cho đúng kỳ",
            )

    def _read_row(self, sheet: XSheet, table: Table, r: int, ind: Indicator) -> Value | None:
        """The row's Value, or None when a problem was recorded."""
        c_num, c_den = table.cols[H_NUMERATOR], table.cols[H_DENOMINATOR]
        c_val = table.cols[H_VALUE]
        cells = sheet.cells
        ok = True
        kind = ind.kind
        if kind is IndicatorKind.RATIO:
            unused = [(c_val, "chỉ tiêu tỷ lệ nhập ở cột Tử số và Mẫu số")]
        else:
            unused = [
                (c_num, "chỉ tiêu này nhập ở cột Giá trị"),
                (c_den, "chỉ tiêu này nhập ở cột Giá trị"),
            ]
        for c, why in unused:
            cell = cells.get((r, c))
            if not is_blank(cell):
                self.problem(ref(r, c), f"ô này phải để trống ({why})")
                ok = False

        if kind is IndicatorKind.RATIO:
            n_ref, d_ref = ref(r, c_num), ref(r, c_den)
            n = self._cell(cells.get((r, c_num)), n_ref, lambda c: as_number(c, "tử số"))
            d = self._cell(cells.get((r, c_den)), d_ref, lambda c: as_number(c, "mẫu số"))
            if n is _BAD or d is _BAD:
                return None
            # each number on its own first, so that both cells get their reason
            if n is not None:
                ok &= self._check(ind, Value(numerator=n, denominator=n), n_ref)
            if d is not None:
                ok &= self._check(ind, Value(numerator=0.0, denominator=d), d_ref)
            if not ok:
                return None
            value = Value(numerator=n, denominator=d)
            where = n_ref if (n is None or (d is not None and d != 0)) else d_ref
            return value if self._check(ind, value, where) else None

        where = ref(r, c_val)
        cell = cells.get((r, c_val))
        x: Any
        if kind is IndicatorKind.PERCENT:
            x = self._cell(cell, where, lambda c: as_number(c, "phần trăm", percent=True))
            value = BLANK if x is None else Value(number=x)
        elif kind in (IndicatorKind.COUNT, IndicatorKind.SCORE):
            what = "số lượng" if kind is IndicatorKind.COUNT else "điểm"
            x = self._cell(cell, where, lambda c: as_number(c, what))
            value = BLANK if x is None else Value(number=x)
        elif kind is IndicatorKind.BOOL:
            x = self._cell(cell, where, as_flag)
            value = BLANK if x is None else Value(flag=x)
        elif kind is IndicatorKind.DATE:
            x = self._cell(cell, where, lambda c: as_day(c, self.date1904))
            value = BLANK if x is None else Value(day=x)
        else:  # pragma: no cover
            self.problem(where, f"loại chỉ tiêu không hỗ trợ: {kind}")
            return None
        if x is _BAD or not ok:
            return None
        return value if self._check(ind, value, where) else None

    def _cell(self, cell: XCell | None, where: str, parse: Callable[[XCell], Any]) -> Any:
        if cell is None:
            return None
        try:
            return parse(cell)
        except CellProblem as exc:
            self.problem(where, exc.reason)
            return _BAD

    def _check(self, ind: Indicator, value: Value, where: str) -> bool:
        try:
            validate_value(ind, value)
        except ValueProblem as exc:
            self.problem(where, exc.message)
            return False
        return True

    def _read_footer(
        self, sheet: XSheet, table: Table
    ) -> tuple[str | None, str | None, dt.date | None]:
        found: dict[str, XCell | None] = {}
        cells = sheet.in_order()
        for r, c, text, _label_cell in labels(sheet):
            label = _FOOTER_LABELS.get(text)
            if r < table.end_row or label is None or label in found:
                continue
            found[label] = _first_filled_after(cells, r, c)
        out: dict[str, Any] = {}
        for label, cell in found.items():
            if cell is None:
                continue
            try:
                if cell.formula is not None:
                    raise CellProblem(formula_reason(cell))
                if label == L_PREPARED_ON:
                    day = as_day(cell, self.date1904)
                    if day is not None and not (
                        dt.date(1990, 1, 1) <= day <= dt.date(2100, 12, 31)
                    ):
                        raise CellProblem(f"ngày lập {day:%d/%m/%Y} không hợp lý")
                    out[label] = day
                elif label == L_PHONE:
                    out[label] = as_phone(cell)
                else:
                    out[label] = as_text(cell)
            except CellProblem as exc:
                self.problem(cell.coordinate, exc.reason)
        return out.get(L_PREPARED_BY), out.get(L_PHONE), out.get(L_PREPARED_ON)


_BAD = object()


def _first_filled_after(
    cells: Sequence[tuple[tuple[int, int], XCell]], r: int, c: int
) -> XCell | None:
    """The first cell right of (r, c) in row r that is not blank; `cells` by row, then
    column (XSheet.in_order): looked up from (r, c), not walked from the first row."""
    for (r2, _c2), o in islice(cells, bisect_right(cells, (r, c), key=itemgetter(0)), None):
        if r2 != r:
            return None
        if not is_blank(o):
            return o
    return None


_HEADING = ((L_UNIT, norm(L_UNIT)), (L_PERIOD, norm(L_PERIOD)))
_FOOTER_LABELS = {norm(label): label for label in FOOTER}


def _has_code(sheet: XSheet, codes: set[str]) -> XCell | None:
    for _rc, cell in sheet.in_order():
        if isinstance(cell.value, str) and cell.value.strip() in codes:
            return cell
    return None
