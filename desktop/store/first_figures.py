"""The window's first figures, read with plain sqlite3 straight from a file, before the
database is opened for work (locked, checked, backed up, upgraded off the GUI thread):
the plan's periods, the periods that have submissions, and for one period every unit's
active dates and receipt day. Read-only and never waiting: a file that is being written
in another program's exclusive transaction, is of another schema version or is no
database at all raises sqlite3.Error / FirstFiguresUnavailable, and the window then
waits for the opened database instead.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

from ..domain.period_counts import PeriodCounts, UnitReceipt, count_period, default_period
from .migrate import HEAD_REVISION
from .stored_days import stored_day as _day


class FirstFiguresUnavailable(Exception):
    """Not readable this way (another schema version, no plan, no period)."""


class PeriodLine(NamedTuple):
    id: int
    code: str
    label: str
    deadline: dt.date


class FirstFigures(NamedTuple):
    period_code: str
    period_label: str
    deadline: dt.date
    counts: PeriodCounts


def read(path: Path, today: dt.date) -> FirstFigures:
    """The counts of the period the window opens on (period_counts.default_period)."""
    # timeout=0: a writer's lock is never waited for (the first frame would wait with it)
    con = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, timeout=0)
    with closing(con):
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            raise FirstFiguresUnavailable("the file is upgraded when it is opened")
        plan = con.execute('SELECT id FROM "plan" ORDER BY id LIMIT 1').fetchone()
        if plan is None:
            raise FirstFiguresUnavailable("no plan")
        periods = [
            PeriodLine(pid, code, label, _day(deadline))  # type: ignore[arg-type]
            for pid, code, label, deadline in con.execute(
                "SELECT id, code, label, deadline FROM period WHERE plan_id = ? "
                "ORDER BY starts, deadline, code",
                (plan[0],),
            )
        ]
        if not periods:
            raise FirstFiguresUnavailable("no period")

        def with_submissions() -> set[str]:
            return {
                code
                for (code,) in con.execute(
                    "SELECT p.code FROM period p WHERE EXISTS "
                    "(SELECT 1 FROM submission s WHERE s.period_id = p.id)"
                )
            }

        period = default_period(periods, today, with_submissions)
        # grouped: the units alike (same active dates, same receipt day) counted at once
        units = (
            UnitReceipt(
                _day(active_from), _day(active_to), bool(submitted), _day(received_on), alike
            )
            for active_from, active_to, submitted, received_on, alike in con.execute(
                "SELECT u.active_from, u.active_to, s.id IS NOT NULL, s.received_on, "
                "COUNT(*) FROM unit u LEFT JOIN submission s "
                "ON s.unit_id = u.id AND s.period_id = ? GROUP BY 1, 2, 3, 4",
                (period.id,),
            )
        )
        return FirstFigures(
            period.code, period.label, period.deadline, count_period(period.deadline, units)
        )
