"""The trend of an indicator as a figure of the official PDF (reportlab graphics).

The same picture as the window's (ui/trend_chart.py), in strokes that survive a black and
white printer: the area's value a solid line with filled circles, the units' spread a
grey box (middle half) with whiskers (least to greatest) and a median bar, the plan's
threshold a dotted line with its value. Text in the bundled Liberation Serif.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.domain.trends import IndicatorTrend
from desktop.domain.vnformat import number, percent

from .pdf_document import BOLD, REGULAR, Figure, register_fonts

HEIGHT = 165.0  # pt
LEFT, RIGHT, TOP, BOTTOM = 44.0, 8.0, 26.0, 30.0
SIZE = 9


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def _shown(trend: IndicatorTrend, v: float) -> str:
    return percent(v) if trend.percent_like else number(v, 2)


def _overlaps(span: tuple[float, float], base: float, x: float, y: float, w: float) -> bool:
    """Whether a value label (at x, y, w wide) meets the threshold's label (over `span`,
    its baseline at `base`), both a line of text high — or comes so close on the same line
    that the two read as one phrase ("99,47 % Ngưỡng 100,00 %")."""
    gap = SIZE
    return x < span[1] + gap and x + w + gap > span[0] and abs(y - base) < SIZE


def trend_drawing(trend: IndicatorTrend, width: float) -> Drawing:
    register_fonts()
    # the renderer's initial state is read from the drawing: without these it selects an
    # unembedded Helvetica at the start of every figure
    d = Drawing(width, HEIGHT, initialFontName=REGULAR, initialFontSize=SIZE)
    plot_w, plot_h = width - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    if trend.percent_like:
        top = 100.0
    else:
        values = [v for v in trend.area if v is not None]
        values += [s.maximum for s in trend.spread if s is not None]
        if trend.threshold is not None:
            values.append(trend.threshold)
        top = _nice_max(max(values, default=1.0) * 1.05)
    n = max(1, len(trend.periods))
    step = plot_w / n

    def x(i: int) -> float:
        return LEFT + step * (i + 0.5)

    def y(v: float) -> float:
        return BOTTOM + max(0.0, min(v, top)) / top * plot_h

    for k in range(6):
        v = top * k / 5
        d.add(Line(LEFT, y(v), LEFT + plot_w, y(v), strokeColor=colors.Color(0, 0, 0, 0.25),
                   strokeWidth=0.3))
        label = f"{number(round(v))} %" if trend.percent_like else number(v)
        d.add(String(LEFT - 4, y(v) - 3, label, fontName=REGULAR, fontSize=SIZE - 1,
                     textAnchor="end"))
    d.add(Line(LEFT, BOTTOM, LEFT + plot_w, BOTTOM, strokeWidth=0.6))
    d.add(Line(LEFT, BOTTOM, LEFT, BOTTOM + plot_h, strokeWidth=0.6))
    for i, p in enumerate(trend.periods):
        d.add(String(x(i), BOTTOM - 12, p.label, fontName=REGULAR, fontSize=SIZE,
                     textAnchor="middle"))
    box_w = min(18.0, step * 0.35)
    for i, s in enumerate(trend.spread):
        if s is None:
            continue
        d.add(Line(x(i), y(s.minimum), x(i), y(s.maximum), strokeWidth=0.6))
        for v in (s.minimum, s.maximum):
            d.add(Line(x(i) - box_w / 4, y(v), x(i) + box_w / 4, y(v), strokeWidth=0.6))
        d.add(Rect(x(i) - box_w / 2, y(s.q1), box_w, max(0.5, y(s.q3) - y(s.q1)),
                   fillColor=colors.Color(0.85, 0.85, 0.85), strokeColor=colors.black,
                   strokeWidth=0.6))
        d.add(Line(x(i) - box_w / 2, y(s.median), x(i) + box_w / 2, y(s.median),
                   strokeWidth=1.4))
    values_at = [(x(i), y(v), _shown(trend, v)) for i, v in enumerate(trend.area)
                 if v is not None]
    if trend.threshold is not None:
        d.add(Line(LEFT, y(trend.threshold), LEFT + plot_w, y(trend.threshold),
                   strokeWidth=0.9, strokeDashArray=[1.5, 2]))
        text = f"Ngưỡng {_shown(trend, trend.threshold)}"
        right = LEFT + plot_w - 2
        span = (right - stringWidth(text, REGULAR, SIZE), right)
        above = y(trend.threshold) + 3
        labels = [(px + 5, py + 4, stringWidth(t, BOLD, SIZE - 1)) for px, py, t in values_at]
        if any(_overlaps(span, above, lx, ly, lw) for lx, ly, lw in labels):
            above = y(trend.threshold) - 3 - SIZE  # below the line, clear of the values
        d.add(String(right, above, text, fontName=REGULAR, fontSize=SIZE, textAnchor="end"))
    last: tuple[float, float] | None = None
    for i, value in enumerate(trend.area):
        if value is None:
            last = None
            continue
        point = (x(i), y(value))
        if last is not None:
            d.add(Line(*last, *point, strokeWidth=1.6))
        d.add(Circle(*point, 2.6, fillColor=colors.black, strokeColor=colors.black))
        d.add(String(point[0] + 5, point[1] + 4, _shown(trend, value), fontName=BOLD,
                     fontSize=SIZE - 1))
        last = point
    legend = "— ● toàn địa bàn;  hộp: một nửa số đơn vị ở giữa, vạch: thấp nhất – cao nhất"
    if trend.threshold is not None:
        legend += ";  chấm chấm: ngưỡng của kế hoạch"
    d.add(String(LEFT, HEIGHT - 12, legend, fontName=REGULAR, fontSize=SIZE - 0.5))
    return d


def trend_figure(trend: IndicatorTrend, width: float, number_: int) -> Figure:
    first = trend.periods[0].label if trend.periods else ""
    last = trend.periods[-1].label if trend.periods else ""
    caption = f"Hình {number_}. {trend.indicator.name} qua các kỳ ({first} – {last})"
    return Figure(trend_drawing(trend, width), caption)
