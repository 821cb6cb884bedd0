"""Tables a person can work from the keyboard: Tab and Shift+Tab leave the table (arrow
keys move inside it), and a row's actions are in a menu on right-click and on the Menu key
(Shift+F10), the same actions as the page's buttons, enabled as they are."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMenu


def row_menu(table: QAbstractItemView, buttons: Sequence[QAbstractButton]) -> QMenu:
    """The menu of the row: one entry per visible button, enabled like it."""
    menu = QMenu(table)
    menu.setObjectName("rowMenu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for button in buttons:
        if button.isHidden():
            continue
        action = menu.addAction(button.text())
        action.setEnabled(button.isEnabled())
        action.setToolTip(button.toolTip())
        action.triggered.connect(button.click)
    return menu


def keyboard_table(table: QAbstractItemView,
                   buttons: Sequence[QAbstractButton] = ()) -> None:
    table.setTabKeyNavigation(False)
    if not buttons:
        return
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        index = table.indexAt(pos)
        if index.isValid() and not table.selectionModel().isRowSelected(
                index.row(), index.parent()):
            table.setCurrentIndex(index)
        elif not index.isValid() and table.currentIndex().isValid():
            pos = table.visualRect(table.currentIndex()).center()  # the Menu key
        row_menu(table, buttons).popup(table.viewport().mapToGlobal(pos))

    table.customContextMenuRequested.connect(show)
