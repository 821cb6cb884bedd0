"""Add or edit one commendation proposal: a collective (a unit) or an individual.

The dossier checklist has one row per document the plan asks for (plan.dossier): present or
missing, and "Đính kèm tệp…" to attach its file. Nothing is written until "Lưu"; then the
proposal and its documents are written in one transaction (add_collective / add_individual /
update_proposal, then set_document per document with its file), so a refusal writes nothing.
A refusal is shown next to its field, or in a message box when no field is to blame.

The file chooser and the discard question are small methods (`choose_file`,
`confirm_discard`) that tests replace.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from ..domain.collation import vn_key
from ..domain.errors import DomainError
from ..domain.evaluation import UnitResult
from ..domain.period_report import PeriodReport, UnitReport
from ..domain.proposals import (
    KIND_LABELS,
    Attachment,
    Proposal,
    block_label,
    review_awards,
    review_quotas,
)
from ..domain.vnformat import number
from . import errors
from .combos import fill_combo
from .context import AppContext
from .forms.ui_proposal_dialog import Ui_ProposalDialog
from .geometry import FitsScreen
from .submissions_model import show_banner

log = logging.getLogger("thidua.ui.proposals")

FILE_FILTER = ("Tài liệu (*.pdf *.doc *.docx *.odt *.jpg *.jpeg *.png *.tif *.tiff *.xls *.xlsx)"
               ";;Mọi tệp (*)")
ERROR_STYLE = "color:#a50e0e;"
NAME_NEEDED = "Phải ghi họ và tên của cá nhân được đề nghị khen thưởng."


@dataclass
class DocumentRow:
    name: str
    present: bool  # as saved
    stored: Attachment | None  # the file kept for it, if any
    check: QCheckBox
    status: QLabel
    button: QPushButton
    pending: Path | None = None  # a file chosen, attached on "Lưu"


def field_of(message: str) -> str | None:
    """Which field a refusal of the store is about ('name', 'position', 'unit') or None."""
    if message.startswith("Phải ghi họ và tên"):
        return "name"
    if message.startswith("Phải ghi chức vụ"):
        return "position"
    if "chia theo khối" in message or message.startswith("Không có đơn vị"):
        return "unit"
    return None


class ProposalDialog(FitsScreen, QDialog):
    saved = Signal(str, int)  # message, id of the proposal written

    def __init__(self, ctx: AppContext, review: str, report: PeriodReport,
                 proposal: Proposal | None = None, kind: str = "collective",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.review, self.report, self.proposal = ctx, review, report, proposal
        self.plan = ctx.plan
        self.ui = Ui_ProposalDialog()
        self.ui.setupUi(self)
        self.busy = False
        label = self.plan.period(review).label
        if proposal is None:
            self.setWindowTitle(f"Thêm đề nghị khen thưởng — {label}")
            head = f"Đề nghị khen thưởng kỳ xét <b>{html.escape(label)}</b>."
        else:
            kind = proposal.kind
            self.setWindowTitle(f"Sửa đề nghị khen thưởng số {proposal.id} — {label}")
            head = (f"Đề nghị số <b>{proposal.id}</b>, kỳ xét <b>{html.escape(label)}</b>: "
                    f"{html.escape(KIND_LABELS.get(proposal.kind, proposal.kind))} "
                    f"<b>{html.escape(proposal.label)}</b>.")
        self.ui.headerLabel.setText(head)
        # the collator's order by plain keys (cached by the evaluation): no Qt call per pair
        self._units = sorted(report.units, key=lambda r: vn_key(r.unit.name))
        for name in review_awards(self.plan, review):
            self.ui.awardCombo.addItem(name, name)
        buttons = self.ui.buttonBox
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủ&y")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for lab in (self.ui.nameError, self.ui.positionError):
            lab.setStyleSheet(ERROR_STYLE)
        self.documents: list[DocumentRow] = []
        self._build_dossier()
        self.ui.collectiveRadio.setChecked(kind == "collective")
        self.ui.individualRadio.setChecked(kind != "collective")
        self._fill_units()
        if proposal is not None:
            self._load(proposal)
        self.ui.collectiveRadio.toggled.connect(lambda _on: self._on_kind_changed())
        self.ui.unitCombo.currentIndexChanged.connect(lambda _i: self._update_hint())
        self.ui.awardCombo.currentIndexChanged.connect(lambda _i: self._update_hint())
        self.ui.nameEdit.textChanged.connect(lambda _t: self._set_error("name", ""))
        self.ui.positionEdit.textChanged.connect(lambda _t: self._set_error("position", ""))
        self._apply_kind()
        self._initial = self._values()

    # -- building
    def _build_dossier(self) -> None:
        grid = self.ui.dossierGrid
        if not self.plan.dossier:
            self.ui.dossierNote.setText("Kế hoạch không quy định thành phần hồ sơ.")
            return
        self.ui.dossierNote.setText(
            "Đánh dấu thành phần đã có; “Đính kèm tệp…” lưu bản sao của tệp trong thư mục "
            "minh chứng cạnh cơ sở dữ liệu.")
        for i, name in enumerate(self.plan.dossier):
            # Alt+1, Alt+2…: the document's box; Alt+I goes from one “Đính kèm tệp…” to the next
            check = QCheckBox(f"&{i + 1}. {name}" if i < 9 else f"{i + 1}. {name}", self)
            status = QLabel(self)
            button = QPushButton("Đ&ính kèm tệp…", self)
            button.setToolTip(f"Chọn tệp cho “{name}”")
            grid.addWidget(check, i, 0)
            grid.addWidget(status, i, 1)
            grid.addWidget(button, i, 2)
            row = DocumentRow(name, False, None, check, status, button)
            self.documents.append(row)
            check.toggled.connect(lambda _on, r=row: self._show_document(r))
            button.clicked.connect(lambda _c=False, r=row: self.on_attach_clicked(r))
            self._show_document(row)
        grid.setColumnStretch(1, 1)

    def _load(self, p: Proposal) -> None:
        ui = self.ui
        for radio in (ui.collectiveRadio, ui.individualRadio):
            radio.setEnabled(False)
        ui.awardCombo.setCurrentIndex(max(0, ui.awardCombo.findData(p.award)))
        ui.awardCombo.setEnabled(False)
        self._select_unit(p.unit_code)
        ui.unitCombo.setEnabled(False)
        fixed = "Không đổi được sau khi đã đề nghị; muốn đổi, hãy xóa đề nghị và đề nghị lại."
        for w in (ui.awardCombo, ui.unitCombo):
            w.setToolTip(fixed)
        ui.nameEdit.setText(p.person_name)
        ui.positionEdit.setText(p.position)
        ui.leaderCheck.setChecked(p.is_leader)
        ui.achievementsEdit.setPlainText(p.achievements)
        for row in self.documents:
            row.present = p.documents.get(row.name, False)
            row.stored = p.attachments.get(row.name)
            row.check.setChecked(row.present)
            self._show_document(row)

    def _fill_units(self) -> None:
        combo = self.ui.unitCombo
        keep = combo.currentData()
        fill_combo(combo, [*([] if self.is_collective else [("(không ghi đơn vị công tác)", None)]),
                           *((f"{r.unit.name} ({r.unit.code})", r.unit.code)
                             for r in self._units)])
        self._select_unit(keep)
        self._update_hint()

    def _select_unit(self, code: str | None) -> None:
        index = self.ui.unitCombo.findData(code) if code is not None else -1
        self.ui.unitCombo.setCurrentIndex(max(index, 0))

    # -- state
    @property
    def is_collective(self) -> bool:
        return self.ui.collectiveRadio.isChecked()

    def _on_kind_changed(self) -> None:
        self._fill_units()
        self._apply_kind()

    def _apply_kind(self) -> None:
        ui, person = self.ui, not self.is_collective
        for w in (ui.nameEdit, ui.positionEdit, ui.leaderCheck):
            ui.formLayout.setRowVisible(w, person)
        ui.formLayout.setRowVisible(ui.nameError, person and bool(ui.nameError.text()))
        ui.formLayout.setRowVisible(ui.positionError, person and bool(ui.positionError.text()))
        ui.unitLabel.setText("Đơ&n vị công tác:" if person else "Tập thể (đơ&n vị):")
        self._update_hint()

    def _unit_report(self) -> UnitReport | None:
        code = self.ui.unitCombo.currentData()
        return next((r for r in self._units if r.unit.code == code), None)

    def unit_required(self) -> bool:
        """Individuals need their unit where the award's quotas are shared among blocks."""
        award = self.ui.awardCombo.currentData()
        return any(q.block is not None for q in review_quotas(self.plan, self.review)
                   if q.award == award)

    def _update_hint(self, error: str = "") -> None:
        hint = self.ui.unitHint
        if error:
            hint.setText(f"<span style='{ERROR_STYLE}'>⚠ {html.escape(error)}</span>")
            return
        r = self._unit_report()
        label = self.plan.period(self.review).label
        parts: list[str] = []
        if r is not None and r.unit.block:
            parts.append(f"Thuộc {html.escape(block_label(self.plan, r.unit.block))}.")
        if r is not None and self.is_collective:
            result = r.verdict
            rank = f", hạng {number(r.rank)}" if r.rank is not None else ""
            if r.result is UnitResult.PASS:
                parts.append(f"Kết quả thi đua kỳ {html.escape(label)}: <b>{result}</b>{rank}.")
            else:
                failed = ", ".join(c.code for c in r.failed) if r.failed else ""
                why = f" ({html.escape(failed)})" if failed else ""
                parts.append(
                    f"<span style='{ERROR_STYLE}'>Kết quả thi đua kỳ {html.escape(label)}: "
                    f"<b>{html.escape(result)}</b>{why} — chỉ tập thể đạt tiêu chuẩn thi đua "
                    "mới được đề nghị; đề nghị này sẽ bị báo vi phạm.</span>")
        elif not self.is_collective and self.unit_required() and r is None:
            parts.append("Hạn mức của hình thức này chia theo khối thi đua: phải chọn đơn vị "
                         "công tác để biết thuộc khối nào.")
        hint.setText(" ".join(parts))
        self.ui.formLayout.setRowVisible(hint, bool(parts))

    def _show_document(self, row: DocumentRow) -> None:
        if not row.check.isChecked():
            text, style = "Thiếu", ERROR_STYLE
        elif row.pending is not None:
            text, style = f"Sẽ đính kèm: {row.pending.name}", "color:#174ea6;"
        elif row.stored is not None:
            text, style = f"Đã có tệp: {row.stored.file_name}", "color:#0d652d;"
        else:
            text, style = "Đã có (không kèm tệp)", "color:#0d652d;"
        row.status.setText(text)
        row.status.setStyleSheet(style)

    def _values(self) -> tuple[Any, ...]:
        ui = self.ui
        return (self.is_collective, ui.awardCombo.currentData(), ui.unitCombo.currentData(),
                ui.nameEdit.text().strip(), ui.positionEdit.text().strip(),
                ui.leaderCheck.isChecked(), ui.achievementsEdit.toPlainText().strip(),
                tuple((r.check.isChecked(), r.pending) for r in self.documents))

    def is_dirty(self) -> bool:
        return self._values() != self._initial

    # -- seams (replaced in tests)
    def choose_file(self, document: str) -> Path | None:
        name, _f = QFileDialog.getOpenFileName(self, f"Chọn tệp: {document}", "", FILE_FILTER)
        return Path(name) if name else None

    def confirm_discard(self) -> bool:
        return errors.ask_yes_no(self, "Bỏ các thay đổi chưa lưu của đề nghị này?",
                                 yes="Bỏ thay đổi", no="Tiếp tục sửa")

    # -- dossier
    def on_attach_clicked(self, row: DocumentRow) -> None:
        path = self.choose_file(row.name)
        if path is not None:
            self.attach(row.name, path)

    def attach(self, document: str, path: Path) -> None:
        row = next(r for r in self.documents if r.name == document)
        row.pending = Path(path)
        row.check.setChecked(True)
        self._show_document(row)

    # -- errors
    def _set_error(self, where: str, text: str) -> None:
        if where == "unit":
            self._update_hint(text)
            return
        label = self.ui.nameError if where == "name" else self.ui.positionError
        label.setText(f"⚠ {text}" if text else "")
        self.ui.formLayout.setRowVisible(label, bool(text) and not self.is_collective)

    def field_errors(self) -> dict[str, str]:
        """What must be fixed before saving, by field (checked here, before any write)."""
        if self.is_collective:
            return {} if self.ui.unitCombo.currentData() else {"unit": "Phải chọn đơn vị."}
        out: dict[str, str] = {}
        name = " ".join(self.ui.nameEdit.text().split())
        if not name:
            out["name"] = NAME_NEEDED
        if not self.ui.positionEdit.text().strip():
            out["position"] = f"Phải ghi chức vụ của {name}." if name else "Phải ghi chức vụ."
        if self.unit_required() and not self.ui.unitCombo.currentData():
            out["unit"] = ("Hạn mức của hình thức này chia theo khối thi đua; phải chọn đơn vị "
                           "công tác để biết thuộc khối nào.")
        return out

    def _show_refusal(self, exc: BaseException) -> None:
        text = errors.message_of(exc)
        where = field_of(text) if isinstance(exc, DomainError) else None
        if where is not None:
            self._set_error(where, text)
        else:
            show_banner(self.ui.errorLabel, text, "error")
            errors.show_error(self, text, "Không lưu được đề nghị")

    # -- saving
    def _work(self) -> Any:
        from ..actions.proposals import add_collective, add_individual, edit_proposal

        db, review, p0 = self.ctx.db, self.review, self.proposal
        collective, award, unit, name, position, leader, achievements, _d = self._values()
        changes = [(r.name, r.check.isChecked(), r.pending) for r in self.documents
                   if (p0 is None and r.check.isChecked())
                   or (p0 is not None and (r.check.isChecked() != r.present
                                           or r.pending is not None))]

        def work(_report: Any) -> Proposal:
            if p0 is None:
                documents = {doc: file for doc, _present, file in changes}
                if collective:
                    return add_collective(db, review, unit, award=award,
                                          achievements=achievements, documents=documents)
                return add_individual(db, review, name, position, unit_code=unit,
                                      is_leader=leader, award=award,
                                      achievements=achievements, documents=documents)
            if p0.is_collective:  # refused if someone else changed it since it opened
                return edit_proposal(db, review, p0.id, achievements=achievements,
                                     documents=changes, expected_version=p0.version)
            return edit_proposal(db, review, p0.id, person_name=name, position=position,
                                 is_leader=leader, achievements=achievements,
                                 documents=changes, expected_version=p0.version)

        return work

    def _message(self, p: Proposal) -> str:
        verb = "Đã thêm" if self.proposal is None else "Đã lưu"
        return (f"{verb} đề nghị số {p.id}: {KIND_LABELS.get(p.kind, p.kind)} {p.label} — "
                f"«{p.award}».")

    def _ready(self) -> bool:
        show_banner(self.ui.errorLabel, "")
        problems = self.field_errors()
        for where in ("name", "position", "unit"):
            self._set_error(where, problems.get(where, ""))
        if problems:
            first = next(iter(problems))
            {"name": self.ui.nameEdit, "position": self.ui.positionEdit,
             "unit": self.ui.unitCombo}[first].setFocus()
        return not problems

    def save(self) -> None:
        """Validate, then write in the serialized writer; the dialog closes when written."""
        if self.busy or not self._ready():
            return
        self._set_busy(True)
        self.ctx.tasks.run(self._work(), self._on_saved, self._on_failed, writes=True)

    def save_blocking(self) -> bool:
        """Save and wait (the window is closing); False when refused (the reason shown)."""
        if not self._ready():
            return False
        try:
            p = self.ctx.run_and_wait(self._work(), writes=True)
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback
            self._show_refusal(exc)
            return False
        self._finish(p)
        return True

    def _on_saved(self, p: Proposal) -> None:
        self._set_busy(False)
        self._finish(p)

    def _finish(self, p: Proposal) -> None:
        self._initial = self._values()
        self.saved.emit(self._message(p), p.id)
        self.ctx.notify_changed()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            log.error("saving a proposal failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._show_refusal(exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)
        if busy:
            show_banner(self.ui.errorLabel, "Đang lưu…", "info")
        elif self.ui.errorLabel.property("kind") == "info":
            show_banner(self.ui.errorLabel, "")

    # -- closing
    def reject(self) -> None:
        if self.busy:
            return
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
