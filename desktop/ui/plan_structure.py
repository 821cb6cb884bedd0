"""Thêm / Xóa on the Kế hoạch page: indicators, criteria, periods, quotas (a row of buttons
under each table) and the tab "Loại đơn vị và khối". Each change runs its office action
(desktop/actions/plan_structure.py: one audited transaction) off the GUI thread; a refusal
is shown as it is, naming why or what still uses the part."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..actions import plan_structure as actions
from ..domain.plan import Block, Plan
from ..domain.plan_rules import kind_label
from . import errors
from .plan_item_dialog import (
    PlanItemDialog,
    block_dialog,
    criterion_dialog,
    indicator_dialog,
    period_dialog,
    quota_dialog,
    unit_kind_dialog,
)
from .table_keys import keyboard_table

Database = Any  # the open database, as the page's context holds it

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Read-only rows of text (the plan's unit kinds, its blocks)."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []

    def load(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


# what -> (its name in a sentence, the dialog that adds one, the action that adds it)
ADDERS: dict[
    str,
    tuple[str, Callable[[QWidget | None, Plan], PlanItemDialog], Callable[[Database, Any], str]],
] = {
    "indicator": ("chỉ tiêu", indicator_dialog, actions.add_indicator),
    "criterion": ("tiêu chí", criterion_dialog, actions.add_criterion),
    "period": ("kỳ báo cáo", period_dialog, actions.add_period),
    "quota": ("hạn mức", quota_dialog, actions.add_quota),
    "unit_kind": ("loại đơn vị", unit_kind_dialog, actions.add_unit_kind),
    "block": ("khối thi đua", block_dialog, actions.add_block),
}
REMOVERS: dict[str, Callable[[Database, Any], str]] = {
    "indicator": actions.remove_indicator,
    "criterion": actions.remove_criterion,
    "period": actions.remove_period,
    "quota": actions.remove_quota,
    "unit_kind": actions.remove_unit_kind,
    "block": actions.remove_block,
}


class PlanStructure:
    """The Thêm / Xóa buttons of the page and what they do."""

    def __init__(self, page: Any) -> None:  # the PlanPage
        self.page = page
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        ui = page.ui
        for what, layout, table in (
            ("criterion", ui.criteriaLayout, ui.criteriaTable),
            ("indicator", ui.indicatorsLayout, ui.indicatorsTable),
            ("period", ui.periodsLayout, ui.periodsTable),
            ("quota", ui.quotasLayout, ui.quotasTable),
        ):
            layout.insertLayout(layout.indexOf(table) + 1, self._button_row(what, page))
        self.kinds = RowsTableModel(["Mã", "Loại đơn vị"], page)
        self.blocks = RowsTableModel(["Mã khối", "Tên khối"], page)
        tab = QWidget(page)
        row = QHBoxLayout(tab)
        self.kinds_table = self._group(row, "Loại đơn vị của kế hoạch", self.kinds, "unit_kind")
        self.blocks_table = self._group(row, "Khối thi đua", self.blocks, "block")
        ui.tabs.addTab(tab, "Loại đơn vị và &khối")

    def _button_row(self, what: str, parent: QWidget) -> QHBoxLayout:
        name = ADDERS[what][0]
        # Alt+T / Alt+X on every tab (the kinds-and-blocks tab has two of each: Qt moves
        # between them); the page's own buttons keep H, L and P
        add = QPushButton(f"&Thêm {name}…", parent)
        remove = QPushButton(f"&Xóa {name}", parent)
        remove.setToolTip(f"Xóa {name} đang chọn (không xóa được khi còn dữ liệu dùng đến)")
        add.clicked.connect(lambda: self.add(what))
        remove.clicked.connect(lambda: self.remove(what))
        self.buttons[what] = (add, remove)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    def _group(self, row: QHBoxLayout, title: str, model: RowsTableModel, what: str) -> QTableView:
        box = QGroupBox(title, self.page)
        layout = QVBoxLayout(box)
        view = QTableView(box)
        view.setAccessibleName(title)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(view)
        layout.addLayout(self._button_row(what, box))
        keyboard_table(view, self.buttons[what])  # right-click / Menu key: its row's actions
        row.addWidget(box)
        return view

    def load(self, plan: Plan) -> None:
        self.kinds.load([(k, kind_label(k)) for k in plan.unit_kinds])
        self.blocks.load([(b.code, b.name) for b in plan.blocks])
        # their columns are fitted by the page when the tab is first seen

    # ---- what a person chose ----------------------------------------------------------------
    def selected(self, what: str) -> tuple[Any, str] | None:
        """The key of the selected row for the remover, and how the row is named."""
        p, ui = self.page, self.page.ui
        view = {
            "indicator": ui.indicatorsTable,
            "criterion": ui.criteriaTable,
            "period": ui.periodsTable,
            "quota": ui.quotasTable,
            "unit_kind": self.kinds_table,
            "block": self.blocks_table,
        }[what]
        row = view.currentIndex().row()
        if row < 0:
            return None
        if what == "indicator":
            ind = p.indicators.rows[row]
            return ind.code, f"chỉ tiêu {ind.code} — {ind.name}"
        if what == "criterion":
            code = p.criteria.rows[row].code
            return code, f"tiêu chí {code}"
        if what == "period":
            period = p.periods.rows[row]
            return period.code, f"kỳ báo cáo {period.label} ({period.code})"
        if what == "quota":
            q = p.quotas.rows[row]
            return q.id, f"hạn mức “{q.award}” kỳ {q.review}"
        if what == "unit_kind":
            kind = self.kinds.rows[row][0]
            return kind, f"loại đơn vị {kind_label(kind)}"
        code, name = self.blocks.rows[row]
        return code, f"khối thi đua {Block(code, name).name} ({code})"

    def _editing(self) -> bool:
        if self.page.has_unsaved_changes():
            self.page.show_status(
                "Hãy lưu hoặc hoàn tác các ô đang sửa trước khi thêm hoặc "
                "xóa một phần của kế hoạch.",
                error=True,
            )
            return True
        return False

    # ---- Thêm, Xóa ----------------------------------------------------------------------------
    def add(self, what: str) -> None:
        if self._editing():
            return
        _name, make_dialog, action = ADDERS[what]
        dialog = make_dialog(self.page, self.page.ctx.plan)
        if not self.page.run_dialog(dialog):
            return
        item = dialog.item
        self._write(lambda db: action(db, item))

    def remove(self, what: str) -> None:
        if self._editing():
            return
        chosen = self.selected(what)
        if chosen is None:
            self.page.show_status(f"Hãy chọn {ADDERS[what][0]} cần xóa.", error=True)
            return
        key, label = chosen
        if not errors.ask_yes_no(self.page, f"Xóa {label} khỏi kế hoạch?", yes="Xóa"):
            return
        self._write(lambda db: REMOVERS[what](db, key))

    def _write(self, fn: Callable[[Database], str]) -> None:
        page = self.page

        def done(message: str) -> None:
            page.note = message
            page.ctx.notify_changed()
            page.show_status(message)
            page.structure_changed.emit(message)

        def failed(exc: BaseException) -> None:
            text = errors.message_of(exc)
            page.show_status(text, error=True)
            errors.show_error(page, text)

        page.ctx.tasks.run(lambda _r: fn(page.ctx.db), done, failed, writes=True)
