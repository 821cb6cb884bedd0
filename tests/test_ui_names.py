"""Names, not codes: plans give every indicator a short Vietnamese name; the check table,
the overview and the history show names (codes in tooltips); the history names the unit,
in Vietnamese, without internal row numbers; table rows have their actions on the Menu
key; Tab leaves a table; every button of the forms has a mnemonic."""

from __future__ import annotations

import glob
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop.domain.errors import PlanError
from desktop.domain.plan_schema import SHORT_MAX, parse_plan
from desktop.paths import resource_path
from desktop.plan_catalog import bundled_codes, load_bundled
from desktop.ui.main_window import PAGES, MainWindow
from tests.ui_window import opened_window

PAGE = {title: i for i, (title, _page) in enumerate(PAGES)}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot, demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    with opened_window(qtbot, demo_db, monkeypatch) as w:
        yield w


def show(qtbot, w: MainWindow, title: str):
    w.show_page(PAGE[title])
    page = w.pages[PAGE[title]]
    qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=10000)
    return page


# ---- plan data -------------------------------------------------------------------------


@pytest.mark.parametrize("code", bundled_codes())
def test_every_bundled_indicator_has_a_short_name(code: str) -> None:
    plan = load_bundled(code)
    for ind in plan.indicators:
        assert ind.short and len(ind.short) <= SHORT_MAX, ind.code
        assert ind.short != ind.code and "_" not in ind.short
    for c in plan.criteria:
        assert plan.criterion_label(c) != c.code


def test_a_short_name_too_long_is_refused() -> None:
    with resource_path("plans", "ninh-son-2022.toml").open("rb") as fh:
        d = tomllib.load(fh)
    d["indicators"][0]["short"] = "x" * (SHORT_MAX + 1)
    with pytest.raises(PlanError) as err:
        parse_plan(d, origin="x.toml")
    assert "tên ngắn" in err.value.message and "dài quá" in err.value.message


def test_a_criterion_without_a_short_name_shows_its_indicators() -> None:
    plan = load_bundled("ninh-son-2022")
    c = next(c for c in plan.criteria if not c.short)
    assert plan.criterion_label(c) == plan.indicator(c.indicator).short


# ---- the window ------------------------------------------------------------------------


def test_check_headers_and_overview_show_names_not_codes(qtbot, window: MainWindow) -> None:
    check = show(qtbot, window, "Kiểm tra")
    qtbot.waitUntil(lambda: check.model.rowCount() == 8)
    model, plan = check.model, window.ctx.plan
    for col in range(model.FIRST_CRITERION, model.columnCount()):
        c = model.criterion_at(col)
        assert c is not None
        text = model.headerData(col, Qt.Orientation.Horizontal)
        assert c.code not in text and "_" not in text, text
        assert plan.criterion_label(c).split()[0] in text
        assert c.code in model.headerData(col, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.ToolTipRole)
    overview = window.pages[PAGE["Tổng quan"]]
    rows = [r for r in overview.chart.rows() if not isinstance(r, str)]
    assert rows and all(r.label and "_" not in r.label for r in rows)


def test_history_names_units_in_vietnamese_without_row_numbers(qtbot,
                                                               window: MainWindow) -> None:
    history = show(qtbot, window, "Lịch sử")
    qtbot.waitUntil(lambda: history.model.rowCount() > 0 and not history.model.loading)
    model = history.model
    from desktop.ui.history_page import COL_CHANGE, COL_UNIT, HEADERS

    assert "Dòng" not in HEADERS
    from desktop.store.plans import unit_infos

    with window.ctx.db.reading() as s:
        names = {u.name for u in unit_infos(s)}
    codes = {i.code for i in window.ctx.plan.indicators}
    shorts = {i.short for i in window.ctx.plan.indicators}
    units_shown = [model.index(r, COL_UNIT).data() for r in range(model.rowCount())]
    concerned = [e for e in model.entries if e.table in ("value", "submission", "review_event")]
    assert concerned and all(e.unit for e in concerned)
    assert {u.split(" (")[0] for u in units_shown if u} <= names
    changes = [model.index(r, COL_CHANGE).data() for r in range(model.rowCount())
               if model.entries[r].table == "value"]
    assert any(any(s in c for s in shorts) for c in changes)
    assert not any(re.search(rf"\b{code}\b", c) for c in changes for code in codes)
    row = next(r for r in range(model.rowCount()) if model.entries[r].table == "value")
    history.ui.historyTable.selectRow(row)
    detail = history.ui.detailText.toPlainText()
    assert "dòng" not in detail and "(numerator)" not in detail and "id:" not in detail
    assert model.entries[row].unit in detail


# ---- keyboard --------------------------------------------------------------------------


def test_a_rows_actions_are_on_the_menu_key(qtbot, window: MainWindow) -> None:
    units = show(qtbot, window, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    table = units.ui.unitsTable
    table.setFocus()
    table.selectRow(0)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0))
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(lambda: any(isinstance(m, QMenu) and m.objectName() == "rowMenu"
                                and m.isVisible() for m in QApplication.topLevelWidgets()))
    menu = next(m for m in QApplication.topLevelWidgets()
                if isinstance(m, QMenu) and m.objectName() == "rowMenu" and m.isVisible())
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [b.text().replace("&", "") for b in
                     (units.ui.btnEdit, units.ui.btnDeactivate, units.ui.btnReactivate,
                      units.ui.btnMerge)] + ["Sao chép các dòng đã chọn"]
    edit = menu.actions()[0]
    assert edit.isEnabled()
    edit.trigger()
    qtbot.waitUntil(lambda: units.dialog is not None)
    units.dialog.reject()


def test_tab_and_shift_tab_leave_a_table(qtbot, window: MainWindow) -> None:
    subs = show(qtbot, window, "Báo cáo")
    qtbot.waitUntil(lambda: subs.model.rowCount() == 8)
    table = subs.ui.table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not table


def test_every_button_and_action_of_the_forms_has_a_mnemonic() -> None:
    missing = []
    for f in sorted(glob.glob(str(ROOT / "forms" / "*.ui"))):
        tree = ET.parse(f)
        for w in tree.iter("widget"):
            if w.get("class") not in ("QPushButton", "QCheckBox", "QRadioButton",
                                      "QToolButton"):
                continue
            for prop in w.findall("property"):
                s = prop.find("string")
                if prop.get("name") == "text" and s is not None and s.text and \
                        "&" not in s.text:
                    missing.append(f"{Path(f).name}: {w.get('name')} “{s.text}”")
    assert not missing, missing
