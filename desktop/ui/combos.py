"""Combo boxes of thousands of items (the units of a province) filled and shown without
freezing the window: the items go in as one model, and the box is sized from a number of
characters instead of measuring every item's text when first shown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

CHARACTERS = 30  # wide enough for 'Thị trấn Tân Sơn (22810)'


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]],
               characters: int = CHARACTERS) -> None:
    """Replace the items of `combo` by (text, data) pairs, in one model reset."""
    model = QStandardItemModel(combo)
    rows = []
    for text, data in items:
        item = QStandardItem(text)
        item.setData(data, Qt.ItemDataRole.UserRole)
        rows.append(item)
    model.appendColumn(rows)  # one insertion, not one per unit
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    was = combo.blockSignals(True)
    combo.setModel(model)  # the combo deletes its previous model (its child)
    combo.blockSignals(was)
