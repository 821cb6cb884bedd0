"""Khen thưởng: the commendation proposals of a review, checked against the plan.

The review selector lists the plan's review periods (those with quotas: sơ kết, tổng kết).
The page shows the proposals (rows in breach tinted, the rule and its clause in tooltips),
a gauge per quota (per award, per block where the plan has blocks) and the leaders' share,
every breach with its clause, and the best-ranked units not yet proposed ("Đề nghị" adds
the one selected). Everything is read in a reader task (evaluation of the review's period,
check, suggestions) and written in the serialized writer, then `ctx.notify_changed()`.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QWidget

from ..actions.proposals import ReviewState, load_state
from ..domain.proposals import (
    KIND_LABELS,
    Proposal,
    ProposalCheck,
    Suggestion,
    review_awards,
    review_codes,
)
from ..domain.vnformat import number
from . import errors
from .columns import fit_when_filled
from .context import AppContext
from .forms.ui_proposals_page import Ui_ProposalsPage
from .proposals_model import (
    BreachesTableModel,
    ProposalsTableModel,
    SuggestionsTableModel,
    breach_line,
    default_review,
    write_list,
)
from .quota_gauge import QuotaPanel
from .staged_open import open_in_turns
from .submissions_model import ROW_ROLE, VietnameseSortFilterProxy, error_text, show_banner
from .table_keys import keyboard_table

log = logging.getLogger("thidua.ui.proposals")

M = ProposalsTableModel
EXPORTS = {
    "xlsx": ("Xuất danh sách đề nghị khen thưởng ra Excel", "Tệp Excel (*.xlsx)", ".xlsx"),
    "pdf": ("Xuất danh sách đề nghị khen thưởng ra PDF", "Tệp PDF (*.pdf)", ".pdf"),
}


class ProposalsPage(QWidget):
    """The "Khen thưởng" page."""

    loaded = Signal()  # the page shows the database as it now is
    message_shown = Signal(str, str)  # text, kind (info | ok | error)
    exported = Signal(object)  # the Path of a list written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_ProposalsPage()
        ui.setupUi(self)
        self.state: ReviewState | None = None
        self.dialog: QDialog | None = None
        self._generation = 0
        self._focus_id: int | None = None
        self._announce = ""
        self._writing = False

        self.model = ProposalsTableModel(self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        ui.table.setModel(self.proxy)
        ui.table.sortByColumn(M.COL_ID, Qt.SortOrder.AscendingOrder)
        # widths from the header and a sample of rows (fit_when_filled), not ResizeToContents
        fit_when_filled(ui.table, stretch=M.COL_BREACHES)
        self.breaches = BreachesTableModel(self)
        ui.breachTable.setModel(self.breaches)
        bh = ui.breachTable.horizontalHeader()
        bh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        bh.setSectionResizeMode(BreachesTableModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((170, 95, 64)):
            ui.breachTable.setColumnWidth(col, width)
        bh.sectionResized.connect(lambda *_a: ui.breachTable.resizeRowsToContents())
        self.suggestions = SuggestionsTableModel(self)
        ui.suggestTable.setModel(self.suggestions)
        fit_when_filled(ui.suggestTable)
        # the last shown column takes the rest (the award's column is hidden for one award)
        ui.suggestTable.horizontalHeader().setStretchLastSection(True)
        self.quota_panel = QuotaPanel(ui.quotaGroup)
        ui.quotaHostLayout.addWidget(self.quota_panel)
        ui.proposalsBottomSplitter.setStretchFactor(0, 3)
        ui.proposalsBottomSplitter.setStretchFactor(1, 2)
        ui.proposalsBottomSplitter.setSizes([740, 360])
        ui.proposalsMainSplitter.setStretchFactor(0, 3)
        ui.proposalsMainSplitter.setStretchFactor(1, 2)
        ui.busyLabel.setVisible(False)
        ui.busyBar.setVisible(False)

        ui.reviewCombo.currentIndexChanged.connect(lambda _i: self.reload())
        ui.searchEdit.textChanged.connect(self.proxy.set_search)
        ui.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        ui.table.activated.connect(lambda _i: self.edit_selected())
        ui.breachTable.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._on_breach_chosen(cur.row()))
        ui.suggestTable.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons())
        ui.suggestTable.activated.connect(lambda _i: self.propose_selected())
        ui.addCollectiveButton.clicked.connect(lambda: self.open_dialog(kind="collective"))
        ui.addIndividualButton.clicked.connect(lambda: self.open_dialog(kind="individual"))
        ui.editButton.clicked.connect(self.edit_selected)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.proposeButton.clicked.connect(self.propose_selected)
        ui.exportXlsxButton.clicked.connect(lambda: self.export("xlsx"))
        ui.exportPdfButton.clicked.connect(lambda: self.export("pdf"))
        keyboard_table(ui.table, [ui.editButton, ui.removeButton])
        keyboard_table(ui.suggestTable, [ui.proposeButton])
        keyboard_table(ui.breachTable)
        QShortcut(QKeySequence.StandardKey.Delete, ui.table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.database_changed.connect(lambda: self._fill_reviews(keep=False))
        ctx.period_changed.connect(self._on_period_changed)
        self._fill_reviews(keep=False)
        self._update_buttons()

    # -- the page contract
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def has_unsaved_changes(self) -> bool:
        dlg = self.dialog
        return bool(dlg is not None and dlg.is_dirty())  # type: ignore[attr-defined]

    def save(self) -> bool:
        """Save an open proposal dialog and wait (the window is closing)."""
        if not self.has_unsaved_changes():
            return True
        return bool(self.dialog.save_blocking())  # type: ignore[union-attr]

    # -- reviews
    @property
    def review(self) -> str | None:
        return self.ui.reviewCombo.currentData()

    def set_review(self, code: str) -> bool:
        index = self.ui.reviewCombo.findData(code)
        if index >= 0:
            self.ui.reviewCombo.setCurrentIndex(index)
        return index >= 0

    def _fill_reviews(self, keep: bool = True) -> None:
        plan, combo = self.ctx.plan, self.ui.reviewCombo
        codes = review_codes(plan)
        current = self.review if keep else None
        if keep and codes == [combo.itemData(i) for i in range(combo.count())]:
            self.reload()
            return
        combo.blockSignals(True)
        combo.clear()
        for code in codes:
            combo.addItem(plan.period(code).label, code)
        wanted = current if current in codes else default_review(plan, self.ctx.period_code)
        combo.setCurrentIndex(max(combo.findData(wanted), 0) if codes else -1)
        combo.blockSignals(False)
        self.reload()

    def _on_data_changed(self) -> None:
        self._fill_reviews(keep=True)

    def _on_period_changed(self, code: str) -> None:
        if code in review_codes(self.ctx.plan) and code != self.review:
            self.set_review(code)

    # -- loading
    def reload(self) -> None:
        self._generation += 1
        generation, review, ctx = self._generation, self.review, self.ctx
        if review is None:
            self._apply(None)
            return
        self._set_busy(True)

        def done(state: ReviewState) -> None:
            if generation == self._generation:
                self._set_busy(False)
                self._apply(state)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_busy(False)
                self.show_message(f"Không đọc được đề nghị khen thưởng: {error_text(exc)}",
                                  "error")

        ctx.tasks.run(lambda _r: load_state(ctx.db, review), done, failed, page=self)

    @property
    def busy(self) -> bool:
        return self.ui.busyBar.isVisible()

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyLabel.setVisible(busy)
        self.ui.busyBar.setVisible(busy)

    def _apply(self, state: ReviewState | None) -> None:
        ui = self.ui
        keep = self._focus_id if self._focus_id is not None else \
            (p.id if (p := self.selected_proposal()) is not None else None)
        self._focus_id = None
        self.ctx.retire(self.state)  # its evaluation of thousands of units: not freed here
        self.state = state
        plan = state.plan if state else None
        check = state.check if state else None
        self.model.set_check(plan, check)
        fit_when_filled(ui.table, stretch=M.COL_BREACHES)
        blocks = bool(plan and plan.blocks)
        one_award = state is None or len(review_awards(state.plan, state.review)) <= 1
        ui.table.setColumnHidden(M.COL_BLOCK, not blocks)
        ui.table.setColumnHidden(M.COL_AWARD, one_award)
        ui.suggestTable.setColumnHidden(SuggestionsTableModel.COL_BLOCK, not blocks)
        ui.suggestTable.setColumnHidden(SuggestionsTableModel.COL_AWARD, one_award)
        ui.table.setColumnWidth(M.COL_AWARD, 190)
        ui.table.setColumnWidth(M.COL_DOSSIER, 190)
        self.breaches.set_breaches(check.breaches if check else ())
        ui.breachTable.resizeRowsToContents()
        self.suggestions.set_suggestions(plan, state.suggestions if state else ())
        fit_when_filled(ui.suggestTable)
        # the last shown column takes the rest (the award's column is hidden for one award)
        ui.suggestTable.horizontalHeader().setStretchLastSection(True)
        self.quota_panel.set_usage(plan, check.usage if check else (),
                                   "Kế hoạch không quy định khen thưởng." if state is None
                                   else "")
        ui.summaryLabel.setText(self._summary(state))
        ui.breachGroup.setTitle(f"Vi phạm quy định của kế hoạch ({number(len(check.breaches))})"
                                if check else "Vi phạm quy định của kế hoạch")
        ui.suggestLabel.setText(
            "" if state is None else "Không còn đơn vị nào để gợi ý." if not state.suggestions
            else f"{number(len(state.suggestions))} đơn vị đạt tiêu chuẩn, trong hạn mức còn lại.")
        if keep is not None:
            self.select_proposal(keep)
        if self._announce:
            self._announce_breaches(keep)
        self._update_buttons()
        self.loaded.emit()

    def _summary(self, state: ReviewState | None) -> str:
        if state is None:
            return ("Kế hoạch không quy định kỳ xét khen thưởng nào (không có hạn mức khen "
                    "thưởng).")
        c = state.check
        n_coll = sum(1 for p in c.proposals if p.is_collective)
        awards = review_awards(state.plan, state.review)
        award = f", «{html.escape(awards[0])}»" if len(awards) == 1 else ""
        text = (f"Kỳ xét <b>{html.escape(c.review_label)}</b>{award}: "
                f"{number(len(c.proposals))} đề "
                f"nghị ({n_coll} tập thể, {number(len(c.proposals) - n_coll)} cá nhân); ")
        if c.ok:
            return text + "<span style='color:#0d652d'>không có vi phạm.</span>"
        return text + (f"<span style='color:#a50e0e'><b>{number(len(c.breaches))} vi phạm"
                       "</b></span>"
                       " (các dòng tô màu).")

    def _announce_breaches(self, proposal_id: int | None) -> None:
        text, self._announce = self._announce, ""
        found = self.model.breaches_of(proposal_id) if proposal_id is not None else ()
        if found:
            text += " Lưu ý: " + "; ".join(breach_line(b) for b in found) + "."
        self.show_message(text, "info" if found else "ok")

    # -- selection
    def selected_proposal(self) -> Proposal | None:
        rows = self.ui.table.selectionModel().selectedRows()
        p = rows[0].data(ROW_ROLE) if rows else None
        return p if isinstance(p, Proposal) else None

    def selected_suggestion(self) -> Suggestion | None:
        rows = self.ui.suggestTable.selectionModel().selectedRows()
        s = rows[0].data(ROW_ROLE) if rows else None
        return s if isinstance(s, Suggestion) else None

    def select_proposal(self, proposal_id: int) -> bool:
        return self._select_rows([proposal_id])

    def _select_rows(self, ids: list[int] | tuple[int, ...]) -> bool:
        selection = QItemSelection()
        first = None
        for pid in ids:
            row = self.model.row_of(pid)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, index)
                first = first or index
        sm = self.ui.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect \
            | QItemSelectionModel.SelectionFlag.Rows
        sm.select(selection, flags)
        if first is not None:
            sm.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.ui.table.scrollTo(first)
        return first is not None

    def _on_breach_chosen(self, row: int) -> None:
        if 0 <= row < self.breaches.rowCount():
            self._select_rows(self.breaches.breach(row).proposal_ids)

    def _update_buttons(self) -> None:
        ui, ready = self.ui, self.state is not None and not self._writing
        p = self.selected_proposal()
        for b in (ui.addCollectiveButton, ui.addIndividualButton):
            b.setEnabled(ready and self.dialog is None)
        ui.editButton.setEnabled(ready and p is not None and self.dialog is None)
        ui.removeButton.setEnabled(ready and p is not None)
        ui.proposeButton.setEnabled(ready and self.selected_suggestion() is not None)
        ui.exportXlsxButton.setEnabled(self.state is not None)
        ui.exportPdfButton.setEnabled(self.state is not None)
        ui.detailLabel.setText(self._detail(p))

    def _detail(self, p: Proposal | None) -> str:
        if self.state is None:
            return ""
        if p is None:
            return "Chọn một đề nghị để sửa, đính kèm hồ sơ hoặc xóa."
        lines = [f"<b>Số {p.id}</b> — {html.escape(KIND_LABELS.get(p.kind, p.kind))} "
                 f"<b>{html.escape(p.label)}</b>, «{html.escape(p.award)}»"]
        for b in self.model.breaches_of(p.id):
            lines.append(f"<span style='color:#a50e0e'>• {html.escape(b.message)} "
                         f"<i>(căn cứ: mục {html.escape(b.source or '—')})</i></span>")
        return "<br>".join(lines)

    # -- messages
    def show_message(self, text: str, kind: str = "info") -> None:
        show_banner(self.ui.bannerLabel, text, kind)
        self.message_shown.emit(text, kind)

    # -- adding, editing
    def open_dialog(self, kind: str = "collective", proposal: Proposal | None = None) -> None:
        if self.state is None or self.dialog is not None:
            return
        from .proposal_dialog import ProposalDialog

        try:
            dlg = ProposalDialog(self.ctx, self.state.review, self.state.report, proposal,
                                 kind, self)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            log.exception("opening the proposal dialog failed")
            self.show_message(error_text(exc), "error")
            return
        dlg.saved.connect(self._on_saved)
        dlg.finished.connect(lambda _r: self._forget_dialog())
        self.dialog = dlg
        self._update_buttons()
        open_in_turns(dlg, self, lambda: self.dialog is dlg)

    def edit_selected(self) -> None:
        p = self.selected_proposal()
        if p is not None:
            self.open_dialog(proposal=p)

    def _on_saved(self, message: str, proposal_id: int) -> None:
        self._focus_id, self._announce = proposal_id, message

    def _forget_dialog(self) -> None:
        dlg, self.dialog = self.dialog, None
        if dlg is not None:
            dlg.deleteLater()
        self._update_buttons()

    # -- writes from the page
    def _write(self, work: Any, done_text: Any, focus: bool = True) -> None:
        def done(p: Proposal) -> None:
            self._writing = False
            if focus:
                self._focus_id = p.id
            self._announce = done_text(p)
            self.ctx.notify_changed()

        def failed(exc: BaseException) -> None:
            self._writing = False
            self._update_buttons()
            self.show_message(error_text(exc), "error")

        self._writing = True
        self._update_buttons()
        self.ctx.tasks.run(work, done, failed, writes=True)

    def propose_selected(self) -> None:
        from ..actions.proposals import add_collective

        s, state = self.selected_suggestion(), self.state
        if s is None or state is None or self._writing:
            return
        db, review = self.ctx.db, state.review

        def work(_r: Any) -> Proposal:
            return add_collective(db, review, s.unit_code, award=s.award)

        self._write(work, lambda p: f"Đã thêm đề nghị số {p.id}: Tập thể {p.label} — "
                                    f"«{p.award}».")

    def confirm_remove(self, text: str) -> bool:
        return errors.ask_yes_no(self, text, yes="Xóa", no="Hủy")

    def remove_selected(self) -> None:
        from ..actions.proposals import remove_proposal

        p, state = self.selected_proposal(), self.state
        if p is None or state is None or self._writing:
            return
        who = f"{KIND_LABELS.get(p.kind, p.kind).lower()} {p.label}"
        if not self.confirm_remove(f"Xóa đề nghị số {p.id}: {who} — «{p.award}»?"):
            return
        db, review = self.ctx.db, state.review

        def work(_r: Any) -> Proposal:
            return remove_proposal(db, review, p.id)

        self._write(work, lambda gone: f"Đã xóa đề nghị số {gone.id}: {who}.", focus=False)

    # -- export
    def choose_save_path(self, kind: str) -> Path | None:
        title, filters, suffix = EXPORTS[kind]
        review = self.review or ""
        start = str(Path.home() / f"DeNghiKhenThuong_{review}{suffix}")
        name, _f = QFileDialog.getSaveFileName(self, title, start, filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def confirm_warnings(self, warnings: list[str]) -> bool:
        return errors.confirm_sending(self, warnings)

    def export(self, kind: str) -> None:
        from ..actions.office import read_office
        from ..domain.official import export_warnings

        review, ctx = self.review, self.ctx
        if review is None:
            return
        if kind == "pdf":
            office = read_office(ctx.db)
            warnings = export_warnings(ctx.plan, office.name, office.signer_name)
            if warnings and not self.confirm_warnings(warnings):
                self.show_message("Chưa xuất. Hãy sửa Thông tin cơ quan rồi xuất lại.", "info")
                return
        path = self.choose_save_path(kind)
        if path is None:
            return

        def work(_r: Any) -> tuple[Path, ProposalCheck]:
            return path, write_list(ctx.db, review, kind, path)

        def done(result: tuple[Path, ProposalCheck]) -> None:
            written, check = result
            note = "" if check.ok else (
                f" Lưu ý: danh sách còn {number(len(check.breaches))} vi phạm quy định "
                "của kế hoạch.")
            self.show_message(f"Đã xuất danh sách đề nghị khen thưởng kỳ {check.review_label} "
                              f"ra tệp {written}.{note}", "ok")
            self.exported.emit(written)

        def failed(exc: BaseException) -> None:
            text = error_text(exc)
            self.show_message(text, "error")
            errors.show_error(self, text, "Không xuất được danh sách")

        self.show_message(f"Đang xuất danh sách ra {path.name}…", "info")
        ctx.tasks.run(work, done, failed)
