"""Read a filled form (DESIGN.md section 5) back, or refuse it with every reason.

The file is checked as a zip before openpyxl sees it (size, zip bomb, XML entity
tricks), then read with openpyxl in read-only mode without evaluating anything.
Every value goes through `validate_value`; all problems of the file are collected and
raised together as `FormRejected`. Nothing here raises anything else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.errors import DomainError, ValueProblem
from desktop.domain.plan import Indicator, IndicatorKind, Plan
from desktop.domain.values import BLANK, Value, validate_value
from desktop.domain.vnformat import number as vn_number

from .form_template import (
    FORMAT_VERSION,
    H_CODE,
    H_DENOMINATOR,
    H_NAME,
    H_NUMERATOR,
    H_VALUE,
    L_PHONE,
    L_PREPARED_BY,
    L_PREPARED_ON,
    META_SHEET,
    SHEET,
)

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000
MAX_ROWS = 1000  # BaoCao rows read; a form has a few dozen
MAX_COLS = 60
SUPPORTED_VERSIONS = (FORMAT_VERSION,)

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


# ---- entry point --------------------------------------------------------------------


def read_form(
    path: Path,
    plan: Plan,
    *,
    known_units: Mapping[str, str] | None = None,
) -> FormData:
    """Read the form at `path` for `plan`; raise FormRejected with every problem.

    `known_units` maps unit code -> unit kind (from the database, which may hold units
    added after the plan); when given it wins over `plan.units`.
    """
    path = Path(path)
    name = path.name
    try:
        with warnings.catch_warnings():  # openpyxl's English warnings about a damaged
            warnings.simplefilter("ignore")  # file: the refusal below says it in Vietnamese
            return _Reader(path, name, plan, known_units).read()
    except FormRejected:
        raise
    except Exception:  # never a traceback for a bad file
        raise FormRejected([FormProblem(name, None, R_UNREADABLE)]) from None


# ---- the zip, before openpyxl -----------------------------------------------------------

_ALLOWED_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf16"}
_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""")


