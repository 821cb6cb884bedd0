"""Tables a person can work from the keyboard: Tab and Shift+Tab leave the table (arrow
keys move inside it), and a row's actions are in a menu on right-click and on the Menu key
(Shift+F10), the same actions as the page's buttons, enabled as they are, and “Sao chép”
(the selected rows with their headers, to paste into Excel or a document)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMenu, QTableView

COPY_TEXT = "&Sao chép các dòng đã chọn"


def selected_text(table: QAbstractItemView) -> str:
    """The selected rows (else the current one), tab-separated, headers first."""
    model = table.model()
    if model is None:
        return ""
    rows = sorted({i.row() for i in table.selectionModel().selectedIndexes()}
                  or ({table.currentIndex().row()} if table.currentIndex().isValid() else set()))
    if not rows:
        return ""
    columns = list(range(model.columnCount()))
    if isinstance(table, QTableView):
        header = table.horizontalHeader()
        columns = sorted((c for c in columns if not table.isColumnHidden(c)),
                         key=header.visualIndex)

    def clean(value: object) -> str:
        return " ".join(str(value if value is not None else "").split())

    lines = ["\t".join(clean(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
    lines += ["\t".join(clean(model.index(r, c).data()) for c in columns) for r in rows]
    return "\n".join(lines)


def row_menu(table: QAbstractItemView, buttons: Sequence[QAbstractButton]) -> QMenu:
    """The menu of the row: one entry per visible button, enabled like it; then copying."""
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
    if menu.actions():
        menu.addSeparator()
    copy = menu.addAction(COPY_TEXT)
    copy.setObjectName("copyRows")
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(selected_text(table)))
    return menu


def keyboard_table(table: QAbstractItemView,
                   buttons: Sequence[QAbstractButton] = ()) -> None:
    table.setTabKeyNavigation(False)
    table.setProperty("rowMenu", True)  # tests find the tables that have one

    def show(pos: QPoint) -> None:
        index = table.indexAt(pos)
        if index.isValid() and not table.selectionModel().isRowSelected(
                index.row(), index.parent()):
            table.setCurrentIndex(index)
        elif not index.isValid() and table.currentIndex().isValid():
            pos = table.visualRect(table.currentIndex()).center()  # the Menu key
        row_menu(table, buttons).popup(table.viewport().mapToGlobal(pos))

    def context_menu(event: QContextMenuEvent) -> None:
        """Qt calls it only for a context menu (right-click, the Menu key, Shift+F10):
        no Python runs for the table's other events, as it would in an event filter."""
        current = table.currentIndex()
        if event.reason() == QContextMenuEvent.Reason.Keyboard and current.isValid():
            table.scrollTo(current)  # the Menu key: the current row, wherever the event says
            show(table.visualRect(current).center())
        else:
            show(event.pos())
        event.accept()

    # Qt's DefaultContextMenu policy calls the table's contextMenuEvent (this override),
    # for the viewport's events too; the frozen columns' view emits the signal instead
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
    table.contextMenuEvent = context_menu  # type: ignore[method-assign]
    table.customContextMenuRequested.connect(show)
