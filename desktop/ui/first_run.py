"""The first-run wizard: start from a bundled plan, open an existing database, or try the demo.

From a plan: the office and its signer, a look at the plan's units, then where to save.
The database is created on a worker thread; `result_path` is set once it exists.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QWidget,
    QWizard,
)

from ..domain.errors import DomainError
from ..domain.plan import UNIT_KIND_LABELS, Plan
from ..domain.vnformat import day
from . import errors
from .forms.ui_first_run import Ui_FirstRunWizard
from .office_dialog import OfficeForm, show_banner
from .tasks import TaskRunner

PAGE_START, PAGE_OFFICE, PAGE_UNITS, PAGE_SAVE = range(4)
NO_UNITS_HINT = (
    "Kế hoạch không liệt kê đơn vị nào. Sau khi tạo cơ sở dữ liệu, hãy thêm các đơn vị "
    "báo cáo (các phòng, trung tâm, đơn vị trực thuộc…) ở trang Đơn vị: “Thêm đơn vị…” "
    "từng đơn vị, hoặc “Nhập danh sách…” từ tệp Excel/CSV có các cột Mã, Tên đơn vị, Loại.")
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


def create_database(path: Path, plan: Plan | None, office: Any) -> Path:
    """Create the database at `path`: the demo when `plan` is None. Runs on a worker."""
    from ..actions.database import create_database as create_from_plan
    from ..actions.database import create_demo

    if plan is None:
        create_demo(path, backup=False)
    else:
        create_from_plan(path, plan, office, backup=False)
    return path


class FirstRunWizard(QWizard):
    def __init__(self, save_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.result_path: Path | None = None
        self.save_path_given = save_path
        self.runner = TaskRunner(self)
        self._office_plan: str | None = None
        self._creating = False
        self.setButtonText(QWizard.WizardButton.NextButton, "&Tiếp theo >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Hoàn &tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, "&Hủy")
        self.office_form = OfficeForm(self.ui.officeHost)
        self.ui.officeHostLayout.addWidget(self.office_form)
        show_banner(self.ui.lblOfficeError, "")
        show_banner(self.ui.lblSaveError, "")
        self.plans = self._load_plans()
        for plan in self.plans:
            self.ui.planCombo.addItem(f"{plan.issuer} ({plan.code})", plan.code)
        self.ui.planCombo.currentIndexChanged.connect(self._show_plan_info)
        for rb in (self.ui.rbPlan, self.ui.rbOpen, self.ui.rbDemo):
            rb.toggled.connect(self._on_mode_changed)
        start = self.ui.pageStart
        self.ui.openPathEdit.textChanged.connect(lambda _t: start.completeChanged.emit())
        self.ui.btnBrowseOpen.clicked.connect(self.browse_open)
        self.ui.btnBrowseSave.clicked.connect(self.browse_save)
        self.btn_plan_file = QPushButton("Dùng &tệp kế hoạch đã sửa (.toml)…", self.ui.pageStart)
        self.btn_plan_file.setToolTip(
            "Một kế hoạch sao chép từ kế hoạch mẫu rồi sửa (ngưỡng, kỳ, đơn vị), hoặc lưu từ "
            "trang Kế hoạch của một cơ quan khác")
        self.btn_plan_file.clicked.connect(self.browse_plan_file)
        self.ui.planLayout.addRow(self.btn_plan_file)
        self.ui.unitsTable.setColumnCount(4)
        self.ui.unitsTable.setHorizontalHeaderLabels(["Mã", "Tên đơn vị", "Loại", "Khối"])
        self._show_plan_info()
        if not self.plans:
            self.ui.rbPlan.setEnabled(False)
            self.ui.rbDemo.setChecked(True)

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
        return "demo" if self.ui.rbDemo.isChecked() else "plan"

    def plan(self) -> Plan | None:
        if self.mode() != "plan" or not self.plans:
            return None
        return self.plans[max(0, self.ui.planCombo.currentIndex())]

    def _on_mode_changed(self, _checked: bool = False) -> None:
        mode = self.mode()
        self.ui.planCombo.setEnabled(mode == "plan")
        self.ui.openPathEdit.setEnabled(mode == "open")
        self.ui.btnBrowseOpen.setEnabled(mode == "open")
        self.ui.pageStart.setFinalPage(mode == "open")
        self.ui.pageStart.completeChanged.emit()

    def _show_plan_info(self, _index: int = 0) -> None:
        plan = self.plans[self.ui.planCombo.currentIndex()] if self.plans else None
        if plan is None:
            self.ui.lblPlanInfo.setText("")
            return
        periods = ", ".join(p.label for p in plan.periods[:6])
        more = "…" if len(plan.periods) > 6 else ""
        self.ui.lblPlanInfo.setText(
            f"<i>{html.escape(plan.title)}</i><br>{len(plan.units)} đơn vị, "
            f"{len(plan.indicators)} chỉ tiêu, {len(plan.criteria)} tiêu chí; "
            f"các kỳ: {html.escape(periods)}{more}")

    # ---- navigation ---------------------------------------------------------------------
    def nextId(self) -> int:  # noqa: N802 - Qt override
        current = self.currentId()
        if current == PAGE_START:
            return {"open": -1, "demo": PAGE_SAVE}.get(self.mode(), PAGE_OFFICE)
        if current == PAGE_OFFICE:
            return PAGE_UNITS
        if current == PAGE_UNITS:
            return PAGE_SAVE
        return -1

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt override
        plan = self.plan()
        if page_id == PAGE_OFFICE and plan is not None and self._office_plan != plan.code:
            self.office_form.load(office_defaults(plan))
            self._office_plan = plan.code
        elif page_id == PAGE_UNITS and plan is not None:
            self._fill_units(plan)
        elif page_id == PAGE_SAVE:
            self._prepare_save_page(plan)
        super().initializePage(page_id)

    def _fill_units(self, plan: Plan) -> None:
        table = self.ui.unitsTable
        table.setRowCount(len(plan.units))
        for row, u in enumerate(plan.units):
            for col, text in enumerate((u.code, u.name, UNIT_KIND_LABELS.get(u.kind, u.kind),
                                        u.block or "")):
                table.setItem(row, col, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.lblUnitsCount.setText(f"{len(plan.units)} đơn vị." if plan.units else NO_UNITS_HINT)

    def _prepare_save_page(self, plan: Plan | None) -> None:
        from ..paths import data_dir

        if not self.ui.savePathEdit.text():
            path = self.save_path_given or unique_path(data_dir(), "thidua" if plan else "demo")
            self.ui.savePathEdit.setText(str(path))
        if plan is None:
            what = "cơ sở dữ liệu dùng thử: kế hoạch Ninh Sơn, 8 xã, số liệu mẫu 2022-2023"
        else:
            first, last = plan.periods[0], plan.periods[-1]
            what = (f"kế hoạch {plan.code} với {len(plan.units)} đơn vị, các kỳ từ "
                    f"{first.label} đến {last.label} (hạn cuối {day(last.deadline)})")
        self.ui.lblSummary.setText(f"Sẽ tạo {what}.")

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        if self.result_path is not None:
            return True
        current = self.currentId()
        if current == PAGE_START and self.mode() == "open":
            return self._accept_existing()
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
        self.plans.append(plan)
        self.ui.planCombo.addItem(f"{plan.issuer} ({plan.code}) — tệp {path.name}", plan.code)
        self.ui.rbPlan.setEnabled(True)
        self.ui.rbPlan.setChecked(True)
        self.ui.planCombo.setCurrentIndex(self.ui.planCombo.count() - 1)
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

        self.runner.run(lambda _r: create_database(path, plan, office), done, failed, writes=True)

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
        self.ui.btnBrowseSave.setEnabled(not on)
