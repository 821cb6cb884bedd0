"""Tổng quan: the current period at a glance.

Expected / received / on time / late / missing, the days to the deadline, the pass rate
of every criterion as a bar chart (drawn with QPainter: QtCharts is only in
pyside6-addons, +157 MB), and the units still to chase.

Shown in two steps. First the counts a person reads first (`show_counts`): the window
reads them with plain sqlite3 before the database is even opened (actions/startup.py),
so they are in its first frame. Then, once the period is evaluated off the GUI thread,
the results, the chart and the units still to chase (`show_report`, which shows the
counts again from the evaluation: the same numbers). The page can be made before the
database is open (`OverviewPage(None)`, then `attach(ctx)`), and this module is light on
purpose: no database or evaluation module and not PySide6's `Qt` namespace (about 50 ms
to build) at its top; what draws the chart and fills the lists imports them when the
evaluation is there.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QListWidgetItem, QScrollArea, QSizePolicy, QWidget

from ..domain.lateness import days_left
from ..domain.vncount import count, day
from . import errors
from .forms.ui_overview_page import Ui_OverviewPage

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QSplitter

    from ..domain.period_counts import PeriodCounts
    from ..domain.period_report import PeriodReport
    from .context import AppContext

# Qt::AlignCenter, set through the property system: QLabel.setAlignment takes a member
# of the Qt namespace, whose first use builds the whole namespace before the first frame
ALIGN_CENTER = 0x0084
MISSING_COLOR = "#c62828"
LATE_COLOR = "#e65100"
EVALUATING = "Đang đánh giá kết quả của kỳ báo cáo…"


class CriterionRate(NamedTuple):
    code: str
    name: str
    passed: int
    evaluated: int
    mandatory: bool
    label: str = ""  # the short name shown on the chart (the code goes to the tooltip)

    @property
    def rate(self) -> float | None:
        return self.passed / self.evaluated * 100 if self.evaluated else None


def criterion_rates(report: PeriodReport) -> list[CriterionRate]:
    """For every criterion, how many of the units that submitted pass it (mandatory first)."""
    from ..domain.evaluation import Outcome

    counts: dict[str, list[int]] = {}
    for unit in report.units:
        if unit.submission is None:
            continue
        for r in unit.criteria:
            c = counts.setdefault(r.code, [0, 0])
            c[1] += 1
            c[0] += r.outcome == Outcome.PASS
    rates = [
        CriterionRate(c.code, c.name, counts[c.code][0], counts[c.code][1], c.mandatory,
                      report.plan.criterion_label(c))
        for c in report.plan.criteria
        if c.code in counts
    ]
    return sorted(rates, key=lambda r: not r.mandatory)


def deadline_text(deadline: dt.date, today: dt.date) -> str:
    left = days_left(today, deadline)
    if left > 0:
        return f"Còn {count(left)} ngày đến hạn nộp ({day(deadline)})."
    if left == 0:
        return f"Hôm nay là hạn nộp ({day(deadline)})."
    return f"Đã quá hạn nộp {count(-left)} ngày (hạn {day(deadline)})."


class CriterionChart(QWidget):
    """Horizontal bars, one criterion a row: its pass rate and 'passed/evaluated'.
    Mandatory criteria first, then the targets that do not decide the result. Until
    the evaluation is there (`rates` None) nothing is drawn."""

    ROW = 26
    TEXT_WIDTH = 130

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rates: list[CriterionRate] | None = None
        self.setObjectName("criterionChart")
        self.setAccessibleName("Tỷ lệ đạt theo tiêu chí")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)

    def set_rates(self, rates: list[CriterionRate] | None) -> None:
        self.rates = rates
        self.setAccessibleDescription("; ".join(
            f"{r.label or r.name}: {count(r.passed)}/{count(r.evaluated)}"
            for r in rates or ()))
        self.updateGeometry()
        self.update()

    def rows(self) -> list[str | CriterionRate]:
        """What is drawn, top to bottom: section titles and bars."""
        out: list[str | CriterionRate] = []
        mandatory = [r for r in self.rates or () if r.mandatory]
        targets = [r for r in self.rates or () if not r.mandatory]
        if mandatory:
            out += ["Tiêu chuẩn thi đua (bắt buộc)", *mandatory]
        if targets:
            out += ["Chỉ tiêu phấn đấu (không tính vào kết quả)", *targets]
        return out

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(560, max(3, len(self.rows())) * self.ROW + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, max(3, len(self.rows())) * self.ROW + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.rates is None:  # still evaluating (the page says so above)
            return
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter

        from ..domain.vnformat import percent

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        if not self.rates:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Chưa có báo cáo nào.")
            painter.end()
            return
        label_width = int(self.width() * 0.42)
        bar_left = label_width + 8
        bar_width = max(40, self.width() - bar_left - self.TEXT_WIDTH - 8)
        fm = painter.fontMetrics()
        bold = QFont(painter.font())
        bold.setBold(True)
        normal = QFont(painter.font())
        middle = Qt.AlignmentFlag.AlignVCenter
        for i, row in enumerate(self.rows()):
            top = 4 + i * self.ROW
            painter.setPen(text_color)
            if isinstance(row, str):
                painter.setFont(bold)
                painter.drawText(QRectF(0, top, self.width(), self.ROW - 2),
                                 middle | Qt.AlignmentFlag.AlignLeft, row)
                painter.setFont(normal)
                continue
            label = fm.elidedText(row.label or row.name, Qt.TextElideMode.ElideRight,
                                  label_width - 12)
            painter.drawText(QRectF(12, top, label_width - 12, self.ROW - 4),
                             middle | Qt.AlignmentFlag.AlignLeft, label)
            frame = QRectF(bar_left, top + 3, bar_width, self.ROW - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(frame, 3, 3)
            rate = row.rate or 0.0
            if rate > 0:
                fill = QColor("#2e7d32") if rate >= 100 else QColor("#1565c0")
                painter.setBrush(fill if row.mandatory else QColor("#78909c"))
                painter.drawRoundedRect(QRectF(frame.left(), frame.top(),
                                               frame.width() * rate / 100, frame.height()), 3, 3)
            painter.setPen(text_color)
            painter.drawText(QRectF(bar_left + bar_width + 8, top, self.TEXT_WIDTH, self.ROW - 4),
                             middle | Qt.AlignmentFlag.AlignLeft,
                             f"{count(row.passed)}/{count(row.evaluated)} — {percent(row.rate)}")
        painter.end()


class OverviewPage(QWidget):
    figures_shown = Signal()  # the period's counts are on screen (the first data)
    loaded = Signal()  # a report has been shown (results, chart, units to chase too)

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.ui = Ui_OverviewPage()
        self.ui.setupUi(self)
        self.report: PeriodReport | None = None
        self.counts_period: str | None = None  # the period whose counts are shown
        self._generation = 0
        self.today = dt.date.today
        self.chart = CriterionChart(self)
        scroll = QScrollArea(self)  # a long plan scrolls instead of growing the window
        scroll.setObjectName("chartScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.chart)
        self.ui.chartLayout.addWidget(scroll)
        self.ui.overviewSplitter.setStretchFactor(0, 3)
        self.ui.overviewSplitter.setStretchFactor(1, 2)
        self._style_labels()
        self.ui.btnCopyMissing.setEnabled(False)
        self.ui.btnCopyMissing.clicked.connect(self.copy_missing)
        if ctx is not None:
            self.attach(ctx)

    def known_splitters(self) -> list[QSplitter]:
        """The page's splitters, whose positions the window restores (named here: looking
        for them among all the children makes PySide6 wrap each child, ~3 ms before the
        first frame)."""
        return [self.ui.overviewSplitter]

    def attach(self, ctx: AppContext) -> None:
        """Show `ctx`'s database from now on (the page made before it was open)."""
        self.ctx = ctx
        ctx.period_changed.connect(self.reload)
        ctx.data_changed.connect(self.reload)
        ctx.database_changed.connect(self.reload)
        self.reload()

    def _style_labels(self) -> None:
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.4)
        title.setBold(True)
        self.ui.lblTitle.setFont(title)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        ui = self.ui
        for label in self._value_labels().values():
            label.setFont(big)
            label.setMinimumWidth(90)
        for label in (*self._value_labels().values(), ui.capExpected, ui.capReceived,
                      ui.capOnTime, ui.capLate, ui.capMissing):
            label.setProperty("alignment", ALIGN_CENTER)

    def _value_labels(self) -> dict[str, QLabel]:
        ui = self.ui
        return {"expected": ui.valExpected, "received": ui.valReceived, "on_time": ui.valOnTime,
                "late": ui.valLate, "missing": ui.valMissing}

    # ---- loading ---------------------------------------------------------------------
    def reload(self, *_args: Any) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self._generation += 1
        generation, period = self._generation, ctx.period_code
        self.ui.lblTitle.setText(f"Kỳ báo cáo: {ctx.period.label}")
        if self.counts_period != period:  # another period's figures must not stay
            self._clear_figures()
        self.ui.lblResults.setText(EVALUATING)

        def done(result: tuple[PeriodReport, list[CriterionRate]]) -> None:
            if generation == self._generation:
                self.show_report(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.ui.lblResults.setText(errors.message_of(exc))

        def load(_report: Any) -> tuple[PeriodReport, list[CriterionRate]]:
            report = ctx.report(period)
            return report, criterion_rates(report)

        ctx.tasks.run(load, done, failed, page=self)

    def _clear_figures(self) -> None:
        self.counts_period = None
        for label in self._value_labels().values():
            label.setText("—")
        self._colour(self.ui.valMissing, None)
        self._colour(self.ui.valLate, None)
        self.ui.lblDeadline.setText("")

    def show_counts(self, period_code: str, period_label: str, deadline: dt.date,
                    counts: PeriodCounts) -> None:
        """The counts a person reads first, before the evaluation is there."""
        ui = self.ui
        ui.lblTitle.setText(f"Kỳ báo cáo: {period_label}")
        ui.lblDeadline.setText(deadline_text(deadline, self.today()))
        values = {"expected": counts.expected, "received": counts.submitted,
                  "on_time": counts.on_time, "late": counts.late, "missing": counts.missing}
        for key, label in self._value_labels().items():
            label.setText(count(values[key]))
        self._colour(ui.valMissing, MISSING_COLOR if counts.missing else None)
        self._colour(ui.valLate, LATE_COLOR if counts.late else None)
        if self.report is None:
            ui.lblResults.setText(EVALUATING)
        self.counts_period = period_code
        self.figures_shown.emit()

    @staticmethod
    def _colour(label: QLabel, color: str | None) -> None:
        """The text colour of a figure, or the inherited one (a palette, not a style sheet:
        no style sheet engine for two labels of the first frame)."""
        palette = QPalette()  # no role set: the rest comes from the parent's palette
        if color is not None:
            palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
        label.setPalette(palette)

    def show_report(self, report: PeriodReport,
                    rates: list[CriterionRate] | None = None) -> None:
        from PySide6.QtCore import Qt

        from ..domain.period_counts import PeriodCounts
        from ..domain.period_report import targets_summary

        self.report = report
        s = report.summary
        ui = self.ui
        self.show_counts(report.period.code, report.period.label, report.period.deadline,
                         PeriodCounts(s.expected, s.submitted, s.on_time, s.late,
                                      s.not_submitted))
        targets = targets_summary(report.units)
        if targets is not None:  # a plan of targets only: nobody is "đạt", targets are met
            ui.lblResults.setText(
                f"Kết quả theo chỉ tiêu phấn đấu: đạt đủ các chỉ tiêu {count(targets.full)} · "
                f"đạt một phần {count(targets.partial)} · chưa đạt chỉ tiêu nào "
                f"{count(targets.none)} · đã chấp nhận "
                f"{count(s.accepted)}/{count(s.submitted)} báo cáo."
            )
        else:
            ui.lblResults.setText(
                f"Kết quả đánh giá: đạt {count(s.passed)} · không đạt {count(s.failed)} · "
                f"chưa đủ số liệu {count(s.incomplete)} · đã chấp nhận "
                f"{count(s.accepted)}/{count(s.submitted)} báo cáo."
            )
        self.chart.set_rates(criterion_rates(report) if rates is None else rates)
        ui.missingList.clear()
        for u in report.units:
            if u.submission is None:
                item = QListWidgetItem(f"{u.unit.name} ({u.unit.code})")
                item.setData(Qt.ItemDataRole.UserRole, u.unit.code)
                ui.missingList.addItem(item)
        if not ui.missingList.count():
            item = QListWidgetItem("Tất cả các đơn vị đã nộp báo cáo.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            ui.missingList.addItem(item)
        ui.btnCopyMissing.setEnabled(s.not_submitted > 0)
        self.loaded.emit()

    def missing_units(self) -> list[str]:
        if self.report is None:
            return []
        return [u.unit.code for u in self.report.units if u.submission is None]

    def copy_missing(self) -> None:
        if self.report is None:
            return
        p = self.report.period
        lines = [f"Các đơn vị chưa nộp báo cáo kỳ {p.label} (hạn nộp {day(p.deadline)}):"]
        lines += [f"- {u.unit.name} ({u.unit.code})" for u in self.report.units
                  if u.submission is None]
        QGuiApplication.clipboard().setText("\n".join(lines))
