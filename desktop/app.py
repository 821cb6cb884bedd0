"""Start the desktop application: `main(db_path | None) -> exit status`.

The window is shown before anything heavy is imported (SQLAlchemy, Alembic, openpyxl,
reportlab): the database is opened right after the first paint. Without a database
given or remembered, the first-run wizard creates or opens one.

THIDUA_EXIT_AFTER=shown|opened|data quits at that point (start-up benchmarks; data: the
overview's figures are on screen).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .ui.qt_vietnamese import install_qt_translation
from .version import __version__

if TYPE_CHECKING:
    from .ui.main_window import MainWindow


def app_icon() -> QIcon:
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


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_qt_translation(app)
    app.setApplicationName("ThiĐua CĐS")
    app.setApplicationDisplayName("ThiĐua CĐS")
    app.setOrganizationName("ThiDuaCDS")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    if not getattr(app, "_thidua_screen_fit", None):  # every window fits the work area
        from .ui.geometry import install_screen_fit

        app._thidua_screen_fit = install_screen_fit(app)  # type: ignore[attr-defined]
    return app


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
    wizard = FirstRunWizard(save_path=db_path)
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        return None
    return wizard.result_database or wizard.result_path


def _benchmark_exit(app: QApplication) -> None:
    """THIDUA_EXIT_AFTER: say when the window was ready (CLOCK_MONOTONIC, comparable
    with the launching process's clock) and quit."""
    import time

    print("READY", time.monotonic(), flush=True)
    app.exit(0)


def _exit_when_overview_shown(app: QApplication, window: MainWindow) -> None:
    """THIDUA_EXIT_AFTER=data: quit at the first turn of the event loop after the
    overview page has shown its period's figures (what a person opens the program for)."""
    overview = window.page(0)
    loaded = getattr(overview, "loaded", None)
    if loaded is None or getattr(overview, "report", None) is not None:
        QTimer.singleShot(0, lambda: _benchmark_exit(app))
    else:
        loaded.connect(lambda: QTimer.singleShot(0, lambda: _benchmark_exit(app)))


def main(db_path: Path | Any | None = None) -> int:
    """`db_path`: a file, or a server's store.location.Location (thidua --db postgresql…)."""
    app = make_application()
    from .ui import errors

    errors.install_excepthook()  # logs through "thidua"; its file handler comes just below
    path = db_path if getattr(db_path, "is_server", False) else choose_database(db_path)
    if path is None:
        return 0
    from .ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    from .logs import setup_logging  # the log file: after the window is up

    log = setup_logging()
    exit_after = os.environ.get("THIDUA_EXIT_AFTER", "")
    if exit_after == "shown":
        QTimer.singleShot(0, lambda: _benchmark_exit(app))
    else:
        if exit_after == "opened":
            window.database_opened.connect(
                lambda _p: QTimer.singleShot(0, lambda: _benchmark_exit(app))
            )
        elif exit_after == "data":
            window.database_opened.connect(lambda _p: _exit_when_overview_shown(app, window))
        if hasattr(path, "transaction"):  # connected by the first-run wizard
            QTimer.singleShot(0, lambda: window.take_database(path))
        else:
            QTimer.singleShot(0, lambda: window.start(path, on_failed=lambda: app.exit(1)))
    status = app.exec()
    log.info("application finished with status %s", status)
    if window.isVisible():  # left without closing the window (exit status 1, benchmarks):
        app.setQuitOnLastWindowClosed(False)  # closing it now must not post a stray quit
        window.close()  # releases the database
        app.setQuitOnLastWindowClosed(True)
    window.finish_pending()  # results of finished tasks, then the window itself, go now
    return status
