"""The plan's reporting periods, and one period evaluated, for the command line's reads
(`thidua periods`, `thidua check`).

From a file both read with plain sqlite3 (store/plain_reads.py: the same reads the
window's evaluation makes through SQLAlchemy), so the command starts without importing
SQLAlchemy and the ORM's models, most of its start; from a server as every other read.
"""

from __future__ import annotations

from ..store import plain_periods
from ..store.database import Database
from ..store.location import Location, parse_location

TYPE_CHECKING = False  # `thidua periods` loads no evaluation
if TYPE_CHECKING:
    from ..domain.period import Period
    from ..domain.period_report import PeriodReport

__all__ = ["Location", "evaluate_period", "list_periods", "parse_location"]


def list_periods(db: Database) -> tuple[Period, ...]:
    """The periods in the plan's order."""
    if db.is_server:
        from .plan import read_plan

        return read_plan(db).periods
    with db.plain_reading() as con:
        return plain_periods.periods(plain_periods.sqlite_rows(con))


def evaluate_period(db: Database, period_code: str) -> PeriodReport:
    """The evaluation of a period, as actions.plan.period_report gives it."""
    if db.is_server:
        from .plan import period_report

        return period_report(db, period_code)
    from ..store import plain_reads

    with db.plain_reading() as con:
        return plain_reads.evaluate(plain_reads.sqlite_rows(con), period_code)
