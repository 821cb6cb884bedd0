"""Báo cáo gửi cấp trên: the period's Excel workbook, PDF report and data package, at once.

The same writers as `thidua export` (write_xlsx, write_pdf, write_package over
load_export_input), run in a reader task with progress and "Hủy" (checked between
outputs). Each writer builds its file under a temporary name beside the target and
renames it, so a file appears whole or not at all; an existing file is never replaced
without asking. The folder may be a USB stick.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QTreeWidgetItem, QWidget

from ..domain.errors import DomainError
from ..domain.period_report import REVIEW_STATE_LABELS, PeriodReport
from ..domain.province import slug
from ..domain.vnformat import day, number
from . import errors
from .context import AppContext
from .forms.ui_export_dialog import Ui_ExportDialog
from .geometry import FitsScreen
from .submissions_model import error_text

KINDS = ("xlsx", "pdf", "package")
SUFFIX = {"xlsx": ".xlsx", "pdf": ".pdf", "package": ".zip"}
WHAT = {"xlsx": "Bảng tổng hợp Excel", "pdf": "Báo cáo PDF", "package": "Gói dữ liệu"}
WRITTEN, FAILED, CANCELLED = "written", "failed", "cancelled"
BAD_CHARS = set('<>:"/\\|?*')
NAMES_SHOWN = 6
GREY, GREEN, AMBER, RED = "#5f6368", "#1b7f3b", "#8a5a00", "#b3261e"
BANNERS = {
    "info": "background:#e8f0fe; color:#174ea6; border:1px solid #aecbfa;",
    "warn": "background:#fef7e0; color:#7a4f01; border:1px solid #f9d67a;",
    "error": "background:#fce8e6; color:#a50e0e; border:1px solid #f6aea9;",
}


@dataclass(frozen=True)
class Outcome:
    kind: str  # xlsx | pdf | package
    path: Path
    status: str  # written | failed | cancelled
    message: str = ""


def proposed_names(period_code: str, place: str) -> dict[str, str]:
    """'BaoCao_CDS_Ninh-Son_2023.xlsx', '….pdf', 'GoiDuLieu_CDS_Ninh-Son_2023.zip'."""
    stem = "_".join(p for p in ("CDS", _title_slug(place)[:40], _title_slug(period_code)) if p)
    return {"xlsx": f"BaoCao_{stem}.xlsx", "pdf": f"BaoCao_{stem}.pdf",
            "package": f"GoiDuLieu_{stem}.zip"}


def _title_slug(text: str) -> str:
    """'Ninh Sơn' -> 'Ninh-Son': safe in a file name on any system."""
    return "-".join(part.capitalize() for part in slug(text).split("-"))


def summary_text(report: PeriodReport) -> tuple[str, bool]:
    """What the period holds, and whether some reports are included before acceptance."""
    s = report.summary
    text = f"Kỳ này đã nhận báo cáo của {number(s.submitted)}/{number(s.expected)} đơn vị"
    missing = [u.unit.name for u in report.units if u.submission is None]
    if missing:
        text += f" (chưa nộp: {_names(missing)})"
    text += f", trong đó {number(s.accepted)} báo cáo đã được chấp nhận."
    pending = [u for u in report.units
               if u.submission is not None and u.submission.state != "accepted"]
    if pending:
        states = [(u.unit.name, u.submission.state) for u in pending if u.submission]
        listed = _names([f"{n} ({REVIEW_STATE_LABELS.get(st, st).lower()})" for n, st in states])
        text += (f"\nLưu ý: {number(len(pending))} báo cáo chưa được chấp nhận — {listed} — vẫn "
                 f"được "
                 "đưa vào báo cáo tổng hợp với số liệu hiện có.")
    return text, bool(pending)


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown + (f" và {number(len(names) - NAMES_SHOWN)} đơn vị "
                    f"khác" if len(names) > NAMES_SHOWN
                    else "")


def export_outputs(db: Any, period_code: str, targets: list[tuple[str, Path]], number: str,
                   on: dt.date, report: Callable[[int, int, str], bool]) -> list[Outcome]:
    """Write the chosen outputs as one set, as `thidua export` does; runs on a worker.
    A refused output (a locked file, a full stick) means none is written: the folder keeps
    either all the new files or all the old ones."""
    from ..actions.exports import ExportCancelled, load_export_input, write_exports

    total = len(targets) + 1
    if not report(0, total, "Đang đọc số liệu của kỳ…"):
        return [Outcome(k, p, CANCELLED) for k, p in targets]
    inp = load_export_input(db, period_code)
    try:
        write_exports(inp, targets, number=number, on=on, report=report)
    except ExportCancelled:
        return [Outcome(k, p, CANCELLED) for k, p in targets]
    except (DomainError, OSError) as exc:  # a set: one refusal means none was written
        return [Outcome(k, p, FAILED, error_text(exc)) for k, p in targets]
    results = [Outcome(k, p, WRITTEN) for k, p in targets]
    report(total, total, "")
    return results


class ExportDialog(FitsScreen, QDialog):
    summary_loaded = Signal(str)  # the summary line shown for the chosen period
    run_finished = Signal(list)  # the Outcome list of the last run

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..actions.office import read_office

        self.ctx = ctx
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        office = read_office(ctx.db)
        self.place = office.place or office.short_name
        self.ui.prefixLabel.setText(office.doc_number_prefix)
        today = dt.date.today()
        self.ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        for p in ctx.plan.periods:
            self.ui.periodCombo.addItem(f"{p.label} (hạn nộp {day(p.deadline)})", p.code)
        self.ui.periodCombo.setCurrentIndex(max(0, self.ui.periodCombo.findData(ctx.period_code)))
        self.ui.tree.header().resizeSection(0, 430)
        self.checks = {"xlsx": self.ui.xlsxCheck, "pdf": self.ui.pdfCheck,
                       "package": self.ui.packageCheck}
        self.names = {"xlsx": self.ui.xlsxName, "pdf": self.ui.pdfName,
                      "package": self.ui.packageName}
        self._proposed: dict[str, str] = {}
        self._task: Any = None
        self._summary_run = 0
        self.folder: Path | None = None
        self.outcomes: list[Outcome] = []
        self.ui.periodCombo.currentIndexChanged.connect(lambda _i: self.on_period_changed())
        self.ui.chooseButton.clicked.connect(self.on_choose_clicked)
        self.ui.folderEdit.textChanged.connect(lambda _t: self.refresh_plan())
        for kind in KINDS:
            self.checks[kind].toggled.connect(lambda _on: self.refresh_plan())
            self.names[kind].textChanged.connect(lambda _t: self.refresh_plan())
        self.ui.exportButton.clicked.connect(self.start)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.openFolderButton.clicked.connect(self.on_open_folder_clicked)
        self.ui.closeButton.clicked.connect(self.reject)
        self.finished.connect(lambda _r: self._forget_summary())
        self.ui.progressBar.setVisible(False)
        self.ui.cancelButton.setVisible(False)
        self.ui.openFolderButton.setVisible(False)
        self.on_period_changed()

    # -- seams (replaced in tests)
    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, "Chọn thư mục lưu báo cáo (có thể là ổ USB)", self.ui.folderEdit.text())
        return Path(name) if name else None

    def confirm_overwrite(self, paths: list[Path]) -> bool:
        listing = "\n".join(f"  • {p.name}" for p in paths)
        box = QMessageBox(QMessageBox.Icon.Question, "Ghi đè tệp đã có",
                          f"Thư mục {paths[0].parent} đã có tệp cùng tên:\n{listing}\n\n"
                          "Ghi đè bằng báo cáo mới?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText("Ghi đè")
        box.button(QMessageBox.StandardButton.No).setText("Không")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def confirm_warnings(self, warnings: list[str]) -> bool:
        return errors.confirm_sending(self, warnings)

    def sending_warnings(self, kinds: set[str]) -> list[str]:
        """What to confirm before the PDF (alone or in the package) is written."""
        from ..actions.office import read_office
        from ..domain.official import export_warnings

        if not kinds & {"pdf", "package"}:
            return []
        office = read_office(self.ctx.db)
        return export_warnings(self.ctx.plan, office.name, office.signer_name)

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    # -- choices
    @property
    def period_code(self) -> str:
        return str(self.ui.periodCombo.currentData())

    def on_period_changed(self) -> None:
        new = proposed_names(self.period_code, self.place)
        for kind in KINDS:
            text = self.names[kind].text().strip()
            if not text or text == self._proposed.get(kind):
                self.names[kind].setText(new[kind])
        self._proposed = new
        self._load_summary()

    def _forget_summary(self) -> None:
        self._summary_run += 1  # a summary still being read is not shown in a closed dialog

    def _load_summary(self) -> None:
        self._summary_run += 1
        run, code = self._summary_run, self.period_code
        self._banner("Đang đọc số liệu của kỳ…", "info")

        def done(report: PeriodReport) -> None:
            if run != self._summary_run:
                return  # another period was chosen meanwhile
            text, warn = summary_text(report)
            self._banner(text, "warn" if warn else "info")
            self.summary_loaded.emit(text)

        def failed(exc: BaseException) -> None:
            if run == self._summary_run:
                self._banner(error_text(exc), "error")

        self.ctx.tasks.run(lambda _r: self.ctx.report(code), done, failed)

    def on_choose_clicked(self) -> None:
        folder = self.choose_folder()
        if folder is not None:
            self.ui.folderEdit.setText(str(folder))

    def targets(self) -> tuple[list[tuple[str, Path]], str]:
        """The chosen (kind, path) pairs, or the reason they cannot be written."""
        text = self.ui.folderEdit.text().strip()
        if not text:
            return [], "Chọn thư mục lưu báo cáo."
        folder = Path(text)
        chosen: list[tuple[str, Path]] = []
        for kind in KINDS:
            if not self.checks[kind].isChecked():
                continue
            name = self.names[kind].text().strip()
            if not name:
                return [], f"Nhập tên tệp cho {WHAT[kind].lower()}."
            if BAD_CHARS & set(name) or name.startswith("."):
                return [], (f"Tên tệp “{name}” có ký tự không dùng được trong tên tệp "
                            "(< > : \" / \\ | ? *).")
            if not name.lower().endswith(SUFFIX[kind]):
                name += SUFFIX[kind]
            chosen.append((kind, folder / name))
        if not chosen:
            return [], "Chọn ít nhất một loại tệp để xuất."
        return chosen, ""

    # -- running
    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> bool:
        if self.running:
            return False
        targets, problem = self.targets()
        if problem:
            self._say(problem, RED)
            return False
        folder = targets[0][1].parent
        if not folder.is_dir():
            self._say(f"Thư mục {folder} không tồn tại hoặc không mở được (ổ USB đã rút ra?). "
                      "Hãy chọn lại thư mục.", RED)
            return False
        existing = [p for _k, p in targets if p.exists()]
        if existing and not self.confirm_overwrite(existing):
            self._say("Chưa xuất: các tệp đã có được giữ nguyên. Hãy đổi tên tệp hoặc chọn "
                      "thư mục khác.", AMBER)
            return False
        warnings = self.sending_warnings({k for k, _p in targets})
        if warnings and not self.confirm_warnings(warnings):
            self._say("Chưa xuất. Hãy sửa Thông tin cơ quan (menu Tệp → Thông tin cơ quan…) "
                      "rồi xuất lại.", AMBER)
            return False
        self.folder = folder
        db, code = self.ctx.db, self.period_code
        number = self.ui.numberEdit.text().strip()
        on = self.ui.dateEdit.date().toPython()
        self.outcomes = []
        self._show_rows([(k, p, "Đang chờ…", GREY) for k, p in targets])
        self.ui.progressBar.setRange(0, len(targets) + 1)
        self.ui.progressBar.setValue(0)
        self._task = self.ctx.tasks.run(
            lambda report: export_outputs(db, code, targets, number, on, report),
            self._on_done, self._on_failed, self._on_progress)
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._say("Đang dừng sau tệp đang ghi…", GREY)
            self.ui.cancelButton.setEnabled(False)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        if text and self.ui.cancelButton.isEnabled():
            self._say(text, GREY)

    def _on_done(self, outcomes: list[Outcome]) -> None:
        self._task = None
        self.outcomes = outcomes
        look = {WRITTEN: ("Đã ghi", GREEN), CANCELLED: ("Chưa ghi (đã hủy)", GREY)}
        rows = []
        for o in outcomes:
            label, colour = look.get(o.status, (f"Không ghi được: {o.message}", RED))
            if o.status == WRITTEN:
                label += f" ({_size(o.path)})"
            rows.append((o.kind, o.path, label, colour))
        self._show_rows(rows)
        written = [o for o in outcomes if o.status == WRITTEN]
        parts = [f"Đã ghi {number(len(written))} tệp vào thư mục "
                 f"<b>{html.escape(str(self.folder))}</b>."]
        if any(o.status == FAILED for o in outcomes):
            parts.append(f"<span style='color:{RED}'>Có tệp không ghi được (xem lý do ở "
                         "trên); các tệp khác không bị ảnh hưởng.</span>")
        if any(o.status == CANCELLED for o in outcomes):
            parts.append("Đã hủy: các tệp còn lại chưa được ghi.")
        self.ui.statusLabel.setText("<br>".join(parts))
        self.ui.openFolderButton.setVisible(bool(written))
        self._update_buttons()
        self.run_finished.emit(outcomes)

    def _on_failed(self, exc: BaseException) -> None:
        self._task = None
        self._say(error_text(exc), RED)
        self.refresh_plan(keep_status=True)
        self.run_finished.emit([])

    def on_open_folder_clicked(self) -> None:
        if self.folder is not None:
            self.open_url(QUrl.fromLocalFile(str(self.folder)))

    # -- showing
    def _banner(self, text: str, kind: str) -> None:
        style = BANNERS[kind]
        self.ui.summaryLabel.setStyleSheet(
            f"QLabel {{ {style} padding:6px; border-radius:3px; }}")
        self.ui.summaryLabel.setText(text)

    def _say(self, text: str, colour: str) -> None:
        self.ui.statusLabel.setText(f"<span style='color:{colour}'>{html.escape(text)}</span>")

    def refresh_plan(self, keep_status: bool = False) -> None:
        """Show the files a click on "Xuất" would write (and which already exist)."""
        if self.running:
            return
        targets, problem = self.targets()
        rows = [(k, p, "Đã có tệp cùng tên — sẽ hỏi trước khi ghi đè", AMBER) if p.exists()
                else (k, p, "Sẽ ghi", GREY) for k, p in targets]
        self._show_rows(rows)
        if not keep_status:
            self.ui.statusLabel.setText(problem)
        self.ui.openFolderButton.setVisible(False)
        self._update_buttons()

    def _show_rows(self, rows: list[tuple[str, Path, str, str]]) -> None:
        tree = self.ui.tree
        tree.clear()
        for kind, path, label, colour in rows:
            item = QTreeWidgetItem([f"{WHAT[kind]}: {path.name}", label])
            item.setToolTip(0, str(path))
            item.setToolTip(1, label)
            item.setForeground(1, QBrush(QColor(colour)))
            tree.addTopLevelItem(item)

    def _update_buttons(self) -> None:
        running = self.running
        self.ui.exportButton.setEnabled(not running and not self.targets()[1])
        self.ui.cancelButton.setVisible(running)
        self.ui.cancelButton.setEnabled(running)
        self.ui.progressBar.setVisible(running)
        self.ui.closeButton.setEnabled(not running)
        for w in (self.ui.periodCombo, self.ui.numberEdit, self.ui.dateEdit, self.ui.folderEdit,
                  self.ui.chooseButton, self.ui.outputsBox):
            w.setEnabled(not running)

    def reject(self) -> None:
        if not self.running:  # "Hủy" stops after the file being written
            super().reject()


def _size(path: Path) -> str:
    n = path.stat().st_size if path.exists() else 0
    return f"{n / 1024:,.0f} KB".replace(",", ".") if n >= 1024 else f"{n} byte"
