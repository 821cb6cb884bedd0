"""On time or late against a period's deadline (the whole deadline day is on time)."""

from __future__ import annotations

import datetime as dt


def late_days(received_on: dt.date | None, deadline: dt.date) -> int:
    """Days after the deadline; 0 when on time or not received."""
    if received_on is None:
        return 0
    return max(0, (received_on - deadline).days)


def days_left(today: dt.date, deadline: dt.date) -> int:
    """Days until the deadline (negative once past)."""
    return (deadline - today).days
