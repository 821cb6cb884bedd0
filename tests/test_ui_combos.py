"""A combo box of a province's units (fill_combo): one list model, found by data and text."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox  # noqa: E402

from desktop.ui.combos import fill_combo  # noqa: E402


def test_thousands_of_units_found_by_code_and_by_name(qtbot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    units = [(f"Xã Số {i} ({30000 + i})", f"{30000 + i}") for i in range(3321)]
    fill_combo(combo, [("(không ghi đơn vị công tác)", None), *units])
    assert combo.count() == 3322
    assert combo.itemText(0) == "(không ghi đơn vị công tác)" and combo.itemData(0) is None
    assert combo.findData("33320") == 3321
    assert combo.findText("Xã Số 12 (30012)") == 13
    assert combo.findData("99999") == -1 and combo.findText("Xã Số 12") == -1
    combo.setCurrentIndex(combo.findData("31000"))
    assert combo.currentText() == "Xã Số 1000 (31000)" and combo.currentData() == "31000"
    # any other search is Qt's own: typed letters, a search from another row
    starts = combo.model().match(combo.model().index(0, 0), Qt.ItemDataRole.DisplayRole,
                                 "Xã Số 332", 20, Qt.MatchFlag.MatchStartsWith)
    assert [i.row() for i in starts] == [333, 3321]
    later = combo.model().match(combo.model().index(5, 0), Qt.ItemDataRole.UserRole,
                                "30002", 1, Qt.MatchFlag.MatchExactly)
    assert later == []


def test_refilled_with_other_items(qtbot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_combo(combo, [("Xã Lâm Sơn (22813)", "22813")])
    assert combo.findData("22813") == 0
    fill_combo(combo, [("Thị trấn Tân Sơn (22810)", "22810"), ("Xã Lâm Sơn (22813)", "22813")])
    assert combo.count() == 2 and combo.findData("22813") == 1 and combo.findData("x") == -1
