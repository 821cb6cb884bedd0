"""The window on an office laptop: every window and dialog fits the work area of a
1366×768 or 1280×720 screen with a taskbar, centred and resizable; Ctrl+F reaches the
search box of every page that has one; tables sort the Vietnamese way in their model."""

from __future__ import annotations

import os
import random
from functools import cmp_to_key
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from desktop.domain.collation import vn_key
from desktop.ui.geometry import FRAME_HEIGHT, FRAME_WIDTH, FitsScreen, fit_on_screen
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.staged_open import on_screen
from tests.python_calls import python_calls_for_events
from tests.ui_window import opened_window

PAGE = {title: i for i, (title, *_rest) in enumerate(PAGES)}
# work areas: 1366×768 and 1280×720 screens less a 40 px taskbar
LAPTOPS = {"1366x768": QRect(0, 0, 1366, 728), "1280x720": QRect(0, 0, 1280, 680)}


@pytest.fixture
def window(qtbot, demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    with opened_window(qtbot, demo_db, monkeypatch, (1180, 760)) as w:
        yield w


def assert_fits(widget: QWidget, area: QRect, name: str) -> None:
    outer = QRect(widget.pos(), widget.size()).adjusted(0, 0, FRAME_WIDTH, FRAME_HEIGHT)
    assert area.contains(outer), f"{name}: {outer} outside {area}"
    # centred (to the pixel rounding)
    assert abs(outer.center().x() - area.center().x()) <= 2, name
    assert abs(outer.center().y() - area.center().y()) <= 2, name
    # its layout can be that small (long contents scroll inside), and it stays resizable
    hint = widget.minimumSizeHint()
    assert hint.height() <= widget.height() and hint.width() <= widget.width(), \
        f"{name}: needs {hint}, has {widget.size()}"
    assert widget.maximumHeight() > widget.height(), name


def open_dialogs(qtbot, w: MainWindow) -> dict[str, QWidget]:
    """The report editor, the proposal dialog, the evidence and office dialogs, open."""
    subs = w.pages[PAGE["Báo cáo"]] if PAGE["Báo cáo"] in w.pages else None
    w.show_page(PAGE["Báo cáo"])
    subs = w.pages[PAGE["Báo cáo"]]
    qtbot.waitUntil(lambda: subs.model.rowCount() > 0 and not w.ctx.tasks.busy)
    subs.select_unit(next(ln.unit_code for ln in subs.model.lines() if ln.submitted))
    subs.edit_selected()
    qtbot.waitUntil(lambda: subs.editor is not None and on_screen(subs.editor))
    subs.evidence_selected()
    qtbot.waitUntil(lambda: subs.evidence_dialog is not None)
    w.show_page(PAGE["Khen thưởng"])
    props = w.pages[PAGE["Khen thưởng"]]
    qtbot.waitUntil(lambda: props.state is not None and not w.ctx.tasks.busy)
    props.open_dialog()
    qtbot.waitUntil(lambda: props.dialog is not None and on_screen(props.dialog))
    w.show_office_dialog()
    assert w.office_dialog is not None
    return {"report editor": subs.editor, "evidence": subs.evidence_dialog,
            "proposal": props.dialog, "office": w.office_dialog}


@pytest.mark.parametrize("laptop", list(LAPTOPS))
def test_every_window_and_dialog_fits_a_laptop(qtbot, window: MainWindow, laptop: str) -> None:
    area = LAPTOPS[laptop]
    window.resize(1400, 900)  # as remembered from a larger screen
    fit_on_screen(window, area)
    assert_fits(window, area, "main window")
    for name, dialog in open_dialogs(qtbot, window).items():
        assert isinstance(dialog, QDialog)
        dialog.resize(1180, 900)  # the size the form asks for on a big screen
        fit_on_screen(dialog, area)
        assert_fits(dialog, area, name)
        dialog.reject()


def _too_big(dialog: QDialog, area: QRect) -> None:
    dialog.resize(area.width() + 400, area.height() + 300)
    dialog.move(area.right() - 50, -200)  # title bar out of reach


def _fitted(dialog: QDialog, area: QRect) -> bool:
    return (dialog.width() <= area.width() and dialog.height() <= area.height()
            and area.contains(dialog.pos()))


class _OurDialog(FitsScreen, QDialog):
    pass


def test_a_dialog_of_ours_too_big_for_the_screen_is_fitted_before_it_is_on_screen(
        qtbot) -> None:
    from desktop.app import make_application

    app = make_application()
    area = QApplication.primaryScreen().availableGeometry()
    dialog = _OurDialog()
    qtbot.addWidget(dialog)
    _too_big(dialog, area)
    dialog.show()
    assert app is QApplication.instance()
    assert _fitted(dialog, area)  # in its showEvent, before the window system showed it
    outer = QRect(dialog.pos(), dialog.size()).adjusted(0, 0, FRAME_WIDTH, FRAME_HEIGHT)
    assert abs(outer.center().x() - area.center().x()) <= 2  # and centred
    dialog.close()


def test_a_qt_dialog_too_big_for_the_screen_is_fitted_when_it_gets_focus(qtbot) -> None:
    """A dialog not of our classes (Qt's message boxes, file and input dialogs)."""
    from desktop.app import make_application

    make_application()
    area = QApplication.primaryScreen().availableGeometry()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    _too_big(dialog, area)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: _fitted(dialog, area))
    dialog.close()


