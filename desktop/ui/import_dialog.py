"""Nhập biểu mẫu Excel: import the forms units sent back, file by file, whole or not at all.

The work is `desktop.actions.forms.import_forms`, run in the serialized writer task
with progress and a "Dừng" button. Per file the dialog shows what was imported and,
for a refused file, every cell and reason; a file whose unit already reported is not
written until the person confirms the replacement, after reading what would change.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from ..domain.period_report import CHANNEL_LABELS
from ..domain.vnformat import number
from .context import AppContext
from .forms.ui_import_dialog import Ui_ImportDialog
from .geometry import FitsScreen
from .submissions_model import error_text

STATUS_LOOK = {
    "pending": ("Chờ nhập", "#5f6368"),
    "imported": ("Đã nhập", "#1b7f3b"),
    "replaced": ("Đã thay thế báo cáo cũ", "#1b7f3b"),
    "unchanged": ("Tệp này đã được nhập trước đây; không có gì thay đổi", "#5f6368"),
    "exists": ("Đã có báo cáo — chưa ghi đè; những thay đổi nếu thay thế:", "#8a5a00"),
    "refused": ("Bị từ chối", "#b3261e"),
    "cancelled": ("Chưa nhập (đã dừng)", "#5f6368"),
}


def paths_from_mime(mime: QMimeData) -> list[Path]:
    """Local files and folders in a drag: .xlsx files and folders only."""
    found = []
    for url in mime.urls() if mime.hasUrls() else []:
        if not url.isLocalFile():
            continue
        p = Path(url.toLocalFile())
        if p.is_dir() or p.suffix.lower() == ".xlsx":
            found.append(p)
    return found


def split_problem(file_name: str, text: str) -> tuple[str, str]:
    """'BaoCao.xlsx, ô D7: tử số 120 …' -> ('D7', 'tử số 120 …'); no cell -> ('', reason)."""
    if text.startswith(f"{file_name}, ô "):
        cell, _, reason = text[len(file_name) + 4:].partition(": ")
        return cell, reason
    if text.startswith(f"{file_name}: "):
        return "", text[len(file_name) + 2:]
    return "", text


class ImportDialog(FitsScreen, QDialog):
    run_finished = Signal(list)  # the FileOutcome list of the last run

    def __init__(self, ctx: AppContext, paths: Iterable[Path] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        today = dt.date.today()
        self.ui.receivedEdit.setDate(QDate(today.year, today.month, today.day))
        for code, label in CHANNEL_LABELS.items():
            self.ui.channelCombo.addItem(label, code)
        self.ui.channelCombo.setCurrentIndex(self.ui.channelCombo.findData("email"))
        header = self.ui.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.files: list[Path] = []
        self.outcomes: dict[Path, Any] = {}
        self._task: Any = None
        self.ui.addFilesButton.clicked.connect(self.on_add_files_clicked)
        self.ui.addFolderButton.clicked.connect(self.on_add_folder_clicked)
        self.ui.importButton.clicked.connect(lambda: self.start(replace=False))
        self.ui.replaceButton.clicked.connect(self.on_replace_clicked)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.closeButton.clicked.connect(self.reject)
        self.add_paths(paths)

    # -- seams (replaced in tests)
    def choose_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, "Chọn biểu mẫu đã điền", "",
                                                "Biểu mẫu Excel (*.xlsx)")
        return [Path(n) for n in names]

    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, "Chọn thư mục chứa biểu mẫu")
        return Path(name) if name else None

    def confirm_replace(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Thay thế báo cáo đã có", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText("Thay thế")
        box.button(QMessageBox.StandardButton.No).setText("Không")
        return box.exec() == QMessageBox.StandardButton.Yes

    # -- files
    def on_add_files_clicked(self) -> None:
        self.add_paths(self.choose_files())

    def on_add_folder_clicked(self) -> None:
        folder = self.choose_folder()
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: Iterable[Path]) -> None:
        from ..actions.forms import collect_files

        known = {p.resolve() for p in self.files}
        for p in collect_files(Path(x) for x in paths):
            if p.resolve() not in known:
                known.add(p.resolve())
                self.files.append(p)
        self.refresh()
        if not self.files:
            self.ui.statusLabel.setText("Chưa có tệp nào: bấm “Thêm tệp…”, “Thêm thư mục…” "
                                        "hoặc kéo thả vào đây.")
        elif self._task is None:
            self.ui.statusLabel.setText(f"{number(len(self.pending()))} tệp chờ nhập.")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # -- running
    def pending(self) -> list[Path]:
        """Files not yet imported (never tried, or stopped by "Dừng")."""
        return [p for p in self.files
                if p not in self.outcomes or self.outcomes[p].status.value == "cancelled"]

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, *, replace: bool, only: list[Path] | None = None) -> bool:
        from ..actions.forms import import_forms

        if self.running:
            return False
        todo = only if only is not None else self.pending()
        if not todo:
            self.ui.statusLabel.setText("Không còn tệp nào chờ nhập.")
            return False
        db = self.ctx.db
        received = self.ui.receivedEdit.date().toPython()
        channel = self.ui.channelCombo.currentData()

        def work(report: Any) -> list[Any]:
            return import_forms(db, todo, received_on=received, channel=channel,
                                replace=replace, report=report)

        self.ui.progressBar.setRange(0, len(todo))
        self.ui.progressBar.setValue(0)
        self._task = self.ctx.tasks.run(work, self._on_done, self._on_failed, self._on_progress,
                                        writes=True)
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.ui.statusLabel.setText("Đang dừng sau tệp hiện tại…")
            self.ui.cancelButton.setEnabled(False)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        if text:
            self.ui.statusLabel.setText(f"Đang nhập {number(done + 1)}/{number(total)}: {text}")

    def _on_done(self, outcomes: list[Any]) -> None:
        self._task = None
        for o in outcomes:
            self.outcomes[o.path] = o
        self.refresh()
        counts: dict[str, int] = {}
        for o in outcomes:
            counts[o.status.value] = counts.get(o.status.value, 0) + 1
        stored = sum(o.stored for o in outcomes)
        parts = [f"đã nhập {counts.get('imported', 0) + counts.get('replaced', 0)} "
                 f"({stored} giá trị)"]
        for key, word in (("unchanged", "không đổi"), ("exists", "đã có báo cáo (chưa ghi đè)"),
                          ("refused", "bị từ chối"), ("cancelled", "chưa nhập do dừng")):
            if counts.get(key):
                parts.append(f"{word} {counts[key]}")
        self.ui.statusLabel.setText(f"Xong {number(len(outcomes))} tệp: " + ", ".join(parts) + ".")
        if any(o.status.value in ("imported", "replaced") for o in outcomes):
            self.ctx.notify_changed()
        self.run_finished.emit(outcomes)

    def _on_failed(self, exc: BaseException) -> None:
        self._task = None
        self._update_buttons()
        self.ui.statusLabel.setText(f"<span style='color:#b3261e'>Không nhập được: "
                                    f"{html.escape(error_text(exc))}</span>")

    def on_replace_clicked(self) -> None:
        waiting = [o for o in self.outcomes.values() if o.status.value == "exists"]
        if not waiting or self.running:
            return
        lines = []
        for o in waiting:
            lines.append(f"{o.unit_name} ({o.unit_code}), kỳ {o.period_code} — tệp {o.path.name}:")
            lines += [f"    {c}" for c in o.changes] or ["    (không có thay đổi số liệu)"]
        text = (f"Thay thế {number(len(waiting))} báo cáo đã có bằng số liệu trong các tệp này? "
                "Báo cáo được thay sẽ trở về tình trạng “Đã nhận”.\n\n" + "\n".join(lines))
        if self.confirm_replace(text):
            self.start(replace=True, only=[o.path for o in waiting])

    # -- showing
    def _update_buttons(self) -> None:
        running = self.running
        pending = bool(self.pending())
        waiting = any(o.status.value == "exists" for o in self.outcomes.values())
        self.ui.importButton.setEnabled(pending and not running)
        self.ui.replaceButton.setVisible(waiting)
        self.ui.replaceButton.setEnabled(waiting and not running)
        self.ui.cancelButton.setEnabled(running)
        self.ui.progressBar.setVisible(running or bool(self.outcomes))
        self.ui.addFilesButton.setEnabled(not running)
        self.ui.addFolderButton.setEnabled(not running)
        self.ui.closeButton.setEnabled(not running)

    def refresh(self) -> None:
        tree = self.ui.tree
        tree.clear()
        for path in self.files:
            o = self.outcomes.get(path)
            status = o.status.value if o is not None else "pending"
            label, colour = STATUS_LOOK[status]
            if status == "imported" and o is not None:
                label += f" (trễ {o.late_days} ngày" if o.late_days else " (đúng hạn"
                label += f", {o.stored} giá trị)"
            elif status == "replaced" and o is not None:
                label += f" ({o.stored} giá trị)"
            unit = f"{o.unit_name} ({o.unit_code}), kỳ {o.period_code}" \
                if o is not None and o.unit_code else ""
            item = QTreeWidgetItem([path.name, unit, label])
            item.setToolTip(0, str(path))
            item.setForeground(2, QBrush(QColor(colour)))
            item.setData(0, Qt.ItemDataRole.UserRole, str(path))
            if o is not None:
                for problem in o.problems:
                    cell, reason = split_problem(path.name, problem)
                    child = QTreeWidgetItem([f"Ô {cell}" if cell else "", "", reason])
                    child.setForeground(2, QBrush(QColor(STATUS_LOOK["refused"][1])))
                    child.setToolTip(2, reason)
                    item.addChild(child)
                if status in ("exists", "replaced"):
                    changes = list(o.changes) or ["(không có thay đổi số liệu)"]
                    for change in changes:
                        item.addChild(QTreeWidgetItem(["", "", change]))
            tree.addTopLevelItem(item)
            item.setExpanded(True)
        self._update_buttons()

    def reject(self) -> None:
        if self.running:
            return  # the import finishes its current file first ("Dừng" stops it)
        super().reject()
