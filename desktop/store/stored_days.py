"""A day as SQLite stores it ('2023-12-15' or '2023-12-15 08:30:00'), read back: the one
reader of stored dates, light enough for the window's first frame (no plan, no ORM)."""

from __future__ import annotations

import datetime as dt


def stored_day(x: object) -> dt.date | None:
    if x is None or isinstance(x, dt.date):
        return x
    return dt.date.fromisoformat(str(x)[:10])
