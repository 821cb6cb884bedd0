"""A task's result that arrives after the widget that asked for it was deleted (another
database opened, a dialog closed) is dropped without an error for the person."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from shiboken6 import delete

from desktop.ui.tasks import TaskRunner


def test_a_result_for_a_deleted_widget_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    label = QLabel()
    arrived: list[object] = []

    def done(result: object) -> None:
        arrived.append(result)
        label.setText(str(result))  # the label is gone: RuntimeError inside a slot

    delete(label)
    runner.run(lambda _r: 42, done)
    qtbot.waitUntil(lambda: bool(arrived) and not runner.busy)
    assert arrived == [42]
    assert runner.wait()


def test_other_runtime_errors_still_reach_the_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()

    def done(_result: object) -> None:
        raise RuntimeError("a real fault")

    with qtbot.captureExceptions() as caught:
        runner.run(lambda _r: 1, done)
        qtbot.waitUntil(lambda: not runner.busy)
        qtbot.wait(50)
    assert [str(e[1]) for e in caught] == ["a real fault"]
