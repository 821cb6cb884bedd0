"""The first-run wizard: start from a bundled plan, open an existing database, connect to
the office's database server, or try the demo.

From a plan: the office and its signer, a look at the plan's units, then where to save.
The database is created on a worker thread; `result_path` is set once it exists.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QWidget,
    QWizard,
)

from ..domain.errors import DomainError
from ..domain.plan import UNIT_KIND_LABELS, Plan
from ..domain.vnformat import day, number
from . import errors
from .forms.ui_first_run import Ui_FirstRunWizard
from .geometry import FitsScreen
from .office_dialog import OfficeForm, show_banner
from .table_keys import keyboard_table
from .tasks import TaskRunner

PAGE_START, PAGE_OFFICE, PAGE_UNITS, PAGE_SAVE = range(4)
NO_UNITS_HINT = (
    "Kế hoạch không liệt kê đơn vị nào. Hãy nhập danh sách các đơn vị báo cáo (các phòng, "
    "trung tâm, đơn vị trực thuộc…) từ tệp Excel/CSV có các cột Mã, Tên đơn vị, Loại bằng nút "
    "dưới đây; hoặc thêm sau ở trang Đơn vị (“Thêm đơn vị…”, “Nhập danh sách…”).")
DB_FILTER = "Cơ sở dữ liệu ThiĐua CĐS (*.db);;Mọi tệp (*)"


def unique_path(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.db"
    n = 2
    while path.exists() and path.stat().st_size > 0:
        path = folder / f"{stem}-{n}.db"
        n += 1
    return path


def office_defaults(plan: Plan) -> Any:
    from ..domain.office import OfficeSettings as OfficeData
    from ..domain.office_defaults import office_defaults as defaults

    values = defaults(plan)
    values["recipients"] = tuple(values["recipients"])  # type: ignore[arg-type]
    return OfficeData(**values)  # type: ignore[arg-type]


def create_database(path: Path, plan: Plan | None, office: Any,
                    unit_list: Path | None = None) -> Path:
    """Create the database at `path`: the demo when `plan` is None; with the units of
    `unit_list` (an Excel/CSV list) in the same transaction. Runs on a worker."""
    from ..actions.new_database import create_database as create_from_plan
    from ..actions.new_database import create_demo

    if plan is None:
        create_demo(path, backup=False)
    else:
        create_from_plan(path, plan, office, backup=False, unit_list=unit_list)
    return path


LEVEL_GROUPS = (  # the plan's collecting level -> the heading it is listed under
    ("Cấp huyện (phòng Văn hóa và Thông tin tổng hợp từ các xã)", ("huyện", "quận", "thị xã")),
    ("Cấp tỉnh, thành phố (sở tổng hợp từ các huyện, xã)", ("tỉnh", "thành phố")),
    ("Cấp sở, ngành (các đơn vị trong ngành)", ("sở", "ngành")),
)


def plan_label(plan: Plan) -> str:
    """'Ủy ban nhân dân huyện Ninh Sơn — 2022–2025, 8 đơn vị': who issued it, the years
    its periods cover, how big; never the plan's file code."""
    years = ""
    if plan.periods:
        first = min(p.starts for p in plan.periods).year
        last = max(p.ends for p in plan.periods).year
        years = f" — {first}–{last}" if last != first else f" — {first}"
    elif plan.issued_on:
        years = f" — {plan.issued_on.year}"
    units = f"{number(len(plan.units))} đơn vị" if plan.units else "chưa có danh sách đơn vị"
    return f"{plan.issuer}{years}, {units}"


def fill_plan_combo(combo: QComboBox, plans: list[tuple[str, Plan, str]]) -> None:
    """The plans under a heading per level (headings not selectable), none chosen.

    Each plan comes as (key, plan, source): the key is the item's data (the plan's code
    for a bundled plan, the file's path for a plan read from a file, so that an edited
    copy stays apart from the bundled plan it came from); the source, when not empty,
    is shown after the label ("tệp kế-hoạch.toml")."""
    model = QStandardItemModel(combo)
    groups = [(title, [e for e in plans if e[1].level.strip().lower() in levels])
              for title, levels in LEVEL_GROUPS]
    grouped = {e[0] for _t, members in groups for e in members}
    others = [e for e in plans if e[0] not in grouped]
    if others:
        groups.append(("Cấp khác", others))
    for title, members in groups:
        if not members:
            continue
        head = QStandardItem(title)
        head.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(combo.font())
        font.setBold(True)
        head.setFont(font)
        head.setForeground(combo.palette().text())  # a heading, not a greyed-out choice
        model.appendRow(head)
        for key, plan, source in members:
            item = QStandardItem(f"    {plan_label(plan)}{f' — {source}' if source else ''}")
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setToolTip(plan.title)
            model.appendRow(item)
    combo.setModel(model)
    combo.setPlaceholderText("— Chọn kế hoạch của cơ quan —")
    combo.setCurrentIndex(-1)


