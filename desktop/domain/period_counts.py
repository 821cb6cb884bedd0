"""What a person reads first about a period: how many units must report, how many have,
on time or late, and how many are still missing; and which period the window opens on.

Counted from the units' active dates and the submissions' receipt days alone (no
evaluation), by the rules the period's evaluation uses (`Unit.active_on`, `late_days`):
period_report.Summary gives the same five numbers once the evaluation is done. Light on
purpose (no dataclasses, no plan): the window shows these before anything heavy loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, Protocol, TypeVar

from .lateness import late_days
from .unit_dates import active_on

# a period whose deadline is further in the past than this is no longer the current one
LONG_PAST_DAYS = 30


class PeriodCounts(NamedTuple):
    expected: int  # units active on the deadline
    submitted: int  # submissions of the period (of any unit, expected or not)
    on_time: int
    late: int
    missing: int  # expected units without a submission


class UnitReceipt(NamedTuple):
    """Units as the counts need them: their active dates and, when they submitted for
    the period, the day the submission was received; `units` alike (the store reads
    them grouped: a province's 3,321 communes are a few dozen receipts)."""

    active_from: dt.date | None
    active_to: dt.date | None
    submitted: bool
    received_on: dt.date | None
    units: int = 1


def count_period(deadline: dt.date, units: Iterable[UnitReceipt]) -> PeriodCounts:
    expected = submitted = on_time = late = missing = 0
    for active_from, active_to, sent, received_on, n in units:
        expected_here = active_on(deadline, active_from, active_to)
        if expected_here:
            expected += n
        if not sent:
            if expected_here:
                missing += n
            continue
        submitted += n
        if late_days(received_on, deadline) > 0:
            late += n
        else:
            on_time += n
    return PeriodCounts(expected, submitted, on_time, late, missing)


class Dated(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def deadline(self) -> dt.date: ...


P = TypeVar("P", bound=Dated)


def default_period(
    periods: Sequence[P], today: dt.date, with_submissions: Callable[[], set[str]]
) -> P:
    """The period the window opens on: the first (in the plan's order) whose deadline is
    not yet LONG_PAST_DAYS past; when every deadline is long past, the latest period that
    has submissions (`with_submissions()`: their codes, asked only then), else the last."""
    for p in periods:
        if (today - p.deadline).days <= LONG_PAST_DAYS:
            return p
    with_data = with_submissions()
    for p in reversed(periods):
        if p.code in with_data:
            return p
    return periods[-1]
