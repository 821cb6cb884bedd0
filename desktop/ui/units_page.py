"""Đơn vị: the units that report, sorted the Vietnamese way (Đ after D), with their dates.

Add, edit, deactivate, reactivate, merge (the merged units keep their history) and the
emulation blocks. The dialogs are in unit_dialog.py.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..actions.units import UnitListing, list_units, reactivate_unit
from ..domain.collation import warm
from ..domain.plan import UNIT_KIND_LABELS
from ..domain.vnformat import day, number
from . import errors
from .columns import fit_columns
from .context import AppContext
from .forms.ui_units_page import Ui_UnitsPage
from .row_order import PaintCache, SortedRows, SourceSortingProxy, permutation
from .table_keys import keyboard_table
from .unit_dialog import BlockDialog, DeactivateDialog, MergeDialog, UnitDialog

COL_CODE, COL_NAME, COL_KIND, COL_BLOCK, COL_FROM, COL_TO, COL_STATUS, COL_REPORTS = range(8)
HEADERS = ["Mã", "Tên đơn vị", "Loại", "Khối", "Hoạt động từ", "Đến ngày", "Tình trạng",
           "Số báo cáo"]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, for searching: 'Lâm Sơn' and 'lam son' match."""
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def vietnamese_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def status_text(u: UnitListing, today: dt.date) -> str:
    if u.merged_into:
        return f"Đã sáp nhập vào {u.merged_into_name} ({u.merged_into}) từ {day(_next(u))}"
    if u.active_to is not None and u.active_to < today:
        return f"Ngừng hoạt động sau {day(u.active_to)}"
    if u.active_from is not None and u.active_from > today:
        return f"Hoạt động từ {day(u.active_from)}"
    return "Đang hoạt động"


def _next(u: UnitListing) -> dt.date | None:
    return u.active_to + dt.timedelta(days=1) if u.active_to else None


class UnitsTableModel(PaintCache, SortedRows, QAbstractTableModel):
    ROW_LISTS = ("units",)
    sort_role = SORT_ROLE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units: list[UnitListing] = []
        self.block_names: dict[str, str] = {}
        self.today = dt.date.today()

    def set_units(self, units: list[UnitListing], block_names: dict[str, str],
                  order: tuple[int, Qt.SortOrder] | None = None) -> None:
        """`order`: the order `units` come sorted in already (sorted_units, on a worker)."""
        self.beginResetModel()
        self.units = units
        self.block_names = block_names
        self.today = dt.date.today()
        if order is None or order != self.sort_order:
            self.keep_order()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def cell(self, row: int, col: int, role: int) -> Any:
        u = self.units[row]
        if role == ROW_ROLE:
            return u
        if role == Qt.ItemDataRole.DisplayRole:
            return unit_text(u, col, self.today)
        if role == SORT_ROLE:
            return unit_sort_value(u, col, self.today)
        if role == Qt.ItemDataRole.ForegroundRole and not u.active_on(self.today):
            return QColor("#757575")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_REPORTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_BLOCK and u.block:
            return self.block_names.get(u.block, u.block)
        return None

    @staticmethod
    def sorted_units(units: list[UnitListing], order: tuple[int, Qt.SortOrder] | None,
                     today: dt.date) -> list[UnitListing]:
        """`units` in the table's `order`, as sort() would put them: pure Python, for a
        worker thread (set_units then has nothing to sort)."""
        if order is None or not 0 <= order[0] < len(HEADERS):
            return units
        perm = permutation([unit_sort_value(u, order[0], today) for u in units], order[1])
        return units if perm is None else [units[i] for i in perm]


def unit_text(u: UnitListing, col: int, today: dt.date) -> str:
    """What the Đơn vị table shows of a unit in a column."""
    if col == COL_CODE:
        return u.code
    if col == COL_NAME:
        return u.name
    if col == COL_KIND:
        return UNIT_KIND_LABELS.get(u.kind, u.kind)
    if col == COL_BLOCK:
        return u.block or ""
    if col == COL_FROM:
        return day(u.active_from) if u.active_from else ""
    if col == COL_TO:
        return day(u.active_to) if u.active_to else ""
    if col == COL_STATUS:
        return status_text(u, today)
    return number(u.reports)


def unit_sort_value(u: UnitListing, col: int, today: dt.date) -> Any:
    """What a unit sorts by in a column (dates as ISO text, the count as a number)."""
    if col in (COL_FROM, COL_TO):
        value = u.active_from if col == COL_FROM else u.active_to
        return value.isoformat() if value else ""
    return u.reports if col == COL_REPORTS else unit_text(u, col, today)


