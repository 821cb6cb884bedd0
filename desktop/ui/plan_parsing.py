"""What a person types in the plan editor, read: numbers with a decimal comma, dates
dd/mm/yyyy, counts (blank: no limit). Each raises ValueError with a Vietnamese reason."""

from __future__ import annotations

import datetime as dt
import re


def parse_number(text: str) -> float:
    """'65', '65,5', '1.000' (thousands) -> float; ValueError with a Vietnamese reason."""
    t = text.strip().replace(" ", "").replace("%", "")
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    try:
        return float(t)
    except ValueError:
        raise ValueError(
            f"'{text}' không phải là số (dùng dấu phẩy thập phân, ví dụ 65,5)"
        ) from None


def parse_day(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(f"'{text}' không phải ngày dạng dd/mm/yyyy") from None


def parse_count(text: str) -> int | None:
    if not text.strip():
        return None
    value = parse_number(text)
    if value < 0 or not value.is_integer():
        raise ValueError(f"'{text}' phải là số nguyên không âm")
    return int(value)
