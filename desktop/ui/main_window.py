"""The main window: navigation on the left, the pages, the period selector, menus, status.

The window is shown before any database code is imported: `start(path)` imports the
database code on a worker thread, then opens the database on the GUI thread (the single-writer
lock belongs to the thread that takes it) and creates the first page. Pages are created
on first show, from `PAGES`.

A page is `Page(ctx, parent)`; it may implement `focus_search()` (Ctrl+F),
`has_unsaved_changes() -> bool` and `save() -> bool` (asked about before closing or
opening another database). The exchange and report actions (exchange_actions.py,
report_actions.py) add theirs to the Tệp menu, before `file_insert_point`.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QWidget,
)

from ..domain.vncount import day
from . import errors
from .drops import DropsForms
from .forms.ui_main_window import Ui_MainWindow
from .geometry import PreserveGeometry, restore_splitters
from .settings import Settings
from .tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ..actions.database import Database
    from .context import AppContext

log = logging.getLogger("thidua.ui.main")

def _overview_page() -> type[QWidget]:
    from .overview_page import OverviewPage

    return OverviewPage


def _units_page() -> type[QWidget]:
    from .units_page import UnitsPage

    return UnitsPage


def _submissions_page() -> type[QWidget]:
    from .submissions_page import SubmissionsPage

    return SubmissionsPage


def _check_page() -> type[QWidget]:
    from .check_page import CheckPage

    return CheckPage


def _proposals_page() -> type[QWidget]:
    from .proposals_page import ProposalsPage

    return ProposalsPage


def _plan_page() -> type[QWidget]:
    from .plan_page import PlanPage

    return PlanPage


def _history_page() -> type[QWidget]:
    from .history_page import HistoryPage

    return HistoryPage


def _trends_page() -> type[QWidget]:
    from .trends_page import TrendsPage

    return TrendsPage


# (title, the page's class): imported when the page is first shown, to start quickly
# the pages in the Xem menu, each with its letter (Ctrl+1 … Ctrl+8 as well)
PAGE_MNEMONICS = {"Tổng quan": "&Tổng quan", "Đơn vị": "Đơn &vị", "Báo cáo": "&Báo cáo",
                  "Kiểm tra": "&Kiểm tra", "Khen thưởng": "Khen thưở&ng", "Kế hoạch": "Kế &hoạch",
                  "Lịch sử": "Lịch &sử", "Xu hướng": "&Xu hướng"}
PAGES: list[tuple[str, Callable[[], type[QWidget]]]] = [
    ("Tổng quan", _overview_page),
    ("Đơn vị", _units_page),
    ("Báo cáo", _submissions_page),
    ("Kiểm tra", _check_page),
    ("Khen thưởng", _proposals_page),
    ("Kế hoạch", _plan_page),
    ("Lịch sử", _history_page),
    ("Xu hướng", _trends_page),
]


def server_actions() -> Any:
    """desktop.ui.server_actions, imported when first needed (not before the first frame)."""
    return importlib.import_module("desktop.ui.server_actions")
DB_FILTER = "Cơ sở dữ liệu ThiĐua CĐS (*.db *.sqlite *.sqlite3);;Mọi tệp (*)"


def _preload(_report: Any) -> None:
    """Import the heavy modules off the GUI thread while the window paints (the menus'
    actions pull in openpyxl and reportlab: 0.8 s on the GUI thread otherwise)."""
    from ..actions import database, maintenance  # noqa: F401
    from . import (  # noqa: F401
        context,
        exchange_actions,
        overview_page,
        print_actions,
        report_actions,  # noqa: F401
    )


def _preload_pages() -> None:
    """Import every page's module and the report editor's and proposal dialog's on a
    thread of their own, once the first page shows its data: a page's first visit then
    costs no import (PySide checks each new module's source: 30-60 ms a page on the GUI
    thread). Not a task of the window: nothing a person asked for, so no progress bar."""
    try:
        for _title, page_class in PAGES:
            page_class()
        from . import proposal_dialog, submission_dialog  # noqa: F401
    except Exception:  # noqa: BLE001 - the page's first visit imports it again and says why
        log.exception("importing the pages ahead failed")


def _finish_interrupted_exports() -> list[str]:
    from ..actions.startup import finish_interrupted_exports

    return finish_interrupted_exports()


def _open_in_background(path: Path) -> Any:
    """Import, then open the database (lock, backup, upgrade) and read its plan, off the
    GUI thread: the database or the error, for `open_database` on the GUI thread.

    The cycle collector waits meanwhile: the imports allocate a million objects, and
    its full passes over them (0.3 s each, holding the GIL) would freeze the window.
    Then what lives as long as the window (the modules, the ORM's configuration, the
    plan) is frozen out of every later pass."""
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _open_unpaused(path)
    finally:
        if was_collecting:
            gc.freeze()
            gc.enable()


def _open_unpaused(path: Path) -> Any:
    _preload(None)
    from ..actions.database import open_database, prepare_mappers
    from ..actions.plan import read_plan
    from .context import opening_period

    prepare_mappers()  # ~0.4 s the first ORM query would otherwise spend on the GUI thread
    try:
        db = open_database(Path(path))
    except Exception as exc:  # noqa: BLE001 - shown on the GUI thread
        return exc
    try:
        plan = read_plan(db)
        # the period it opens on too: when every deadline is long past, that asks the
        # database which periods have submissions (a query the GUI thread need not wait for)
        db.preloaded_period = opening_period(db, plan).code  # type: ignore[attr-defined]
        db.preloaded_plan = plan  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - AppContext reads them again and reports it
        pass
    return db


class MainWindow(DropsForms, PreserveGeometry, QMainWindow):
    database_opened = Signal(object)  # the Path, once a database is open and shown
    first_data_shown = Signal()  # the overview shows the period's figures (once a start)
    staff_changed = Signal(str)  # the staff name the history now writes

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ctx: AppContext | None = None
        self.pages: dict[int, QWidget] = {}  # index in PAGES -> the page, once created
        self.nav_pages: list[int] = []  # row of the navigation list -> index in PAGES
        self.office_dialog: QWidget | None = None
        self.first_data_on_screen = False  # first_data_shown was emitted
        self._previewed: Path | None = None  # the file whose first figures were read
        self._built = False  # the settings that wait for the first frame are made
        self._keys_set = False  # the actions' shortcuts are set (`_set_shortcuts`)
        self._page_actions: list[QAction] = []  # Xem's pages, Ctrl+1 … Ctrl+8
        self._closed = False  # closed: what `_in_turns` still had to do is dropped
        self._was_active = False  # with a server's database: the window was in front
        self._back_to_front = False  # `_focus_moved` follows the focus window
        self.connect_dialog: QWidget | None = None
        self._boot = TaskRunner(self)
        self.menu_file = self.ui.menuFile
        self.file_insert_point = self.ui.actionBackup  # feature actions go before this
        self._build_toolbar()
        self._build_statusbar()
        self._build_navigation()
        self._connect_actions()
        self._set_data_actions_enabled(False)
        self.ui.mainSplitter.setStretchFactor(1, 1)
        self.ui.mainSplitter.setSizes([190, 990])
        self.restore_geometry()

    def known_splitters(self) -> list[QSplitter]:
        return [self.ui.mainSplitter]  # the pages restore theirs when they are created

    # ---- building ---------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        label = QLabel("&Kỳ báo cáo: ", self)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setAccessibleName("Kỳ báo cáo")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.period_combo)
        label.setContentsMargins(6, 0, 0, 0)
        self.ui.mainToolBar.addWidget(label)
        self.ui.mainToolBar.addWidget(self.period_combo)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)

    def _build_statusbar(self) -> None:
        self.path_label = QLabel(self)
        self.path_label.setObjectName("pathLabel")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(False)
        # made, then named: QPushButton(text, parent) makes PySide6 weigh the overload
        # QPushButton(icon, text, parent), and so build its QIcon class (151 theme icons
        # made into a Python enum) before the first frame
        self.cancel_button = QPushButton(self)
        self.cancel_button.setText("Hủy")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Dừng công việc đang chạy ở điểm an toàn tiếp theo")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        bar = self.ui.statusbar
        bar.addWidget(self.path_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self._show_busy(False)

    def _build_navigation(self) -> None:
        nav = self.ui.navList
        for index, (title, _page) in enumerate(PAGES):
            item = QListWidgetItem(title)
            item.setToolTip(f"{title} (Ctrl+{index + 1})")
            nav.addItem(item)
            self.nav_pages.append(index)
            action = QAction(self)  # (text, parent) would build QIcon too, as in the status bar
            action.setText(PAGE_MNEMONICS.get(title, title))
            action.setObjectName(f"actionPage{index + 1}")
            self._page_actions.append(action)
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            self.ui.menuView.addAction(action)
        nav.setEnabled(False)
        nav.currentRowChanged.connect(self._on_nav_row_changed)

    def _set_shortcuts(self) -> None:
        """The keys of the window's actions (Ctrl+O, Ctrl+Q, Ctrl+S, Ctrl+F, F5, Ctrl+1 …
        Ctrl+8), in the turn after the first frame: PySide6's QKeySequence class (its 71
        standard keys made into a Python enum) is no part of the first frame. Set as
        lists: QAction.setShortcut(text) makes PySide6 build its whole Qt namespace
        (~15 ms; see nav_splitter.py)."""
        if self._keys_set:
            return
        self._keys_set = True
        from PySide6.QtGui import QKeySequence

        ui = self.ui
        shortcuts = {
            ui.actionOpen: "Ctrl+O",
            ui.actionQuit: "Ctrl+Q",
            ui.actionSave: "Ctrl+S",
            ui.actionFind: "Ctrl+F",
            ui.actionRefresh: "F5",
        }
        for index, action in enumerate(self._page_actions):
            shortcuts[action] = f"Ctrl+{index + 1}"
        for action, key in shortcuts.items():
            action.setShortcuts([QKeySequence(key)])

    def _connect_actions(self) -> None:
        ui = self.ui
        ui.actionOpen.triggered.connect(self.on_open_triggered)
        ui.actionConnectServer.triggered.connect(lambda: server_actions().connect_server(self))
        ui.actionMoveToServer.triggered.connect(lambda: server_actions().move_to_server(self))
        ui.actionBackup.triggered.connect(self.backup_now)
        ui.actionRestore.triggered.connect(self.on_restore_triggered)
        ui.actionOffice.triggered.connect(self.show_office_dialog)
        self.action_staff = QAction(self)
        self.action_staff.setText("Tên cán &bộ trên máy này…")
        self.action_staff.setObjectName("actionStaff")
        self.action_staff.setStatusTip("Họ và tên được ghi vào lịch sử thay đổi cho những việc "
                                       "làm trên máy tính này")
        self.action_staff.triggered.connect(self.change_staff_name)
        file_actions = self.ui.menuFile.actions()  # just after “Thông tin cơ quan…”
        self.ui.menuFile.insertAction(file_actions[file_actions.index(ui.actionOffice) + 1],
                                      self.action_staff)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionSave.triggered.connect(self.save_current_page)
        ui.actionFind.triggered.connect(self.focus_search)
        ui.actionRefresh.triggered.connect(self.refresh)
        ui.actionLogFolder.triggered.connect(self.open_log_folder)
        ui.actionAbout.triggered.connect(self.show_about)
        ui.menuRecent.aboutToShow.connect(self._fill_recent_menu)

    def _set_data_actions_enabled(self, on: bool) -> None:
        for action in (self.ui.actionBackup, self.ui.actionRestore, self.ui.actionOffice,
                       self.ui.actionSave, self.ui.actionFind, self.ui.actionRefresh):
            action.setEnabled(on)
        self.ui.actionMoveToServer.setEnabled(on and self.ctx is not None
                                              and not self.ctx.db.is_server)
        self.period_combo.setEnabled(on)
        self.ui.navList.setEnabled(on)

    # ---- opening a database --------------------------------------------------------------
    def show_first_figures(self, path: Path) -> bool:
        """Put the overview with the counts of the period it opens on (expected, received,
        on time, late, missing) in the window before the database is opened: read from
        the file with plain sqlite3 in a few milliseconds (actions/startup.first_figures),
        so that they are in the first frame; the rest of the overview comes with the
        evaluation, once `start` has opened the database. False when the file cannot be
        read so (the figures then come with the evaluation)."""
        if self.ctx is not None or getattr(path, "is_server", False):
            return False
        from ..actions.startup import first_figures

        self._previewed = Path(path)
        figures = first_figures(Path(path))
        if figures is None:
            return False
        page = self.page(0)
        show_counts = getattr(page, "show_counts", None)
        if not callable(show_counts):
            return False
        self.period_combo.addItem(f"{figures.period_label} — hạn nộp {day(figures.deadline)}",
                                  figures.period_code)
        self.ui.navList.blockSignals(True)
        self.ui.navList.setCurrentRow(0)
        self.ui.navList.blockSignals(False)
        self.ui.pages.setCurrentWidget(page)
        show_counts(figures.period_code, figures.period_label, figures.deadline,
                    figures.counts)
        return True

    def _drop_first_figures(self) -> None:
        """The figures read before opening go when the file is not opened after all
        (refused, damaged): nothing stays on screen of a database that is not open."""
        page = self.pages.get(0) if self.ctx is None else None
        if page is None:
            return
        del self.pages[0]
        self.ui.pages.removeWidget(page)
        page.deleteLater()
        self.ui.pages.setCurrentWidget(self.ui.placeholderPage)
        self.period_combo.clear()

    def _on_figures_shown(self) -> None:
        if not self.first_data_on_screen:
            self.first_data_on_screen = True
            self.first_data_shown.emit()

    def _finish_building(self) -> None:
        """What the first frame does without, all at once (a server's start, a database
        connected elsewhere): see `_set_shortcuts`, `_build_qt_settings` and
        `_install_help`."""
        self._set_shortcuts()
        self._build_qt_settings()
        self._install_help()

    def _build_qt_settings(self) -> None:
        """The settings that need PySide6's Qt namespace (about 50 ms to build, one
        event-loop turn of its own; see nav_splitter.py)."""
        if self._built:
            return
        self._built = True
        from PySide6.QtCore import Qt

        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ui.navList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _install_help(self) -> None:
        """F1: the guide, with or without a database (its module: 10-15 ms to import)."""
        from .help_window import install as install_help

        install_help(self, self.ui.menuHelp)  # once: a second call finds the first

    def _in_turns(self, *steps: Callable[[], object]) -> None:
        """Run `steps` one an event-loop turn, so that the window repaints and answers
        between them (none of them alone is long); the rest is dropped once the window
        is closed."""
        pending = list(steps)

        def step() -> None:
            if self._closed or not pending:
                return
            pending.pop(0)()
            if pending:
                QTimer.singleShot(0, self, step)

        QTimer.singleShot(0, self, step)

    def start(self, path: Any, on_failed: Any = None) -> None:
        """Open `path` (a file, or a server Location) once the window is up;
        `on_failed()` if it cannot be opened. A file's first figures are shown at once
        (`show_first_figures`, unless that was done before the window was shown); the
        rest of the window is made in the next event-loop turns (the shortcuts, the Qt
        namespace, then the help), each short, before the opening's thread begins taking
        turns with the GUI thread for the interpreter."""
        self._closed = False
        self._boot.run(lambda _r: _finish_interrupted_exports(), self._on_exports_finished)
        if getattr(path, "is_server", False):
            self._finish_building()
            self.ui.lblPlaceholder.setText(f"Kết nối máy chủ\n{path.label}…")
            if path.url.password is None:  # remembered without password: the dialog asks
                server_actions().connect_server(self, path.label)
            else:
                server_actions().open_server(self, path, on_failed)
            return
        self.ui.lblPlaceholder.setText(f"Đang mở cơ sở dữ liệu\n{path}…")
        self.path_label.setText(str(path))
        if self._previewed != Path(path):
            self.show_first_figures(Path(path))
        self._in_turns(self._set_shortcuts, self._build_qt_settings, self._install_help,
                       lambda: self._open_off_thread(path, on_failed))

    def _on_exports_finished(self, messages: list[str]) -> None:
        if messages:  # an export was interrupted (power cut): finished, never a mix
            errors.show_info(self, "\n\n".join(messages), "Lần xuất trước bị gián đoạn")

    def _open_off_thread(self, path: Path, on_failed: Any = None) -> None:
        """Lock, check, back up and upgrade `path` on a worker thread (a large file's
        integrity check takes seconds), then show it; `on_failed()` when it is not."""
        self._show_busy(True)
        self.cancel_button.setEnabled(False)  # an open is not cancelled halfway
        self.ui.statusbar.showMessage(f"Đang mở cơ sở dữ liệu {path}…")

        def opened(result: object) -> None:
            self._show_busy(False)
            if not self._show_opened(Path(path), result, on_failed) and on_failed is not None:
                on_failed()

        self._boot.run(lambda _r: _open_in_background(path), opened, opened)

    def _refuse_open(self, exc: BaseException) -> None:
        from ..actions.database import DatabaseLocked

        if isinstance(exc, DatabaseLocked):
            errors.show_error_blocking(
                self, f"{exc.message}\n\nMột cơ sở dữ liệu chỉ được mở bởi một chương trình "
                "tại một thời điểm, để dữ liệu không bị ghi chồng.",
                "Cơ sở dữ liệu đang được mở ở nơi khác")
        else:  # shown in Vietnamese, traceback logged
            errors.show_error_blocking(self, errors.message_of(exc), "Không mở được cơ sở dữ liệu")

    def _restore_damaged(self, path: Path, on_failed: Any) -> None:
        """The newest healthy backup put in place off the GUI thread, then opened."""
        def work(report: Any) -> Any:
            from ..actions.maintenance import restore

            return restore(path, latest_good=True, report=report)

        def done(restored: Any) -> None:
            self._show_busy(False)
            errors.show_info(self, restored.message, "Đã khôi phục")
            self._open_off_thread(path, on_failed)

        def failed(exc: BaseException) -> None:
            self._show_busy(False)
            errors.show_error_blocking(self, errors.message_of(exc), "Không khôi phục được")
            if on_failed is not None:
                on_failed()

        self._show_busy(True)
        self.cancel_button.setEnabled(False)
        self._boot.run(work, done, failed, self._on_progress)

    def open_database(self, path: Path) -> bool:
        """Open a database (the first, or instead of the current one): False when the
        person keeps the current one; otherwise it is opened off the GUI thread and
        `database_opened` is emitted once it is shown (a refusal is shown instead)."""
        path = Path(path)
        if self.ctx is not None:
            if path.resolve() == self.ctx.path.resolve():
                return True
            if not self.confirm_unsaved():
                return False
        self._open_off_thread(path)
        return True

    def _show_opened(self, path: Path, opened: object, on_failed: Any = None) -> bool:
        """Show the Database a worker opened, or its refusal (a damaged file: offer the
        newest healthy backup). False when nothing is opened nor still being restored."""
        from ..actions.database import Database
        from ..actions.maintenance import DatabaseDamaged

        if not isinstance(opened, Database):
            self._drop_first_figures()
        if isinstance(opened, DatabaseDamaged):
            from .damaged_dialog import ask_restore

            if not ask_restore(self, opened):
                return False
            self._restore_damaged(path, on_failed)
            return True
        if not isinstance(opened, Database):
            self._refuse_open(opened if isinstance(opened, BaseException)
                              else TypeError(repr(opened)))
            return False
        db = opened
        if self.ctx is not None:
            self.ctx.tasks.wait()
        try:
            if self.ctx is None:
                from .context import AppContext

                self.attach(AppContext(db, self))
            else:
                self.ctx.replace_database(db)
        except Exception as exc:  # noqa: BLE001 - e.g. a database without a plan
            db.close()
            errors.show_error_blocking(self, errors.message_of(exc), "Không mở được cơ sở dữ liệu")
            return False
        self._in_turns(lambda: self._say_opened(path, db))  # the evaluation has begun
        return True

    def _say_opened(self, path: Path, db: Database) -> None:
        """The rest of showing an opened file, in the turn after: remembered among the
        recent ones, the title and periods, a second backup folder that failed, and
        `database_opened`."""
        self.settings.add_recent(path)
        self._after_database_changed()
        done = getattr(db, "backup_done", None)
        if done is not None and done.second_problem:  # the USB stick is not plugged in
            self.ui.statusbar.showMessage(
                f"Đã sao lưu vào {done.path.parent}; chưa chép được sang thư mục sao lưu "
                f"thứ hai: {done.second_problem}", 30000)
        self.database_opened.emit(path)

    def take_database(self, db: Database) -> bool:
        """Show a database opened elsewhere (a server's, connected off the GUI thread)."""
        self._finish_building()
        if self.ctx is not None:
            if not self.confirm_unsaved():
                db.close()
                return False
            self.ctx.tasks.wait()
        try:
            if self.ctx is None:
                from .context import AppContext

                self.attach(AppContext(db, self))
            else:
                self.ctx.replace_database(db)
        except Exception as exc:  # noqa: BLE001 - e.g. a database without a plan
            db.close()
            errors.show_error_blocking(self, errors.message_of(exc), "Không mở được cơ sở dữ liệu")
            return False
        self._after_database_changed()
        server_actions().ask_staff_name(self, db)
        server_actions().refresh_if_others_changed(self)  # what is seen now: the baseline
        self.database_opened.emit(db.location)
        return True

    def change_staff_name(self) -> bool:
        """“Tên cán bộ trên máy này…”: who the history names for what is done here."""
        return bool(server_actions().change_staff_name(self))

    def attach(self, ctx: AppContext) -> None:
        self.ctx = ctx
        ctx.tasks.front = self.current_page  # the page on screen loads first
        ctx.tasks.busy_changed.connect(self._show_busy)
        ctx.progress.connect(self._on_progress)
        ctx.period_changed.connect(self._on_period_changed)
        ctx.data_changed.connect(self._fill_periods)
        self._set_data_actions_enabled(True)
        self._install_feature_actions(ctx)
        early = self.pages.get(0)  # made by show_first_figures before the database was open
        if early is not None and getattr(early, "ctx", ctx) is None:
            early.attach(ctx)  # type: ignore[attr-defined]
        if self.nav_pages:
            self.ui.navList.setCurrentRow(0)
            self.ui.navList.setFocus()
            first = getattr(self.pages.get(self.nav_pages[0]), "loaded", None)
            if first is not None:
                started: list[bool] = []

                def preload() -> None:
                    if not started:
                        started.append(True)
                        threading.Thread(target=_preload_pages, name="thidua-preload-pages",
                                         daemon=True).start()

                first.connect(preload)

    def _install_feature_actions(self, ctx: AppContext) -> None:
        from . import exchange_actions, print_actions, report_actions

        exchange_actions.install(self, ctx, self.menu_file, self.file_insert_point)
        report_actions.install(self, ctx, self.menu_file, self.file_insert_point,
                               self.ui.mainToolBar)
        print_actions.install(self, ctx, self.menu_file, self.file_insert_point)

    def _after_database_changed(self) -> None:
        assert self.ctx is not None
        where = self.ctx.db.location
        self.setWindowTitle(f"{where.short_name} — ThiĐua CĐS")
        kind = "máy chủ" if where.is_server else "tệp"
        self.path_label.setText(f"Cơ sở dữ liệu ({kind}): {where.label}")
        self.path_label.setToolTip(where.label)
        self._set_data_actions_enabled(True)
        self._fill_periods()
        if where.is_server and not self._back_to_front:
            # a signal Qt emits when the focus moves to another window, not an event
            # filter that would run Python for each of the window's events
            self._back_to_front = True
            self._was_active = self.isActiveWindow()
            app = QGuiApplication.instance()
            assert isinstance(app, QGuiApplication)
            app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, _window: object) -> None:
        """On a server's database: when the window comes back to the front, what others
        changed meanwhile is shown (server_actions.refresh_if_others_changed)."""
        active = not self._closed and self.isActiveWindow()
        if active and not self._was_active:
            server_actions().refresh_if_others_changed(self)
        self._was_active = active

    # ---- pages --------------------------------------------------------------------------
    def page(self, index: int) -> QWidget:
        """The page at `index` in PAGES, created on first use."""
        page = self.pages.get(index)
        if page is None:
            page = self._create_page(index)
            self.pages[index] = page
            self.ui.pages.addWidget(page)
            known = getattr(page, "known_splitters", None)  # else every child is looked at
            restore_splitters(page, self.settings, self.objectName(),
                              known() if callable(known) else None)
            shown = getattr(page, "figures_shown", None)
            if shown is not None:  # the overview: the first data on screen
                shown.connect(self._on_figures_shown)
        return page

    def _create_page(self, index: int) -> QWidget:
        title, page_class = PAGES[index]
        try:
            page: QWidget = page_class()(self.ctx, self.ui.pages)
            return page
        except Exception:  # noqa: BLE001 - a broken page must not take the window down
            log.exception("creating page %s failed", title)
            label = QLabel(f"Màn hình “{title}” chưa dùng được.\nChi tiết đã ghi vào tệp "
                           f"nhật ký {errors.log_file_text()}.")
            label.setStyleSheet("qproperty-alignment: AlignCenter;")
            label.setWordWrap(True)
            return label

    def show_page(self, index: int) -> None:
        if index in self.nav_pages and self.ctx is not None:
            self.ui.navList.setCurrentRow(self.nav_pages.index(index))

    def current_page(self) -> QWidget | None:
        row = self.ui.navList.currentRow()
        if self.ctx is None or not 0 <= row < len(self.nav_pages):
            return None
        return self.pages.get(self.nav_pages[row])

    def _on_nav_row_changed(self, row: int) -> None:
        if self.ctx is None or not 0 <= row < len(self.nav_pages):
            return
        page = self.pages.get(self.nav_pages[row])
        if page is not None:
            self.ui.pages.setCurrentWidget(page)
            return
        # A first visit: the page is built in this turn and shown (polished, laid out,
        # painted) in the next, a 1 ms timer's (a 0 ms one would share the turn of the
        # paint): the two in one turn held the window 76-117 ms (Kế hoạch, issue 12).
        self.page(self.nav_pages[row])
        QTimer.singleShot(1, self, self._show_current_page)

    def _show_current_page(self) -> None:
        page = self.current_page()  # the row chosen last, if another came meanwhile
        if page is not None:
            self.ui.pages.setCurrentWidget(page)

    def focus_search(self) -> None:
        page = self.current_page()
        if page is not None and callable(getattr(page, "focus_search", None)):
            page.focus_search()  # type: ignore[attr-defined]

    def save_current_page(self) -> None:
        page = self.current_page()
        if page is not None and callable(getattr(page, "has_unsaved_changes", None)):
            if page.has_unsaved_changes():  # type: ignore[attr-defined]
                page.save()  # type: ignore[attr-defined]

    def confirm_unsaved(self) -> bool:
        """Ask Lưu / Không lưu / Hủy for every page with unsaved changes."""
        for index, page in sorted(self.pages.items()):
            has = getattr(page, "has_unsaved_changes", None)
            if not callable(has) or not has():
                continue
            self.show_page(index)
            answer = errors.ask_save(
                self, f"Màn hình “{PAGES[index][0]}” có thay đổi chưa lưu.\n"
                "Lưu các thay đổi trước khi tiếp tục?")
            if answer == "cancel":
                return False
            if answer == "save":
                try:
                    ok = bool(page.save())  # type: ignore[attr-defined]
                except Exception as exc:  # noqa: BLE001
                    errors.show_error_blocking(self, errors.message_of(exc))
                    ok = False
                if not ok:
                    return False
        return True

    # ---- period ---------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        if self.ctx is None:
            return
        combo = self.period_combo
        combo.blockSignals(True)
        combo.clear()
        for p in self.ctx.plan.periods:
            combo.addItem(f"{p.label} — hạn nộp {day(p.deadline)}", p.code)
        combo.setCurrentIndex(combo.findData(self.ctx.period_code))
        combo.blockSignals(False)

    def _on_period_combo_changed(self, index: int) -> None:
        code = self.period_combo.itemData(index)
        if self.ctx is not None and code:
            self.ctx.set_period(code)

    def _on_period_changed(self, code: str) -> None:
        index = self.period_combo.findData(code)
        if index != self.period_combo.currentIndex():
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(index)
            self.period_combo.blockSignals(False)

    # ---- busy state -------------------------------------------------------------------------
    def _show_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress_bar.setRange(0, 0)
        else:
            self.ui.statusbar.clearMessage()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        if text:
            self.ui.statusbar.showMessage(text)

    def _on_cancel_clicked(self) -> None:
        if self.ctx is not None:
            self.ctx.cancel_tasks()
        self.cancel_button.setEnabled(False)
        self.ui.statusbar.showMessage("Đang dừng…")

    # ---- Tệp menu -----------------------------------------------------------------------------
    def _start_folder(self) -> str:
        if self.ctx is not None:
            return str(self.ctx.path.parent)
        from ..paths import data_dir

        return str(data_dir())

    def on_open_triggered(self) -> None:
        if not self.confirm_unsaved():
            return
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, "Mở cơ sở dữ liệu", self._start_folder(),
                                              DB_FILTER)
        if name:
            self.open_database(Path(name))

    def _fill_recent_menu(self) -> None:
        menu = self.ui.menuRecent
        menu.clear()
        recent = self.settings.recent_databases()
        for n, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{n} {path}" if n < 10 else str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _c=False, p=path: self.open_database(p))
        servers = self.settings.recent_servers()
        if servers:
            menu.addSeparator()
        for label in servers:  # no password is kept: the dialog asks for it
            action = menu.addAction(f"Máy chủ: {label}")
            action.triggered.connect(
                lambda _c=False, lb=label: server_actions().connect_server(self, lb))
        if not recent and not servers:
            menu.addAction("(chưa có)").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("&Xóa danh sách", self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.settings.clear_recent_servers()

    def backup_now(self) -> None:
        if self.ctx is None:
            return
        db = self.ctx.db

        def work(report: Any) -> Any:
            from ..actions.maintenance import backup

            return backup(db, report=report)

        def done(made: Any) -> None:
            self.ui.statusbar.showMessage(f"Đã sao lưu vào {made.path}", 10000)
            errors.show_info(self, made.message, "Sao lưu")

        self.ctx.tasks.run(work, done, lambda exc: errors.show_exception(self, exc),
                           self.ctx.report_progress, writes=True)

    def on_restore_triggered(self) -> None:
        if self.ctx is None or not self.confirm_unsaved():
            return
        from PySide6.QtWidgets import QFileDialog

        from ..paths import backups_dir

        folder = backups_dir(self.ctx.path)
        name, _ = QFileDialog.getOpenFileName(
            self, "Chọn bản sao lưu để khôi phục",
            str(folder if folder.exists() else self.ctx.path.parent),
            "Bản sao lưu ThiĐua CĐS (*.db);;Mọi tệp (*)")
        if not name:
            return
        if errors.ask_yes_no(
            self, f"Toàn bộ dữ liệu hiện tại sẽ được thay bằng bản sao lưu:\n{name}\n\n"
            "Dữ liệu hiện tại được tự động sao lưu trước khi khôi phục. Tiếp tục?",
            "Khôi phục từ bản sao lưu", yes="&Khôi phục",
        ):
            self.restore_from(Path(name))

    def restore_from(self, backup_file: Path) -> None:
        ctx = self.ctx
        assert ctx is not None
        db = ctx.db

        def work(report: Any) -> Any:
            from ..actions.maintenance import restore

            return restore(db, backup_file, report=report)

        def done(restored: Any) -> None:
            ctx.reload()
            self._after_database_changed()
            errors.show_info(self, restored.message, "Khôi phục")

        ctx.tasks.run(work, done, lambda exc: errors.show_exception(self, exc),
                      ctx.report_progress, writes=True)

    def show_office_dialog(self) -> None:
        if self.ctx is None:
            return
        from .office_dialog import OfficeDialog

        dialog = OfficeDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: setattr(self, "office_dialog", None))
        self.office_dialog = dialog
        dialog.open()

    # ---- other menus ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx is not None:
            self.ctx.notify_changed()

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ..paths import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_about(self) -> None:
        from ..version import __version__

        where = f"\nCơ sở dữ liệu: {self.ctx.db.label}" if self.ctx else ""
        errors.show_info(
            self, f"ThiĐua CĐS {__version__}\n\nQuản lý Phong trào thi đua “Chuyển đổi số”: "
            "nhận báo cáo của các đơn vị, kiểm tra theo tiêu chí của kế hoạch, xếp hạng, đề nghị "
            "khen thưởng và báo cáo tổng hợp gửi cấp trên.\n\nChạy hoàn toàn trên máy này, không "
            f"cần mạng.{where}\nNhật ký: {errors.log_file_text()}", "Giới thiệu ThiĐua CĐS")

    # ---- closing --------------------------------------------------------------------------------
    def finish_pending(self) -> None:
        """After the event loop has ended: let running tasks end, deliver what they queued,
        and delete the window (nothing is left behind for a later event loop)."""
        if self.ctx is not None:
            self.ctx.tasks.wait()
        self._boot.wait()
        from PySide6.QtCore import QEvent

        QCoreApplication.removePostedEvents(None, QEvent.Type.Quit)  # a late quit would end
        QCoreApplication.sendPostedEvents()  # every event loop started after this one
        self.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.confirm_unsaved():
            event.ignore()
            return
        if self.ctx is not None:
            self.ctx.cancel_tasks()
            self.ctx.tasks.wait()
        self._boot.wait()
        self.save_geometry()
        self.settings.flush()  # the window closes: its layout and recent files on disk
        if self.ctx is not None:
            self.ctx.db.close()
        self._closed = True
        event.accept()
