"""A reporting period of the plan (kỳ báo cáo), on its own: `thidua periods` lists them
without building the rest of the plan's classes (plan.py, which re-exports both)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class ReviewKind(StrEnum):
    YEAR = "year"
    HALF = "half"
    MIDTERM = "midterm"  # sơ kết
    FINAL = "final"  # tổng kết


@dataclass(frozen=True)
class Period:
    """A reporting period (kỳ báo cáo): what it covers and when its report is due."""

    code: str
    label: str
    deadline: dt.date
    starts: dt.date
    ends: dt.date
    review: ReviewKind = ReviewKind.YEAR
