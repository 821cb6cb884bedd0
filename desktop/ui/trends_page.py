"""Xu hướng: pictures where people would rather look than read.

Top: the trend of one indicator across the plan's periods (the area's value, the units'
spread, the threshold) and, when a unit is chosen, that unit's values. Bottom: the
completeness grid, units × periods, on time / late / missing / returned from the real
received dates — one letter a cell as well as its colour, so that it prints in black and
white. Every period is evaluated off the GUI thread (3,321 units × 8 periods included),
with progress; the grid is a table model, so only the rows on screen are drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.period_report import PeriodReport
from ..domain.trends import (
    LATE,
    MISSING,
    NOT_EXPECTED,
    ON_TIME,
    RETURNED,
    STATUS_LABELS,
    STATUS_MARKS,
    Completeness,
    IndicatorTrend,
    unit_trend,
)
from ..domain.vnformat import number
from .context import AppContext
from .submissions_model import error_text
from .table_keys import keyboard_table
from .trend_chart import TrendChart

if TYPE_CHECKING:
    from ..actions.trends import Trends

STATUS_COLOURS = {
    ON_TIME: QColor("#c8e6c9"),
    LATE: QColor("#ffe0b2"),
    MISSING: QColor("#e0e0e0"),
    RETURNED: QColor("#f8bbd0"),
    NOT_EXPECTED: QColor("#ffffff"),
}
ALL_UNITS = ""  # the unit combo's first item: no unit drawn


def release_later(ctx: AppContext, held: list[Any]) -> None:
    """Free what the page held (lists of a province's period reports and trends: a
    million objects) on a worker, a unit at a time: freed on the GUI thread, where the
    page drops it for the new one, it took 0.16 s; freed a report at a time, it held
    the GIL for 50 ms and more each."""
    ctx.tasks.release(held)


class CompletenessTableModel(QAbstractTableModel):
    """Rows: units; columns: periods; a cell: the status's letter (and days late)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: Completeness | None = None

    def set_grid(self, grid: Completeness | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.units)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.periods)

    def status(self, row: int, column: int) -> str:
        assert self.grid is not None
        return self.grid.cells[row][column]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        st = self.status(index.row(), index.column())
        days = self.grid.late_days[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{STATUS_MARKS[st]}{days}" if st == LATE else STATUS_MARKS[st]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(STATUS_COLOURS[st])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self.grid.units[index.row()][1]
            period = self.grid.periods[index.column()]
            late = f", trễ {days} ngày" if st == LATE else ""
            return f"{name} — {period.label}: {STATUS_LABELS[st]}{late}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            period = self.grid.periods[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return period.label
            if role == Qt.ItemDataRole.ToolTipRole:
                c = self.grid.counts(section)
                return f"{period.label}: " + ", ".join(
                    f"{STATUS_LABELS[k]} {v}" for k, v in c.items() if v and k != NOT_EXPECTED)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.grid.units[section][1]
        return None


class TrendsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendsPage")
        self.ctx = ctx
        self.reports: list[PeriodReport] = []
        self.trends: list[IndicatorTrend] = []
        self._run = 0
        self.indicatorCombo = QComboBox(self)
        self.indicatorCombo.setAccessibleName("Chỉ tiêu")
        self.unitCombo = QComboBox(self)
        self.unitCombo.setAccessibleName("Đơn vị")
        self.unitCombo.setEditable(True)  # type to find one among thousands
        self.unitCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_codes: list[str] = [ALL_UNITS]
        self.unit_names = QStringListModel(self)
        self.unitCombo.setModel(self.unit_names)
        self.status = QLabel("Đang tính…", self)
        self.chart = TrendChart(self)
        self.model = CompletenessTableModel(self)
        self.grid = QTableView(self)
        self.grid.setObjectName("completenessGrid")
        self.grid.setModel(self.model)
        keyboard_table(self.grid)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        self.grid.setAlternatingRowColors(False)
        legend = "   ".join(
            f"{STATUS_MARKS[k] or '·'} {STATUS_LABELS[k]}" for k in (ON_TIME, LATE, RETURNED,
                                                                     MISSING))
        self.legend = QLabel(f"Tình hình nộp báo cáo (theo ngày nhận thực tế): {legend} "
                             "(T3: trễ 3 ngày)", self)
        self.legend.setWordWrap(True)
        top = QHBoxLayout()
        indicator_label = QLabel("Chỉ &tiêu:", self)
        indicator_label.setBuddy(self.indicatorCombo)
        top.addWidget(indicator_label)
        top.addWidget(self.indicatorCombo, 3)
        unit_label = QLabel("Đơn &vị:", self)
        unit_label.setBuddy(self.unitCombo)
        top.addWidget(unit_label)
        top.addWidget(self.unitCombo, 2)
        grid_box = QWidget(self)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.legend)
        grid_layout.addWidget(self.grid)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("trendsSplitter")
        splitter.addWidget(self.chart)
        splitter.addWidget(grid_box)
        splitter.setSizes([360, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.indicatorCombo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.unitCombo.currentIndexChanged.connect(lambda _i: self.redraw())
        ctx.data_changed.connect(self.reload)
        self.reload()

    @property
    def loading(self) -> bool:
        return self.status.text().startswith("Đang")

    def reload(self) -> None:
        self._run += 1
        run, db = self._run, self.ctx.db
        self.status.setText("Đang tính các kỳ báo cáo…")

        def done(reports: list[PeriodReport]) -> None:
            if run == self._run:
                self._apply(reports)

        def failed(exc: BaseException) -> None:
            if run == self._run:
                self.status.setText(f"Không tính được: {error_text(exc)}")

        def progress(done_: int, total: int, text: str) -> None:
            if run == self._run and text:
                self.status.setText(text)

        self.ctx.tasks.run(lambda report: self._compute(db, report), done, failed, progress,
                           page=self)

    @staticmethod
    def _compute(db: Any, report: Any) -> Trends:
        from ..actions.trends import read_trends

        return read_trends(db, report)

    def _apply(self, result: Trends) -> None:
        reports, trends, grid = result.reports, result.indicators, result.grid
        release_later(self.ctx, [self.reports, self.trends])
        self.reports, self.trends = reports, trends
        keep_ind = self.indicatorCombo.currentData()
        keep_unit = self.unit_code()
        self.indicatorCombo.blockSignals(True)
        self.unitCombo.blockSignals(True)
        self.indicatorCombo.clear()
        for t in trends:
            self.indicatorCombo.addItem(t.indicator.name, t.indicator.code)
        # one model for 3,321 names (an addItem each took 40 ms on the GUI thread)
        self.unit_codes = [ALL_UNITS, *(code for code, _name in grid.units)]
        self.unit_names.setStringList(["(không chọn đơn vị)",
                                       *(name for _code, name in grid.units)])
        i = self.indicatorCombo.findData(keep_ind) if keep_ind is not None else -1
        self.indicatorCombo.setCurrentIndex(max(0, i))
        i = self.unit_codes.index(keep_unit) if keep_unit in self.unit_codes else 0
        self.unitCombo.setCurrentIndex(i)
        self.indicatorCombo.blockSignals(False)
        self.unitCombo.blockSignals(False)
        self.model.set_grid(grid)
        n = len(grid.units)
        self.status.setText(f"{number(len(reports))} kỳ báo cáo, {number(n)} đơn vị.")
        self.redraw()

    def unit_code(self) -> str:
        """The chosen unit's code (ALL_UNITS when none)."""
        i = self.unitCombo.currentIndex()
        return self.unit_codes[i] if 0 <= i < len(self.unit_codes) else ALL_UNITS

    def current_trend(self) -> IndicatorTrend | None:
        code = self.indicatorCombo.currentData()
        return next((t for t in self.trends if t.indicator.code == code), None)

    def redraw(self) -> None:
        trend = self.current_trend()
        unit_code = self.unit_code()
        unit = None
        if trend is not None and unit_code and self.reports:
            unit = unit_trend(self.reports, str(unit_code), trend.indicator.code)
        self.chart.set_trend(trend, unit)
