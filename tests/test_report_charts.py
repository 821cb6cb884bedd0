"""The PDF's trend figures: the threshold's label never sits on a value's label."""

from __future__ import annotations

from reportlab.graphics.shapes import String

from desktop.domain.trends import IndicatorTrend
from desktop.exchange.report_charts import HEIGHT, trend_drawing
from desktop.plan_catalog import load_bundled


def _labels(trend: IndicatorTrend) -> dict[str, float]:
    drawing = trend_drawing(trend, 440)
    return {s.text: s.y for s in drawing.contents if isinstance(s, String)}


def _trend(area: tuple[float | None, ...], threshold: float) -> IndicatorTrend:
    plan = load_bundled("ninh-son-2022")
    indicator = next(i for i in plan.indicators if i.code == "HSCV_MANG")
    return IndicatorTrend(indicator, plan.periods[:2], area, (None, None), threshold)


def test_threshold_label_moves_below_the_line_when_a_value_sits_there() -> None:
    near = _labels(_trend((97.0, 99.47), 100.0))
    threshold_y = next(y for t, y in near.items() if t.startswith("Ngưỡng"))
    value_y = next(y for t, y in near.items() if t.startswith("99,47"))
    assert threshold_y < value_y - 8  # below, a line clear of the value's label
    apart = _labels(_trend((40.0, 45.0), 100.0))
    assert next(y for t, y in apart.items() if t.startswith("Ngưỡng")) > HEIGHT / 2


def test_labels_stay_inside_the_figure() -> None:
    for trend in (_trend((97.0, 99.47), 100.0), _trend((None, 1.0), 1.0)):
        ys = _labels(trend).values()
        assert all(0 <= y <= HEIGHT for y in ys)
