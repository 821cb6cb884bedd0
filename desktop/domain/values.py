"""Values a unit reports for an indicator, and their validation.

A `Value` is what is stored: a ratio keeps its numerator and denominator, other
kinds keep one field. `validate_value` refuses bad input with a Vietnamese reason.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import NamedTuple

from .errors import ValueProblem
from .plan import Indicator, IndicatorKind

MAX_COUNT = 10**12


class Value(NamedTuple):
    """One reported value. Exactly the fields of its indicator's kind are set.

    A named tuple (immutable, compared by its fields): a province period holds over
    100,000 of them, and a frozen dataclass costs several times more to build."""

    numerator: float | None = None
    denominator: float | None = None
    number: float | None = None  # percent, count, score
    flag: bool | None = None  # yes/no
    day: dt.date | None = None  # date

    @property
    def is_blank(self) -> bool:
        return self == _NOTHING  # every field None (one comparison in C)


BLANK = Value()
_NOTHING = (None, None, None, None, None)


_RATIO, _BOOL, _DATE = IndicatorKind.RATIO, IndicatorKind.BOOL, IndicatorKind.DATE
_isfinite = math.isfinite


def measured(kind: IndicatorKind, value: Value) -> float | bool | dt.date | None:
    """The value a criterion compares: percent for a ratio (None for 0/0 or a blank)."""
    if kind is _RATIO:  # members as module constants: called for every criterion
        n, d = value.numerator, value.denominator
        if n is None or d is None or d == 0:
            return None
        x = n / d * 100
    elif kind is _BOOL:
        return value.flag
    elif kind is _DATE:
        return value.day
    else:
        x = value.number  # type: ignore[assignment]
        if x is None:
            return None
    # Every entry refuses NaN and infinities; one in a database written elsewhere is no
    # value (the criterion is incomplete), never a pass.
    return x if _isfinite(x) else None


def validate_value(indicator: Indicator, value: Value) -> Value:
    """Return the value if acceptable for the indicator, else raise ValueProblem.

    Blank is acceptable (it makes a criterion incomplete, never a failure). A ratio
    with only one of its two numbers is refused.
    """
    kind = indicator.kind
    if value.is_blank:
        return value
    if kind is IndicatorKind.RATIO:
        _only(value, ("numerator", "denominator"))
        n, d = value.numerator, value.denominator
        if n is None:
            raise ValueProblem("thiếu tử số (đã có mẫu số)")
        if d is None:
            raise ValueProblem("thiếu mẫu số (đã có tử số)")
        _whole_nonneg(n, "tử số")
        _whole_nonneg(d, "mẫu số")
        if d == 0 and n > 0:
            raise ValueProblem(f"mẫu số bằng 0 nhưng tử số là {_fmt(n)}")
        if n > d:
            raise ValueProblem(f"tử số {_fmt(n)} lớn hơn mẫu số {_fmt(d)}")
        return value
    if kind is IndicatorKind.PERCENT:
        _only(value, ("number",))
        assert value.number is not None
        _finite(value.number, "giá trị")
        if not 0 <= value.number <= 100:
            raise ValueProblem(f"phần trăm {_fmt(value.number)} ngoài khoảng 0 đến 100")
        return value
    if kind is IndicatorKind.COUNT:
        _only(value, ("number",))
        assert value.number is not None
        _whole_nonneg(value.number, "số lượng")
        _at_most(indicator, value.number, "số lượng")
        return value
    if kind is IndicatorKind.SCORE:
        _only(value, ("number",))
        assert value.number is not None
        _finite(value.number, "điểm")
        if value.number < 0:
            raise ValueProblem(f"điểm {_fmt(value.number)} là số âm")
        _at_most(indicator, value.number, "điểm")
        if value.number > MAX_COUNT:
            raise ValueProblem(f"điểm {_fmt(value.number)} quá lớn")
        return value
    if kind is IndicatorKind.BOOL:
        _only(value, ("flag",))
        return value
    if kind is IndicatorKind.DATE:
        _only(value, ("day",))
        assert value.day is not None
        if not dt.date(1990, 1, 1) <= value.day <= dt.date(2100, 12, 31):
            raise ValueProblem(f"ngày {value.day:%d/%m/%Y} không hợp lý")
        return value
    raise ValueProblem(f"loại chỉ tiêu không hỗ trợ: {kind}")  # pragma: no cover


def _only(value: Value, allowed: tuple[str, ...]) -> None:
    for name in ("numerator", "denominator", "number", "flag", "day"):
        if name not in allowed and getattr(value, name) is not None:
            raise ValueProblem("giá trị không đúng loại của chỉ tiêu")


def bounds(indicator: Indicator) -> tuple[float, float] | None:
    """The (lowest, highest) number an indicator accepts, stated once for the form's
    validation, the report editor and the import; None for yes/no and dates."""
    kind = indicator.kind
    if kind is IndicatorKind.PERCENT:
        return 0.0, 100.0
    if kind in (IndicatorKind.COUNT, IndicatorKind.SCORE, IndicatorKind.RATIO):
        top = indicator.maximum if indicator.maximum is not None else float(MAX_COUNT)
        return 0.0, min(top, float(MAX_COUNT))
    return None


def _at_most(indicator: Indicator, x: float, what: str) -> None:
    top = indicator.maximum
    if top is not None and x > top:
        if indicator.kind is IndicatorKind.SCORE:
            raise ValueProblem(
                f"điểm {_fmt(x)} lớn hơn điểm tối đa {_fmt(top)} (thang điểm {_fmt(top)})"
            )
        raise ValueProblem(f"{what} {_fmt(x)} lớn hơn mức tối đa {_fmt(top)} của kế hoạch")


def check_received(received_on: dt.date, starts: dt.date, today: dt.date) -> None:
    """A report cannot be received in the future nor before its period began."""
    if received_on > today:
        raise ValueProblem(
            f"ngày nhận {received_on:%d/%m/%Y} ở tương lai (hôm nay là {today:%d/%m/%Y})"
        )
    if received_on < starts:
        raise ValueProblem(
            f"ngày nhận {received_on:%d/%m/%Y} trước ngày bắt đầu kỳ báo cáo ({starts:%d/%m/%Y})"
        )


def _finite(x: float, what: str) -> None:
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueProblem(f"{what} không phải là số hợp lệ")


def _whole_nonneg(x: float, what: str) -> None:
    _finite(x, what)
    if x < 0:
        raise ValueProblem(f"{what} {_fmt(x)} là số âm")
    if x != int(x):
        raise ValueProblem(f"{what} {_fmt(x)} phải là số nguyên")
    if x > MAX_COUNT:
        raise ValueProblem(f"{what} {_fmt(x)} quá lớn")


def _fmt(x: float) -> str:
    from .vnformat import number

    if abs(x) >= 1e15:  # '1e+308', not three hundred digits of a binary fraction
        return f"{x:.3g}".replace(".", ",")
    return number(x)


# ---- what a person types, the exact inverses of vnformat's number, yes_no and day ----

_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?")
# day first always: 05/09/2022, 5/9/2022, 05.09.2022, 05-09-2022 (spaces allowed around
# the separators); or ISO 2022-09-05, with a time part a spreadsheet may add
_DMY = re.compile(r"^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]*)?$")
HOW_TO_TYPE_A_DAY = "gõ dạng dd/mm/yyyy, ví dụ 05/09/2022"


def _quoted(text: str, limit: int = 40) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def parse_number(text: str, what: str = "giá trị") -> float | None:
    """A number typed the Vietnamese way, the inverse of vnformat.number: '72,5',
    '12.345,50' (dot groups thousands), '1 234', '72,5 %'; a dot alone is also taken as
    the decimal mark ('72.5'). Blank gives None; anything else that is not a finite
    number (text, 'nan', 'inf', '1e400') raises ValueProblem."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    if not t:
        return None
    if _GROUPED.fullmatch(t):
        t = t.replace(".", "").replace(",", ".")
    elif "," in t:
        if "." in t or t.count(",") > 1:
            raise ValueProblem(f"{what} '{text.strip()}' không phải là số")
        t = t.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", t):
        raise ValueProblem(f"{what} '{text.strip()}' không phải là số")
    x = float(t)
    if not math.isfinite(x):
        raise ValueProblem(f"{what} '{text.strip()}' không phải là số")
    return x


def parse_flag(text: str) -> bool:
    """'Có' / 'Không' to a bool, the inverse of vnformat.yes_no: any case, spaces around,
    with or without diacritics ('co', 'khong'). Nothing else is a yes or a no ('x', 'Yes',
    '1' are refused: a form, the editor and a file all mean the same two words)."""
    t = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    if t in ("có", "co"):
        return True
    if t in ("không", "khong"):
        return False
    raise ValueProblem(f"'{_quoted(text)}' không phải Có hoặc Không")


def parse_day(text: str) -> dt.date:
    """A date typed day first, always (dd/mm/yyyy, also with '.' or '-'), or ISO
    yyyy-mm-dd; the inverse of vnformat.day. A date that does not exist (31/02) and any
    other text raise ValueProblem."""
    t = text.strip()
    m = _DMY.match(t)
    try:
        if m:
            d, _sep, mo, y = m.groups()
            return dt.date(int(y), int(mo), int(d))
        m = _ISO.match(t)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return dt.date(y, mo, d)
    except ValueError:
        raise ValueProblem(f"ngày '{_quoted(t)}' không tồn tại") from None
    raise ValueProblem(f"'{_quoted(text)}' không phải là ngày hợp lệ ({HOW_TO_TYPE_A_DAY})")
