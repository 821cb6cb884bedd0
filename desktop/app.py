"""Start the desktop application: `main(db_path | None) -> exit status`.

The window is shown before anything heavy is imported (SQLAlchemy, Alembic, openpyxl,
reportlab), with the overview's first figures of a file in its first frame (read with
plain sqlite3); the database is opened right after the first paint. Without a database
given or remembered, the first-run wizard creates or opens one.

THIDUA_EXIT_AFTER=shown|data|opened quits at that point (start-up benchmarks): shown,
the first frame (the database is then not opened at all); data, the overview shows the
period's figures, the counts a person reads first (units expected, received, on time,
late, missing; see `_exit_when_data_shown`); opened, the database is open and shown.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from .ui.qt_vietnamese import install_qt_translation
from .version import __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from .ui.main_window import MainWindow


def app_icon() -> QIcon:
    """The program's icon (resources/icons), or a drawn stand-in. Its first use costs
    PySide6's QIcon class (151 theme-icon names made into a Python enum) and Qt's image
    plugins: `main` sets it in the turn after the first frame."""
    from PySide6.QtGui import QIcon

    from .paths import resource_path

    for name in ("thidua.png", "thidua.ico"):
        path = resource_path("icons", name)
        if path.is_file():
            return QIcon(str(path))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

    pixmap = QPixmap(64, 64)  # a drawn stand-in when the icon is missing
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#c62828"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 2, 60, 60, 12, 12)
    painter.setPen(QColor("#ffd600"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(26)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "CĐS")
    painter.end()
    return QIcon(pixmap)


def make_application(*, screen_fit: bool = True, icon: bool = True) -> QApplication:
    """The application, Vietnamese; `screen_fit`: every window and dialog fits the work
    area from now on (geometry.ScreenFit; `main` installs it after the first data, see
    `ensure_screen_fit`); `icon`: the program's icon is set (`main` sets it in the turn
    after the first frame, see `app_icon`)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_qt_translation(app)
    app.setApplicationName("ThiĐua CĐS")
    app.setApplicationDisplayName("ThiĐua CĐS")
    app.setOrganizationName("ThiDuaCDS")
    app.setApplicationVersion(__version__)
    if icon:
        ensure_icon(app)
    if screen_fit:
        ensure_screen_fit(app)
    return app


def ensure_icon(app: QApplication) -> None:
    """The program's icon on every window from now on (once per application)."""
    if not getattr(app, "_thidua_icon", False):
        app._thidua_icon = True  # type: ignore[attr-defined]
        app.setWindowIcon(app_icon())


def ensure_screen_fit(app: QApplication) -> None:
    """Every window and dialog shown from now on fits the work area of its screen (once
    per application): ours in their showEvent (geometry.FitsScreen), Qt's own when they
    first become the focus window (geometry.ScreenFit). That slot's window is a class
    PySide6 does not wrap (QWidgetWindow), and the first object of such a class makes
    PySide6 create every class of its modules at once (~100 ms), so `main` fits the main
    window itself before showing it and installs this after the first frame, once those
    classes are made a few at a time (`fit_dialogs_soon`)."""
    if not getattr(app, "_thidua_screen_fit", None):
        from .ui.geometry import install_screen_fit

        app._thidua_screen_fit = install_screen_fit(app)  # type: ignore[attr-defined]


def choose_database(db_path: Path | None) -> Any:
    """The database to open: the one given, else the last used, else the wizard's (a file's
    path, or a server's database the wizard connected to)."""
    from .ui.settings import Settings

    if db_path is not None and Path(db_path).exists():
        return Path(db_path)
    if db_path is None:
        server = Settings().last_server()  # a clerk of a shared server: connect again
        if server is not None:
            return server  # type: ignore[return-value]
        last = Settings().last_database()
        if last is not None:
            return last
    from .logs import setup_logging
    from .ui.first_run import FirstRunWizard

    setup_logging()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        ensure_icon(existing)
        ensure_screen_fit(existing)
    wizard = FirstRunWizard(save_path=db_path)
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        return None
    return wizard.result_database or wizard.result_path


def _benchmark_exit(app: QApplication) -> None:
    """THIDUA_EXIT_AFTER: say when the window was ready (CLOCK_MONOTONIC, comparable
    with the launching process's clock) and quit; what the start-up had still to do
    is not begun (`_leaving`)."""
    import time

    print("READY", time.monotonic(), flush=True)
    app.setProperty(LEAVING, True)
    app.exit(0)


LEAVING = "thidua_leaving"


def _leaving(app: QApplication) -> bool:
    """A benchmark's point was reached: the run ends, nothing more is started."""
    return bool(app.property(LEAVING))


EXIT_TIMEOUT_S = 120  # THIDUA_EXIT_TIMEOUT: how long a benchmark run waits for its point


def _benchmark_watchdog(app: QApplication, point: str) -> QTimer:
    """THIDUA_EXIT_AFTER: a run that does not reach its point (a refusal waiting for a
    person to press OK, offscreen where nobody can) ends after THIDUA_EXIT_TIMEOUT
    seconds with exit status 3, saying on stderr what is on screen."""
    try:
        seconds = float(os.environ.get("THIDUA_EXIT_TIMEOUT", "") or EXIT_TIMEOUT_S)
    except ValueError:
        seconds = EXIT_TIMEOUT_S

    def give_up() -> None:
        shown = []
        for widget in app.topLevelWidgets():
            if widget.isVisible():
                text = getattr(widget, "text", None)
                said = text() if callable(text) else ""
                shown.append(f"“{widget.windowTitle()}”" + (f": {said}" if said else ""))
        print(
            f"THIDUA_EXIT_AFTER={point}: not reached in {seconds:g} s; on screen: "
            + "; ".join(shown),
            file=sys.stderr,
            flush=True,
        )
        # at once: ending the event loops would let the window deliver what its tasks
        # finished meanwhile, a refusal's dialog included, in no event loop at all
        os._exit(3)

    timer = QTimer(app)
    timer.setSingleShot(True)
    timer.timeout.connect(give_up)
    timer.start(int(seconds * 1000))
    return timer  # stopped when `main` returns


