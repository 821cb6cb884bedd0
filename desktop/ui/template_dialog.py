"""Tạo biểu mẫu: one Excel form per unit of a period, written into a chosen folder.

The folder may be a USB stick; the forms are written in a reader task with progress
and "Dừng". A file of the same name already in the folder (perhaps a form a commune
filled in and brought back on that stick) is kept unless the person asks to overwrite.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from ..domain.errors import DomainError
from ..domain.period_report import expected_units
from ..domain.plan import Unit
from ..domain.vnformat import day, number
from .context import AppContext
from .forms.ui_template_dialog import Ui_TemplateDialog
from .geometry import FitsScreen
from .submissions_model import error_text

WRITTEN, SKIPPED, CANCELLED = "written", "skipped", "cancelled"


def write_forms(ctx_db: Any, plan: Any, period_code: str, units: list[Unit], folder: Path,
                overwrite: bool, report: Any) -> list[tuple[str, Path, str]]:
    """Write the forms; (unit name, file, written | skipped | cancelled) for each unit."""
    from ..actions.form_templates import template_basis
    from ..exchange.form_template import form_filename, write_form
    from ..version import __version__

    office = template_basis(ctx_db).office_name
    period = plan.period(period_code)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"Không tạo được thư mục {folder}: {exc.strerror}") from None
    now = dt.datetime.now().replace(microsecond=0)
    results: list[tuple[str, Path, str]] = []
    for i, u in enumerate(units):
        target = folder / form_filename(plan, period, u)
        if not report(i, len(units), u.name):
            results += [(v.name, folder, CANCELLED) for v in units[i:]]
            break
        if target.exists() and not overwrite:
            results.append((u.name, target, SKIPPED))
            continue
        try:
            write_form(plan, period, u, target, office_name=office, app_version=__version__,
                       generated_at=now)
        except OSError as exc:
            raise DomainError(
                f"Không ghi được {target}: {exc.strerror}. Nếu là ổ USB: ổ còn cắm, còn chỗ "
                f"trống và không bị khóa ghi? Đã ghi xong {sum(r[2] == WRITTEN for r in results)}"
                " biểu mẫu trước đó.") from None
        results.append((u.name, target, WRITTEN))
    report(len(units), len(units), "")
    return results


class TemplateDialog(FitsScreen, QDialog):
    run_finished = Signal(list)  # [(unit name, path, status)]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_TemplateDialog()
        self.ui.setupUi(self)
        for p in ctx.plan.periods:
            self.ui.periodCombo.addItem(f"{p.label} (hạn nộp {day(p.deadline)})", p.code)
        self.ui.periodCombo.setCurrentIndex(max(0, self.ui.periodCombo.findData(ctx.period_code)))
        self._task: Any = None
        self.folder: Path | None = None
        self.ui.periodCombo.currentIndexChanged.connect(lambda _i: self.load_units())
        self.ui.chooseButton.clicked.connect(self.on_choose_clicked)
        self.ui.folderEdit.textChanged.connect(lambda _t: self._update_buttons())
        self.ui.allButton.clicked.connect(lambda: self._check_all(True))
        self.ui.noneButton.clicked.connect(lambda: self._check_all(False))
        self.ui.unitList.itemChanged.connect(lambda _i: self._update_buttons())
        self.ui.createButton.clicked.connect(self.start)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.openFolderButton.clicked.connect(
            lambda: self.folder and self.open_url(QUrl.fromLocalFile(str(self.folder))))
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.progressBar.setVisible(False)
        self.ui.openFolderButton.setVisible(False)
        self.load_units()

    # -- seams (replaced in tests)
    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu biểu mẫu (có thể là ổ USB)",
                                                self.ui.folderEdit.text())
        return Path(name) if name else None

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    # -- units
    @property
    def period_code(self) -> str:
        return str(self.ui.periodCombo.currentData())

    def load_units(self) -> None:
        from ..actions.form_templates import template_basis

        units = list(template_basis(self.ctx.db, self.period_code).units)
        period = self.ctx.plan.period(self.period_code)
        self._units = [u for u in expected_units(units, period)
                       if self.ctx.plan.indicators_for(u.kind)]
        lst = self.ui.unitList
        lst.blockSignals(True)
        lst.clear()
        for u in self._units:
            item = QListWidgetItem(f"{u.code} — {u.name}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            lst.addItem(item)
        lst.blockSignals(False)
        self._update_buttons()

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.ui.unitList.count()):
            self.ui.unitList.item(i).setCheckState(state)

    def chosen_units(self) -> list[Unit]:
        lst = self.ui.unitList
        return [u for i, u in enumerate(self._units)
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    # -- running
    def on_choose_clicked(self) -> None:
        folder = self.choose_folder()
        if folder is not None:
            self.ui.folderEdit.setText(str(folder))

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> bool:
        units = self.chosen_units()
        text = self.ui.folderEdit.text().strip()
        if self.running or not units or not text:
            return False
        folder = Path(text)
        self.folder = folder
        db, plan, period = self.ctx.db, self.ctx.plan, self.period_code
        overwrite = self.ui.overwriteCheck.isChecked()
        self.ui.progressBar.setRange(0, len(units))
        self.ui.progressBar.setValue(0)
        self.ui.progressBar.setVisible(True)
        self._task = self.ctx.tasks.run(
            lambda report: write_forms(db, plan, period, units, folder, overwrite, report),
            self._on_done, self._on_failed, self._on_progress)
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.ui.cancelButton.setEnabled(False)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        if text:
            self.ui.statusLabel.setText(f"Đang tạo {number(done + 1)}/{number(total)}: {text}")

    def _on_done(self, results: list[tuple[str, Path, str]]) -> None:
        self._task = None
        written = [r for r in results if r[2] == WRITTEN]
        skipped = [r for r in results if r[2] == SKIPPED]
        cancelled = [r for r in results if r[2] == CANCELLED]
        parts = [f"Đã tạo {number(len(written))} biểu mẫu trong thư mục "
                 f"<b>{html.escape(str(self.folder))}</b>."]
        if skipped:
            parts.append(f"Giữ nguyên {number(len(skipped))} tệp đã có (không ghi đè): "
                         + html.escape(", ".join(r[1].name for r in skipped)) + ".")
        if cancelled:
            parts.append(f"Đã dừng: {number(len(cancelled))} đơn vị chưa tạo.")
        self.ui.statusLabel.setText("<br>".join(parts))
        self.ui.openFolderButton.setVisible(True)
        self._update_buttons()
        self.run_finished.emit(results)

    def _on_failed(self, exc: BaseException) -> None:
        self._task = None
        self.ui.statusLabel.setText(
            f"<span style='color:#b3261e'>{html.escape(error_text(exc))}</span>")
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.running
        ready = bool(self.chosen_units()) and bool(self.ui.folderEdit.text().strip())
        self.ui.createButton.setEnabled(ready and not running)
        self.ui.cancelButton.setEnabled(running)
        self.ui.closeButton.setEnabled(not running)
        self.ui.unitsLabel.setText(
            f"Đơn vị phải báo cáo kỳ này: đã chọn {number(len(self.chosen_units()))}/"
            f"{number(len(self._units))}")

    def reject(self) -> None:
        if not self.running:
            super().reject()