class UnitsProxy(SourceSortingProxy):
    """Vietnamese collation; filters by text (without diacritics), block, active."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collator = vietnamese_collator()
        self.text = ""
        self.block: str | None = None
        self.show_inactive = True
        self.setSortRole(SORT_ROLE)

    def set_filter(self, text: str | None = None, block: str | None | bool = False,
                   show_inactive: bool | None = None) -> None:
        if text is not None:
            self.text = fold(text.strip())
        if block is not False:
            self.block = block or None  # type: ignore[assignment]
        if show_inactive is not None:
            self.show_inactive = show_inactive
        self.refilter()

    def filtering(self) -> bool:
        return bool(self.text or self.block or not self.show_inactive)

    def accepts(self, row: int) -> bool:
        model = self.sourceModel()
        u: UnitListing = model.units[row]
        if not self.show_inactive and not u.active_on(dt.date.today()):
            return False
        if self.block and u.block != self.block:
            return False
        return not self.text or self.text in fold(f"{u.code} {u.name}")

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, int) and isinstance(b, int):
            return a < b
        return self.collator.compare(str(a), str(b)) < 0


class UnitsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_UnitsPage()
        self.ui.setupUi(self)
        self.dialog: QDialog | None = None
        self.model = UnitsTableModel(self)
        self.proxy = UnitsProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.unitsTable
        table.setModel(self.proxy)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        self._sized = False  # columns fitted to the first data (then the person's widths)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        ui = self.ui
        ui.searchEdit.textChanged.connect(lambda t: self._filter(text=t))
        ui.blockFilter.currentIndexChanged.connect(
            lambda _i: self._filter(block=ui.blockFilter.currentData()))
        ui.chkShowInactive.toggled.connect(lambda on: self._filter(show_inactive=on))
        ui.btnAdd.clicked.connect(self.add_unit)
        ui.btnEdit.clicked.connect(self.edit_selected)
        ui.btnDeactivate.clicked.connect(self.deactivate_selected)
        ui.btnReactivate.clicked.connect(self.reactivate_selected)
        ui.btnMerge.clicked.connect(self.merge_selected)
        ui.btnBlocks.clicked.connect(self.edit_blocks)
        ui.btnImportList.clicked.connect(self.import_list)
        ui.btnExportList.clicked.connect(self.export_list)
        keyboard_table(table, [ui.btnEdit, ui.btnDeactivate, ui.btnReactivate, ui.btnMerge])
        table.activated.connect(lambda _i: self.edit_selected())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.data_changed.connect(self.reload)
        ctx.database_changed.connect(self.reload)
        self.reload()

    # ---- protocol of the main window ---------------------------------------------------
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    # ---- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        order = self.model.sort_order

        def load(_report: Any) -> list[UnitListing]:
            units = list_units(self.ctx.db)
            warm(t for u in units for t in (u.name, u.code))  # sort keys off the GUI thread
            for u in units:  # and the texts the search box matches
                fold(f"{u.code} {u.name}")
            return UnitsTableModel.sorted_units(units, order, dt.date.today())

        self.ctx.tasks.run(load, lambda units: self._apply(units, order),
                           lambda exc: errors.show_exception(self, exc), page=self)

    def _apply(self, units: list[UnitListing],
               order: tuple[int, Qt.SortOrder] | None = None) -> None:
        selected = self.selected_codes()
        blocks = {b.code: b.name for b in self.ctx.plan.blocks}
        self.model.set_units(units, blocks, order)
        if not self._sized and units:
            fit_columns(self.ui.unitsTable, stretch=COL_STATUS)
            self._sized = True
        combo = self.ui.blockFilter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Tất cả", None)
        for code, name in blocks.items():
            combo.addItem(code, code)
            combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        combo.setEnabled(bool(blocks))
        self.select_codes(selected)
        self._update_count()
        self._update_buttons()

    def _filter(self, **kwargs: Any) -> None:
        self.proxy.set_filter(**kwargs)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        today = dt.date.today()
        active = sum(1 for u in self.model.units if u.active_on(today))
        self.ui.lblCount.setText(f"{number(shown)}/{number(total)} đơn vị · "
                                 f"{number(active)} hoạt động")
        self.ui.lblCount.setToolTip(f"Hiện {number(shown)}/{number(total)} đơn vị; "
                                    f"{number(active)} đang hoạt động")

    # ---- selection ----------------------------------------------------------------------
    def selected_units(self) -> list[UnitListing]:
        rows = self.ui.unitsTable.selectionModel().selectedRows()
        return [self.proxy.data(r, ROW_ROLE) for r in sorted(rows, key=lambda r: r.row())]

    def selected_codes(self) -> list[str]:
        return [u.code for u in self.selected_units()]

    def select_codes(self, codes: list[str]) -> None:
        selection = self.ui.unitsTable.selectionModel()
        selection.clearSelection()
        if not codes:
            return
        flag = QItemSelectionModel.SelectionFlag
        wanted = set(codes)
        for row, u in enumerate(self.model.units):  # the few wanted, not every row via Qt
            if u.code not in wanted:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, flag.Select | flag.Rows)
                selection.setCurrentIndex(index, flag.NoUpdate)

    def _update_buttons(self, *_args: Any) -> None:
        units = self.selected_units()
        one = units[0] if len(units) == 1 else None
        self.ui.btnEdit.setEnabled(one is not None)
        self.ui.btnDeactivate.setEnabled(one is not None and one.active_to is None)
        self.ui.btnReactivate.setEnabled(one is not None and one.active_to is not None)
        self.ui.btnMerge.setEnabled(len(self.model.units) >= 2)

    # ---- actions --------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def add_unit(self) -> QDialog:
        return self._open(UnitDialog(self.ctx, None, self))

    def edit_selected(self) -> QDialog | None:
        units = self.selected_units()
        return self._open(UnitDialog(self.ctx, units[0], self)) if len(units) == 1 else None

    def deactivate_selected(self) -> QDialog | None:
        units = self.selected_units()
        if len(units) != 1 or units[0].active_to is not None:
            return None
        return self._open(DeactivateDialog(self.ctx, units[0], self))

    def reactivate_selected(self) -> None:
        units = self.selected_units()
        if len(units) != 1 or units[0].active_to is None:
            return
        u = units[0]
        extra = (f"\nĐơn vị sẽ không còn được ghi là đã sáp nhập vào {u.merged_into_name}."
                 if u.merged_into else "")
        if not errors.ask_yes_no(self, f"Cho {u.name} hoạt động lại?{extra}",
                                 yes="Hoạt động &lại"):
            return

        def work(_report: Any) -> None:
            reactivate_unit(self.ctx.db, u.code)

        self.ctx.tasks.run(work, lambda _r: self.ctx.notify_changed(),
                           lambda exc: errors.show_exception(self, exc), writes=True)

    def merge_selected(self) -> QDialog:
        return self._open(MergeDialog(self.ctx, self.model.units, self.selected_codes(), self))

    def edit_blocks(self) -> QDialog:
        return self._open(BlockDialog(self.ctx, self))

    # ---- lists in and out -----------------------------------------------------------------
    LIST_FILTER = "Danh sách đơn vị (*.xlsx *.csv)"

    def choose_list_to_import(self) -> Path | None:  # a seam, replaced in tests
        name, _ = QFileDialog.getOpenFileName(self, "Nhập danh sách đơn vị", "",
                                              self.LIST_FILTER)
        return Path(name) if name else None

    def choose_list_to_export(self) -> Path | None:  # a seam, replaced in tests
        name, _ = QFileDialog.getSaveFileName(self, "Xuất danh sách đơn vị", "don_vi.xlsx",
                                              self.LIST_FILTER)
        return Path(name) if name else None

    def import_list(self) -> None:
        """Every unit of an Excel or CSV list, all or none; the refusal names each bad row."""
        from ..actions.units import import_unit_list

        path = self.choose_list_to_import()
        if path is None:
            return

        def work(_report: Any) -> Any:
            return import_unit_list(self.ctx.db, path)

        def done(changes: Any) -> None:
            self.ctx.notify_changed()
            lines = [changes.summary, *(f"Đổi tên: {r}" for r in changes.renamed[:10])]
            errors.show_info(self, "\n".join(lines))

        self.ctx.tasks.run(work, done, lambda exc: errors.show_exception(self, exc),
                           writes=True)

    def export_list(self) -> None:
        from ..actions.units import export_unit_list

        path = self.choose_list_to_export()
        if path is None:
            return

        def work(_report: Any) -> int:
            return export_unit_list(self.ctx.db, path)

        self.ctx.tasks.run(
            work, lambda n: errors.show_info(self, f"Đã xuất {number(n)} đơn vị vào {path}."),
            lambda exc: errors.show_exception(self, exc))
