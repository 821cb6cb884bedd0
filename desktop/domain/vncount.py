"""Counts and days the Vietnamese way (3.321 đơn vị, 15/12/2023): the part of vnformat
that needs neither Decimal nor Fraction, so that the window's first frame, which shows
only counts and a deadline, does not import them (about 15 ms of a start)."""

from __future__ import annotations

import datetime as dt


def count(n: int) -> str:
    """3321 -> '3.321' (dots group the thousands)."""
    return f"{n:,}".replace(",", ".")


def day(d: dt.date | None) -> str:
    """A date as dd/mm/yyyy; None -> '—'."""
    return "—" if d is None else d.strftime("%d/%m/%Y")
