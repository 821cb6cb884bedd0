"""The dialogs of the Đơn vị screen: add or edit a unit, deactivate it, merge units, blocks.

Each writes through the task runner in one audited transaction; a refusal is shown in
the dialog's own error line and the dialog stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QWidget,
)

from ..actions import units as actions
from ..actions.database import Database
from ..domain.errors import DomainError
from ..domain.plan import UNIT_KIND_LABELS
from ..domain.vnformat import number
from . import errors
from .context import AppContext
from .forms.ui_block_dialog import Ui_BlockDialog
from .forms.ui_deactivate_dialog import Ui_DeactivateDialog
from .forms.ui_merge_dialog import Ui_MergeDialog
from .forms.ui_unit_dialog import Ui_UnitDialog
from .geometry import FitsScreen
from .office_dialog import show_banner


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def fill_kinds(combo: QComboBox, kinds: tuple[str, ...], current: str | None = None) -> None:
    combo.clear()
    for kind in kinds or tuple(UNIT_KIND_LABELS):
        combo.addItem(UNIT_KIND_LABELS.get(kind, kind), kind)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))


class WriteDialog(FitsScreen, QDialog):
    """A dialog whose OK runs one write; `error_label` shows a refusal."""

    error_label: QLabel
    button_box: QDialogButtonBox

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _setup_buttons(self, ok_text: str) -> None:
        for b, text in ((QDialogButtonBox.StandardButton.Ok, ok_text),
                        (QDialogButtonBox.StandardButton.Save, ok_text),
                        (QDialogButtonBox.StandardButton.Cancel, "&Hủy"),
                        (QDialogButtonBox.StandardButton.Close, "Đó&ng")):
            button = self.button_box.button(b)
            if button is not None:
                button.setText(text)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        show_banner(self.error_label, "")

    def show_problem(self, text: str) -> None:
        show_banner(self.error_label, text)

    def write(self, fn: Callable[[Database], Any], close: bool = True,
              then: Callable[[Any], None] | None = None) -> None:
        """Run the office action `fn(db)` (desktop.actions.units) as a writer task."""
        self.show_problem("")
        self.button_box.setEnabled(False)
        db = self.ctx.db

        def work(_report: Any) -> Any:
            return fn(db)

        def done(result: Any) -> None:
            self.button_box.setEnabled(True)
            self.ctx.notify_changed()
            if then is not None:
                then(result)
            if close:
                QDialog.accept(self)

        def failed(exc: BaseException) -> None:
            self.button_box.setEnabled(True)
            self.show_problem(errors.message_of(exc))

        self.ctx.tasks.run(work, done, failed, writes=True)


class UnitDialog(WriteDialog):
    """Add a unit (`unit` None) or edit one."""

    def __init__(self, ctx: AppContext, unit: actions.UnitListing | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_UnitDialog()
        self.ui.setupUi(self)
        self.error_label, self.button_box = self.ui.lblError, self.ui.buttonBox
        self._setup_buttons("&Lưu")
        self.unit = unit
        fill_kinds(self.ui.kindCombo, ctx.plan.unit_kinds, unit.kind if unit else None)
        self.ui.blockCombo.addItem("(không thuộc khối nào)", None)
        for b in ctx.plan.blocks:
            self.ui.blockCombo.addItem(f"{b.code} — {b.name}", b.code)
        self.ui.blockCombo.setEnabled(bool(ctx.plan.blocks))
        self.ui.chkFrom.toggled.connect(self.ui.fromDate.setEnabled)
        self.ui.fromDate.setDate(QDate.currentDate())
        if unit is None:
            self.setWindowTitle("Thêm đơn vị")
        else:
            self.setWindowTitle(f"Sửa đơn vị {unit.name}")
            self.ui.codeEdit.setText(unit.code)
            self.ui.nameEdit.setText(unit.name)
            self.ui.blockCombo.setCurrentIndex(max(0, self.ui.blockCombo.findData(unit.block)))
            if unit.active_from:
                self.ui.chkFrom.setChecked(True)
                self.ui.fromDate.setDate(to_qdate(unit.active_from))
            if unit.reports:
                why = f"Đơn vị đã có {number(unit.reports)} báo cáo nên không đổi được mã và loại."
                for w in (self.ui.codeEdit, self.ui.kindCombo):
                    w.setEnabled(False)
                    w.setToolTip(why)
        (self.ui.codeEdit if self.ui.codeEdit.isEnabled() else self.ui.nameEdit).setFocus()

    def data(self) -> actions.UnitData:
        ui = self.ui
        return actions.UnitData(
            code=ui.codeEdit.text(), name=ui.nameEdit.text(), kind=ui.kindCombo.currentData(),
            block=ui.blockCombo.currentData(),
            active_from=from_qdate(ui.fromDate.date()) if ui.chkFrom.isChecked() else None,
        )

    def accept(self) -> None:
        data = self.data()
        try:  # the checks that need no database, at once
            actions.check_code(data.code)
            actions.check_name(data.name)
        except DomainError as exc:
            self.show_problem(exc.message)
            (self.ui.codeEdit if "Mã" in exc.message else self.ui.nameEdit).setFocus()
            return
        if self.unit is None:
            self.write(lambda db: actions.add_unit(db, data))
        else:
            code = self.unit.code
            self.write(lambda db: actions.edit_unit(db, code, data))


class DeactivateDialog(WriteDialog):
    def __init__(self, ctx: AppContext, unit: actions.UnitListing,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_DeactivateDialog()
        self.ui.setupUi(self)
        self.error_label, self.button_box = self.ui.lblError, self.ui.buttonBox
        self._setup_buttons("&Ngừng hoạt động")
        self.unit = unit
        self.setWindowTitle(f"Ngừng hoạt động: {unit.name}")
        self.ui.lblUnit.setText(f"Đơn vị: <b>{unit.name}</b> (mã {unit.code})")
        self.ui.lastDate.setDate(QDate.currentDate())
        self.ui.lastDate.setFocus()

    def accept(self) -> None:
        code, last = self.unit.code, from_qdate(self.ui.lastDate.date())
        self.write(lambda db: actions.deactivate_unit(db, code, last))


class MergeDialog(WriteDialog):
    """Merge two or more units into one, from a date; the merged keep their history."""

    def __init__(self, ctx: AppContext, units: list[actions.UnitListing],
                 selected: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_MergeDialog()
        self.ui.setupUi(self)
        self.error_label, self.button_box = self.ui.lblError, self.ui.buttonBox
        self._setup_buttons("&Sáp nhập")
        ui = self.ui
        ui.mergeDate.setDate(QDate.currentDate())
        active = [u for u in units if u.active_to is None]
        chosen = set(selected or ())
        for u in active:
            item = QListWidgetItem(f"{u.name} ({u.code})")
            item.setData(Qt.ItemDataRole.UserRole, u.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if u.code in chosen
                               else Qt.CheckState.Unchecked)
            ui.sourceList.addItem(item)
            ui.targetCombo.addItem(f"{u.name} ({u.code})", u.code)
        if selected:
            ui.targetCombo.setCurrentIndex(max(0, ui.targetCombo.findData(selected[0])))
        fill_kinds(ui.newKindCombo, ctx.plan.unit_kinds, active[0].kind if active else None)
        ui.rbExisting.toggled.connect(self._on_target_mode)
        self._on_target_mode()
        ui.sourceList.setFocus()

    def _on_target_mode(self, *_args: Any) -> None:
        existing = self.ui.rbExisting.isChecked()
        for w in (self.ui.targetCombo, self.ui.renameEdit):
            w.setEnabled(existing)
        for w in (self.ui.newCodeEdit, self.ui.newNameEdit, self.ui.newKindCombo):
            w.setEnabled(not existing)

    def checked_codes(self) -> list[str]:
        lst = self.ui.sourceList
        return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, codes: list[str]) -> None:
        lst = self.ui.sourceList
        for i in range(lst.count()):
            item = lst.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def accept(self) -> None:
        ui = self.ui
        codes, on = self.checked_codes(), from_qdate(ui.mergeDate.date())
        if ui.rbExisting.isChecked():
            into, rename = ui.targetCombo.currentData(), ui.renameEdit.text()
            self.write(lambda db: actions.merge_units(db, codes, on, into=into, new_name=rename))
            return
        new = actions.UnitData(ui.newCodeEdit.text(), ui.newNameEdit.text(),
                             ui.newKindCombo.currentData())
        try:
            actions.check_code(new.code)
            actions.check_name(new.name)
        except DomainError as exc:
            self.show_problem(exc.message)
            return
        self.write(lambda db: actions.merge_units(db, codes, on, new_unit=new))


class BlockDialog(WriteDialog):
    """Khối thi đua: add, rename, delete."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_BlockDialog()
        self.ui.setupUi(self)
        self.error_label, self.button_box = self.ui.lblError, self.ui.buttonBox
        self._setup_buttons("")
        self.ui.blockList.currentRowChanged.connect(self._on_row_changed)
        self.ui.btnSave.clicked.connect(self.save_block)
        self.ui.btnDelete.clicked.connect(self.delete_block)
        self.fill()
        self.ui.codeEdit.setFocus()

    def fill(self) -> None:
        self.ui.blockList.clear()
        for b in self.ctx.plan.blocks:
            item = QListWidgetItem(f"{b.code} — {b.name}")
            item.setData(Qt.ItemDataRole.UserRole, (b.code, b.name))
            self.ui.blockList.addItem(item)
        self.ui.btnDelete.setEnabled(False)

    def _on_row_changed(self, row: int) -> None:
        item = self.ui.blockList.item(row)
        self.ui.btnDelete.setEnabled(item is not None)
        if item is not None:
            code, name = item.data(Qt.ItemDataRole.UserRole)
            self.ui.codeEdit.setText(code)
            self.ui.nameEdit.setText(name)

    def save_block(self) -> None:
        code, name = self.ui.codeEdit.text(), self.ui.nameEdit.text()
        self.write(lambda db: actions.save_block(db, code, name), close=False,
                   then=lambda _r: self.fill())

    def delete_block(self) -> None:
        item = self.ui.blockList.currentItem()
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)[0]
        self.write(lambda db: actions.delete_block(db, code),
                   close=False, then=lambda _r: self.fill())

    def accept(self) -> None:
        QDialog.accept(self)
