"""Thông tin cơ quan: the collecting office and its signer, as the reports print them.

`OfficeForm` is the fields alone (also a page of the first-run wizard); `OfficeDialog`
loads them from the database and saves them in one audited transaction.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from ..actions.office import read_office, read_office_version, save_office
from ..domain.errors import DomainError
from ..domain.office import OfficeSettings as OfficeData
from ..domain.office import clean_office
from . import errors
from .context import AppContext
from .forms.ui_office_dialog import Ui_OfficeDialog
from .forms.ui_office_form import Ui_OfficeForm
from .geometry import FitsScreen

TEXT_FIELDS = {
    "name": "nameEdit",
    "short_name": "shortNameEdit",
    "parent_body": "parentBodyEdit",
    "place": "placeEdit",
    "area": "areaEdit",
    "province": "provinceEdit",
    "signer_authority": "signerAuthorityEdit",
    "signer_title": "signerTitleEdit",
    "signer_name": "signerNameEdit",
    "doc_number_prefix": "docPrefixEdit",
    "second_backup_dir": "secondBackupEdit",
    "addressee": "addresseeEdit",
}


def show_banner(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setStyleSheet("color: #b71c1c;" if text else "")
    label.setVisible(bool(text))


class OfficeForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OfficeForm()
        self.ui.setupUi(self)
        self.ui.browseSecondBackupButton.clicked.connect(self.on_browse_second_backup_clicked)

    def on_browse_second_backup_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, "Chọn thư mục sao lưu thứ hai (USB, ổ đĩa khác)",
            self.ui.secondBackupEdit.text())
        if folder:
            self.ui.secondBackupEdit.setText(folder)

    def _edit(self, key: str) -> QLineEdit:
        edit: QLineEdit = getattr(self.ui, TEXT_FIELDS[key])
        return edit

    def load(self, data: OfficeData) -> None:
        for key in TEXT_FIELDS:
            self._edit(key).setText(getattr(data, key))
        self.ui.recipientsEdit.setPlainText("\n".join(data.recipients))

    def data(self) -> OfficeData:
        values: dict[str, Any] = {key: self._edit(key).text() for key in TEXT_FIELDS}
        values["recipients"] = tuple(self.ui.recipientsEdit.toPlainText().splitlines())
        return OfficeData(**values)

    def checked_data(self) -> OfficeData:
        """The cleaned data, or StoreError naming what is missing."""
        return clean_office(self.data())


class OfficeDialog(FitsScreen, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_OfficeDialog()
        self.ui.setupUi(self)
        self.form = OfficeForm(self.ui.formHost)
        self.ui.formHostLayout.addWidget(self.form)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Lưu")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        show_banner(self.ui.lblError, "")
        self.form.load(read_office(ctx.db))
        self.version = read_office_version(ctx.db)  # a save refuses what others changed since
        self.form.ui.nameEdit.setFocus()

    def accept(self) -> None:
        try:
            data = self.form.checked_data()
        except DomainError as exc:
            show_banner(self.ui.lblError, exc.message)
            return
        self.ui.buttonBox.setEnabled(False)

        expected = self.version

        def work(_report: Any) -> None:
            save_office(self.ctx.db, data, expected_version=expected)

        def done(_result: object) -> None:
            self.ctx.notify_changed()
            super(OfficeDialog, self).accept()

        def failed(exc: BaseException) -> None:
            self.ui.buttonBox.setEnabled(True)
            show_banner(self.ui.lblError, errors.message_of(exc))

        self.ctx.tasks.run(work, done, failed, writes=True)
