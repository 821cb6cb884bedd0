"""Which automatic backups to keep: by age, not by count.

The newest few of today, the newest of each of the seven days before, the newest of each
week of the month before that; the newest backup and the newest healthy one always. Ten
refused imports in a row (each opening the database for writing) therefore leave last
week's copy where it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

KEEP_TODAY = 5
DAILY_FOR_DAYS = 7
WEEKLY_FOR_DAYS = 35


@dataclass(frozen=True)
class Dated:
    path: Path
    taken_at: dt.datetime


def to_keep(
    backups: Iterable[Dated],
    now: dt.datetime,
    healthy: Callable[[Path], bool] = lambda _p: True,
) -> set[Path]:
    """The paths to keep; `healthy` is asked newest first until one answers yes."""
    newest_first: Sequence[Dated] = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    if not newest_first:
        return keep
    keep.add(newest_first[0].path)
    today = now.date()
    todays = [b for b in newest_first if b.taken_at.date() >= today]
    keep.update(b.path for b in todays[:KEEP_TODAY])
    seen_days: set[dt.date] = set()
    seen_weeks: set[int] = set()
    for b in newest_first:
        age = (today - b.taken_at.date()).days
        if 1 <= age <= DAILY_FOR_DAYS and b.taken_at.date() not in seen_days:
            seen_days.add(b.taken_at.date())
            keep.add(b.path)
        elif DAILY_FOR_DAYS < age <= WEEKLY_FOR_DAYS:
            week = (age - 1) // 7
            if week not in seen_weeks:
                seen_weeks.add(week)
                keep.add(b.path)
    for b in newest_first:
        if healthy(b.path):
            keep.add(b.path)
            break
    return keep
