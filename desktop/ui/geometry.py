"""Remember window geometry and splitter positions (after Picard's PreserveGeometry);
fit every window and dialog inside the screen's work area when first shown (`FitsScreen`
for ours, `ScreenFit` for Qt's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QSplitter, QWidget

from .settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent, QWindow


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
        save_splitters(self, self.settings, prefix)  # on disk from the settings thread


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


SCREEN_FIT = "thiduaScreenFit"  # the application's property: windows are fitted


class FitsScreen:
    """Mixin for our windows and dialogs (first among the bases): the first time one is
    shown it fits the work area of its screen (`fit_window`), in its own showEvent, before
    it is on screen. An application-wide event filter did this before, at the price of a
    Python call, and so of the GIL, for every event of the application. As the filter
    did, it acts once the application has the screen fit (`install_screen_fit`)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        assert isinstance(self, QWidget)
        app = QGuiApplication.instance()
        if app is not None and app.property(SCREEN_FIT):
            fit_window(self)
        super().showEvent(event)  # type: ignore[misc]


class ScreenFit(QObject):
    """The catch-all for top-level windows that are not of our classes (Qt's message
    boxes, file and input dialogs, a plain QDialog): each one is fitted when it first
    becomes the focus window (QGuiApplication.focusWindowChanged: one call per change
    of the active window, not per event). It is on screen by then, so it is not moved
    to the centre: only shrunk, and moved when it does not fit."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        app.focusWindowChanged.connect(self._focused)

    def _focused(self, window: QWindow | None) -> None:
        if window is None or window.property("thiduaFitted"):
            return
        window.setProperty("thiduaFitted", True)  # the QWindow: no widget looked up again
        if window.type() not in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            return  # a popup, a tool tip
        widget = QWidget.find(window.winId())
        if widget is not None and widget.isWindow():
            fit_window(widget, centre=False)


def fit_window(widget: QWidget, centre: bool = True) -> None:
    """A window, the first time it is shown, fits its screen's work area: a dialog is
    centred there (`centre`), a main window (restored from saved settings) only when it
    does not fit."""
    if widget.property("thiduaFitted"):
        return
    widget.setProperty("thiduaFitted", True)
    if isinstance(widget, QDialog | QMainWindow):  # a QWizard is a QDialog
        fit_on_screen(widget, centre=centre and not isinstance(widget, QMainWindow))


def install_screen_fit(app: QGuiApplication) -> ScreenFit:
    """From now on every window and dialog fits the work area when first shown."""
    app.setProperty(SCREEN_FIT, True)
    return ScreenFit(app)
