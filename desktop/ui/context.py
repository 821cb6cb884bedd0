"""The state every screen shares: the open database, the plan, the current period.

Screens never talk to each other; they listen to `data_changed` and
`period_changed` and call `notify_changed()` after a write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..domain.period_report import PeriodReport
from ..domain.plan import Period, Plan
from ..store.database import Database
from ..store.plans import load_plan
from ..store.submissions import period_report
from .tasks import TaskRunner


class AppContext(QObject):
    data_changed = Signal()  # anything in the database changed
    period_changed = Signal(str)  # the current period code
    database_changed = Signal()  # another database was opened

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = TaskRunner(self)
        self.plan: Plan = self._load_plan()
        self.period_code: str = self.default_period().code

    def _load_plan(self) -> Plan:
        with self.db.reading() as s:
            return load_plan(s)

    def default_period(self, today: dt.date | None = None) -> Period:
        """The first period whose deadline is not yet 30 days past, else the last one."""
        today = today or dt.date.today()
        for p in self.plan.periods:
            if (today - p.deadline).days <= 30:
                return p
        return self.plan.periods[-1]

    @property
    def period(self) -> Period:
        return self.plan.period(self.period_code)

    def set_period(self, code: str) -> None:
        if code != self.period_code:
            self.period_code = code
            self.period_changed.emit(code)

    def report(self, period_code: str | None = None) -> PeriodReport:
        """Evaluate a period (call from a task for large databases)."""
        with self.db.reading() as s:
            return period_report(s, period_code or self.period_code, self.plan)

    def notify_changed(self) -> None:
        """Call on the GUI thread after a write: reloads the plan and tells every screen."""
        self.plan = self._load_plan()
        self.data_changed.emit()

    def replace_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        old.close()
        self.plan = self._load_plan()
        self.period_code = self.default_period().code
        self.database_changed.emit()
        self.data_changed.emit()

    @property
    def path(self) -> Path:
        return self.db.path
