"""The Qt binding keeps Python's reference counts: a long session must not crash.

PySide6 6.12.0 returned None from every void method (``setText``, ``setData``, ...)
without taking a reference to it. On Python 3.11, where None is not immortal, each such
call dropped one reference, and after enough calls the process died with
"Fatal Python error: none_dealloc" — nothing a person could save. pyproject.toml keeps
PySide6 below 6.12; this test fails on a binding with that bug.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTableView

CALLS = 5_000


def _none_references() -> int:
    return sys.getrefcount(None)


@pytest.mark.parametrize("call", ["QLabel.setText", "QStandardItem.setData",
                                  "QStandardItem.setToolTip", "QTableView.setColumnWidth"])
def test_void_methods_keep_the_reference_to_none(qtbot, call: str) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    item = QStandardItem()
    model = QStandardItemModel(1, 1)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    calls = {
        "QLabel.setText": lambda: label.setText("Xã Tân Lập"),
        "QStandardItem.setData": lambda: item.setData(1, Qt.ItemDataRole.UserRole),
        "QStandardItem.setToolTip": lambda: item.setToolTip("Tiêu chí"),
        "QTableView.setColumnWidth": lambda: view.setColumnWidth(0, 80),
    }
    act = calls[call]
    act()
    before = _none_references()
    for _ in range(CALLS):
        act()
    lost = before - _none_references()
    # A few references may move with the interpreter's own caches; a binding that drops
    # one per call loses CALLS of them.
    assert lost < CALLS // 10, f"{call} dropped {lost} references to None in {CALLS} calls"
