"""Trends across periods and the completeness grid (issue 15): the numbers the pictures
draw, and the window's page drawing them without blocking."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop.domain.period_report import SubmissionInfo, build_period_report
from desktop.domain.plan import Unit
from desktop.domain.trends import (
    LATE,
    MISSING,
    NOT_EXPECTED,
    ON_TIME,
    RETURNED,
    completeness,
    indicator_trends,
    spread,
    threshold,
    unit_trend,
)
from desktop.domain.values import Value
from desktop.plan_catalog import load_bundled


def reports_for(plan, units, rows):  # type: ignore[no-untyped-def]
    """rows: period code -> {unit code: (received day offset, state, (num, den))}."""
    out = []
    for p in plan.periods:
        subs = {}
        for code, (offset, state, ratio) in rows.get(p.code, {}).items():
            subs[code] = SubmissionInfo(code, p.deadline + dt.timedelta(days=offset), "email",
                                        state, {"HSCV_MANG": Value(numerator=ratio[0],
                                                                   denominator=ratio[1])})
        out.append(build_period_report(plan, p, units, subs))
    return out


@pytest.fixture
def plan():  # type: ignore[no-untyped-def]
    return load_bundled("ninh-son-2022")


def test_area_is_the_weighted_ratio_and_spread_the_units(plan) -> None:  # type: ignore[no-untyped-def]
    units = [Unit("1", "Xã A", "commune"), Unit("2", "Xã B", "commune")]
    reports = reports_for(plan, units, {
        "2022": {"1": (0, "accepted", (10, 100)), "2": (0, "accepted", (90, 100))},
        "2023": {"1": (0, "accepted", (30, 60)), "2": (2, "accepted", (1, 40))},
    })
    (hscv,) = [t for t in indicator_trends(reports) if t.indicator.code == "HSCV_MANG"]
    assert [p.code for p in hscv.periods] == ["2022", "2023", "2024", "2025"]
    assert hscv.area[0] == pytest.approx(50.0)
    assert hscv.area[1] == pytest.approx(31 / 100 * 100)  # Σ tử số / Σ mẫu số, not a mean
    assert hscv.area[2] is None and hscv.spread[2] is None
    s = hscv.spread[1]
    assert s is not None and (s.minimum, s.maximum, s.count) == (2.5, 50.0, 2)
    assert hscv.threshold == 65.0  # XA_HSCV: HSCV_MANG >= 65
    unit = unit_trend(reports, "2", "HSCV_MANG")
    assert unit.values[:2] == (pytest.approx(90.0), pytest.approx(2.5))
    assert unit.values[2:] == (None, None) and unit.unit_name == "Xã B"


def test_trends_of_the_asked_indicators_only(plan) -> None:  # type: ignore[no-untyped-def]
    units = [Unit("1", "Xã A", "commune")]
    reports = reports_for(plan, units, {"2022": {"1": (0, "accepted", (10, 100))}})
    every = indicator_trends(reports)
    assert len(every) > 2
    asked = {every[0].indicator.code, "HSCV_MANG"}
    some = indicator_trends(reports, asked)
    assert some == [t for t in every if t.indicator.code in asked]
    assert indicator_trends(reports, set()) == []


def test_quartiles_interpolate() -> None:
    s = spread([1.0, 2.0, 3.0, 4.0])
    assert s is not None and (s.q1, s.median, s.q3) == (1.75, 2.5, 3.25)
    assert spread([]) is None


def test_threshold_of_an_indicator_without_a_rule(plan) -> None:  # type: ignore[no-untyped-def]
    assert threshold(plan, "SANG_KIEN") == 1.0
    assert threshold(plan, "DIEM_DTI") is None


def test_completeness_from_received_dates_and_review(plan) -> None:  # type: ignore[no-untyped-def]
    units = [Unit("1", "Xã A", "commune"), Unit("2", "Xã B", "commune"),
             Unit("3", "Xã C", "commune", active_from=dt.date(2024, 1, 1))]
    reports = reports_for(plan, units, {
        "2022": {"1": (0, "accepted", (1, 2)), "2": (3, "received", (1, 2))},
        "2023": {"1": (-5, "returned", (1, 2))},
    })
    grid = completeness(reports)
    rows = dict(zip((c for c, _n in grid.units), grid.cells, strict=True))
    assert rows["1"][:2] == (ON_TIME, RETURNED)  # the deadline day itself is on time
    assert rows["2"][:2] == (LATE, MISSING)
    assert grid.late_days[[c for c, _ in grid.units].index("2")][0] == 3
    assert rows["3"][0] == NOT_EXPECTED and rows["3"][2] == MISSING
    assert grid.counts(0)[ON_TIME] == 1 and grid.counts(0)[LATE] == 1


# ---- the window ----------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, demo_db: Path):  # type: ignore[no-untyped-def]
    from desktop.store.database import Database
    from desktop.ui.context import AppContext
    from desktop.ui.trends_page import TrendsPage

    ctx = AppContext(Database.open(demo_db, backup=False))
    page = TrendsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=60_000)
    yield page
    ctx.tasks.wait()
    ctx.db.close()


def test_page_draws_the_indicator_and_a_unit(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    assert page.indicatorCombo.count() >= 5
    page.indicatorCombo.setCurrentIndex(page.indicatorCombo.findData("HSCV_MANG"))
    text = page.chart.accessibleDescription()
    assert text.startswith("Hồ sơ công việc") and "Năm 2023" in text and "Ngưỡng: 65,00 %" in text
    page.unitCombo.setCurrentIndex(page.unitCombo.findText("Xã Lương Sơn"))
    assert "Xã Lương Sơn: " in page.chart.accessibleDescription()
    assert "58,33 %" in page.chart.accessibleDescription()
    m = page.model
    assert m.rowCount() == 8 and m.columnCount() == 4
    from PySide6.QtCore import Qt

    rows = [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())]
    cols = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    cell = m.index(rows.index("Xã Ma Nới"), cols.index("Năm 2023 (sơ kết)"))
    assert m.data(cell) == "—"  # Ma Nới has not reported 2023
    assert "Chưa nộp" in m.data(cell, Qt.ItemDataRole.ToolTipRole)
    late = m.index(rows.index("Xã Hòa Sơn"), cols.index("Năm 2023 (sơ kết)"))
    assert m.data(late) == "T5"  # late by 5 days, readable without the colour


def test_screenshots_trends(qtbot, qapp, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    old = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    try:
        page.indicatorCombo.setCurrentIndex(page.indicatorCombo.findData("HSCV_MANG"))
        page.unitCombo.setCurrentIndex(page.unitCombo.findText("Xã Lương Sơn"))
        page.resize(1000, 760)
        page.show()
        qtbot.waitExposed(page)
        qtbot.wait(100)
        assert page.grab().save(str(out / "xu-huong.png"))
        assert page.grid.grab().save(str(out / "tinh-hinh-nop.png"))
    finally:
        qapp.setFont(old)
