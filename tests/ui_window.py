"""The main window on a database, opened as a person opens it, for the UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.ui import errors
from desktop.ui.main_window import MainWindow


@contextmanager
def opened_window(qtbot, db: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                  size: tuple[int, int] = (1366, 728)) -> Iterator[MainWindow]:
    """The window shown at `size`, `db` opened, period 2023 evaluated; unsaved changes
    are discarded when it closes."""
    monkeypatch.setattr(errors, "ask_save", lambda *_a, **_k: "discard")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(db)
    w.ctx.set_period("2023")
    qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=10000)
    yield w
    w.close()