def _check_package(name: str, data: bytes) -> None:
    """Refuse what is not a sound xlsx before any XML parser sees it."""

    def reject(reason: str) -> FormRejected:
        return FormRejected([FormProblem(name, None, reason)])

    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise reject(
            "không phải tệp .xlsx (tệp Excel cũ .xls hoặc tệp có đặt mật khẩu); "
            "hãy mở bằng Excel và lưu lại dạng .xlsx, không đặt mật khẩu"
        )
    if data[:4] != b"PK\x03\x04":
        raise reject("không phải tệp Excel .xlsx (sai định dạng tệp)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise reject(
            "tệp .xlsx bị hỏng hoặc không đầy đủ (có thể bị cắt cụt khi sao chép)"
        ) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise reject(f"tệp nén có quá nhiều thành phần ({len(infos)}), không phải biểu mẫu")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise reject(
                f"dung lượng sau giải nén quá lớn ({total / 1048576:.0f} MB, tối đa "
                f"{MAX_UNPACKED_BYTES // 1048576} MB); nghi là tệp nén độc hại (zip bomb)"
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1024 * 1024 and ratio > MAX_RATIO:
                raise reject(
                    f"tỷ lệ nén bất thường ({ratio:.0f} lần, thành phần {info.filename}); "
                    "nghi là tệp nén độc hại (zip bomb)"
                )
        if total > 1024 * 1024 and total > MAX_RATIO * max(packed, 1):
            raise reject(
                f"tỷ lệ nén bất thường ({total / max(packed, 1):.0f} lần); "
                "nghi là tệp nén độc hại (zip bomb)"
            )
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names:
            raise reject("không phải tệp Excel .xlsx (thiếu [Content_Types].xml)")
        for info in infos:
            if info.is_dir():
                continue
            try:
                with zf.open(info) as fh:
                    raw = fh.read(info.file_size + 1)
            except NotImplementedError:
                raise reject("tệp nén dùng kiểu nén không được hỗ trợ") from None
            except RuntimeError:  # encrypted member
                raise reject("tệp có đặt mật khẩu; hãy lưu lại không đặt mật khẩu") from None
            except Exception:  # BadZipFile (bad CRC), zlib.error, EOFError...
                raise reject(
                    "tệp .xlsx bị hỏng hoặc không đầy đủ (có thể bị cắt cụt khi sao chép)"
                ) from None
            probe = raw.replace(b"\x00", b"")  # UTF-16/32 text reads as ASCII this way
            low = probe.lower()
            if b"<!doctype" in low or b"<!entity" in low:
                raise reject(
                    f"tệp chứa khai báo DOCTYPE/ENTITY trong {info.filename} "
                    "(không được phép, có thể là tệp độc hại)"
                )
            m = _ENCODING_RE.match(probe[:300])
            if m and m.group(1).decode("ascii", "replace").lower() not in _ALLOWED_ENCODINGS:
                raise reject(
                    f"thành phần {info.filename} dùng bảng mã không được hỗ trợ "
                    f"({m.group(1).decode('ascii', 'replace')})"
                )


# ---- text helpers ---------------------------------------------------------------------


def _norm(text: Any) -> str:
    """Label comparison: NFC, collapsed spaces, case-folded."""
    if not isinstance(text, str):
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_YES = {_norm("Có")}
_NO = {_norm("Không")}


class _CellProblem(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _fmt(x: float) -> str:
    return vn_number(x)


# ---- the reader ---------------------------------------------------------------------


class _Reader:
    def __init__(
        self, path: Path, name: str, plan: Plan, known_units: Mapping[str, str] | None
    ) -> None:
        self.path = path
        self.name = name
        self.plan = plan
        self.known_units = known_units
        self.problems: list[FormProblem] = []

    def problem(self, cell: str | None, reason: str) -> None:
        self.problems.append(FormProblem(self.name, cell, reason))

    def fatal(self, reason: str, cell: str | None = None) -> FormRejected:
        self.problem(cell, reason)
        return FormRejected(self.problems)

    # -- steps

    def read(self) -> FormData:
        data = self._read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        _check_package(self.name, data)

        from openpyxl import load_workbook  # late: only after the checks above

        wb = load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False, rich_text=False
        )
        try:
            if SHEET not in wb.sheetnames:
                raise self.fatal(
                    f"không có trang tính '{SHEET}' (không phải biểu mẫu báo cáo, "
                    "hoặc trang tính đã bị đổi tên)"
                )
            meta = self._read_meta(wb)
            grid = _grid(wb[SHEET], MAX_ROWS, MAX_COLS)
            epoch = wb.epoch
        finally:
            wb.close()

        unit_kind = self._check_meta(meta)
        values, rows, table_end = self._read_table(grid, unit_kind, epoch)
        prepared_by, phone, prepared_on = self._read_footer(grid, table_end, epoch)
        if self.problems:
            raise FormRejected(self.problems)

        generated_at = None
        raw_gen = meta.get("generated_at")
        if isinstance(raw_gen, dt.datetime):
            generated_at = raw_gen
        elif isinstance(raw_gen, str):
            try:
                generated_at = dt.datetime.fromisoformat(raw_gen.strip())
            except ValueError:
                generated_at = None
        app_version = meta.get("app_version")
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
            size = self.path.stat().st_size
        except FileNotFoundError:
            raise self.fatal("không tìm thấy tệp") from None
        except OSError:
            raise self.fatal("không mở được tệp") from None
        if not self.path.is_file():
            raise self.fatal("không phải là tệp")
        if size > MAX_FILE_BYTES:
            raise self.fatal(
                f"tệp quá lớn ({size / 1048576:.1f} MB, tối đa "
                f"{MAX_FILE_BYTES // 1048576} MB); biểu mẫu báo cáo chỉ vài chục KB"
            )
        try:
            with self.path.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError:
            raise self.fatal(
                "không mở được tệp (tệp đang bị khóa hoặc không có quyền đọc)"
            ) from None
        if len(data) > MAX_FILE_BYTES:
            raise self.fatal(f"tệp quá lớn (tối đa {MAX_FILE_BYTES // 1048576} MB)")
        return data

    def _read_meta(self, wb: Any) -> dict[str, Any]:
        if META_SHEET not in wb.sheetnames:
            self.problem(
                None,
                f"thiếu trang thông tin ẩn '{META_SHEET}' (biểu mẫu không do phần mềm tạo "
                "ra, hoặc đã bị sao chép sang tệp khác); hãy dùng biểu mẫu được gửi",
            )
            return {}
        grid = _grid(wb[META_SHEET], 200, 2)
        meta: dict[str, Any] = {}
        for (r, c), cell in sorted(grid.items()):
            if c != 1 or cell.value in (None, ""):
                continue
            key = _norm(cell.value) if isinstance(cell.value, str) else str(cell.value)
            other = grid.get((r, 2))
            value = None if other is None else other.value
            if other is not None and (other.data_type == "f" or _is_formula_text(value)):
                self.problem(None, f"trang '{META_SHEET}': giá trị '{key}' là công thức")
                continue
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

    def _read_table(
        self, grid: dict[tuple[int, int], Any], unit_kind: str | None, epoch: dt.datetime
    ) -> tuple[dict[str, Value], dict[str, str], int]:
        header = _find_header(grid)
        if header is None:
            self.problem(
                None,
                f"không tìm thấy dòng tiêu đề của bảng ({H_CODE}, {H_NAME}, {H_NUMERATOR}, "
                f"{H_DENOMINATOR}, {H_VALUE}) trong trang '{SHEET}'",
            )
            return {}, {}, 0
        hrow, cols = header
        missing = [
            h for h in (H_CODE, H_NAME, H_NUMERATOR, H_DENOMINATOR, H_VALUE) if _norm(h) not in cols
        ]
        if missing:
            self.problem(
                None,
                f"dòng tiêu đề (dòng {hrow}) thiếu cột {', '.join(repr(m) for m in missing)}",
            )
            return {}, {}, hrow
        c_code = cols[_norm(H_CODE)]
        c_num = cols[_norm(H_NUMERATOR)]
        c_den = cols[_norm(H_DENOMINATOR)]
        c_val = cols[_norm(H_VALUE)]

        values: dict[str, Value] = {}
        rows: dict[str, str] = {}
        r = hrow + 1
        while r <= MAX_ROWS:
            code_cell = grid.get((r, c_code))
            if code_cell is None or _blank(code_cell.value):
                break
            ref_code = _ref(r, c_code)
            code = code_cell.value
            if code_cell.data_type == "f" or _is_formula_text(code):
                self.problem(ref_code, "ô mã chỉ tiêu chứa công thức")
                r += 1
                continue
            if isinstance(code, float) and code.is_integer():
                code = int(code)
            code = str(code).strip()
            r += 1
            try:
                ind = self.plan.indicator(code)
            except KeyError:
                self.problem(
                    ref_code, f"mã chỉ tiêu '{code}' không có trong kế hoạch {self.plan.code}"
                )
                continue
            if unit_kind is not None and unit_kind not in ind.unit_kinds:
                self.problem(
                    ref_code, f"chỉ tiêu '{code}' không áp dụng cho loại đơn vị của biểu mẫu"
                )
                continue
            if code in values:
                self.problem(
                    ref_code, f"chỉ tiêu '{code}' xuất hiện hai lần (đã có ở ô {rows[code]})"
                )
                continue
            value = self._read_row(grid, r - 1, ind, c_num, c_den, c_val, epoch)
            rows[code] = ref_code
            if value is not None:
                values[code] = value
        if not rows and r <= MAX_ROWS:
            self.problem(None, f"bảng dưới dòng tiêu đề (dòng {hrow}) không có dòng chỉ tiêu nào")
        return values, rows, r

    def _read_row(
        self,
        grid: dict[tuple[int, int], Any],
        r: int,
        ind: Indicator,
        c_num: int,
        c_den: int,
        c_val: int,
        epoch: dt.datetime,
    ) -> Value | None:
        """The row's Value, or None when a problem was recorded."""
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
            cell = grid.get((r, c))
            if cell is not None and not _blank(cell.value):
                self.problem(_ref(r, c), f"ô này phải để trống ({why})")
                ok = False

        if kind is IndicatorKind.RATIO:
            n_ref, d_ref = _ref(r, c_num), _ref(r, c_den)
            n = self._cell(grid, r, c_num, lambda cell: _number(cell, "tử số"))
            d = self._cell(grid, r, c_den, lambda cell: _number(cell, "mẫu số"))
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

        ref = _ref(r, c_val)
        if kind is IndicatorKind.PERCENT:
            x = self._cell(grid, r, c_val, lambda cell: _number(cell, "phần trăm", percent=True))
            value = BLANK if x is None else Value(number=x)
        elif kind in (IndicatorKind.COUNT, IndicatorKind.SCORE):
            what = "số lượng" if kind is IndicatorKind.COUNT else "điểm"
            x = self._cell(grid, r, c_val, lambda cell: _number(cell, what))
            value = BLANK if x is None else Value(number=x)
        elif kind is IndicatorKind.BOOL:
            x = self._cell(grid, r, c_val, _flag)
            value = BLANK if x is None else Value(flag=x)
        elif kind is IndicatorKind.DATE:
            x = self._cell(grid, r, c_val, lambda cell: _day(cell, epoch))
            value = BLANK if x is None else Value(day=x)
        else:  # pragma: no cover
            self.problem(ref, f"loại chỉ tiêu không hỗ trợ: {kind}")
            return None
        if x is _BAD or not ok:
            return None
        return value if self._check(ind, value, ref) else None

    def _cell(self, grid: dict[tuple[int, int], Any], r: int, c: int, parse: Any) -> Any:
        cell = grid.get((r, c))
        if cell is None:
            return None
        try:
            return parse(cell)
        except _CellProblem as exc:
            self.problem(_ref(r, c), exc.reason)
            return _BAD

    def _check(self, ind: Indicator, value: Value, ref: str) -> bool:
        try:
            validate_value(ind, value)
        except ValueProblem as exc:
            self.problem(ref, exc.message)
            return False
        return True

    def _read_footer(
        self, grid: dict[tuple[int, int], Any], start: int, epoch: dt.datetime
    ) -> tuple[str | None, str | None, dt.date | None]:
        labels = {_norm(L_PREPARED_BY): "by", _norm(L_PHONE): "phone", _norm(L_PREPARED_ON): "on"}
        found: dict[str, Any] = {}
        for (r, c), cell in sorted(grid.items()):
            if r < start or not isinstance(cell.value, str):
                continue
            key = labels.get(_norm(cell.value))
            if key is None or key in found:
                continue
            target = None
            for (r2, c2), other in sorted(grid.items()):
                if r2 == r and c2 > c and not _blank(other.value):
                    target = other
                    break
            found[key] = target
        out: dict[str, Any] = {"by": None, "phone": None, "on": None}
        for key, cell in found.items():
            if cell is None:
                continue
            ref = cell.coordinate
            try:
                if cell.data_type == "f" or _is_formula_text(cell.value):
                    raise _CellProblem(_FORMULA)
                if cell.data_type == "e":
                    raise _CellProblem(f"ô có giá trị lỗi {cell.value}")
                if key == "on":
                    day = _day(cell, epoch)
                    if day is not None and not (
                        dt.date(1990, 1, 1) <= day <= dt.date(2100, 12, 31)
                    ):
                        raise _CellProblem(f"ngày lập {day:%d/%m/%Y} không hợp lý")
                    out[key] = day
                elif key == "phone":
                    out[key] = _phone(cell.value)
                else:
                    v = cell.value
                    if isinstance(v, dt.datetime | dt.date):
                        v = f"{v:%d/%m/%Y}"
                    elif isinstance(v, float) and v.is_integer():
                        v = str(int(v))
                    text = " ".join(str(v).split())
                    out[key] = text[:200] or None
            except _CellProblem as exc:
                self.problem(ref, exc.reason)
        return out["by"], out["phone"], out["on"]


# ---- cells ------------------------------------------------------------------------------

_BAD = object()
_FORMULA = "ô chứa công thức; chỉ nhập giá trị, không dùng công thức"


def _grid(ws: Any, max_rows: int, max_cols: int) -> dict[tuple[int, int], Any]:
    """The non-empty cells of a read-only sheet, by (row, column)."""
    ws.reset_dimensions()  # do not trust the <dimension> element of the file
    out: dict[tuple[int, int], Any] = {}
    for row in ws.iter_rows(max_row=max_rows, max_col=max_cols):
        for cell in row:
            if getattr(cell, "row", None) is None or cell.value is None:
                continue
            out[(cell.row, cell.column)] = cell
    return out


def _find_header(grid: dict[tuple[int, int], Any]) -> tuple[int, dict[str, int]] | None:
    code = _norm(H_CODE)
    for (r, _c), cell in sorted(grid.items()):
        if r > 100:
            break
        if _norm(cell.value) == code:
            cols: dict[str, int] = {}
            for (r2, c2), other in grid.items():
                if r2 == r and isinstance(other.value, str):
                    cols.setdefault(_norm(other.value), c2)
            return r, cols
    return None


def _ref(r: int, c: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(c)}{r}"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_formula_text(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip().startswith("=")


def _common(cell: Any) -> Any:
    """Refusals shared by every input cell; returns the raw value (None when blank)."""
    value = cell.value
    if (
        cell.data_type == "f"
        or _is_formula_text(value)
        or not isinstance(
            value, str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta
        )
    ):
        if _blank(value):
            return None
        raise _CellProblem(_FORMULA)
    if cell.data_type == "e":
        raise _CellProblem(f"ô có giá trị lỗi {value}")
    if _blank(value):
        return None
    return value


def _number(cell: Any, what: str, percent: bool = False) -> float | None:
    value = _common(cell)
    if value is None:
        return None
    if isinstance(value, bool):
        raise _CellProblem(f"{what} phải là số, không phải {'TRUE' if value else 'FALSE'}")
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise _CellProblem(f"{what} phải là số, không phải ngày giờ")
    if isinstance(value, str):
        raise _CellProblem(f"{what} phải là số, không phải chữ ('{_short(value)}')")
    x = float(value)
    if percent and "%" in (getattr(cell, "number_format", "") or ""):
        # typed as "72,5%" in Excel: stored as 0.725 with a percent format
        x = round(x * 100, 9)
    return x


def _flag(cell: Any) -> bool | None:
    value = _common(cell)
    if value is None:
        return None
    if isinstance(value, str):
        t = _norm(value)
        if t in _YES:
            return True
        if t in _NO:
            return False
    shown = value if isinstance(value, str) else str(value)
    raise _CellProblem(f"'{_short(shown)}' không phải Có hoặc Không (chọn trong danh sách)")


def _day(cell: Any, epoch: dt.datetime) -> dt.date | None:
    value = _common(cell)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or isinstance(value, dt.time | dt.timedelta):
        raise _CellProblem("không phải là ngày hợp lệ (dd/mm/yyyy)")
    if isinstance(value, int | float):
        from openpyxl.utils.datetime import from_excel

        if not 1 <= value < 2958466:  # Excel's serial range (to 31/12/9999)
            raise _CellProblem(f"{_fmt(float(value))} không phải là ngày hợp lệ (dd/mm/yyyy)")
        try:
            got = from_excel(value, epoch=epoch)
        except (ValueError, OverflowError, TypeError):
            raise _CellProblem(
                f"{_fmt(float(value))} không phải là ngày hợp lệ (dd/mm/yyyy)"
            ) from None
        return got.date() if isinstance(got, dt.datetime) else got
    text = str(value)
    m = _DMY.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
    else:
        m = _ISO.match(text)
        if not m:
            raise _CellProblem(f"'{_short(text)}' không phải là ngày hợp lệ (dd/mm/yyyy)")
        y, mo, d = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise _CellProblem(f"ngày '{_short(text.strip())}' không tồn tại") from None


def _phone(value: Any) -> str | None:
    if isinstance(value, bool):
        raise _CellProblem("số điện thoại không hợp lệ")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise _CellProblem("số điện thoại không hợp lệ")
        text = str(int(value))
        # typed as a number, Excel dropped the leading zero (0912 345 678 -> 912345678)
        if len(text) in (9, 10) and not text.startswith("0"):
            text = "0" + text
        return text
    if isinstance(value, dt.datetime | dt.date):
        raise _CellProblem("số điện thoại không hợp lệ")
    text = " ".join(str(value).split())
    return text[:50] or None


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
