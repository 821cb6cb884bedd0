"""Results a change replaces are freed on a worker, not on the GUI thread (F5 froze it)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from desktop.store.database import Database  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402


class Piece:
    """Records the thread that freed it."""

    def __init__(self, freed: list[str]) -> None:
        self.freed = freed

    def __del__(self) -> None:
        self.freed.append(threading.current_thread().name)


class FakeReport:
    def __init__(self, freed: list[str], n: int) -> None:
        self.units = [Piece(freed) for _ in range(n)]


class FakeState:
    def __init__(self, freed: list[str]) -> None:
        self.report = FakeReport(freed, 3)


def test_release_frees_lists_reports_and_states_off_the_gui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    freed: list[str] = []
    held: list[Any] = [[Piece(freed), FakeReport(freed, 4)], FakeState(freed), Piece(freed)]
    runner.release(held)
    del held
    qtbot.waitUntil(lambda: len(freed) == 9)
    gui = threading.current_thread().name
    assert gui not in freed
    assert runner.wait()


def test_a_change_frees_the_old_report_on_a_worker_once_the_pages_have_new_ones(
    qtbot: Any, demo_db: Path
) -> None:
    db = Database.open(demo_db, backup=False)
    ctx = AppContext(db)
    try:
        freed: list[str] = []
        ctx._reports["2023"] = (ctx._data_version, FakeReport(freed, 5))  # type: ignore[assignment]
        page_holds: list[Any] = [ctx.report("2023")]  # a page shows it while it reloads
        assert isinstance(page_holds[0], FakeReport)
        ctx.notify_changed()
        ctx.tasks.run(lambda _r: ctx.report("2023"), lambda _new: page_holds.clear())
        qtbot.waitUntil(lambda: len(freed) == 5)
        assert threading.current_thread().name not in freed
        assert not isinstance(ctx.report("2023"), FakeReport)
    finally:
        ctx.tasks.wait()
        db.close()
