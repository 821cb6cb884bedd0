"""The first columns of a wide table stay in view while it scrolls right.

After Qt's "Frozen Column" example: a second QTableView over the left edge of the table,
on the same model and selection model, shows only the first `count` columns; its rows
scroll with the table's and its widths follow the table's. The table scrolls per pixel
so that no column hides half under the frozen ones.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenColumns(QObject):
    def __init__(self, table: QTableView, count: int) -> None:
        super().__init__(table)
        self.table = table
        self.count = count
        view = self.view = QTableView(table)
        view.setObjectName(f"{table.objectName() or 'table'}Frozen")
        view.setAccessibleName("Các cột cố định")
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setSortIndicatorShown(True)
        view.horizontalHeader().setSectionsClickable(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setSelectionBehavior(table.selectionBehavior())
        view.setSelectionMode(table.selectionMode())
        view.setMouseTracking(True)
        # right-click on the frozen columns: the table's own row menu, at the same place
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos: table.customContextMenuRequested.emit(
                table.viewport().mapFromGlobal(view.viewport().mapToGlobal(pos))))
        view.setStyleSheet("QTableView { border: none; border-right: 2px solid #9e9e9e; }")
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.attach()
        table.viewport().stackUnder(view)
        table.horizontalHeader().sectionResized.connect(self._on_column_resized)
        table.verticalHeader().sectionResized.connect(
            lambda row, _old, size: self.view.setRowHeight(row, size))
        table.horizontalHeader().sortIndicatorChanged.connect(self._show_sort)
        view.horizontalHeader().sectionClicked.connect(self._sort_by)
        view.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        # overrides Qt calls only on a resize or a show, not an event filter that would
        # run Python for each of the table's events; Qt hands the viewport's Resize to
        # the table's resizeEvent too (QAbstractScrollArea.viewportEvent)
        base_resize, base_show = table.resizeEvent, table.showEvent

        def resized(event: QResizeEvent) -> None:
            base_resize(event)
            self.update_geometry()

        def shown(event: QShowEvent) -> None:
            base_show(event)
            self.update_geometry()

        table.resizeEvent = resized  # type: ignore[method-assign]
        table.showEvent = shown  # type: ignore[method-assign]
        table.horizontalHeader().geometriesChanged.connect(self.update_geometry)
        view.show()
        self.update_geometry()

    def attach(self) -> None:
        """Share the table's model, selection and delegate (call after setModel)."""
        table, view = self.table, self.view
        model = table.model()
        if model is None:
            return
        if view.model() is not model:
            view.setModel(model)
            for signal in (model.modelReset, model.layoutChanged, model.columnsInserted,
                           model.columnsRemoved):
                signal.connect(self._refresh)
        view.setSelectionModel(table.selectionModel())
        view.setItemDelegate(table.itemDelegate())
        view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self._refresh()

    def _refresh(self, *_args: Any) -> None:
        model = self.view.model()
        if model is None:
            return
        for col in range(model.columnCount()):
            self.view.setColumnHidden(col, col >= self.count)
            if col < self.count:
                self.view.setColumnWidth(col, self.table.columnWidth(col))
        self._show_sort(self.table.horizontalHeader().sortIndicatorSection(),
                        self.table.horizontalHeader().sortIndicatorOrder())
        self.update_geometry()

    def _on_column_resized(self, col: int, _old: int, size: int) -> None:
        if col < self.count:
            self.view.setColumnWidth(col, size)
            self.update_geometry()

    def _show_sort(self, col: int, order: Qt.SortOrder) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(col if col < self.count else -1, order)
        header.blockSignals(False)

    def _sort_by(self, col: int) -> None:
        header = self.table.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == col and \
                header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
            order = Qt.SortOrder.DescendingOrder
        self.table.sortByColumn(col, order)

    def frozen_width(self) -> int:
        return sum(self.table.columnWidth(c) for c in range(self.count)
                   if not self.table.isColumnHidden(c))

    def update_geometry(self) -> None:
        table = self.table
        frame = table.frameWidth()
        header = table.horizontalHeader()
        self.view.horizontalHeader().setFixedHeight(header.height())  # rows line up
        self.view.verticalScrollBar().setValue(table.verticalScrollBar().value())
        self.view.setGeometry(table.verticalHeader().width() + frame, frame,
                              self.frozen_width(),
                              table.viewport().height() + table.horizontalHeader().height())
