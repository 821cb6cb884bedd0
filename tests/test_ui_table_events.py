"""The row menu and the frozen columns follow their table through overrides Qt calls only
for a context menu, a resize or a show: no Python runs for each of the table's events (an
event filter would, each call a wait for the GIL while a worker holds it)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from desktop.ui.frozen_columns import FrozenColumns
from desktop.ui.table_keys import keyboard_table
from tests.python_calls import python_calls_for_events


def _table(qtbot, rows: int = 40, columns: int = 12) -> QTableView:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(rows, columns)
    for r in range(rows):
        for c in range(columns):
            model.setItem(r, c, QStandardItem(f"{r}-{c}"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    model.setParent(table)
    return table


def _row_menu() -> QMenu | None:
    return next((m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu)
                 and m.objectName() == "rowMenu" and m.isVisible()), None)


def test_a_keyboard_tables_events_run_no_python_and_its_menus_still_open(qtbot) -> None:
    table = _table(qtbot)
    keyboard_table(table)
    FrozenColumns(table, 2)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    assert python_calls_for_events(table, table.viewport()) == []

    # the Menu key: the current row's menu, wherever the event says
    table.selectRow(3)
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0)))
    qtbot.waitUntil(lambda: _row_menu() is not None)
    assert table.currentIndex().row() == 3
    _row_menu().close()  # type: ignore[union-attr]
    # a right-click on another row: that row's menu
    pos = table.visualRect(table.model().index(5, 4)).center()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, table.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(lambda: _row_menu() is not None)
    assert table.currentIndex().row() == 5
    _row_menu().close()  # type: ignore[union-attr]


def test_the_frozen_columns_follow_the_tables_size_and_scroll_bars(qtbot) -> None:
    table = _table(qtbot, rows=3, columns=5)
    frozen = FrozenColumns(table, 2)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)

    def fits() -> bool:
        header = table.horizontalHeader().height()
        return frozen.view.height() == table.viewport().height() + header and \
            frozen.view.width() == frozen.frozen_width()

    qtbot.waitUntil(fits)
    height = frozen.view.height()
    table.resize(900, 300)
    qtbot.waitUntil(fits)
    assert frozen.view.height() < height
    # a horizontal scroll bar appears: the viewport shrinks, not the table
    height, viewport = frozen.view.height(), table.viewport().height()
    table.setColumnWidth(4, 2000)
    qtbot.waitUntil(lambda: table.viewport().height() < viewport)
    qtbot.waitUntil(fits)
    assert frozen.view.height() < height
    table.setColumnWidth(0, 150)
    qtbot.waitUntil(fits)
    assert frozen.view.width() == 150 + table.columnWidth(1)
