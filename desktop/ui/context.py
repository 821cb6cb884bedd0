"""The state every screen shares: the open database, the plan, the current period.

Screens never talk to each other; they listen to `data_changed` and
`period_changed` and call `notify_changed()` after a write.

`progress` relays the progress of any task started with `on_progress=ctx.report_progress`,
so that the main window's progress bar shows it; `cancel_tasks()` is the "Hủy" button.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..actions.database import Database
from ..actions.plan import period_report, periods_with_submissions, read_plan
from ..domain.collation import warm
from ..domain.period_counts import default_period
from ..domain.period_report import PeriodReport
from ..domain.plan import Period, Plan
from .tasks import Report, TaskRunner


def opening_period(db: Database, plan: Plan, today: dt.date | None = None) -> Period:
    """The period the window opens on (domain/period_counts.py: the first whose deadline
    is not yet LONG_PAST_DAYS past, else the latest with submissions: only then is the
    database asked which periods have some)."""
    return default_period(
        plan.periods, today or dt.date.today(), lambda: periods_with_submissions(db)
    )


class AppContext(QObject):
    data_changed = Signal()  # anything in the database changed
    period_changed = Signal(str)  # the current period code
    database_changed = Signal()  # another database was opened
    progress = Signal(int, int, str)  # done, total, text of the task that reports it

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = TaskRunner(self)
        # one evaluation per period and state of the data, shared by every page
        self._reports: dict[str, tuple[int, PeriodReport]] = {}
        self._report_locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._data_version = 0
        # reports of data that changed, freed on a worker once every page has the new ones
        self._retired: list[Any] = []
        self.tasks.busy_changed.connect(self._on_busy)
        self.last_audit_seen: int | None = None  # a server's newest audit entry seen here
        self.plan: Plan
        self.period_code: str
        self.plan, self.period_code = self._open_on()

    def _open_on(self) -> tuple[Plan, str]:
        """The plan and the period to show first: those the window's opener read on its
        thread (`preloaded_plan`, `preloaded_period`), else read now."""
        period = self.db.__dict__.pop("preloaded_period", None)
        plan = self._load_plan()
        if isinstance(period, str) and any(p.code == period for p in plan.periods):
            return plan, period
        return plan, opening_period(self.db, plan).code

    def _load_plan(self) -> Plan:
        plan = self.db.__dict__.pop("preloaded_plan", None)  # read by the window's opener
        if isinstance(plan, Plan):
            return plan
        return read_plan(self.db)

    def default_period(self, today: dt.date | None = None) -> Period:
        """The period the window opens on (`opening_period`)."""
        return opening_period(self.db, self.plan, today)

    @property
    def period(self) -> Period:
        return self.plan.period(self.period_code)

    def set_period(self, code: str) -> None:
        if code != self.period_code:
            self.period_code = code
            self.period_changed.emit(code)

    def report(self, period_code: str | None = None) -> PeriodReport:
        """Evaluate a period (call from a task for large databases). The pages that ask
        for the same period at once wait for one evaluation instead of each making one;
        the result is kept until the data changes (`notify_changed`)."""
        code = period_code or self.period_code
        version, plan = self._data_version, self.plan
        with self._guard:
            lock = self._report_locks.setdefault(code, threading.Lock())
        with lock:
            cached = self._reports.get(code)
            if cached is not None and cached[0] == version:
                return cached[1]
            report = period_report(self.db, code, plan)
            warm(u.unit.name for u in report.units)  # the pages sort by name: keys ready
            if version == self._data_version:
                self._reports[code] = (version, report)
            return report

    def _forget_reports(self) -> None:
        self._data_version += 1
        self.retire(*(report for _version, report in self._reports.values()))
        self._reports.clear()

    def retire(self, *held: Any) -> None:
        """Hand over results a page replaces (a report, a review's state): they are freed
        on a worker once the tasks in flight have delivered, i.e. once every page has
        dropped them for the new ones (freeing them on the GUI thread froze it, F5)."""
        self._retired.extend(h for h in held if h is not None)

    def _on_busy(self, busy: bool) -> None:
        if not busy and self._retired:  # after the last result's page applied it
            QTimer.singleShot(0, self, self._release_retired)

    def _release_retired(self) -> None:
        if self.tasks.busy:  # another round of results is coming: after it
            return
        held, self._retired = self._retired, []
        self.tasks.release(held)

    def report_progress(self, done: int, total: int, text: str = "") -> None:
        """Pass as `on_progress` to relay a task's progress to the main window."""
        self.progress.emit(done, total, text)

    def cancel_tasks(self) -> None:
        """Ask every running task to stop at its next safe point."""
        for task in list(getattr(self.tasks, "_running", ())):
            task.cancel()

    def run_and_wait(self, fn: Callable[[Report], Any], *, writes: bool = True) -> Any:
        """Run `fn` through the task runner and wait for it (for a page's `save()` when
        the window closes). Returns its result or raises its error."""
        box: dict[str, Any] = {}

        def work(report: Report) -> Any:
            try:
                box["result"] = fn(report)
            except BaseException as exc:  # noqa: BLE001 - re-raised on the GUI thread
                box["error"] = exc
                raise
            return box["result"]

        self.tasks.run(work, on_error=lambda _exc: None, writes=writes)
        (self.tasks.writer if writes else self.tasks.readers).waitForDone()
        if "error" in box:
            raise box["error"]
        return box.get("result")

    def reload(self) -> None:
        """The database file was replaced under the same path (restore): read it again."""
        self.db.engine.dispose()
        self._forget_reports()
        self.plan = self._load_plan()
        codes = {p.code for p in self.plan.periods}
        if self.period_code not in codes:
            self.period_code = self.default_period().code
        self.database_changed.emit()
        self.data_changed.emit()

    def notify_changed(self) -> None:
        """Call on the GUI thread after a write: reloads the plan and tells every screen."""
        self._forget_reports()
        self.plan = self._load_plan()
        self.data_changed.emit()

    def replace_database(self, db: Database) -> None:
        old = self.db
        self.db = db
        old.close()
        self._forget_reports()
        self.plan, self.period_code = self._open_on()
        self.database_changed.emit()
        self.data_changed.emit()

    @property
    def path(self) -> Path:
        return self.db.path
