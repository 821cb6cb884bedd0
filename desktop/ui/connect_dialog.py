"""“Kết nối máy chủ cơ sở dữ liệu…”: connect to the office's PostgreSQL server.

The connection is tried off the GUI thread (a server that does not answer takes seconds);
a refusal (wrong password, server down, another application's database…) is shown in the
dialog, which stays open. Remembered servers are kept without their password.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..actions.database import Database
from ..actions.server import Location, location_of, parse_location
from . import errors
from .forms.ui_connect_dialog import Ui_ConnectDialog
from .geometry import FitsScreen
from .office_dialog import show_banner
from .settings import Settings
from .tasks import TaskRunner


class ConnectDialog(FitsScreen, QDialog):
    """On success `database` is the open server database (the caller takes it over).
    With `pick_only` the dialog only names a server (`chosen`), e.g. the empty database
    that “Chuyển dữ liệu lên máy chủ” fills."""

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 preset: str | None = None, *, pick_only: bool = False) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pick_only = pick_only
        self.database: Database | None = None
        self.chosen: Location | None = None
        self.ui = Ui_ConnectDialog()
        self.ui.setupUi(self)
        self.tasks = TaskRunner(self)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Kết nối")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Hủy")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        show_banner(self.ui.lblError, "")
        servers = settings.recent_servers()
        self.ui.recentCombo.addItem("(nhập mới)", None)
        for label in servers:
            self.ui.recentCombo.addItem(label, label)
        self.ui.recentCombo.setEnabled(bool(servers))
        self.ui.recentCombo.currentIndexChanged.connect(self._on_recent_chosen)
        if preset:
            self.fill(preset)
        elif servers:
            self.ui.recentCombo.setCurrentIndex(1)
        else:
            self.ui.hostEdit.setFocus()

    def _on_recent_chosen(self, index: int) -> None:
        label = self.ui.recentCombo.itemData(index)
        if label:
            self.fill(label)

    def fill(self, label: str) -> None:
        """Fill the fields from a remembered address; the password is asked again."""
        url = parse_location(label).url
        if url is None:
            return
        self.ui.hostEdit.setText(url.host or "")
        self.ui.portSpin.setValue(url.port or 5432)
        self.ui.databaseEdit.setText(url.database or "")
        self.ui.userEdit.setText(url.username or "")
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    def location(self) -> Location:
        ui = self.ui
        return location_of(ui.hostEdit.text(), ui.portSpin.value(), ui.databaseEdit.text(),
                           ui.userEdit.text(), ui.passwordEdit.text())

    def accept(self) -> None:
        try:
            where = self.location()
        except Exception as exc:  # noqa: BLE001 - a refusal in Vietnamese
            show_banner(self.ui.lblError, errors.message_of(exc))
            return
        if self.pick_only:
            self.chosen = where
            if self.ui.rememberCheck.isChecked():
                self.settings.add_recent_server(where.label)
            super().accept()
            return
        self._busy(True)
        show_banner(self.ui.lblError, "")
        self.ui.lblError.setText(f"Đang kết nối {where.label}…")
        self.ui.lblError.setVisible(True)

        def work(_report: Any) -> Database:
            from ..actions.server import connect

            return connect(where)

        def done(db: Database) -> None:
            self._busy(False)
            self.database = db
            if self.ui.rememberCheck.isChecked():
                self.settings.add_recent_server(where.label)
            super(ConnectDialog, self).accept()

        def failed(exc: BaseException) -> None:
            self._busy(False)
            show_banner(self.ui.lblError, errors.message_of(exc))
            self.ui.passwordEdit.setFocus()

        self.tasks.run(work, done, failed)

    def _busy(self, busy: bool) -> None:
        for w in (self.ui.buttonBox, self.ui.hostEdit, self.ui.portSpin, self.ui.databaseEdit,
                  self.ui.userEdit, self.ui.passwordEdit, self.ui.recentCombo):
            w.setEnabled(not busy)
        if not busy:
            self.ui.recentCombo.setEnabled(self.ui.recentCombo.count() > 1)

    def done(self, result: int) -> None:  # type: ignore[override]
        self.tasks.wait()
        super().done(result)
