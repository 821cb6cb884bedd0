"""Báo cáo: the submissions of the current period, one row per expected unit.

From here a report is entered or corrected (SubmissionDialog), accepted, returned
for correction with a reason, and its evidence managed (EvidenceDialog). Dialogs are
opened with `open()` (window-modal, no nested event loop); the page keeps them in
`editor`, `return_dialog` and `evidence_dialog` while they are open.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.vnformat import day, number
from .columns import fit_columns
from .context import AppContext
from .forms.ui_submissions_page import Ui_SubmissionsPage
from .geometry import FitsScreen
from .staged_open import open_in_turns
from .submissions_model import (
    ROW_ROLE,
    SubmissionLine,
    SubmissionsTableModel,
    VietnameseSortFilterProxy,
    error_text,
    fold,
    lines_from_report,
    show_banner,
)
from .table_keys import keyboard_table

log = logging.getLogger("thidua.ui.submissions")

EMPTY_REASON = "Phải ghi lý do khi trả lại báo cáo để sửa."


class ReturnReasonDialog(FitsScreen, QDialog):
    """Asks why a report goes back to its unit; an empty reason is refused on the spot."""

    def __init__(self, unit_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trả lại báo cáo để sửa")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        prompt = QLabel(f"Lý do trả lại báo cáo của <b>{html.escape(unit_name)}</b> "
                        "(đơn vị sẽ sửa theo lý do này):")
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(
            "Ví dụ: Thiếu số liệu “Báo cáo trên phần mềm tỉnh”. (Ctrl+Enter: trả lại)")
        self.reason_edit.setTabChangesFocus(True)
        layout.addWidget(self.reason_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Trả lại")
        ok.setToolTip("Trả lại báo cáo với lý do này (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # from inside the reason, as in a mail
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủ&y")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(lambda: show_banner(self.error_label, ""))

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            show_banner(self.error_label, EMPTY_REASON, "error")
            self.reason_edit.setFocus()
            return
        super().accept()


class SubmissionsPage(QWidget):
    """The "Báo cáo" page."""

    loaded = Signal()  # the table shows the database as it now is
    message_shown = Signal(str, str)  # text, kind (info | ok | error)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SubmissionsPage()
        self.ui.setupUi(self)
        self.model = SubmissionsTableModel(self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
        table.sortByColumn(SubmissionsTableModel.COL_UNIT, Qt.SortOrder.AscendingOrder)
        self._sized = False  # columns fitted to the first data (then the person's widths)
        self.editor: QDialog | None = None
        self.return_dialog: ReturnReasonDialog | None = None
        self.evidence_dialog: QDialog | None = None
        self._generation = 0
        self._selected_code: str | None = None
        self._opening = False  # the editor's report is being read

        self.ui.searchEdit.textChanged.connect(self.proxy.set_search)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        table.activated.connect(lambda _index: self.edit_selected())
        self.ui.editButton.clicked.connect(self.edit_selected)
        self.ui.acceptButton.clicked.connect(self.accept_selected)
        self.ui.returnButton.clicked.connect(self.return_selected)
        self.ui.evidenceButton.clicked.connect(self.evidence_selected)
        keyboard_table(table, [self.ui.editButton, self.ui.acceptButton,
                               self.ui.returnButton, self.ui.evidenceButton])
        ctx.data_changed.connect(self.reload)
        ctx.period_changed.connect(lambda _code: self.reload())
        self._update_buttons()
        self.reload()

    # -- the page contract
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def has_unsaved_changes(self) -> bool:
        editor = self.editor
        return bool(editor is not None and editor.has_unsaved_changes())  # type: ignore[attr-defined]

    def save(self) -> bool:
        """Save an open editor's changes and wait (the window is closing); False when its
        input is invalid: the editor is brought forward with the reason shown."""
        if not self.has_unsaved_changes():
            return True
        editor = self.editor
        assert editor is not None
        if editor.save_blocking():  # type: ignore[attr-defined]
            return True
        editor.raise_()
        editor.activateWindow()
        return False

    # -- loading
    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        period = self.ctx.period_code
        ctx = self.ctx
        order = self.model.sort_order

        def load(_report: Any) -> list[SubmissionLine]:
            from ..actions.evidence import evidence_counts

            report = ctx.report(period)
            counts = evidence_counts(ctx.db, period)
            lines = lines_from_report(report, counts)
            for line in lines:  # the search box's folded names: cached off the GUI thread
                fold(line.unit_name)
            # sorted here, off the GUI thread, in the order the table shows
            return SubmissionsTableModel.sorted_lines(lines, order)

        def done(lines: list[SubmissionLine]) -> None:
            if generation == self._generation:
                self._apply(lines, order)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.show_message(f"Không đọc được danh sách báo cáo: {error_text(exc)}", "error")

        self.ctx.tasks.run(load, done, failed, page=self)

    def _apply(self, lines: list[SubmissionLine],
               order: tuple[int, Qt.SortOrder] | None = None) -> None:
        keep = self._selected_code
        self.model.set_lines(lines, order)
        if not self._sized and lines:
            fit_columns(self.ui.table, stretch=SubmissionsTableModel.COL_UNIT)
            self._sized = True
        period = self.ctx.period
        self.ui.titleLabel.setText(
            f"<b>Báo cáo của các đơn vị</b> — {html.escape(period.label)}"
            f", hạn nộp {day(period.deadline)}")
        submitted = [ln for ln in lines if ln.submitted]
        self.ui.summaryLabel.setText(
            f"Phải nộp {number(len(lines))}, đã nộp {number(len(submitted))}, "
            f"đã chấp nhận {sum(1 for ln in submitted if ln.state == 'accepted')}, "
            f"trả lại {sum(1 for ln in submitted if ln.state == 'returned')}")
        if keep is None or not self.select_unit(keep):
            first = self.proxy.index(0, 0)
            if first.isValid():
                self.ui.table.selectRow(0)
        self._update_buttons()
        self.loaded.emit()

    # -- selection
    def select_unit(self, unit_code: str) -> bool:
        row = self.model.row_of(unit_code)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.ui.table.scrollTo(index)
        return True

    def selected_line(self) -> SubmissionLine | None:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows:
            return None
        line = rows[0].data(ROW_ROLE)
        return line if isinstance(line, SubmissionLine) else None

    def _on_selection_changed(self, *_args: Any) -> None:
        line = self.selected_line()
        if line is not None:
            self._selected_code = line.unit_code
        self._update_buttons()

    def _update_buttons(self) -> None:
        line = self.selected_line()
        submitted = line is not None and line.submitted
        self.ui.editButton.setEnabled(line is not None)
        self.ui.acceptButton.setEnabled(submitted and line.state != "accepted")  # type: ignore[union-attr]
        self.ui.returnButton.setEnabled(submitted and line.state != "returned")  # type: ignore[union-attr]
        self.ui.evidenceButton.setEnabled(submitted)
        self.ui.detailLabel.setText(self._detail(line))

    def _detail(self, line: SubmissionLine | None) -> str:
        if line is None:
            return "Chọn một đơn vị trong bảng để nhập, xét duyệt báo cáo hoặc quản lý minh chứng."
        name = html.escape(line.unit_name)
        if not line.submitted:
            return f"<b>{name}</b> chưa nộp báo cáo kỳ này. Bấm “Nhập / sửa báo cáo” để nhập."
        parts = [f"<b>{name}</b>: {html.escape(line.status_label)}"]
        if line.state == "returned" and line.return_reason:
            parts.append(f"lý do trả lại: <i>{html.escape(line.return_reason)}</i>")
        if line.failed:
            parts.append("tiêu chí chưa đạt: " + ", ".join(line.failed))
        return "; ".join(parts) + "."

    # -- messages
    def show_message(self, text: str, kind: str = "info") -> None:
        show_banner(self.ui.bannerLabel, text, kind)
        self.message_shown.emit(text, kind)

    # -- actions
    def edit_selected(self) -> None:
        """Open the report editor on the selected unit: its report is read on a worker,
        the dialog built in one turn of the event loop and its indicators' rows a few per
        turn (build_rows_in_turns), then laid out, shown off screen and shown in three
        more (open_in_turns: each well under 100 ms at a province's scale, instead of one
        block of several times that)."""
        line = self.selected_line()
        if line is None or self.editor is not None or self._opening:
            return
        ctx, unit_code, period = self.ctx, line.unit_code, self.ctx.period_code
        self._opening = True

        def read(_report: Any) -> Any:
            from ..actions.submissions import read_submission

            return read_submission(ctx.db, unit_code, period)

        def failed(exc: BaseException) -> None:
            self._opening = False
            self.show_message(error_text(exc), "error")

        def done(draft: Any) -> None:
            self._opening = False
            self._open_editor(unit_code, period, draft)

        self.ctx.tasks.run(read, done, failed)

    def _open_editor(self, unit_code: str, period: str, draft: Any) -> None:
        from .submission_dialog import SubmissionDialog

        if self.editor is not None:
            return
        try:
            dlg = SubmissionDialog(self.ctx, unit_code, period, self, draft=draft,
                                   rows_in_turns=True)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            self._editor_failed(exc)
            return
        dlg.saved.connect(self._on_editor_saved)
        dlg.finished.connect(lambda _r: self._forget("editor"))
        self.editor = dlg

        def wanted() -> bool:
            return self.editor is dlg

        def failed(exc: BaseException) -> None:
            self._forget("editor")
            self._editor_failed(exc)

        dlg.build_rows_in_turns(self, wanted, lambda: open_in_turns(dlg, self, wanted), failed)

    def _editor_failed(self, exc: BaseException) -> None:
        log.exception("opening the editor failed", exc_info=exc)
        self.show_message(error_text(exc), "error")

    def _on_editor_saved(self, message: str) -> None:
        self.show_message(message, "ok")

    def _forget(self, name: str) -> None:
        dlg = getattr(self, name)
        setattr(self, name, None)
        if dlg is not None:
            dlg.deleteLater()

    def accept_selected(self) -> None:
        line = self.selected_line()
        if line is None or not line.submitted:
            return
        self._review(line, accept=True, reason="")

    def return_selected(self) -> None:
        line = self.selected_line()
        if line is None or not line.submitted or self.return_dialog is not None:
            return
        dlg = ReturnReasonDialog(line.unit_name, self)
        dlg.accepted.connect(lambda: self._review(line, accept=False, reason=dlg.reason()))
        dlg.finished.connect(lambda _r: self._forget("return_dialog"))
        self.return_dialog = dlg
        dlg.open()

    def _review(self, line: SubmissionLine, *, accept: bool, reason: str) -> None:
        from ..actions.review import review_submission

        db, period = self.ctx.db, self.ctx.period_code

        def work(_report: Any) -> None:
            review_submission(db, line.unit_code, period, accept=accept, reason_text=reason,
                              expected_version=line.version)

        def done(_result: object) -> None:
            if accept:
                self.show_message(f"Đã chấp nhận báo cáo của {line.unit_name}.", "ok")
            else:
                self.show_message(
                    f"Đã trả lại báo cáo của {line.unit_name} để sửa. Lý do: {reason}", "ok")
            self.ctx.notify_changed()

        def failed(exc: BaseException) -> None:
            self.show_message(error_text(exc), "error")
            if line.version is not None:  # perhaps changed by another clerk: show it now
                self.ctx.notify_changed()

        self.ctx.tasks.run(work, done, failed, writes=True)

    def evidence_selected(self) -> None:
        line = self.selected_line()
        if line is None or not line.submitted or self.evidence_dialog is not None:
            return
        from .evidence_dialog import EvidenceDialog

        try:
            dlg = EvidenceDialog(self.ctx, line.unit_code, self.ctx.period_code, self)
        except Exception as exc:  # noqa: BLE001
            log.exception("opening the evidence dialog failed")
            self.show_message(error_text(exc), "error")
            return
        dlg.finished.connect(lambda _r: self._forget("evidence_dialog"))
        self.evidence_dialog = dlg
        dlg.open()