def test_no_python_code_runs_for_each_event_of_the_application(qtbot) -> None:
    """The screen fit is no application-wide event filter: while a worker thread holds
    the GIL, each Python call on the GUI thread waits for it."""

    from PySide6.QtCore import QObject

    from desktop.app import make_application

    make_application()
    target = QObject()
    calls = python_calls_for_events(target, times=100)
    assert [c for c in calls if "eventFilter" in c] == []


def test_ctrl_f_focuses_the_search_box_of_every_page_that_has_one(qtbot,
                                                                   window: MainWindow) -> None:
    w = window
    w.activateWindow()
    searched = []
    for title, index in PAGE.items():
        w.show_page(index)
        page = w.pages[index]
        qtbot.waitUntil(lambda: not w.ctx.tasks.busy)
        search = page.findChild(QLineEdit, "searchEdit")
        if search is None:
            continue
        nav = w.ui.navList
        nav.setFocus()
        qtbot.keyClick(nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda s=search: QApplication.focusWidget() is s, timeout=2000)
        searched.append(title)
    assert {"Đơn vị", "Báo cáo", "Kiểm tra", "Khen thưởng", "Lịch sử"} <= set(searched)


def test_vietnamese_sort_key_orders_as_the_collator() -> None:
    from desktop.ui.submissions_model import vietnamese_collator

    words = ["a", "à", "á", "ả", "ã", "ạ", "ă", "ằ", "â", "b", "d", "đ", "e", "ê", "o",
             "ô", "ơ", "u", "ư", "y", "Lâm", "Lam", "Lăm", "Sơn", "son", "Số 2", "Số 10", " ",
             "-", "(", "1", "Đông", "Dương"]
    rng = random.Random(3)
    names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(800)]
    collator = vietnamese_collator()
    assert sorted(names, key=vn_key) == sorted(names, key=cmp_to_key(collator.compare))


def test_units_sort_in_their_model_and_keep_the_selection(qtbot, window: MainWindow) -> None:
    w = window
    w.show_page(PAGE["Đơn vị"])
    units = w.pages[PAGE["Đơn vị"]]
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    table = units.ui.unitsTable
    units.select_codes([units.model.units[3].code])
    chosen = units.selected_codes()
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    names = [units.proxy.index(r, 1).data() for r in range(units.proxy.rowCount())]
    assert names == sorted(names, key=vn_key, reverse=True)
    assert units.selected_codes() == chosen
    assert units.proxy.sortColumn() == -1  # the model holds the order, not the proxy


SHOT_NAMES = {"Tổng quan": "tong-quan", "Đơn vị": "don-vi", "Báo cáo": "bao-cao",
              "Kiểm tra": "kiem-tra", "Khen thưởng": "khen-thuong", "Kế hoạch": "ke-hoach",
              "Lịch sử": "lich-su", "Xu hướng": "xu-huong"}


