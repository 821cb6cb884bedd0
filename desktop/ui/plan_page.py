"""Kế hoạch: the plan as it stands in the database, with the clause each criterion comes from.

Thresholds, period labels and deadlines, and award quotas are edited in place (F2 or
typing, decimal comma, dates dd/mm/yyyy); each cell is checked as it is entered, changed
cells are marked, and "Lưu kế hoạch" writes every change in one audited transaction.
Indicators, criteria, periods, quotas, unit kinds and blocks are added and removed with
the buttons under each table (desktop/ui/plan_structure.py), each change at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QPushButton,
    QTableView,
    QWidget,
)

from ..actions.plan import edit_plan, read_editable
from ..domain.errors import DomainError
from ..domain.evaluation import rule_label
from ..domain.plan import KIND_LABELS, UNIT_KIND_LABELS, Criterion, Operator, Plan
from ..domain.plan_rules import (
    CriterionEdit,
    EditablePlan,
    PeriodEdit,
    QuotaEdit,
    criterion_problem,
)
from ..domain.plan_rules import period_edit_problem as period_problem
from ..domain.plan_rules import quota_edit_problem as quota_problem
from ..domain.vnformat import day, number
from . import errors
from .columns import fit_columns
from .context import AppContext
from .forms.ui_plan_page import Ui_PlanPage
from .plan_parsing import parse_count, parse_day, parse_number
from .plan_structure import PlanStructure
from .table_keys import keyboard_table

Index = QModelIndex | QPersistentModelIndex
CHANGED = QColor("#fff3c4")
CHECK_BOX_ROOM = 26  # pixels of a check box indicator and its gap
OPS = {">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "=": "="}
OP_SHOWN = {">=": "≥", ">": ">", "<=": "≤", "=": "=", "true": "Có", "by": "≤ (ngày)"}
# the roles a cell answers, as ints: comparing with Qt's enums costs at every cell of a paint
_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)})
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = _TEXT_ROLES | {_CHECK, _BACKGROUND, _FONT, int(Qt.ItemDataRole.ToolTipRole)}


class EditTableModel(QAbstractTableModel):
    """Rows of frozen dataclasses; edits make new rows, the originals stay for Hoàn tác."""

    HEADERS: list[str] = []
    EDITABLE: set[int] = set()
    problem = Signal(str)  # a value just typed was refused, and why
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original: list[Any] = []
        self.rows: list[Any] = []
        self.plan: Plan | None = None
        self._criteria: dict[str, Criterion] = {}

    def load(self, rows: list[Any], plan: Plan) -> None:
        self.beginResetModel()
        self.original, self.rows, self.plan = list(rows), list(rows), plan
        self._criteria = {c.code: c for c in plan.criteria}
        self.endResetModel()

    def revert(self) -> None:
        self.load(self.original, self.plan)  # type: ignore[arg-type]

    def changed(self) -> list[Any]:
        return [r for r, o in zip(self.rows, self.original, strict=True) if r != o]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    CHECK_COLUMN = -1  # a yes/no column shown as a check box (Space toggles it)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.CHECK_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.isValid() and self.can_edit(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def checked(self, item: Any) -> bool:
        return False

    def can_edit(self, row: int, col: int) -> bool:
        return col in self.EDITABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():  # a paint asks ~10 roles a cell
            return None
        row, col = index.row(), index.column()
        if role in _TEXT_ROLES:
            return self.text(self.rows[row], row, col)
        if role == _CHECK:
            if col != self.CHECK_COLUMN:
                return None
            checked = self.checked(self.rows[row])
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == _BACKGROUND:
            return CHANGED if self._cell_changed(row, col) else None
        if role == _FONT:
            if not self._cell_changed(row, col):
                return None
            font = QFont()
            font.setBold(True)
            return font
        return self.tooltip(row, col)

    def column_texts(self, column: int, rows: list[int]) -> list[str]:
        """The texts of `column` in these rows (fit_columns), without a Qt call per cell."""
        return [self.text(self.rows[r], r, column) for r in rows]

    def _cell_changed(self, row: int, col: int) -> bool:
        if col not in self.EDITABLE:
            return False
        item, first = self.rows[row], self.original[row]
        # never edited (load shares the rows): no texts to compare; a paint asks this twice
        # a cell (issue 12)
        if item is first:
            return False
        return self.text(item, row, col) != self.text(first, row, col)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.CHECK_COLUMN:
            value = "Có" if Qt.CheckState(value) == Qt.CheckState.Checked else "Không"
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = self.parse(self.rows[row], row, col, str(value))
        except ValueError as exc:
            self.problem.emit(f"{self.row_name(row)}: {exc}")
            return False
        if new != self.rows[row]:
            self.rows[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            self.edited.emit()
        return True

    # to be defined by each table
    def text(self, item: Any, row: int, col: int) -> str:
        raise NotImplementedError

    def parse(self, item: Any, row: int, col: int, text: str) -> Any:
        raise NotImplementedError

    def row_name(self, row: int) -> str:
        return number(row + 1)

    def tooltip(self, row: int, col: int) -> str | None:
        return None


class CriteriaTableModel(EditTableModel):
    COL_CODE, COL_NAME, COL_INDICATOR, COL_OP, COL_THRESHOLD, COL_MANDATORY, COL_KINDS, \
        COL_SOURCE, COL_PERIODS = range(9)
    HEADERS = ["Mã", "Tiêu chí", "Chỉ tiêu", "So sánh", "Ngưỡng", "Bắt buộc", "Áp dụng cho",
               "Căn cứ", "Kỳ áp dụng"]
    EDITABLE = {COL_OP, COL_THRESHOLD, COL_MANDATORY}
    CHECK_COLUMN = COL_MANDATORY

    def checked(self, item: CriterionEdit) -> bool:
        return item.mandatory

    def criterion(self, row: int) -> Criterion:
        return self._criteria[self.rows[row].code]

    def kind(self, row: int) -> str:
        assert self.plan is not None
        return self.plan.indicator(self.criterion(row).indicator).kind.value

    def maximum(self, row: int) -> float | None:
        assert self.plan is not None
        return self.plan.indicator(self.criterion(row).indicator).maximum

    def can_edit(self, row: int, col: int) -> bool:
        if self.kind(row) == "bool" or col == self.COL_MANDATORY:
            return False
        return col == self.COL_THRESHOLD or (col == self.COL_OP and self.kind(row) != "date")

    def text(self, item: CriterionEdit, row: int, col: int) -> str:
        c = self.criterion(row)
        if col == self.COL_CODE:
            return c.code
        if col == self.COL_NAME:
            return c.name
        if col == self.COL_INDICATOR:
            return c.indicator
        if col == self.COL_OP:
            return OP_SHOWN.get(item.op, item.op)
        if col == self.COL_THRESHOLD:
            t = item.threshold
            if isinstance(t, dt.date):
                return day(t)
            if item.op == Operator.TRUE or t is None:
                return "Có" if item.op == Operator.TRUE else ""
            unit = " %" if self.kind(row) in ("ratio", "percent") else ""
            return f"{number(t)}{unit}"
        if col == self.COL_MANDATORY:
            return "Bắt buộc" if item.mandatory else "Mục tiêu"
        if col == self.COL_KINDS:
            return ", ".join(UNIT_KIND_LABELS.get(k, k) for k in c.unit_kinds)
        if col == self.COL_PERIODS:
            assert self.plan is not None
            labels = {p.code: p.label for p in self.plan.periods}
            return ", ".join(labels.get(p, p) for p in c.periods) if c.periods else "Mọi kỳ"
        return c.source

    def parse(self, item: CriterionEdit, row: int, col: int, text: str) -> CriterionEdit:
        if col == self.COL_MANDATORY:
            new = replace(item, mandatory=text == "Có")
        elif col == self.COL_OP:
            op = OPS.get(text.strip())
            if op is None:
                raise ValueError(f"phép so sánh '{text}' không hợp lệ (dùng ≥, >, ≤ hoặc =)")
            new = replace(item, op=op)
        elif self.kind(row) == "date":
            new = replace(item, threshold=parse_day(text))
        else:
            new = replace(item, threshold=parse_number(text))
        why = criterion_problem(self.kind(row), new, self.maximum(row))
        if why:
            raise ValueError(why)
        return new

    def row_name(self, row: int) -> str:
        return f"Tiêu chí {self.rows[row].code}"

    def tooltip(self, row: int, col: int) -> str | None:
        assert self.plan is not None
        c = self.criterion(row)
        return f"{c.name}\nQuy định hiện hành: {rule_label(self.plan, c)}\nCăn cứ: {c.source}"


class PeriodsTableModel(EditTableModel):
    COL_CODE, COL_LABEL, COL_STARTS, COL_ENDS, COL_DEADLINE = range(5)
    HEADERS = ["Mã", "Kỳ báo cáo", "Từ ngày", "Đến ngày", "Hạn nộp"]
    EDITABLE = {COL_LABEL, COL_STARTS, COL_ENDS, COL_DEADLINE}

    def text(self, item: PeriodEdit, row: int, col: int) -> str:
        return [item.code, item.label, day(item.starts), day(item.ends), day(item.deadline)][col]

    def parse(self, item: PeriodEdit, row: int, col: int, text: str) -> PeriodEdit:
        if col == self.COL_LABEL:
            new = replace(item, label=" ".join(text.split()))
        else:
            field = {self.COL_STARTS: "starts", self.COL_ENDS: "ends",
                     self.COL_DEADLINE: "deadline"}[col]
            new = replace(item, **{field: parse_day(text)})
        why = period_problem(new)
        if why:
            raise ValueError(why)
        return new

    def row_name(self, row: int) -> str:
        return f"Kỳ {self.rows[row].code}"


class QuotasTableModel(EditTableModel):
    COL_REVIEW, COL_AWARD, COL_BLOCK, COL_COLLECTIVES, COL_INDIVIDUALS, COL_LEADERS, \
        COL_SOURCE = range(7)
    HEADERS = ["Đợt", "Hình thức khen thưởng", "Khối", "Tập thể tối đa", "Cá nhân tối đa",
               "Lãnh đạo tối đa (%)", "Căn cứ"]
    EDITABLE = {COL_COLLECTIVES, COL_INDIVIDUALS, COL_LEADERS}

    def text(self, item: QuotaEdit, row: int, col: int) -> str:
        if col == self.COL_REVIEW:
            labels = {p.code: p.label for p in self.plan.periods} if self.plan else {}
            return labels.get(item.review, item.review)
        if col == self.COL_AWARD:
            return item.award
        if col == self.COL_BLOCK:
            return item.block or ""
        if col == self.COL_SOURCE:
            return item.source
        value = {self.COL_COLLECTIVES: item.collectives, self.COL_INDIVIDUALS: item.individuals,
                 self.COL_LEADERS: item.leader_share_max}[col]
        return "" if value is None else number(value)

    NO_LIMIT = "không giới hạn"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A count left blank is shown as the plan means it, "không giới hạn" (typing starts
        from a blank cell, and a blank saves "no limit")."""
        shown = super().data(index, role)
        if (role == Qt.ItemDataRole.DisplayRole and shown == ""
                and index.column() in (self.COL_COLLECTIVES, self.COL_INDIVIDUALS)):
            return self.NO_LIMIT
        return shown

    def column_texts(self, column: int, rows: list[int]) -> list[str]:
        texts = super().column_texts(column, rows)
        if column in (self.COL_COLLECTIVES, self.COL_INDIVIDUALS):
            return [t or self.NO_LIMIT for t in texts]
        return texts

    def parse(self, item: QuotaEdit, row: int, col: int, text: str) -> QuotaEdit:
        if text.strip() == self.NO_LIMIT:
            text = ""
        if col == self.COL_LEADERS:
            new = replace(item, leader_share_max=parse_number(text) if text.strip() else None)
        else:
            field = "collectives" if col == self.COL_COLLECTIVES else "individuals"
            new = replace(item, **{field: parse_count(text)})
        why = quota_problem(new)
        if why:
            raise ValueError(why)
        return new

    def row_name(self, row: int) -> str:
        return f"Hạn mức {self.rows[row].award} ({self.rows[row].review})"


