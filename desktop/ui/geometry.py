"""Remember window geometry and splitter positions (after Picard's PreserveGeometry);
fit every window and dialog inside the screen's work area (`ScreenFit`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QSplitter, QWidget

from .settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


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


# ---- fitting the screen ------------------------------------------------------------------

# What the window manager adds around a window (title bar, borders) before it is shown.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_area(widget: QWidget) -> QRect:
    """The work area (screen minus taskbars) of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_on_screen(widget: QWidget, area: QRect | None = None, centre: bool = True) -> None:
    """Shrink a window that would not fit the work area, and centre it there: its title
    bar stays in reach on a 1366×768 laptop with a taskbar. Contents scroll inside (the
    forms put long content in scroll areas); the window stays resizable."""
    area = area if area is not None else available_area(widget)
    max_w = max(200, area.width() - FRAME_WIDTH)
    max_h = max(150, area.height() - FRAME_HEIGHT)
    minimum = widget.minimumSize()
    if minimum.width() > max_w or minimum.height() > max_h:
        widget.setMinimumSize(min(minimum.width(), max_w), min(minimum.height(), max_h))
    w, h = min(widget.width(), max_w), min(widget.height(), max_h)
    if (w, h) != (widget.width(), widget.height()):
        widget.resize(w, h)
    inside = area.contains(QRect(widget.pos(), QSize(w + FRAME_WIDTH, h + FRAME_HEIGHT)))
    if centre or not inside:
        x = area.x() + (area.width() - w - FRAME_WIDTH) // 2
        y = area.y() + (area.height() - h - FRAME_HEIGHT) // 2
        widget.move(max(area.x(), x), max(area.y(), y))


class ScreenFit(QObject):
    """Application event filter: every window and dialog, when first shown, fits the work
    area of its screen (fit_on_screen). A main window restored from saved settings is
    centred only when it does not fit.

    It sees every event of the application: the test is an isinstance first, not
    `event.type()`, whose conversion to a Python enum made building a dialog of a
    hundred widgets cost 100 ms more."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # imported here: the class of an event builds QEvent's ~180 event types, which
        # the window's first frame does without (the filter is installed after it)
        from PySide6.QtGui import QShowEvent

        self._show = QShowEvent

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, self._show) and isinstance(watched, QWidget) and watched.isWindow():
            fit_window(watched)
        return False


def fit_window(widget: QWidget) -> None:
    """What ScreenFit does to a window the first time it is shown, done now (for a
    window shown before the filter is installed)."""
    if widget.property("thiduaFitted"):
        return
    widget.setProperty("thiduaFitted", True)
    if isinstance(widget, QDialog | QMainWindow):  # a QWizard is a QDialog
        fit_on_screen(widget, centre=not isinstance(widget, QMainWindow))


def install_screen_fit(app: QObject) -> ScreenFit:
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    return fit
