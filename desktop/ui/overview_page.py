"""Tổng quan: the current period at a glance.

Expected / received / on time / late / missing, the days to the deadline, the pass rate
of every criterion as a bar chart (drawn with QPainter: QtCharts is only in
pyside6-addons, +157 MB), and the units still to chase.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QListWidgetItem, QScrollArea, QSizePolicy, QWidget

from ..domain.evaluation import Outcome
from ..domain.lateness import days_left
from ..domain.period_report import PeriodReport, targets_summary
from ..domain.vnformat import day, number, percent
from . import errors
from .context import AppContext
from .forms.ui_overview_page import Ui_OverviewPage


@dataclass(frozen=True)
class CriterionRate:
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
        return f"Còn {number(left)} ngày đến hạn nộp ({day(deadline)})."
    if left == 0:
        return f"Hôm nay là hạn nộp ({day(deadline)})."
    return f"Đã quá hạn nộp {number(-left)} ngày (hạn {day(deadline)})."


class CriterionChart(QWidget):
    """Horizontal bars, one criterion a row: its pass rate and 'passed/evaluated'.
    Mandatory criteria first, then the targets that do not decide the result."""

    ROW = 26
    TEXT_WIDTH = 130

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rates: list[CriterionRate] = []
        self.setObjectName("criterionChart")
        self.setAccessibleName("Tỷ lệ đạt theo tiêu chí")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)

    def set_rates(self, rates: list[CriterionRate]) -> None:
        self.rates = rates
        self.setAccessibleDescription("; ".join(
            f"{r.label or r.name}: {number(r.passed)}/{number(r.evaluated)}" for r in rates))
        self.updateGeometry()
        self.update()

    def rows(self) -> list[str | CriterionRate]:
        """What is drawn, top to bottom: section titles and bars."""
        out: list[str | CriterionRate] = []
        mandatory = [r for r in self.rates if r.mandatory]
        targets = [r for r in self.rates if not r.mandatory]
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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        if not self.rates:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Chưa có báo cáo nào.")
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
                             f"{number(row.passed)}/{number(row.evaluated)} — {percent(row.rate)}")
        painter.end()


class OverviewPage(QWidget):
    loaded = Signal()  # a report has been shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_OverviewPage()
        self.ui.setupUi(self)
        self.report: PeriodReport | None = None
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
        self.ui.btnCopyMissing.clicked.connect(self.copy_missing)
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
        for label in self._value_labels().values():
            label.setFont(big)
            label.setMinimumWidth(90)

    def _value_labels(self) -> dict[str, QLabel]:
        ui = self.ui
        return {"expected": ui.valExpected, "received": ui.valReceived, "on_time": ui.valOnTime,
                "late": ui.valLate, "missing": ui.valMissing}

    # ---- loading ---------------------------------------------------------------------
    def reload(self, *_args: Any) -> None:
        self._generation += 1
        generation, period = self._generation, self.ctx.period_code
        self.ui.lblTitle.setText(f"Kỳ báo cáo: {self.ctx.period.label}")

        def done(result: tuple[PeriodReport, list[CriterionRate]]) -> None:
            if generation == self._generation:
                self.show_report(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.ui.lblResults.setText(errors.message_of(exc))

        def load(_report: Any) -> tuple[PeriodReport, list[CriterionRate]]:
            report = self.ctx.report(period)
            return report, criterion_rates(report)

        self.ctx.tasks.run(load, done, failed)

    def show_report(self, report: PeriodReport,
                    rates: list[CriterionRate] | None = None) -> None:
        self.report = report
        s = report.summary
        ui = self.ui
        ui.lblTitle.setText(f"Kỳ báo cáo: {report.period.label}")
        ui.lblDeadline.setText(deadline_text(report.period.deadline, self.today()))
        values = {"expected": s.expected, "received": s.submitted, "on_time": s.on_time,
                  "late": s.late, "missing": s.not_submitted}
        for key, label in self._value_labels().items():
            label.setText(number(values[key]))
        ui.valMissing.setStyleSheet("color: #c62828;" if s.not_submitted else "")
        ui.valLate.setStyleSheet("color: #e65100;" if s.late else "")
        targets = targets_summary(report.units)
        if targets is not None:  # a plan of targets only: nobody is "đạt", targets are met
            ui.lblResults.setText(
                f"Kết quả theo chỉ tiêu phấn đấu: đạt đủ các chỉ tiêu {number(targets.full)} · "
                f"đạt một phần {number(targets.partial)} · chưa đạt chỉ tiêu nào "
                f"{number(targets.none)} · đã chấp nhận "
                f"{number(s.accepted)}/{number(s.submitted)} báo cáo."
            )
        else:
            ui.lblResults.setText(
                f"Kết quả đánh giá: đạt {number(s.passed)} · không đạt {number(s.failed)} · "
                f"chưa đủ số liệu {number(s.incomplete)} · đã chấp nhận "
                f"{number(s.accepted)}/{number(s.submitted)} báo cáo."
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