def more_dialogs(qtbot, w: MainWindow) -> dict[str, QWidget]:
    """The other dialogs a person meets, open (for the screenshots)."""
    from desktop.ui.exchange_actions import ExchangeActions
    from desktop.ui.report_actions import ReportActions

    exchange = w.findChild(ExchangeActions, "exchangeActions")
    reports = w.findChild(ReportActions, "reportActions")
    out: dict[str, QWidget] = {
        "nhap-bieu-mau": exchange.open_import(),
        "tao-bieu-mau": exchange.open_templates(),
        "bao-cao-cap-tren": reports.open_export(),
        "nhap-goi-du-lieu": reports.open_packages(),
    }
    w.show_page(PAGE["Đơn vị"])
    units = w.pages[PAGE["Đơn vị"]]
    qtbot.waitUntil(lambda: units.model.rowCount() > 0 and not w.ctx.tasks.busy)
    units.ui.unitsTable.selectRow(0)
    out["don-vi-sua"] = units.edit_selected()
    out["don-vi-sap-nhap"] = units.merge_selected()
    out["khoi-thi-dua"] = units.edit_blocks()
    w.show_page(PAGE["Báo cáo"])
    subs = w.pages[PAGE["Báo cáo"]]
    qtbot.waitUntil(lambda: subs.model.rowCount() > 0 and not w.ctx.tasks.busy)
    subs.select_unit(next(ln.unit_code for ln in subs.model.lines() if ln.submitted))
    subs.return_selected()
    out["tra-lai"] = subs.return_dialog
    return out


@pytest.mark.skipif("THIDUA_SCREENSHOTS" not in os.environ,
                    reason="screenshots are made on demand (THIDUA_SCREENSHOTS=folder)")
def test_screenshots_on_a_laptop(qtbot, demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every page and the main dialogs at 1366×768 (work area 1366×728), into
    $THIDUA_SCREENSHOTS/laptop-*.png; the check page also scrolled right. The database
    lies in a folder named as an office would name it (the status bar shows its path),
    not in pytest's temporary folders."""
    import shutil
    import tempfile

    office = Path(tempfile.gettempdir()) / "Dữ liệu thi đua"
    if office.exists():
        office = tmp_path_factory.mktemp("x") / "Dữ liệu thi đua"  # never another's files
    office.mkdir()
    try:
        db = office / "thidua.db"
        shutil.copyfile(demo_db, db)
        with opened_window(qtbot, db, monkeypatch, (1180, 760)) as window:
            _screenshots(qtbot, window)
    finally:
        shutil.rmtree(office, ignore_errors=True)


def _screenshots(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    folder = Path(os.environ["THIDUA_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    old_font = app.font()
    app.setFont(QFont("DejaVu Sans", 10))
    area = LAPTOPS["1366x768"]
    w = window
    w.resize(area.width() - FRAME_WIDTH, area.height() - FRAME_HEIGHT)
    qtbot.wait(500)  # the new font laid out (menu bar, tool bar)

    def shot(widget: QWidget, name: str) -> None:
        qtbot.wait(200)
        assert widget.grab().save(str(folder / f"laptop-{name}.png"))

    try:
        for title, name in SHOT_NAMES.items():
            w.show_page(PAGE[title])
            qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=10000)
            shot(w, name)
        w.show_page(PAGE["Kiểm tra"])
        check = w.pages[PAGE["Kiểm tra"]]
        bar = check.ui.table.horizontalScrollBar()
        bar.setValue(bar.maximum())
        shot(w, "kiem-tra-cuon-phai")
        for name, dialog in open_dialogs(qtbot, w).items():
            dialog.resize(1180, 900)
            fit_on_screen(dialog, area)
            shot(dialog, {"report editor": "nhap-bao-cao", "evidence": "minh-chung",
                          "proposal": "de-nghi", "office": "co-quan"}[name])
            dialog.reject()
        for name, dialog in more_dialogs(qtbot, w).items():
            fit_on_screen(dialog, area)
            dialog.show()
            shot(dialog, name)
            dialog.reject()
    finally:
        app.setFont(old_font)
