"""Reads of a few rows with the standard library's sqlite3 alone (Database.plain_reading).

For commands whose whole work is one small query (`thidua periods`): their start then
costs no SQLAlchemy import, which is most of a command's start. Each read gives what
its SQLAlchemy counterpart in plans.py gives, from the same rows in the same order.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..domain.plan import Period, ReviewKind
from .errors import NO_PLAN, StoreError


def periods(con: sqlite3.Connection) -> tuple[Period, ...]:
    """The plan's periods, as load_plan(session).periods gives them."""
    row = con.execute('SELECT id FROM "plan" ORDER BY id LIMIT 1').fetchone()
    if row is None:
        raise StoreError(NO_PLAN)
    day = dt.date.fromisoformat
    return tuple(
        Period(code=code, label=label, deadline=day(deadline), starts=day(starts),
               ends=day(ends), review=ReviewKind(review))
        for code, label, deadline, starts, ends, review in con.execute(
            "SELECT code, label, deadline, starts, ends, review FROM period WHERE plan_id = ? "
            "ORDER BY starts, deadline, code", (row[0],))
    )
