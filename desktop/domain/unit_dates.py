"""Whether a unit exists on a day: between its first and last active days (either may be
open). Alone in its module: the plan (domain/plan.py) and the window's first counts
(domain/period_counts.py) both use it, and a command's start imports nothing more."""

from __future__ import annotations

import datetime as dt


def active_on(day: dt.date, active_from: dt.date | None, active_to: dt.date | None) -> bool:
    """A unit exists that day (it must report for a period whose deadline it is)."""
    if active_from is not None and day < active_from:
        return False
    return not (active_to is not None and day > active_to)
