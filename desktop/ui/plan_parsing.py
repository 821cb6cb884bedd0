"""What a person types in the plan editor, read: numbers with a decimal comma, dates
dd/mm/yyyy, counts (blank: no limit). Each raises ValueError with a Vietnamese reason."""

from __future__ import annotations

import datetime as dt

from ..domain import values
from ..domain.errors import ValueProblem


def parse_number(text: str) -> float:
    """'65', '65,5', '1.000' (thousands) -> float (domain.values.parse_number, which
    refuses NaN and infinities); ValueError with a Vietnamese reason."""
    try:
        x = values.parse_number(text, "giá trị")
    except ValueProblem as exc:
        raise ValueError(f"{exc.message} (dùng dấu phẩy thập phân, ví dụ 65,5)") from None
    if x is None:
        raise ValueError("chưa nhập số")
    return x


def parse_day(text: str) -> dt.date:
    try:
        return values.parse_day(text)
    except ValueProblem as exc:
        raise ValueError(exc.message) from None


def parse_count(text: str) -> int | None:
    if not text.strip():
        return None
    value = parse_number(text)
    if value < 0 or not value.is_integer():
        raise ValueError(f"'{text}' phải là số nguyên không âm")
    return int(value)
