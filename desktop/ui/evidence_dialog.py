"""Minh chứng: the evidence documents of one submission — list, add, open, remove.

Files are copied into the evidence folder under their SHA-256 (desktop.actions.evidence);
the same file attached twice to a report is refused with a message. The file chooser,
the confirmation and the opening of files go through small methods (`choose_file`,
`confirm`, `open_url`) so that tests can stand in for them.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)
from shiboken6 import isValid

from ..actions.evidence import EvidenceInfo
from ..domain.vnformat import day, number
from .context import AppContext
from .forms.ui_evidence_dialog import Ui_EvidenceDialog
from .geometry import FitsScreen
from .submissions_model import ROW_ROLE, error_text, show_banner
from .table_keys import keyboard_table


def human_size(size: int) -> str:
    """1536 -> '1,5 KB' (decimal comma)."""
    value = float(size)
    for unit in ("byte", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            text = f"{value:.0f}" if unit == "byte" else f"{value:.1f}".replace(".", ",")
            return f"{text} {unit}"
        value /= 1024
    return f"{size} byte"  # pragma: no cover


class EvidenceTableModel(QAbstractTableModel):
    COL_NUMBER = 0
    COL_TITLE = 1
    COL_ISSUED = 2
    COL_SUMMARY = 3
    COL_FILE = 4
    COL_SIZE = 5
    HEADERS = ("Số hiệu", "Tên văn bản", "Ngày ban hành", "Trích yếu", "Tệp", "Dung lượng")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[EvidenceInfo] = []

    def set_items(self, items: list[EvidenceInfo]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[EvidenceInfo]:
        return list(self._items)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._items[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.doc_number, e.title, day(e.issued_on) if e.issued_on else "",
                    e.summary, e.file_name, human_size(e.size))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{e.file_name} — {human_size(e.size)}\nSHA-256: {e.sha256}\n"
                    f"Đính kèm lúc {e.added_at:%H:%M %d/%m/%Y}")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_ISSUED, self.COL_SIZE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class EvidenceDialog(FitsScreen, QDialog):
    changed = Signal()  # evidence was added or removed
    message_shown = Signal(str, str)  # text, kind

    def __init__(self, ctx: AppContext, unit_code: str, period_code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..actions.evidence import evidence_target

        self.ctx = ctx
        target = evidence_target(ctx.db, unit_code, period_code)
        self.unit_name, self.period_label = target.unit_name, target.period_label
        sid = target.submission_id
        if sid is None:
            from ..domain.errors import DomainError

            raise DomainError(f"{self.unit_name} chưa có báo cáo kỳ {self.period_label}; "
                              "hãy nhập báo cáo trước khi đính kèm minh chứng.")
        self.submission_id = sid
        self.ui = Ui_EvidenceDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Minh chứng — {self.unit_name}, {self.period_label}")
        self.ui.headerLabel.setText(
            f"Minh chứng kèm báo cáo của <b>{html.escape(self.unit_name)}</b>, kỳ "
            f"<b>{html.escape(self.period_label)}</b>. Tệp được lưu bản sao trong thư mục "
            "minh chứng cạnh cơ sở dữ liệu.")
        self.model = EvidenceTableModel(self)
        table = self.ui.table
        table.setModel(self.model)
        keyboard_table(table, [self.ui.openButton, self.ui.removeButton])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EvidenceTableModel.COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        today = dt.date.today()
        self.ui.issuedEdit.setDate(QDate(today.year, today.month, today.day))
        self.ui.issuedBlank.toggled.connect(lambda on: self.ui.issuedEdit.setEnabled(not on))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("Đó&ng")
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.chooseButton.clicked.connect(self.on_choose_clicked)
        self.ui.addButton.clicked.connect(self.add)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        table.activated.connect(lambda _i: self.open_selected())
        self._chosen: Path | None = None
        self._busy = False
        self.reload()

    # -- seams (replaced in tests)
    def choose_file(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Chọn tệp minh chứng", "",
            "Tài liệu (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt);;"
            "Mọi tệp (*)")
        return Path(name) if name else None

    def confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Xóa minh chứng", text, parent=self)
        remove = box.addButton("Xóa", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is remove

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    # -- list
    def reload(self) -> None:
        from ..actions.evidence import list_evidence

        items = list_evidence(self.ctx.db, self.submission_id)
        self.model.set_items(items)
        total = sum(e.size for e in items)
        self.ui.countLabel.setText(f"{number(len(items))} tệp, {human_size(total)}" if items
                                   else "Chưa có minh chứng")
        self._update_buttons()

    def selected(self) -> EvidenceInfo | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None and not self._busy
        self.ui.openButton.setEnabled(has)
        self.ui.removeButton.setEnabled(has)
        self.ui.addButton.setEnabled(self._chosen is not None and not self._busy)

    def show_message(self, text: str, kind: str = "info") -> None:
        show_banner(self.ui.bannerLabel, text, kind)
        self.message_shown.emit(text, kind)

    # -- add
    def on_choose_clicked(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        self._chosen = Path(path)
        self.ui.fileEdit.setText(str(path))
        if not self.ui.titleEdit.text().strip():
            self.ui.titleEdit.setPlaceholderText(f"(để trống: “{self._chosen.stem}”)")
        self._update_buttons()

    def add(self) -> None:
        from ..actions.evidence import add_evidence

        if self._chosen is None or self._busy:
            return
        db, sid, path = self.ctx.db, self.submission_id, self._chosen
        fields = {
            "doc_number": self.ui.numberEdit.text(),
            "title": self.ui.titleEdit.text(),
            "issued_on": None if self.ui.issuedBlank.isChecked()
            else self.ui.issuedEdit.date().toPython(),
            "summary": self.ui.summaryEdit.text(),
        }
        self._set_busy(True, f"Đang sao chép {path.name}…")
        self.ctx.tasks.run(lambda _r: add_evidence(db, sid, path, **fields),
                           self._on_added, self._on_failed, writes=True)

    def _closed(self) -> bool:
        """Whether the person closed the dialog (and the page deleted it) while a copy or a
        removal ran: its result still changes the report, but has no dialog to show in."""
        return not isValid(self)

    def _on_added(self, info: EvidenceInfo) -> None:
        if self._closed():
            self.ctx.notify_changed()
            return
        self._set_busy(False)
        self._chosen = None
        for edit in (self.ui.fileEdit, self.ui.numberEdit, self.ui.titleEdit,
                     self.ui.summaryEdit):
            edit.clear()
        self.reload()
        self.show_message(f"Đã đính kèm minh chứng “{info.title}” ({info.file_name}).", "ok")
        self.changed.emit()
        self.ctx.notify_changed()

    def _on_failed(self, exc: BaseException) -> None:
        if self._closed():  # nothing was written; the log has the reason
            return
        self._set_busy(False)
        self.show_message(error_text(exc), "error")

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if text:
            self.show_message(text, "info")
        self._update_buttons()

    # -- open and remove
    def open_selected(self) -> None:
        from ..actions.evidence import open_path

        e = self.selected()
        if e is None:
            return
        db = self.ctx.db

        def opened(path: Path) -> None:
            if self._closed():
                return
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                self.show_message(f"Không mở được tệp {e.file_name}: máy chưa có chương trình "
                                  f"mở loại tệp này. Tệp nằm tại {path}.", "error")

        self.ctx.tasks.run(lambda _r: open_path(db, e.id), opened, self._on_failed)

    def remove_selected(self) -> None:
        from ..actions.evidence import remove_evidence

        e = self.selected()
        if e is None or self._busy:
            return
        if not self.confirm(f"Xóa minh chứng “{e.title}” ({e.file_name}) khỏi báo cáo của "
                            f"{self.unit_name}?"):
            return
        db = self.ctx.db

        def removed(_info: object) -> None:
            if self._closed():
                self.ctx.notify_changed()
                return
            self._set_busy(False)
            self.reload()
            self.show_message(f"Đã xóa minh chứng “{e.title}”.", "ok")
            self.changed.emit()
            self.ctx.notify_changed()

        self._set_busy(True)
        self.ctx.tasks.run(lambda _r: remove_evidence(db, e.id), removed, self._on_failed,
                           writes=True)
