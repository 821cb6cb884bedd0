"""Vietnamese presentation of numbers and dates: decimal comma, dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt


def number(x: float, decimals: int | None = None) -> str:
    """12345.5 -> '12.345,5'; whole numbers without decimals unless asked."""
    if decimals is None:
        decimals = 0 if float(x).is_integer() else 2
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(x: float | None) -> str:
    """72.5 -> '72,50 %'; None -> '—'."""
    if x is None:
        return "—"
    return f"{number(x, 2)} %"


def day(d: dt.date | None) -> str:
    return "—" if d is None else d.strftime("%d/%m/%Y")


def long_date(place: str, d: dt.date) -> str:
    """'Ninh Sơn, ngày 05 tháng 01 năm 2024' (ND 30/2020: zero below 10, months 1 and 2)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def yes_no(flag: bool | None) -> str:
    return "—" if flag is None else ("Có" if flag else "Không")
