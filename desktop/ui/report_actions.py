"""The report actions of the main window: the reports to the province, the packages from below.

`install(window, ctx, menu, before, toolbar)` adds to the window's "Tệp" menu (before the
action `before`) "Báo cáo gửi cấp trên…" (Ctrl+E) and "Nhập gói dữ liệu của đơn vị cấp
dưới…", and puts "Báo cáo gửi cấp trên" on the window's toolbar: the office's one button at
the deadline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from .context import AppContext
from .export_dialog import ExportDialog
from .package_import_dialog import PackageImportDialog

EXPORT_TEXT = "Báo cáo gửi cấp t&rên…"
EXPORT_BUTTON = "Báo cáo gửi cấp trên"
PACKAGES_TEXT = "Nhập gói &dữ liệu của đơn vị cấp dưới…"


class ReportActions(QObject):
    """Owns the two actions, the toolbar button and the dialogs they open."""

    def __init__(self, window: QMainWindow, ctx: AppContext, menu: QMenu, before: QAction,
                 toolbar: QToolBar) -> None:
        super().__init__(window)
        self.setObjectName("reportActions")
        self.window = window
        self.ctx = ctx
        self.export_dialog: ExportDialog | None = None
        self.package_dialog: PackageImportDialog | None = None
        self.export_action = QAction(EXPORT_TEXT, window)
        self.export_action.setObjectName("actionExportReports")
        self.export_action.setIconText(EXPORT_BUTTON)
        self.export_action.setShortcuts([QKeySequence("Ctrl+E")])
        self.export_action.setToolTip("Xuất báo cáo tổng hợp của kỳ gửi cấp trên: Excel, PDF "
                                      "và gói dữ liệu (.zip) (Ctrl+E)")
        self.export_action.setStatusTip("Xuất bảng tổng hợp Excel, báo cáo PDF và gói dữ liệu "
                                        "của kỳ báo cáo để gửi cấp trên")
        self.export_action.triggered.connect(lambda: self.open_export())
        self.packages_action = QAction(PACKAGES_TEXT, window)
        self.packages_action.setObjectName("actionImportPackages")
        self.packages_action.setStatusTip("Tổng hợp các gói dữ liệu (.zip) do đơn vị cấp dưới "
                                          "xuất từ ThiĐua CĐS")
        self.packages_action.triggered.connect(lambda: self.open_packages())
        menu.insertAction(before, self.export_action)
        menu.insertAction(before, self.packages_action)
        menu.insertSeparator(before)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)

    # -- dialogs
    def open_export(self) -> ExportDialog:
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return self.export_dialog
        dlg = ExportDialog(self.ctx, self.window)
        dlg.finished.connect(lambda _r: self._forget("export_dialog"))
        self.export_dialog = dlg
        dlg.open()
        return dlg

    def open_packages(self, paths: list[Path] | None = None) -> PackageImportDialog:
        if self.package_dialog is not None:
            self.package_dialog.add_paths(paths or [])
            self.package_dialog.raise_()
            self.package_dialog.activateWindow()
            return self.package_dialog
        dlg = PackageImportDialog(self.ctx, paths or [], self.window)
        dlg.finished.connect(lambda _r: self._forget("package_dialog"))
        dlg.open_requested.connect(lambda path: self._open_database(dlg, path))
        self.package_dialog = dlg
        dlg.open()
        return dlg

    def _open_database(self, dlg: PackageImportDialog, path: Path) -> None:
        """Open the province database just created, when the window can open one."""
        opener = getattr(self.window, "open_database", None)
        if callable(opener):
            dlg.accept()
            opener(path)

    def _forget(self, name: str) -> None:
        dlg = getattr(self, name)
        setattr(self, name, None)
        if dlg is not None:
            dlg.deleteLater()


def install(window: QMainWindow, ctx: AppContext, menu: QMenu, before: QAction,
            toolbar: QToolBar) -> ReportActions:
    """Add the report actions to `window` (once; a second call only updates the context)."""
    existing = window.findChild(ReportActions, "reportActions")
    if isinstance(existing, ReportActions):
        existing.ctx = ctx
        return existing
    return ReportActions(window, ctx, menu, before, toolbar)
