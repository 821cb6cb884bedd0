"""The plan's reporting periods, for a list (`thidua periods`)."""

from __future__ import annotations

from ..domain.plan import Period
from ..store import plain_reads
from ..store.database import Database


def list_periods(db: Database) -> tuple[Period, ...]:
    """The periods in the plan's order. From a file they are read with plain sqlite3 (no
    SQLAlchemy to import: the command starts in a third of the time); from a server
    through the plan as every other read."""
    if db.is_server:
        from .plan import read_plan

        return read_plan(db).periods
    with db.plain_reading() as con:
        return plain_reads.periods(con)
