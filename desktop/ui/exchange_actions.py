"""The exchange actions of the main window: import Excel forms, generate forms.

`install(window, ctx, menu, before)` adds to the window's "Tệp" menu (before the action
`before`) "Nhập biểu mẫu Excel…" (Ctrl+I)
and "Tạo biểu mẫu cho các đơn vị…", and lets a person drop .xlsx files or folders on
the window to import them (the window is a `drops.DropsForms`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .context import AppContext
from .drops import DropsForms
from .import_dialog import ImportDialog, paths_from_mime
from .template_dialog import TemplateDialog

IMPORT_TEXT = "&Nhập biểu mẫu Excel…"
TEMPLATE_TEXT = "&Tạo biểu mẫu cho các đơn vị…"


class ExchangeActions(QObject):
    """Owns the two actions, the drop handling and the dialogs they open."""

    def __init__(self, window: QMainWindow, ctx: AppContext, menu: QMenu, before: QAction
                 ) -> None:
        super().__init__(window)
        self.setObjectName("exchangeActions")
        self.window = window
        self.ctx = ctx
        self.import_dialog: ImportDialog | None = None
        self.template_dialog: TemplateDialog | None = None
        self.import_action = QAction(IMPORT_TEXT, window)
        self.import_action.setObjectName("actionImportForms")
        self.import_action.setShortcuts([QKeySequence("Ctrl+I")])
        self.import_action.setStatusTip("Nhập các biểu mẫu báo cáo (.xlsx) các đơn vị gửi về; "
                                        "cũng có thể kéo thả tệp hoặc thư mục vào cửa sổ")
        self.import_action.triggered.connect(lambda: self.open_import())
        self.template_action = QAction(TEMPLATE_TEXT, window)
        self.template_action.setObjectName("actionMakeForms")
        self.template_action.setStatusTip("Tạo biểu mẫu Excel cho từng đơn vị để gửi đi "
                                          "(thư điện tử hoặc USB)")
        self.template_action.triggered.connect(self.open_templates)
        menu.insertAction(before, self.import_action)
        menu.insertAction(before, self.template_action)
        menu.insertSeparator(before)
        assert isinstance(window, DropsForms), "the window hands drops to these actions"
        window.drops = self
        window.setAcceptDrops(True)

    # -- drag and drop onto the window (drops.DropsForms calls these)
    def drag(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        """Files or folders of forms dragged over the window: taken."""
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()
            return True
        return False

    def drop(self, event: QDropEvent) -> bool:
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_import(paths)
            return True
        return False

    # -- dialogs
    def open_import(self, paths: Iterable[Path] = ()) -> ImportDialog:
        if self.import_dialog is not None:
            self.import_dialog.add_paths(paths)
            self.import_dialog.raise_()
            self.import_dialog.activateWindow()
            return self.import_dialog
        dlg = ImportDialog(self.ctx, paths, self.window)
        dlg.finished.connect(lambda _r: self._forget("import_dialog"))
        self.import_dialog = dlg
        dlg.open()
        return dlg

    def open_templates(self) -> TemplateDialog:
        if self.template_dialog is not None:
            self.template_dialog.raise_()
            return self.template_dialog
        dlg = TemplateDialog(self.ctx, self.window)
        dlg.finished.connect(lambda _r: self._forget("template_dialog"))
        self.template_dialog = dlg
        dlg.open()
        return dlg

    def _forget(self, name: str) -> None:
        dlg = getattr(self, name)
        setattr(self, name, None)
        if dlg is not None:
            dlg.deleteLater()


def install(window: QMainWindow, ctx: AppContext, menu: QMenu, before: QAction
            ) -> ExchangeActions:
    """Add the exchange actions to `menu` of `window`, before `before` (once; a second call
    only updates the context)."""
    existing = window.findChild(ExchangeActions, "exchangeActions")
    if isinstance(existing, ExchangeActions):
        existing.ctx = ctx
        return existing
    return ExchangeActions(window, ctx, menu, before)
