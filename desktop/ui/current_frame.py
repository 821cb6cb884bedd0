"""A frame around the current cell of a table, its outcome colour left visible.

The Kiểm tra matrix shows no selection colour (it would hide the cell's pass/fail
colour); a thin blue frame marks the current cell instead. The frame is a child widget
of the view's viewport, moved when the current cell, the scroll position, a column's
width or the rows' order change: the cells are painted by Qt's own delegate, with no
Python call per cell (a Python delegate cost tens of milliseconds per repaint at
3,321 units).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QTableView

FRAME_STYLE = "QFrame { border: 2px solid #1a56a8; background: transparent; }"


class CurrentFrame(QObject):
    """Frames `table`'s current cell; on the frozen view when its column is frozen."""

    def __init__(
        self, table: QTableView, frozen: QTableView | None = None, frozen_count: int = 0
    ) -> None:
        super().__init__(table)
        self.table, self.frozen, self.frozen_count = table, frozen, frozen_count
        self.frames: dict[QTableView, QFrame] = {}
        for view in (table, frozen):
            if view is None:
                continue
            frame = QFrame(view.viewport())
            frame.setObjectName("currentCellFrame")
            frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            frame.setStyleSheet(FRAME_STYLE)
            frame.hide()
            self.frames[view] = frame
            view.horizontalScrollBar().valueChanged.connect(self.place)
            view.verticalScrollBar().valueChanged.connect(self.place)
            view.horizontalHeader().sectionResized.connect(self.place)
            view.verticalHeader().sectionResized.connect(self.place)
        self.attach()

    def attach(self) -> None:
        """Follow the table's model and selection model (call after setModel)."""
        model = self.table.model()
        if model is not None:
            for signal in (
                model.layoutChanged,
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
            ):
                signal.connect(self.place)
        self.table.selectionModel().currentChanged.connect(self.place)
        self.place()

    def place(self, *_args: Any) -> None:
        current = self.table.currentIndex()
        view: QTableView = self.table
        if self.frozen is not None and current.isValid() and current.column() < self.frozen_count:
            view = self.frozen
        for other, frame in self.frames.items():
            if other is not view:
                frame.hide()
        frame = self.frames[view]
        rect = view.visualRect(current) if current.isValid() else None
        if rect is None or rect.isEmpty():
            frame.hide()
            return
        frame.setGeometry(rect.adjusted(0, 0, 1, 1))
        frame.show()
        frame.raise_()