def fit_dialogs_soon(app: QApplication, step_s: float = 0.01) -> None:
    """Install the screen fit (`ensure_screen_fit`) without freezing the window: first
    PySide6's classes are created a few at a time between events (a slice of `step_s`;
    the largest, the Qt namespace, about 50 ms alone), so that the screen fit's first
    window, of one of Qt's private classes, finds them all made instead of making them
    at once."""
    import time

    from PySide6 import QtCore, QtGui, QtWidgets

    names = iter(
        [
            (module, name)
            for module in (QtCore, QtGui, QtWidgets)
            for name in dir(module)
            if name.startswith("Q") or name == "Qt"
        ]
    )

    def step() -> None:
        if _leaving(app):
            return
        until = time.perf_counter() + step_s
        for module, name in names:
            getattr(module, name)
            if time.perf_counter() > until:
                QTimer.singleShot(0, step)
                return
        ensure_screen_fit(app)

    QTimer.singleShot(0, step)


def _setup_logging() -> logging.Logger:
    from .logs import setup_logging  # logging.handlers and the data folder: not at start

    return setup_logging()


def _exit_when_data_shown(app: QApplication, window: MainWindow) -> None:
    """THIDUA_EXIT_AFTER=data: quit at the first turn of the event loop after the
    overview shows the period's figures: the counts a person reads first (units
    expected, received, on time, late, missing; MainWindow.first_data_shown). On a file
    of this version they are read before the window is first shown, so they are in its
    first frame; otherwise (a server, a file still to be upgraded) they come with the
    period's evaluation."""
    if window.first_data_on_screen:
        QTimer.singleShot(0, lambda: _benchmark_exit(app))
    else:
        window.first_data_shown.connect(lambda: QTimer.singleShot(0, lambda: _benchmark_exit(app)))


def _first_frame(path: Any) -> MainWindow:
    """The window, with a file's first figures, shown. The cycle collector waits
    meanwhile: what is made now (modules, classes, the window) lives as long as the
    window, and is then frozen out of every later collection (the opening's thread
    freezes what it loads the same way)."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        from .ui.geometry import fit_window
        from .ui.main_window import MainWindow

        window = MainWindow()
        is_file = not hasattr(path, "transaction") and not getattr(path, "is_server", False)
        if is_file:
            window.show_first_figures(Path(path))  # in the first frame
        fit_window(window)  # what the screen fit does to every window it sees first shown
        window.show()
        return window
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def main(db_path: Path | Any | None = None) -> int:
    """`db_path`: a file, or a server's store.location.Location (thidua --db postgresql…).

    The order is what a person waits for: the window with the overview's first figures
    (a file's, read with plain sqlite3) on screen, then the log file and the screen fit
    for dialogs, then the database opened off the GUI thread (lock, integrity check,
    backup, upgrade) and the period evaluated, which fills the rest of the overview."""
    app = make_application(screen_fit=False, icon=False)
    from .ui import errors

    errors.install_excepthook()  # logs through "thidua"; its file handler comes just below
    path = db_path if getattr(db_path, "is_server", False) else choose_database(db_path)
    if path is None:
        return 0
    window = _first_frame(path)
    exit_after = os.environ.get("THIDUA_EXIT_AFTER", "")
    app.setProperty(LEAVING, False)
    watchdog = _benchmark_watchdog(app, exit_after) if exit_after else None
    if exit_after == "shown":
        QTimer.singleShot(0, lambda: _benchmark_exit(app))
    elif exit_after == "data":
        _exit_when_data_shown(app, window)
    elif exit_after == "opened":
        window.database_opened.connect(
            lambda _p: QTimer.singleShot(0, lambda: _benchmark_exit(app))
        )
    # after the first frame, unless the run ends there: the database (opened off the GUI
    # thread), the icon, the log file, the dialogs' fit
    if hasattr(path, "transaction"):  # connected by the first-run wizard
        QTimer.singleShot(0, lambda: _leaving(app) or window.take_database(path))
    else:
        QTimer.singleShot(
            0, lambda: _leaving(app) or window.start(path, on_failed=lambda: app.exit(1))
        )
    QTimer.singleShot(0, lambda: _leaving(app) or ensure_icon(app))
    QTimer.singleShot(0, lambda: _leaving(app) or _setup_logging())
    QTimer.singleShot(0, lambda: _leaving(app) or fit_dialogs_soon(app))
    status = app.exec()
    if watchdog is not None:
        watchdog.stop()
        watchdog.deleteLater()
    log = logging.getLogger("thidua")  # its file, when the run went that far
    log.info("application finished with status %s", status)
    if window.isVisible():  # left without closing the window (exit status 1, benchmarks):
        app.setQuitOnLastWindowClosed(False)  # closing it now must not post a stray quit
        window.close()  # releases the database
        app.setQuitOnLastWindowClosed(True)
    window.finish_pending()  # results of finished tasks, then the window itself, go now
    return status
