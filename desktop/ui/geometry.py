"""Remember window geometry and splitter positions (after Picard's PreserveGeometry)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from .settings import Settings


def _key(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def restore_splitters(widget: QWidget, settings: Settings, prefix: str,
                      splitters: list[QSplitter] | None = None) -> None:
    for splitter in widget.findChildren(QSplitter) if splitters is None else splitters:
        if splitter.objectName():
            state = settings.get_bytes(f"{prefix}/splitters/{splitter.objectName()}")
            if isinstance(state, QByteArray | bytes) and state:
                splitter.restoreState(QByteArray(state))


def save_splitters(widget: QWidget, settings: Settings, prefix: str) -> None:
    for splitter in widget.findChildren(QSplitter):
        if splitter.objectName():
            settings.set_value(f"{prefix}/splitters/{splitter.objectName()}",
                               splitter.saveState())


class PreserveGeometry:
    """Mixin for a QWidget: `restore_geometry()` after building, `save_geometry()` on close.

    Keys are the widget's objectName; splitters are saved by their own objectName,
    so give every splitter a name that is unique in the window.
    """

    settings: Settings

    def known_splitters(self) -> list[QSplitter] | None:
        """The splitters to restore at start (None: every child splitter)."""
        return None

    def restore_geometry(self) -> None:
        assert isinstance(self, QWidget)
        prefix = _key(self)
        geometry = self.settings.get_bytes(f"{prefix}/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        if isinstance(self, QMainWindow):
            state = self.settings.get_bytes(f"{prefix}/state")
            if isinstance(state, QByteArray | bytes) and state:
                self.restoreState(QByteArray(state))
        restore_splitters(self, self.settings, prefix, self.known_splitters())

    def save_geometry(self) -> None:
        assert isinstance(self, QWidget)
        prefix = _key(self)
        self.settings.set_value(f"{prefix}/geometry", self.saveGeometry())
        if isinstance(self, QMainWindow):
            self.settings.set_value(f"{prefix}/state", self.saveState())
        save_splitters(self, self.settings, prefix)
        self.settings.store.sync()
