"""The Python functions run while Qt delivers plain events: none, when no Python event
filter or override sees them (each such call would wait for the GIL while a worker holds
it, issue 12)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject


def python_calls_for_events(*targets: QObject, times: int = 50) -> list[str]:
    """The qualified names of the Python functions called while `times` plain events are
    sent to each target."""
    calls: list[str] = []
    event = QEvent(QEvent.Type.User)  # made before: its making runs Python (the enum)

    def profile(frame, kind, _arg) -> None:  # type: ignore[no-untyped-def]
        if kind == "call":
            calls.append(frame.f_code.co_qualname)

    sys.setprofile(profile)
    try:
        for target in targets:
            for _ in range(times):
                QCoreApplication.sendEvent(target, event)
    finally:
        sys.setprofile(None)
    return calls
