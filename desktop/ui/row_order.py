"""Sorting thousands of rows without freezing the window.

A QSortFilterProxyModel that sorts calls `lessThan` (Python) about n·log n times and the
model's `data()` twice per call: at 3,321 units that is seconds on the GUI thread. Here
the source model sorts itself instead: `SortedRows.sort()` reads each row's SORT_ROLE once,
sorts the row numbers with Python's `sorted` over plain keys (texts by
`domain.collation.vn_key`, the Vietnamese order), and permutes its row lists in one
layout change. `SourceSortingProxy` hands the view's sort request to such a source and
keeps only the filtering (its own sort column stays -1, so it follows the source's order).

Blank values (None) stay after the others whichever way a column is sorted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from ..domain.collation import vn_key

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the value a column sorts by (see submissions_model)


def sort_key(value: Any) -> Any:
    """A key that orders numbers, dates and texts (Vietnamese order) in one column."""
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float):
        return (0, value)
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    if isinstance(value, str):
        return (1, vn_key(value))
    return (2, vn_key(str(value)))


def permutation(raw: list[Any], order: Qt.SortOrder) -> list[int] | None:
    """The row numbers in the order of their values `raw` (None when already in order);
    blank values (None) last whichever the order. Pure Python: a worker may call it."""
    n = len(raw)
    present = [r for r in range(n) if raw[r] is not None]
    keys = {r: sort_key(raw[r]) for r in present}
    try:
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
    except TypeError:  # keys of mixed kinds that do not compare: as texts
        present.sort(key=lambda r: vn_key(str(raw[r])),
                     reverse=order == Qt.SortOrder.DescendingOrder)
    perm = present + [r for r in range(n) if raw[r] is None]
    return None if perm == list(range(n)) else perm


class SortedRows:
    """Mixin for a QAbstractTableModel: `sort()` permutes the lists named in ROW_LISTS.

    The model calls `keep_order()` between beginResetModel() and endResetModel() after it
    replaced its rows, so that new data comes in the order the person chose."""

    ROW_LISTS: tuple[str, ...] = ("_rows",)
    sort_role: int = SORT_ROLE
    _order: tuple[int, Qt.SortOrder] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model: Any = self
        if self._order == (column, order):
            return  # already in this order (kept through every reset by keep_order)
        self._order = (column, order)
        perm = self._permutation()
        if perm is None:
            return
        model.layoutAboutToBeChanged.emit()
        persistent = model.persistentIndexList()
        old_rows = [(p.row(), p.column()) for p in persistent]
        self._permute(perm)
        new_row = [0] * len(perm)
        for new, old in enumerate(perm):
            new_row[old] = new
        model.changePersistentIndexList(
            persistent, [model.index(new_row[r], c) if r >= 0 else QModelIndex()
                         for r, c in old_rows])
        model.layoutChanged.emit()

    def keep_order(self) -> None:
        perm = self._permutation()
        if perm is not None:
            self._permute(perm)

    def cell(self, row: int, column: int, role: int) -> Any:
        """data() without a QModelIndex (building one costs more than most cells);
        models override it and have data() call it."""
        model: Any = self
        return model.data(model.index(row, column), role)

    def sort_values(self, column: int, n: int) -> list[Any]:
        """What each of the `n` rows sorts by in `column` (models may read it faster)."""
        cell, role = self.cell, self.sort_role
        return [cell(r, column, role) for r in range(n)]

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder] | None:
        return self._order

    def _permutation(self) -> list[int] | None:
        model: Any = self
        if self._order is None:
            return None
        column, order = self._order
        n = model.rowCount()
        if n < 2 or not 0 <= column < model.columnCount():
            return None
        return permutation(self.sort_values(column, n), order)

    def _permute(self, perm: list[int]) -> None:
        for name in self.ROW_LISTS:
            rows = getattr(self, name)
            setattr(self, name, [rows[i] for i in perm])


_PAINTED = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.FontRole)
_PAINT_SLOT = {int(role): slot for slot, role in enumerate(_PAINTED)}


class PaintCache:
    """Mixin for a table model whose `cell(row, column, role)` makes each value: data()
    answers the roles Qt's delegate asks at every paint (text, colours, alignment, font)
    from a per-row cache made the first time the row is painted, a dictionary and a list
    lookup each; other roles (tooltips, sort keys) go to cell(). The cache is dropped when
    the model resets, re-sorts or changes."""

    _painted: dict[int, tuple[list[Any], ...]] | None = None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slot = _PAINT_SLOT.get(role)
        if slot is None:
            if role == ACCEPT_ROLE:
                return accept_text(self, index.row())
            return self.cell(index.row(), index.column(), role) if index.isValid() else None
        row = index.row()
        if row < 0:
            return None
        painted = self._painted
        if painted is None:
            painted = self._painted = self._watch()
        cached = painted.get(row)
        if cached is None:
            cached = painted[row] = self._paint_row(row)
        return cached[slot][index.column()]

    def cell(self, row: int, column: int, role: int) -> Any:
        raise NotImplementedError

    def _paint_row(self, row: int) -> tuple[list[Any], ...]:
        model: Any = self
        columns, cell = range(model.columnCount()), self.cell
        return tuple([cell(row, c, int(role)) for c in columns] for role in _PAINTED)

    def _watch(self) -> dict[int, tuple[list[Any], ...]]:
        model: Any = self
        if not getattr(self, "_watching", False):
            self._watching = True
            for signal in (model.modelReset, model.layoutChanged, model.dataChanged,
                           model.rowsInserted, model.rowsRemoved):
                signal.connect(self.forget_painted)
        return {}

    def forget_painted(self, *_args: Any) -> None:
        self._painted = None


ACCEPT_ROLE = int(Qt.ItemDataRole.UserRole) + 90  # 1 for a row the proxy's filter keeps


def accept_text(model: Any, row: int) -> int:
    """A source model's answer to ACCEPT_ROLE: what its proxy's `accepts(row)` says (1 or
    0: Qt matches its text, "1" or "0", against the filter "1")."""
    accepts = getattr(model, "row_filter", None)
    return 1 if accepts is None or accepts(row) else 0


class SourceSortingProxy(QSortFilterProxyModel):
    """Filters itself; sorting is done by a SortedRows source (else by Qt, as usual).

    A subclass filters with `filtering()` (is a filter set?) and `accepts(row)`, and calls
    `refilter()` when its filter changes. The rows are kept by Qt's own filterAcceptsRow
    (C++): with no filter set its pattern is empty and it keeps every row without a call
    into Python; with one set it keeps the rows whose ACCEPT_ROLE (the source answers it
    with `accept_text`) is "1". A filterAcceptsRow written in Python was called for each of
    a province's 3,321 rows at every reset of the source (F5, a period change), also with
    nothing typed, and each call waited for the GIL while a worker computed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterRole(ACCEPT_ROLE)
        self.setFilterKeyColumn(0)

    def setSourceModel(self, model: Any) -> None:  # noqa: N802
        model.row_filter = self.accepts
        super().setSourceModel(model)

    def filtering(self) -> bool:
        return False

    def accepts(self, row: int) -> bool:
        return True

    def refilter(self) -> None:
        """The filter changed: the rows are filtered again (by Qt: see the class)."""
        wanted = "1" if self.filtering() else ""
        if self.filterRegularExpression().pattern() != wanted:
            self.setFilterFixedString(wanted)  # Qt filters again
        elif wanted:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, SortedRows):
            source.sort(column, order)
        else:
            super().sort(column, order)
