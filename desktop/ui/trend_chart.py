"""A light trend chart (QPainter, no chart library): one indicator across the periods.

Drawn so that it reads printed in black and white: the area's value is a solid line with
filled circles, the units' spread a box (middle half) with whiskers (least to greatest)
and a median tick, one unit's values a dashed line with hollow squares, the plan's
threshold a dotted line with its label. PySide6-Addons' QtCharts would add 157 MB to the
environment and 28 MB to the installed program for what these few lines draw.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..domain.trends import IndicatorTrend, UnitTrend
from ..domain.vnformat import number, percent


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


class TrendChart(QWidget):
    MARGIN_LEFT = 72
    MARGIN_RIGHT = 16
    MARGIN_TOP = 44
    MARGIN_BOTTOM = 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setAccessibleName("Biểu đồ xu hướng")
        self.trend: IndicatorTrend | None = None
        self.unit: UnitTrend | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 260)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(760, 340)

    def set_trend(self, trend: IndicatorTrend | None, unit: UnitTrend | None = None) -> None:
        self.trend, self.unit = trend, unit
        self.setAccessibleDescription(self.description())
        self.update()

    def shown(self, value: float | None) -> str:
        if value is None:
            return "—"
        return percent(value) if self.trend and self.trend.percent_like else number(value, 2)

    def description(self) -> str:
        """The chart in words (screen readers, tooltips, tests)."""
        t = self.trend
        if t is None:
            return ""
        parts = [f"{p.label}: {self.shown(v)}" for p, v in zip(t.periods, t.area, strict=True)]
        text = f"{t.indicator.name} — toàn địa bàn: " + "; ".join(parts)
        if self.unit is not None:
            text += f". {self.unit.unit_name}: " + "; ".join(
                f"{p.label}: {self.shown(v)}"
                for p, v in zip(self.unit.periods, self.unit.values, strict=True))
        if t.threshold is not None:
            text += f". Ngưỡng: {self.shown(t.threshold)}"
        return text

    def _top(self) -> float:
        t = self.trend
        assert t is not None
        if t.percent_like:
            return 100.0
        values = [v for v in t.area if v is not None]
        values += [s.maximum for s in t.spread if s is not None]
        if self.unit:
            values += [v for v in self.unit.values if v is not None]
        if t.threshold is not None:
            values.append(t.threshold)
        return _nice_max(max(values, default=1.0) * 1.05)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw into ``rect`` of any paint device (the window, a printer, an image)."""
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(ink)
        t = self.trend
        if t is None or not t.periods:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Chưa có số liệu.")
            return
        plot = QRectF(rect.left() + self.MARGIN_LEFT, rect.top() + self.MARGIN_TOP,
                      rect.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT,
                      rect.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM)
        top = self._top()
        n = len(t.periods)
        step = plot.width() / n

        def x(i: int) -> float:
            return plot.left() + step * (i + 0.5)

        def y(v: float) -> float:
            return plot.bottom() - max(0.0, min(v, top)) / top * plot.height()

        fm = painter.fontMetrics()
        # axes and grid
        grid_pen = QPen(QColor(ink.red(), ink.green(), ink.blue(), 60), 1)
        for k in range(6):
            v = top * k / 5
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)))
            painter.setPen(ink)
            label = f"{number(round(v))} %" if t.percent_like else number(v)
            painter.drawText(QRectF(rect.left(), y(v) - 8, self.MARGIN_LEFT - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for i, p in enumerate(t.periods):
            text = fm.elidedText(p.label, Qt.TextElideMode.ElideRight, int(step) - 4)
            painter.drawText(QRectF(x(i) - step / 2, plot.bottom() + 4, step, 18),
                             Qt.AlignmentFlag.AlignCenter, text)
        # spread: whiskers, box, median
        box_w = min(28.0, step * 0.35)
        painter.setPen(QPen(ink, 1))
        for i, s in enumerate(t.spread):
            if s is None:
                continue
            painter.drawLine(QPointF(x(i), y(s.minimum)), QPointF(x(i), y(s.maximum)))
            for v in (s.minimum, s.maximum):
                painter.drawLine(QPointF(x(i) - box_w / 4, y(v)), QPointF(x(i) + box_w / 4, y(v)))
            box = QRectF(x(i) - box_w / 2, y(s.q3), box_w, max(1.0, y(s.q1) - y(s.q3)))
            painter.fillRect(box, QBrush(QColor("#ffffff")))
            painter.fillRect(box, QBrush(QColor("#9e9e9e"), Qt.BrushStyle.Dense6Pattern))
            painter.drawRect(box)
            painter.setPen(QPen(ink, 2))
            painter.drawLine(QPointF(box.left(), y(s.median)), QPointF(box.right(), y(s.median)))
            painter.setPen(QPen(ink, 1))
        # threshold
        if t.threshold is not None:
            painter.setPen(QPen(ink, 1.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y(t.threshold)),
                             QPointF(plot.right(), y(t.threshold)))
            painter.drawText(QRectF(plot.left(), y(t.threshold) - 18, plot.width() - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             f"Ngưỡng {self.shown(t.threshold)}")
        # the area's line, then one unit's
        self._line(painter, [x(i) for i in range(n)], t.area, y, QPen(ink, 2.5), "circle")
        if self.unit is not None:
            self._line(painter, [x(i) for i in range(n)], self.unit.values, y,
                       QPen(ink, 1.8, Qt.PenStyle.DashLine), "square")
        self._legend(painter, rect, ink)

    def _line(self, painter: QPainter, xs: list[float], values: tuple[float | None, ...],
              y: object, pen: QPen, marker: str) -> None:
        to_y = y  # type: ignore[assignment]
        painter.setPen(pen)
        last: QPointF | None = None
        points = []
        for xv, v in zip(xs, values, strict=True):
            if v is None:
                last = None
                continue
            point = QPointF(xv, to_y(v))  # type: ignore[operator]
            if last is not None:
                painter.drawLine(last, point)
            last = point
            points.append(point)
        solid = QPen(pen.color(), 1.5)
        painter.setPen(solid)
        for point in points:
            if marker == "circle":
                painter.setBrush(QBrush(pen.color()))
                painter.drawEllipse(point, 4, 4)
            else:
                painter.setBrush(QBrush(QColor("#ffffff")))
                painter.drawRect(QRectF(point.x() - 4, point.y() - 4, 8, 8))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(self, painter: QPainter, rect: QRectF, ink: QColor) -> None:
        t = self.trend
        assert t is not None
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(QRectF(rect.left() + 8, rect.top() + 2, rect.width() - 16, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(
                             t.indicator.name, Qt.TextElideMode.ElideRight,
                             int(rect.width()) - 16))
        painter.setFont(QFont(bold.family(), bold.pointSize()))
        items = ["━● Toàn địa bàn", "▭ Các đơn vị (giữa: một nửa số đơn vị; vạch: thấp nhất – "
                 "cao nhất)"]
        if self.unit is not None:
            items.append(f"╌□ {self.unit.unit_name}")
        if t.threshold is not None:
            items.append("┈ Ngưỡng của kế hoạch")
        painter.drawText(QRectF(rect.left() + 8, rect.top() + 20, rect.width() - 16, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "    ".join(items))
