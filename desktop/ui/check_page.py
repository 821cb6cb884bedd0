"""Kiểm tra: the unit × criterion matrix of the current period, with ranks.

The evaluation (`ctx.report`) runs in a reader task so that a database of thousands
of units never freezes the window; a newer request makes older answers stale.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from ..domain.period_report import PeriodReport
from ..domain.vnformat import day, number
from .check_model import COLORS, CheckRows, CheckTableModel, prepare
from .columns import fit_columns
from .context import AppContext
from .current_frame import CurrentFrame
from .forms.ui_check_page import Ui_CheckPage
from .frozen_columns import FrozenColumns
from .submissions_model import ROW_ROLE, VietnameseSortFilterProxy, error_text, show_banner
from .table_keys import keyboard_table


def _swatch(colour: str, text: str, italic: bool = False) -> str:
    style = f"background:{colour}; padding:2px 6px;" + (" font-style:italic;" if italic else "")
    return f"<span style='{style}'>&nbsp;{html.escape(text)}&nbsp;</span>"


LEGEND = "&nbsp; ".join([
    _swatch(COLORS["pass"][0].name(), "Đạt"),
    _swatch(COLORS["fail"][0].name(), "Không đạt"),
    _swatch(COLORS["incomplete"][0].name(), "Chưa đủ số liệu"),
    _swatch(COLORS["not_submitted"][0].name(), "Chưa nộp"),
    "&nbsp;&nbsp;Cột chữ đậm: tiêu chuẩn thi đua (bắt buộc); cột chữ nghiêng, màu nhạt: "
    "chỉ tiêu phấn đấu (không tính vào kết quả).",
])


class CheckPage(QWidget):
    """The "Kiểm tra" page."""

    loaded = Signal()  # the matrix shows the database as it now is

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CheckPage()
        self.ui.setupUi(self)
        self.model = CheckTableModel(self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
        table.sortByColumn(CheckTableModel.COL_RANK, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(200)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        table.setMouseTracking(True)
        # no selection colour over the outcome colours: the current cell gets a frame
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # rank, code and unit stay in view while the criteria scroll right
        self.frozen = FrozenColumns(table, CheckTableModel.COL_UNIT + 1)
        self.frame = CurrentFrame(table, self.frozen.view, self.frozen.count)
        keyboard_table(table)
        self.ui.legendLabel.setText(LEGEND)
        self.ui.busyLabel.setVisible(False)
        self.ui.busyBar.setVisible(False)
        self._generation = 0
        self._sized_for: tuple[int, bool] = (0, False)
        self.report: PeriodReport | None = None

        self.ui.searchEdit.textChanged.connect(self.proxy.set_search)
        table.selectionModel().currentChanged.connect(self._on_current_changed)
        ctx.data_changed.connect(self.reload)
        ctx.period_changed.connect(lambda _code: self.reload())
        # the evaluation starts once the page is shown: its worker would hold the GIL
        # while this turn builds and paints the page, and make it wait for it
        self._set_busy(True)
        QTimer.singleShot(1, self, self.reload)

    # -- the page contract
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    @property
    def busy(self) -> bool:
        return self.ui.busyBar.isVisible()

    # -- loading
    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        ctx, period = self.ctx, self.ctx.period_code
        order = self.model.sort_order
        self._set_busy(True)

        def work(_report: Any) -> CheckRows:
            return prepare(ctx.report(period), order)  # sorted off the GUI thread

        def done(rows: CheckRows) -> None:
            if generation == self._generation:
                self._set_busy(False)
                self._apply(rows)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_busy(False)
                show_banner(self.ui.bannerLabel,
                            f"Không đánh giá được kỳ {period}: {error_text(exc)}", "error")

        self.ctx.tasks.run(work, done, failed, page=self)

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyLabel.setVisible(busy)
        self.ui.busyBar.setVisible(busy)

    def _apply(self, rows: CheckRows) -> None:
        report = rows.report
        assert report is not None
        show_banner(self.ui.bannerLabel, "")
        current = self.ui.table.currentIndex()
        keep = (current.data(ROW_ROLE), current.column()) \
            if current.isValid() else None
        self.report = report
        self.model.set_rows(rows)
        p = report.period
        self.ui.titleLabel.setText(
            f"<b>Kiểm tra, đánh giá và xếp hạng</b> — {html.escape(p.label)}, "
            f"hạn nộp {day(p.deadline)}")
        s = report.summary
        self.ui.summaryLabel.setText(
            f"Phải nộp {number(s.expected)}, đã nộp {number(s.submitted)} "
            f"(đúng hạn {number(s.on_time)}, trễ {number(s.late)}), "
            f"đã chấp nhận {number(s.accepted)}; đạt {number(s.passed)}, "
            f"không đạt {number(s.failed)}, "
            f"chưa đủ số liệu {number(s.incomplete)}, chưa nộp {number(s.not_submitted)}.")
        columns = (self.model.columnCount(), bool(self.model.rowCount()))
        if columns == self._sized_for:
            self._finish(keep)
            return
        # new columns (the first load): sized and painted in the next turn of the event
        # loop, so that the model's reset and its first paint do not hold one turn together
        self._sized_for = columns
        table = self.ui.table
        table.setUpdatesEnabled(False)
        generation = self._generation

        def fit() -> None:
            table.setUpdatesEnabled(True)
            fit_columns(table)  # also when a newer load came meanwhile: it counted on this
            if generation == self._generation:
                self._finish(keep)

        QTimer.singleShot(1, self, fit)  # a timer: after the paint (0 ms would be before)

    def _finish(self, keep: tuple[Any, int] | None) -> None:
        if keep is not None and keep[0] is not None:
            self.select_cell(keep[0].unit.code, keep[1])
        self.loaded.emit()

    # -- selection and details
    def select_cell(self, unit_code: str, column: int) -> bool:
        row = self.model.row_of(unit_code)
        if row is None or column >= self.model.columnCount():
            return False
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            return False
        self.ui.table.setCurrentIndex(index)
        self.ui.table.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: Any = None) -> None:
        tip = current.data(Qt.ItemDataRole.ToolTipRole) if current.isValid() else None
        if not tip and current.isValid():
            r = current.data(ROW_ROLE)
            tip = f"<b>{html.escape(r.unit.name)}</b>" if r is not None else ""
        self.ui.detailLabel.setText(tip or "")
