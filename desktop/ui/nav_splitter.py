"""The main window's splitter, constructed without arguments.

PySide6 builds its whole `Qt` namespace (about 15 ms: 100+ Python enum classes) the first
time an overload taking a `Qt` enum has to be resolved, and `QSplitter(parent)` is such a
call (`QSplitter(Qt.Orientation, parent)` is its other overload). Constructing with no
argument and setting the parent afterwards keeps that cost off the path to the first frame;
pages, created after the window is shown, pay it instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QWidget


class NavSplitter(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__()
        if parent is not None:
            self.setParent(parent)