class FirstRunWizard(FitsScreen, QWizard):
    def __init__(self, save_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.result_path: Path | None = None
        self.result_database: Any = None  # a server's database, connected by the wizard
        self.connect_dialog: Any = None
        self.save_path_given = save_path
        self.runner = TaskRunner(self)
        self._office_plan: Plan | None = None
        self._creating = False
        self.setButtonText(QWizard.WizardButton.NextButton, "&Tiếp theo >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "H&oàn tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, "&Hủy")
        self.office_form = OfficeForm(self.ui.officeHost)
        self.ui.officeHostLayout.addWidget(self.office_form)
        show_banner(self.ui.lblOfficeError, "")
        show_banner(self.ui.lblSaveError, "")
        self.plans = self._load_plans()
        self.plan_entries = [(p.code, p, "") for p in self.plans]
        fill_plan_combo(self.ui.planCombo, self.plan_entries)
        self.ui.planCombo.currentIndexChanged.connect(self._show_plan_info)
        self.rbServer = QRadioButton(
            "Kết nối má&y chủ cơ sở dữ liệu của cơ quan (nhiều cán bộ cùng làm việc)",
            self.ui.pageStart)
        self.rbServer.setToolTip(
            "Cơ quan đã có máy chủ PostgreSQL dùng chung: hỏi người quản trị địa chỉ máy "
            "chủ, tên cơ sở dữ liệu, tên đăng nhập và mật khẩu")
        layout = self.ui.startLayout
        layout.insertWidget(layout.indexOf(self.ui.rbDemo), self.rbServer)
        for rb in (self.ui.rbPlan, self.ui.rbOpen, self.rbServer, self.ui.rbDemo):
            rb.toggled.connect(self._on_mode_changed)
        start = self.ui.pageStart
        self.ui.openPathEdit.textChanged.connect(lambda _t: start.completeChanged.emit())
        self.ui.btnBrowseOpen.clicked.connect(self.browse_open)
        self.ui.btnBrowseSave.clicked.connect(self.browse_save)
        self.btn_plan_file = QPushButton("Dùng tệp kế hoạch đã &sửa (.toml)…", self.ui.pageStart)
        self.btn_plan_file.setToolTip(
            "Một kế hoạch sao chép từ kế hoạch mẫu rồi sửa (ngưỡng, kỳ, đơn vị), hoặc lưu từ "
            "trang Kế hoạch của một cơ quan khác")
        self.btn_plan_file.clicked.connect(self.browse_plan_file)
        self.ui.planLayout.addRow(self.btn_plan_file)
        self.unit_list: Path | None = None  # the units to add to a plan that lists none
        self.unit_rows: list[Any] = []
        self._units_plan: Plan | None = None
        self.btn_unit_list = QPushButton("&Nhập danh sách đơn vị từ tệp (Excel/CSV)…",
                                         self.ui.pageUnits)
        self.btn_unit_list.setToolTip(
            "Tệp có các cột Mã, Tên đơn vị, Loại (và Khối nếu có); mẫu tệp: nút “Xuất danh "
            "sách…” của trang Đơn vị")
        self.btn_unit_list.clicked.connect(self.browse_unit_list)
        self.ui.unitsLayout.addWidget(self.btn_unit_list)
        self.ui.unitsTable.setColumnCount(4)
        keyboard_table(self.ui.unitsTable)
        self.ui.unitsTable.setHorizontalHeaderLabels(["Mã", "Tên đơn vị", "Loại", "Khối"])
        self._show_plan_info()
        if not self.plans:
            self.ui.rbPlan.setEnabled(False)
            self.ui.rbDemo.setChecked(True)
        self._offer_plan_file()

    @staticmethod
    def _load_plans() -> list[Plan]:
        from ..plan_catalog import bundled_codes, load_bundled

        plans = []
        for code in bundled_codes():
            try:
                plans.append(load_bundled(code))
            except DomainError as exc:
                errors.log.warning("bundled plan %s skipped: %s", code, exc.message)
        return plans

    # ---- state -------------------------------------------------------------------------
    def mode(self) -> str:
        if self.ui.rbOpen.isChecked():
            return "open"
        if self.rbServer.isChecked():
            return "server"
        return "demo" if self.ui.rbDemo.isChecked() else "plan"

    def chosen_plan(self) -> Plan | None:
        """The plan picked in the list (None until the person picks one)."""
        key = self.ui.planCombo.currentData()
        return next((p for k, p, _s in self.plan_entries if k == key), None)

    def plan(self) -> Plan | None:
        if self.mode() != "plan":
            return None
        return self.chosen_plan()

    def _on_mode_changed(self, _checked: bool = False) -> None:
        mode = self.mode()
        self.ui.planCombo.setEnabled(mode == "plan")
        self.ui.openPathEdit.setEnabled(mode == "open")
        self.ui.btnBrowseOpen.setEnabled(mode == "open")
        self._offer_plan_file()
        self.ui.pageStart.setFinalPage(mode in ("open", "server"))
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           "Kết &nối…" if mode == "server" else "H&oàn tất")
        self.ui.pageStart.completeChanged.emit()

    def _offer_plan_file(self) -> None:
        """A plan file is chosen when creating from a plan; with no bundled plan it is the
        only way to one, so it is offered then whatever is ticked."""
        self.btn_plan_file.setEnabled(self.mode() == "plan" or not self.ui.rbPlan.isEnabled())

    def _show_plan_info(self, _index: int = 0) -> None:
        plan = self.chosen_plan()
        if plan is None:
            self.ui.lblPlanInfo.setText("Chưa chọn kế hoạch." if self.plans else "")
            self.ui.pageStart.completeChanged.emit()
            return
        periods = ", ".join(p.label for p in plan.periods[:6])
        more = "…" if len(plan.periods) > 6 else ""
        text = (f"<i>{html.escape(plan.title)}</i><br>{number(len(plan.units))} đơn vị, "
                f"{number(len(plan.indicators))} chỉ tiêu, {number(len(plan.criteria))} tiêu chí; "
                f"các kỳ: {html.escape(periods)}{more}")
        if not plan.units:
            text += ("<br><span style='color:#b71c1c'>Kế hoạch này chưa có danh sách đơn vị "
                     "báo cáo. Ở bước “Các đơn vị báo cáo” có thể nhập danh sách từ tệp "
                     "Excel/CSV; hoặc thêm sau ở trang <b>Đơn vị</b>, trước khi tạo biểu "
                     "mẫu.</span>")
        self.ui.lblPlanInfo.setText(text)
        self.ui.pageStart.completeChanged.emit()

    # ---- navigation ---------------------------------------------------------------------
    def nextId(self) -> int:  # noqa: N802 - Qt override
        current = self.currentId()
        if current == PAGE_START:
            return {"open": -1, "server": -1, "demo": PAGE_SAVE}.get(self.mode(), PAGE_OFFICE)
        if current == PAGE_OFFICE:
            return PAGE_UNITS
        if current == PAGE_UNITS:
            return PAGE_SAVE
        return -1

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt override
        plan = self.plan()
        if page_id == PAGE_OFFICE and plan is not None and self._office_plan is not plan:
            self.office_form.load(office_defaults(plan))
            self._office_plan = plan
        elif page_id == PAGE_UNITS and plan is not None:
            if self._units_plan is not plan:
                self.unit_list, self.unit_rows, self._units_plan = None, [], plan
            self._fill_units(plan)
        elif page_id == PAGE_SAVE:
            self._prepare_save_page(plan)
        super().initializePage(page_id)

    def _fill_units(self, plan: Plan) -> None:
        table = self.ui.unitsTable
        rows = [(u.code, u.name, UNIT_KIND_LABELS.get(u.kind, u.kind), u.block or "")
                for u in plan.units]
        rows += [(r.code, r.name, UNIT_KIND_LABELS.get(r.kind, r.kind) if r.kind else "",
                  r.block or "") for r in self.unit_rows]
        table.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for col, text in enumerate(texts):
                table.setItem(row, col, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.btn_unit_list.setVisible(not plan.units)
        if plan.units:
            self.ui.lblUnitsCount.setText(f"{number(len(plan.units))} đơn vị.")
        elif self.unit_list is not None:
            self.ui.lblUnitsCount.setText(
                f"{number(len(self.unit_rows))} đơn vị từ tệp {self.unit_list.name}, thêm vào cùng "
                "lúc tạo cơ sở dữ liệu.")
        else:
            self.ui.lblUnitsCount.setText(NO_UNITS_HINT)
        self.ui.lblUnitsCount.setWordWrap(True)

    def choose_unit_list(self) -> Path | None:  # a seam, replaced in tests
        name, _ = QFileDialog.getOpenFileName(self, "Chọn danh sách đơn vị", "",
                                              "Danh sách đơn vị (*.xlsx *.csv)")
        return Path(name) if name else None

    def browse_unit_list(self) -> None:
        path = self.choose_unit_list()
        if path is not None:
            self.read_unit_list(path)

    def read_unit_list(self, path: Path) -> None:
        """Read the list off the GUI thread; show its units, or every bad row."""
        from ..exchange.unit_list_file import read_unit_list

        plan = self.plan()
        self.btn_unit_list.setEnabled(False)

        def done(found: tuple[list[Any], list[str]]) -> None:
            self.btn_unit_list.setEnabled(True)
            rows, problems = found
            if problems or not rows:
                from ..actions.units import UnitListRefused

                refused = UnitListRefused(path.name, problems or [f"{path.name}: không có "
                                                                  "đơn vị nào"])
                errors.show_error(self, refused.message)
                return
            self.unit_list, self.unit_rows = path, rows
            if plan is not None:
                self._fill_units(plan)

        def failed(exc: BaseException) -> None:
            self.btn_unit_list.setEnabled(True)
            errors.show_error(self, errors.message_of(exc))

        self.runner.run(lambda _r: read_unit_list(path), done, failed)

    def _prepare_save_page(self, plan: Plan | None) -> None:
        from ..paths import data_dir

        if not self.ui.savePathEdit.text():
            path = self.save_path_given or unique_path(data_dir(), "thidua" if plan else "demo")
            self.ui.savePathEdit.setText(str(path))
        if not self.ui.staffNameEdit.text():
            from ..actions.server import staff_name

            self.ui.staffNameEdit.setText(staff_name() or "")
        if plan is None:
            what = "cơ sở dữ liệu dùng thử: kế hoạch Ninh Sơn, 8 xã, số liệu mẫu 2022-2023"
        else:
            first, last = plan.periods[0], plan.periods[-1]
            units = len(plan.units) or len(self.unit_rows)
            what = (f"kế hoạch của {plan.issuer} với {units} đơn vị, các kỳ từ "
                    f"{first.label} đến {last.label} (hạn cuối {day(last.deadline)})")
        self.ui.lblSummary.setText(f"Sẽ tạo {what}.")

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        if self.result_path is not None or self.result_database is not None:
            return True
        current = self.currentId()
        if current == PAGE_START and self.mode() == "open":
            return self._accept_existing()
        if current == PAGE_START and self.mode() == "server":
            self.connect_server()
            return False
        if current == PAGE_START and self.mode() == "plan" and self.chosen_plan() is None:
            self.ui.lblPlanInfo.setText("<span style='color:#b71c1c'>Hãy chọn một kế hoạch "
                                        "trong danh sách.</span>")
            self.ui.planCombo.setFocus()
            return False
        if current == PAGE_OFFICE:
            try:
                self.office_form.checked_data()
            except DomainError as exc:
                show_banner(self.ui.lblOfficeError, exc.message)
                return False
            show_banner(self.ui.lblOfficeError, "")
        if current == PAGE_SAVE:
            self.create()
            return False
        return True

    def _accept_existing(self) -> bool:
        text = self.ui.openPathEdit.text().strip()
        path = Path(text) if text else None
        if path is None or not path.is_file():
            errors.show_error(self, "Hãy chọn một tệp cơ sở dữ liệu có sẵn.")
            return False
        from ..actions.database import check_is_sqlite

        try:
            check_is_sqlite(path)
        except DomainError as exc:
            errors.show_error(self, exc.message)
            return False
        self.result_path = path
        return True

    def connect_server(self) -> None:
        """The connect dialog (it tries the server off the GUI thread and shows a refusal
        in place); once connected, the wizard ends with that database."""
        if self.connect_dialog is not None:
            return
        from .connect_dialog import ConnectDialog
        from .settings import Settings

        dialog = ConnectDialog(Settings(), self)
        self.connect_dialog = dialog

        def finished(result: int) -> None:
            self.connect_dialog = None
            if result and dialog.database is not None:
                self.result_database = dialog.database
                self.accept()

        dialog.finished.connect(finished)
        dialog.open()

    # ---- files ---------------------------------------------------------------------------
    def choose_plan_file(self) -> Path | None:  # a seam, replaced in tests
        name, _ = QFileDialog.getOpenFileName(self, "Chọn tệp kế hoạch", "",
                                              "Kế hoạch ThiĐua CĐS (*.toml)")
        return Path(name) if name else None

    def browse_plan_file(self) -> None:
        path = self.choose_plan_file()
        if path is not None:
            self.add_plan_file(path)

    def add_plan_file(self, path: Path) -> bool:
        """Offer the plan of a .toml file (checked as the command line's --plan-file is)."""
        from ..plan_catalog import load_plan_file

        try:
            plan = load_plan_file(path)
        except DomainError as exc:
            errors.show_error(self, exc.message)
            return False
        key = str(path.resolve())
        self.plans.append(plan)
        self.plan_entries = [e for e in self.plan_entries if e[0] != key]
        self.plan_entries.append((key, plan, f"tệp {path.name}"))
        fill_plan_combo(self.ui.planCombo, self.plan_entries)
        self.ui.rbPlan.setEnabled(True)
        self.ui.rbPlan.setChecked(True)
        self.ui.planCombo.setCurrentIndex(self.ui.planCombo.findData(key))
        return True

    def browse_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Mở cơ sở dữ liệu", "", DB_FILTER)
        if name:
            self.ui.openPathEdit.setText(name)

    def browse_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Lưu cơ sở dữ liệu mới",
                                              self.ui.savePathEdit.text(), DB_FILTER)
        if name:
            self.ui.savePathEdit.setText(name if name.lower().endswith(".db") else name + ".db")

    # ---- creating ---------------------------------------------------------------------------
    def create(self) -> None:
        if self._creating:
            return
        text = self.ui.savePathEdit.text().strip()
        if not text:
            show_banner(self.ui.lblSaveError, "Hãy chọn nơi lưu cơ sở dữ liệu.")
            return
        path = Path(text).expanduser()
        if path.exists() and path.stat().st_size > 0:
            show_banner(self.ui.lblSaveError, f"Tệp {path} đã có; hãy chọn tên khác, hoặc quay "
                        "lại bước đầu và chọn “Mở một cơ sở dữ liệu có sẵn”.")
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            show_banner(self.ui.lblSaveError, f"Không tạo được thư mục {path.parent}: "
                        f"{exc.strerror}")
            return
        if not self._remember_staff_name():
            return
        plan = self.plan()
        office = self.office_form.checked_data() if plan is not None else None
        self._set_creating(True)

        def done(created: Path) -> None:
            self._set_creating(False)
            self.result_path = created
            self.accept()

        def failed(exc: BaseException) -> None:
            self._set_creating(False)
            show_banner(self.ui.lblSaveError, errors.message_of(exc))

        unit_list = self.unit_list if plan is not None and not plan.units else None
        self.runner.run(lambda _r: create_database(path, plan, office, unit_list), done, failed,
                        writes=True)

    def _remember_staff_name(self) -> bool:
        """The name given on the save page becomes this PC's staff name (the history's “who”);
        left empty, nothing changes. False, with the reason shown, if it cannot be kept."""
        from ..actions.server import set_staff_name, staff_name

        name = " ".join(self.ui.staffNameEdit.text().split())
        if not name or name == staff_name():
            return True
        try:
            set_staff_name(name)
        except DomainError as exc:
            show_banner(self.ui.lblSaveError, exc.message)
            self.ui.staffNameEdit.setFocus()
            return False
        return True

    def _set_creating(self, on: bool) -> None:
        self._creating = on
        self.ui.progress.setVisible(on)
        show_banner(self.ui.lblSaveError, "")
        for b in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                  QWizard.WizardButton.CancelButton):
            button = self.button(b)
            if button is not None:
                button.setEnabled(not on)
        self.ui.savePathEdit.setEnabled(not on)
        self.ui.staffNameEdit.setEnabled(not on)
        self.ui.btnBrowseSave.setEnabled(not on)
