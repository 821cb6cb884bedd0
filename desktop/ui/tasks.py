"""One way to run work off the GUI thread.

`TaskRunner.run(fn, on_done, on_error, progress=True)` runs `fn(report)` on a
QThreadPool and delivers the result or the error back on the GUI thread. `report`
is a callable `report(done: int, total: int, text: str) -> bool`; it returns False
once the user asked to cancel, so that work can stop at a safe point.

All database writes go through one serialized pool (max one thread), so SQLite is
never written from two threads at once.

A page's reading of its data (`run(..., page=page)`) goes through a queue of its own,
one load at a time: the page on screen first (`front`), the others in the order asked;
a newer load of a page replaces its load not yet started (that stale work never runs);
the next load starts a turn after the previous one's result was applied. On F5 or a
period change every page asks at once, and two or three of these loads running Python
together (the evaluation, Kiểm tra's rows, Báo cáo's lines) starved the GUI thread of the
GIL while it applied and painted the first results (issue 12: 100-250 ms gaps).

While a task computes in Python it holds the GIL, and the GUI thread needs it for every
event it hands to Python (each slot, event filter and model call): with CPython's
default switch interval of 5 ms, each of them could wait 5 ms behind an evaluation.
The runner shortens the interval to `SWITCH_INTERVAL`, so that the GUI thread gets the
GIL back within a fraction of a millisecond (the worker's throughput barely changes).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from shiboken6 import isValid

log = logging.getLogger("thidua.ui.tasks")

Report = Callable[[int, int, str], bool]

SWITCH_INTERVAL = 0.0005  # seconds a thread holds the GIL when another one waits for it


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Task(QRunnable):
    def __init__(self, fn: Callable[[Report], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = threading.Event()
        self.owner: object = None  # a load's page (TaskRunner.run's `page`)
        self.setAutoDelete(False)

    def report(self, done: int, total: int, text: str = "") -> bool:
        self.signals.progressed.emit(done, total, text)
        return not self.cancelled.is_set()

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self) -> None:
        try:
            result = self.fn(self.report)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            if not isinstance(exc, Exception) or _is_unexpected(exc):
                log.exception("background task %s failed", _name_of(self.fn))
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def _name_of(fn: Callable[..., Any]) -> str:
    """The action a task belongs to: its function's qualified name (the window's method
    that defined it, e.g. MainWindow.restore_from.<locals>.work)."""
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"


def _is_unexpected(exc: BaseException) -> bool:
    from ..domain.errors import DomainError

    return not isinstance(exc, DomainError)


def _drain(held: list[Any]) -> None:
    """Drop what `held` holds one small piece at a time (a list item by item, a report unit
    by unit), giving the GIL back to the GUI thread between pieces (time.sleep(0) lets a
    waiting thread have it at once, rather than after the switch interval)."""
    while held:
        time.sleep(0)
        part = held.pop()
        if isinstance(part, list):
            while part:
                held.append(part.pop())
            continue
        inner = getattr(part, "report", None)  # a proposal review's own evaluation
        units = getattr(part, "units", None)  # a PeriodReport's units
        units = list(units) if isinstance(units, (list, tuple)) else []
        del part
        if inner is not None:
            held.append(inner)
        while units:
            units.pop()
            time.sleep(0)


class TaskRunner(QObject):
    """Runs tasks; `busy_changed` lets windows show a progress bar."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.readers = QThreadPool(self)
        self.loader = QThreadPool(self)  # the pages' loads, one at a time (`page=`)
        self.loader.setMaxThreadCount(1)
        self.freer = QThreadPool(self)  # `release`, one at a time
        self.freer.setMaxThreadCount(1)
        # the page on screen, whose load goes first (the main window sets it)
        self.front: Callable[[], object] = lambda: None
        self._loads: list[Task] = []  # loads asked for, not started yet
        self._loading: Task | None = None  # the load started, until its result is applied
        self._running: set[Task] = set()
        self._pending: deque[Callable[[], None]] = deque()
        self._delivering = False

    def run(
        self,
        fn: Callable[[Report], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        *,
        writes: bool = False,
        page: object = None,
    ) -> Task:
        """`page`: the page (or other owner) whose data `fn` reads, for the loads' queue
        (see the module's text); its result or error comes as for any task, unless a
        newer load of the same owner replaced it before it started (then neither)."""
        task = Task(fn)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

        def done(result: object) -> None:
            self._finish(task)
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self._after(task)

        def failed(exc: object) -> None:
            self._finish(task)
            try:
                if on_error is not None:
                    on_error(exc)  # type: ignore[arg-type]
            finally:
                self._after(task)

        task.signals.finished.connect(lambda result: self._deliver(lambda: done(result)))
        task.signals.failed.connect(lambda exc: self._deliver(lambda: failed(exc)))
        if on_progress is not None:
            task.signals.progressed.connect(on_progress)
        if page is not None:
            task.owner = page
            self._queue_load(task)
        else:
            (self.writer if writes else self.readers).start(task)
        return task

    def _finish(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    def _after(self, task: Task) -> None:
        """`task`'s result was handed over: the next load starts in a turn of its own,
        after that result's apply and the paint and timers it caused (a 1 ms timer)."""
        if task is self._loading:
            self._loading = None
            if self._loads:
                QTimer.singleShot(1, self, self._next_load)

    def _queue_load(self, task: Task) -> None:
        for old in [t for t in self._loads if t.owner is task.owner]:
            self._loads.remove(old)  # superseded: it never runs, nobody hears of it
            self._finish(old)
        self._loads.append(task)
        self._next_load()

    def _next_load(self) -> None:
        if self._loading is not None or not self._loads or not isValid(self):
            return
        front = self.front()
        task = next((t for t in self._loads if t.owner is front), self._loads[0])
        self._loads.remove(task)
        self._loading = task
        self.loader.start(task)

    def _deliver(self, call: Callable[[], None]) -> None:
        """Hand results to the GUI thread one per turn of the event loop: the pages that a
        change refreshes finish at about the same time, and applying all their results in
        one batch of posted events held the window for their sum (F5, a period change)."""
        if not isValid(self):  # the window that asked is gone, and with it who would read it
            return
        self._pending.append(call)
        if not self._delivering:
            self._delivering = True
            QTimer.singleShot(0, self, self._deliver_next)

    def _deliver_next(self) -> None:
        call = self._pending.popleft()
        if self._pending:  # scheduled first: a result that opens a modal loop holds no other
            QTimer.singleShot(0, self, self._deliver_next)
        else:
            self._delivering = False
        try:
            call()
        except RuntimeError as exc:
            # The page or dialog that asked was deleted meanwhile (another database opened,
            # the dialog closed): its result has nobody to show it to.
            if "already deleted" not in str(exc):
                raise
            log.info("a task's result arrived after its widget was deleted: %s", exc)

    def release(self, held: list[Any]) -> None:
        """Free `held` (a province's reports: a million objects) on a worker, a piece at a
        time, once the GUI thread has dropped its own references: freed on the GUI thread
        where a page swaps in new results, the old ones held it for 40-80 ms (F5). Not a
        task: nothing to wait for, so the window shows no progress for it."""
        if held:
            self.freer.start(lambda: _drain(held))

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the tasks started; the loads not started yet are dropped (they would
        read a database being closed or replaced: the pages ask again when it is)."""
        for task in self._loads[:]:
            self._loads.remove(task)
            self._finish(task)
        return all(pool.waitForDone(msecs) for pool in
                   (self.writer, self.readers, self.loader, self.freer))

    @property
    def busy(self) -> bool:
        return bool(self._running)
