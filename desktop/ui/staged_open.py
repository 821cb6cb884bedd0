"""Opening a large dialog in turns of the event loop, so that the window never stops
answering for the sum of them (issue 12: no action blocks the loop for over 100 ms).

A dialog of many word-wrapped rows (the report editor) or a long list (the proposal
dialog's units of a province) costs tens of milliseconds to lay out and as much again
to show; in one turn with its building, well over 100 ms. `open_in_turns` fits the built
dialog to the screen and lays it out in one turn, shows it off screen in the next (the
pending layouts of every row, at the final width), and shows it on screen in a third.

The turns are 1 ms timers: a 0 ms timer is a posted event, run in the same turn as the
paint and the events posted before it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog

from .geometry import fit_window


def open_in_turns(dialog: QDialog, owner: QObject, wanted: Callable[[], bool]) -> None:
    """`dialog.open()`, spread over three turns of the event loop; `wanted()` False (the
    dialog was dropped meanwhile) stops it. `owner`: the timers die with it."""

    def lay_out() -> None:
        if not wanted():
            return
        fit_window(dialog)  # its final size now: not laid out again at another width
        dialog.ensurePolished()
        layout = dialog.layout()
        if layout is not None:
            layout.activate()
        QTimer.singleShot(1, owner, show_hidden)

    def show_hidden() -> None:
        if not wanted():
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        dialog.show()  # every row laid out at its width, not on screen yet
        QTimer.singleShot(1, owner, show)

    def show() -> None:
        if not wanted():
            return
        dialog.hide()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        dialog.open()

    QTimer.singleShot(1, owner, lay_out)


def on_screen(dialog: QDialog) -> bool:
    """Shown to the person: visible, and past the off-screen turn of open_in_turns."""
    return dialog.isVisible() and not dialog.testAttribute(
        Qt.WidgetAttribute.WA_DontShowOnScreen)
