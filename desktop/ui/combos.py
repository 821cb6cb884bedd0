"""Combo boxes of thousands of items (the units of a province) filled and shown without
freezing the window: the items are one list model made in one step (a QStandardItem per
unit cost three Qt calls each, 30-40 ms for a province's communes), found by their data
through a dictionary, and the box is sized from a number of characters instead of
measuring every item's text when first shown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox

CHARACTERS = 30  # wide enough for 'Thị trấn Tân Sơn (22810)'

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DATA = int(Qt.ItemDataRole.UserRole)
# how QComboBox.findData / findText ask by default
_EXACT = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive


class ItemsModel(QAbstractListModel):
    """(text, data) pairs, in one column: the text shown, the data under UserRole."""

    def __init__(self, items: Iterable[tuple[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        pairs = list(items)
        self._texts = [text for text, _data in pairs]
        self._data = [data for _text, data in pairs]
        self._rows: dict[int, dict[Any, int]] = {}  # role -> value -> its first row

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._texts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._texts):
            return None
        if role in (_DISPLAY, _EDIT):
            return self._texts[row]
        if role == _DATA:
            return self._data[row]
        return None

    def match(self, start: _Index, role: int, value: Any, hits: int = 1,  # noqa: D102
              flags: Qt.MatchFlag = _EXACT) -> list[QModelIndex]:
        """An exact search from the first row (findData, findText) is a dictionary
        lookup, not a data() call per row; any other search is Qt's own."""
        role = int(role)
        if Qt.MatchFlag(flags) == _EXACT and hits == 1 and start.row() <= 0 \
                and role in (_DISPLAY, _EDIT, _DATA):
            rows = self._rows.get(role)
            if rows is None:
                values = self._data if role == _DATA else self._texts
                rows = {}
                try:
                    for row, v in enumerate(values):
                        rows.setdefault(v, row)
                except TypeError:  # a value that cannot be a key: search as Qt does
                    return super().match(start, role, value, hits, flags)
                self._rows[role] = rows
            try:
                row = rows.get(value)
            except TypeError:
                return super().match(start, role, value, hits, flags)
            return [] if row is None else [self.index(row, 0)]
        return super().match(start, role, value, hits, flags)


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]],
               characters: int = CHARACTERS) -> None:
    """Replace the items of `combo` by (text, data) pairs, in one model reset."""
    model = ItemsModel(items, combo)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    was = combo.blockSignals(True)
    combo.setModel(model)  # the combo deletes its previous model (its child)
    combo.blockSignals(was)