class IndicatorsTableModel(EditTableModel):
    HEADERS = ["Mã", "Chỉ tiêu", "Loại", "Đơn vị tính", "Áp dụng cho", "Căn cứ"]

    def tooltip(self, row: int, col: int) -> str | None:
        ind = self.rows[row]
        parts = [ind.name]
        if ind.numerator_label:
            parts.append(f"Tử số: {ind.numerator_label}\nMẫu số: {ind.denominator_label}")
        return "\n".join(parts)

    def text(self, item: Any, row: int, col: int) -> str:
        return [item.code, item.name, KIND_LABELS.get(item.kind, item.kind.value), item.measure,
                ", ".join(UNIT_KIND_LABELS.get(k, k) for k in item.unit_kinds), item.source][col]


class PlanPage(QWidget):
    saved = Signal(list)  # the changes written
    structure_changed = Signal(str)  # a part added or removed: what was done

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_PlanPage()
        self.ui.setupUi(self)
        self.criteria = CriteriaTableModel(self)
        self.periods = PeriodsTableModel(self)
        self.quotas = QuotasTableModel(self)
        self.indicators = IndicatorsTableModel(self)
        tables = ((self.ui.criteriaTable, self.criteria, CriteriaTableModel.COL_NAME),
                  (self.ui.periodsTable, self.periods, PeriodsTableModel.COL_LABEL),
                  (self.ui.quotasTable, self.quotas, QuotasTableModel.COL_AWARD),
                  (self.ui.indicatorsTable, self.indicators, 1))
        self._tables = tables
        for view, model, _stretch in tables:
            self._setup_table(view, model)
        for model in (self.criteria, self.periods, self.quotas):
            model.problem.connect(lambda text: self.show_status(text, error=True))
            model.edited.connect(self._on_edited)
        self.ui.btnSave.clicked.connect(self.save_async)
        self.ui.btnRevert.clicked.connect(self.revert)
        self.btn_save_file = QPushButton("Lưu thành tệ&p kế hoạch…", self)
        self.btn_save_file.setToolTip(
            "Lưu kế hoạch đã lưu trong cơ sở dữ liệu (kèm đơn vị) thành tệp .toml để cơ quan "
            "khác khởi tạo từ đó")
        self.btn_save_file.clicked.connect(self.save_plan_file)
        self.ui.buttonsLayout.insertWidget(1, self.btn_save_file)
        self.note: str | None = None  # shown once the tables are loaded again
        self._counting = False  # the status line shows the count of unsaved rows
        self.structure = PlanStructure(self)
        self._unfitted: set[QTableView] = set()  # tables to fit when first seen
        self.ui.tabs.currentChanged.connect(lambda _i: self._fit_visible())
        ctx.data_changed.connect(self._on_data_changed)
        ctx.database_changed.connect(self.reload)
        self.reload()

    def _setup_table(self, view: QTableView, model: EditTableModel) -> None:
        view.setModel(model)
        keyboard_table(view)
        view.horizontalHeader().setStretchLastSection(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)

    def _fit_columns(self) -> None:
        """Widths from the header and the rows, measured once per load, for each table
        when it is first seen (ResizeToContents measured every cell again at each show
        of the page and each edit; measuring all six tables at once held the window)."""
        self._unfitted = {view for view, _model, _stretch in self._tables}
        self._unfitted |= {self.structure.kinds_table, self.structure.blocks_table}
        self._fit_visible()

    def _fit_visible(self) -> None:
        for view in [v for v in self._unfitted if v.isVisible()]:
            self._unfitted.discard(view)
            model = view.model()
            stretch = next((s for v, _m, s in self._tables if v is view), None)
            fit_columns(view, stretch=stretch, bold=False)
            if isinstance(model, EditTableModel) and model.CHECK_COLUMN >= 0:
                # room for the check box beside its text
                view.setColumnWidth(model.CHECK_COLUMN,
                                    view.columnWidth(model.CHECK_COLUMN) + CHECK_BOX_ROOM)
            if view is self.ui.criteriaTable:
                view.horizontalHeader().resizeSection(CriteriaTableModel.COL_KINDS, 130)
            if stretch is None:
                view.horizontalHeader().setStretchLastSection(True)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_visible()

    def known_splitters(self) -> list[Any]:
        """None to restore: the window then does not look for them among all the
        children (PySide6 wraps each one, milliseconds of the first visit's turn)."""
        return []

    # ---- the protocol of the main window ----------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return any(m.changed() for m in (self.criteria, self.periods, self.quotas))

    def save(self) -> bool:
        """Write the changes now (waits for the write); False if refused."""
        if not self.has_unsaved_changes():
            return True
        try:
            changes = self.ctx.run_and_wait(self._writer(), writes=True)
        except DomainError as exc:
            self.show_status(exc.message, error=True)
            return False
        self._after_save(changes)
        return True

    # ---- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        def load(_report: Any) -> EditablePlan:
            return read_editable(self.ctx.db)

        self.ctx.tasks.run(load, self._apply, lambda exc: errors.show_exception(self, exc),
                           page=self)

    def _on_data_changed(self) -> None:
        if not self.has_unsaved_changes():  # never drop what a person is typing
            self.reload()

    def _apply(self, editable: EditablePlan) -> None:
        plan = self.ctx.plan
        self.criteria.load(editable.criteria, plan)
        self.periods.load(editable.periods, plan)
        self.quotas.load(editable.quotas, plan)
        self.indicators.load(list(plan.indicators), plan)
        self.structure.load(plan)
        self._fit_columns()
        issued = f" ngày {day(plan.issued_on)}" if plan.issued_on else ""
        self.ui.lblPlanTitle.setText(f"<b>{plan.title}</b>")
        self.ui.lblPlanSource.setText(
            f"Số: {plan.number}{issued} — {plan.issuer}. {plan.source_note}".strip())
        self._on_edited()
        if self.note:
            self.show_status(self.note)
            self.note = None

    # ---- editing ---------------------------------------------------------------------------------
    def run_dialog(self, dialog: QDialog) -> bool:  # a seam, replaced in tests
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_plan_file(self) -> Path | None:  # a seam, replaced in tests
        name, _ = QFileDialog.getSaveFileName(
            self, "Lưu thành tệp kế hoạch", f"{self.ctx.plan.code}.toml",
            "Kế hoạch ThiĐua CĐS (*.toml)")
        return Path(name) if name else None

    def save_plan_file(self) -> None:
        """The plan as saved in the database (not the edits not yet saved) to a .toml."""
        from ..actions.plan_file import save_plan_file

        path = self.choose_plan_file()
        if path is None:
            return

        def done(saved: Any) -> None:
            text = f"Đã lưu kế hoạch ({number(saved.units)} đơn vị) vào {saved.path}."
            if saved.renamed_from:
                text += (f" Mã kế hoạch trong tệp là “{saved.code}”, theo tên tệp.")
            self.show_status(text)

        self.ctx.tasks.run(lambda _r: save_plan_file(self.ctx.db, path), done,
                           lambda exc: self.show_status(errors.message_of(exc), error=True))

    def show_status(self, text: str, error: bool = False) -> None:
        self.ui.lblStatus.setText(text)
        self.ui.lblStatus.setStyleSheet("color: #b71c1c;" if error else "")
        self._counting = False

    def _on_edited(self) -> None:
        """The count of unsaved rows in the status line; with none, the line is cleared
        only if it showed a count: a load that arrives after "Đã lưu kế hoạch…" (or an
        error) leaves that message alone."""
        n = sum(len(m.changed()) for m in (self.criteria, self.periods, self.quotas))
        self.ui.btnSave.setEnabled(n > 0)
        self.ui.btnRevert.setEnabled(n > 0)
        if n or self._counting:
            self.show_status(f"{number(n)} dòng đã sửa, chưa lưu." if n else "")
            self._counting = n > 0

    def revert(self) -> None:
        for m in (self.criteria, self.periods, self.quotas):
            m.revert()
        self._on_edited()

    def _writer(self) -> Any:
        criteria, periods, quotas = (self.criteria.changed(), self.periods.changed(),
                                     self.quotas.changed())

        def work(_report: Any) -> list[str]:
            return edit_plan(self.ctx.db, criteria, periods, quotas)

        return work

    def save_async(self) -> None:
        if not self.has_unsaved_changes():
            return
        self.ui.btnSave.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.ui.btnSave.setEnabled(True)
            self.show_status(errors.message_of(exc), error=True)

        self.ctx.tasks.run(self._writer(), self._after_save, failed, writes=True)

    def _after_save(self, changes: list[str]) -> None:
        for m in (self.criteria, self.periods, self.quotas):
            m.load(m.rows, self.ctx.plan)
        self.ctx.notify_changed()
        self._on_edited()
        self.show_status(f"Đã lưu {number(len(changes))} thay đổi của kế hoạch.")
        self.saved.emit(changes)
