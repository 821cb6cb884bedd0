"""The desktop shell driven as a person would: the window on the demo database, its pages,
units added (and refused), merged, a threshold edited, the history filtered, backups.

Blocking questions and message boxes are replaced by recorders (`talk`).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWizard,
)

from desktop.store.database import Database
from desktop.ui import errors
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.settings import Settings

PAGE = {title: i for i, (title, _page) in enumerate(PAGES)}
MINE = ("Tổng quan", "Đơn vị", "Kế hoạch", "Lịch sử")


class Talk:
    """What the application said, and what the person answers to its questions."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.save_answer = "discard"
        self.yes = True

    def texts(self, kind: str | None = None) -> str:
        return "\n".join(t for k, t in self.said if kind is None or k == kind)


@pytest.fixture
def talk(monkeypatch: pytest.MonkeyPatch) -> Talk:
    t = Talk()

    def recorder(kind: str):
        return lambda _parent, text, *a, **k: t.said.append((kind, text))

    monkeypatch.setattr(errors, "show_error", recorder("error"))
    monkeypatch.setattr(errors, "show_info", recorder("info"))
    monkeypatch.setattr(errors, "show_error_blocking", recorder("blocking"))

    def ask_save(_parent, text, *a, **k):
        t.said.append(("ask_save", text))
        return t.save_answer

    def ask_yes_no(_parent, text, *a, **k):
        t.said.append(("ask", text))
        return t.yes

    monkeypatch.setattr(errors, "ask_save", ask_save)
    monkeypatch.setattr(errors, "ask_yes_no", ask_yes_no)
    return t


@pytest.fixture
def window(qtbot, demo_db: Path, talk: Talk):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(demo_db)
    w.ctx.set_period("2023")
    overview = w.pages[PAGE["Tổng quan"]]
    qtbot.waitUntil(lambda: overview.report is not None and overview.report.period.code == "2023")
    yield w
    talk.save_answer = "discard"
    w.close()


def type_text(widget, text: str) -> None:
    """Type as a person does, Vietnamese letters included (QTest.keyClicks is ASCII-only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def page(qtbot, w: MainWindow, title: str):
    w.show_page(PAGE[title])
    p = w.pages[PAGE[title]]
    qtbot.waitUntil(lambda: w.ui.pages.currentWidget() is p)  # a first visit: next turn
    return p


def wait_idle(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=10000)


# ---- the window --------------------------------------------------------------------------


def test_window_opens_on_the_demo_and_every_page_shows(qtbot, window: MainWindow) -> None:
    w = window
    assert "demo.db" in w.windowTitle()
    assert str(w.ctx.path) in w.path_label.text()
    titles = [w.ui.navList.item(i).text() for i in range(w.ui.navList.count())]
    for title in MINE:
        assert title in titles
    assert titles == [t for t, *_ in PAGES if t in titles]  # navigation order kept
    assert w.period_combo.currentData() == "2023"
    assert "Năm 2023 (sơ kết)" in w.period_combo.currentText()
    overview = w.pages[PAGE["Tổng quan"]]
    s = overview.report.summary
    assert (overview.ui.valExpected.text(), overview.ui.valReceived.text(),
            overview.ui.valOnTime.text(), overview.ui.valLate.text(),
            overview.ui.valMissing.text()) == (str(s.expected), "7", "5", "2", "1")
    assert overview.missing_units() == ["22828"]
    assert overview.ui.missingList.item(0).text() == "Xã Ma Nới (22828)"
    for index in w.nav_pages:  # every page can be created and shown
        w.show_page(index)
        qtbot.waitUntil(lambda i=index: w.ui.pages.currentWidget() is w.pages[i])
    for title in MINE:
        assert not isinstance(w.pages[PAGE[title]], QLabel), title
    wait_idle(qtbot, w)


def test_a_first_visit_builds_the_page_then_shows_it_in_the_next_turn(
        qtbot, window: MainWindow) -> None:
    """Building a page and showing it (polish, layout, paint) in one turn of the event
    loop held the window 76-117 ms (Kế hoạch at a province's scale, issue 12)."""
    w = window
    before = w.ui.pages.currentWidget()
    w.show_page(PAGE["Kế hoạch"])
    plan = w.pages[PAGE["Kế hoạch"]]  # built at once
    assert w.ui.pages.currentWidget() is before and not plan.isVisible()
    qtbot.waitUntil(lambda: w.ui.pages.currentWidget() is plan and plan.isVisible())
    w.show_page(PAGE["Tổng quan"])  # a later visit: shown at once
    assert w.ui.pages.currentWidget() is w.pages[PAGE["Tổng quan"]]
    w.show_page(PAGE["Lịch sử"])
    w.show_page(PAGE["Đơn vị"])  # another first visit before the first one showed
    qtbot.waitUntil(lambda: w.ui.pages.currentWidget() is w.pages.get(PAGE["Đơn vị"]))
    qtbot.wait(20)
    assert w.ui.pages.currentWidget() is w.pages[PAGE["Đơn vị"]]  # the one asked last
    wait_idle(qtbot, w)


def test_shortcuts_switch_pages_and_focus_search(qtbot, window: MainWindow) -> None:
    w = window
    w.activateWindow()
    w.findChild(type(w.ui.actionOpen), "actionPage2").trigger()
    units = w.pages[PAGE["Đơn vị"]]
    qtbot.waitUntil(lambda: w.ui.pages.currentWidget() is units)
    assert w.findChild(type(w.ui.actionOpen), "actionPage2").shortcut().toString() == "Ctrl+2"
    w.ui.actionFind.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is units.ui.searchEdit)
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    qtbot.keyClicks(units.ui.searchEdit, "lam son")  # without diacritics
    assert units.proxy.rowCount() == 1
    assert units.proxy.data(units.proxy.index(0, 1)) == "Xã Lâm Sơn"


def test_period_selector_changes_the_overview(qtbot, window: MainWindow) -> None:
    w = window
    overview = w.pages[PAGE["Tổng quan"]]
    w.period_combo.setCurrentIndex(w.period_combo.findData("2022"))
    assert w.ctx.period_code == "2022"
    qtbot.waitUntil(lambda: overview.report.period.code == "2022")
    assert overview.missing_units() == ["22825"]
    assert "Đã quá hạn nộp" in overview.ui.lblDeadline.text() or "Còn" in \
        overview.ui.lblDeadline.text()


def test_default_period_is_the_latest_with_reports_once_all_deadlines_are_past(
        window: MainWindow) -> None:
    ctx = window.ctx
    assert ctx.default_period(dt.date(2027, 3, 1)).code == "2023"  # 2024, 2025 are empty
    assert ctx.default_period(dt.date(2024, 12, 1)).code == "2024"
    assert ctx.default_period(dt.date(2022, 12, 20)).code == "2022"


# ---- units ---------------------------------------------------------------------------------


def test_add_unit_with_a_bad_code_shows_the_message(qtbot, window: MainWindow) -> None:
    units = page(qtbot, window, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    qtbot.mouseClick(units.ui.btnAdd, Qt.MouseButton.LeftButton)
    dialog = units.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.ui.codeEdit, "22 899")
    type_text(dialog.ui.nameEdit, "Phòng Văn hóa và Thông tin")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("department"))
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Mã đơn vị '22 899' không hợp lệ" in dialog.ui.lblError.text()
    assert not dialog.ui.lblError.isHidden()
    dialog.ui.codeEdit.setText("22810")  # taken
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "đã dùng cho Thị trấn Tân Sơn" in dialog.ui.lblError.text())
    assert dialog.isVisible()
    dialog.ui.codeEdit.setText("PVHTT")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: units.model.rowCount() == 9)
    added = next(u for u in units.model.units if u.code == "PVHTT")
    assert (added.name, added.kind) == ("Phòng Văn hóa và Thông tin", "department")


def test_units_sort_the_vietnamese_way(qtbot, window: MainWindow) -> None:
    from desktop.store.units import UnitData, add_unit

    with window.ctx.db.transaction("test") as s:
        for code, name in (("D1", "Xã Đa Lộc"), ("D2", "Xã Dương Sơn"), ("E1", "Xã Eo Gió")):
            add_unit(s, UnitData(code, name, "commune"))
    window.ctx.notify_changed()
    units = page(qtbot, window, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 11)
    units.ui.unitsTable.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    names = [units.proxy.data(units.proxy.index(r, 1)) for r in range(units.proxy.rowCount())]
    assert names.index("Xã Dương Sơn") < names.index("Xã Đa Lộc") < names.index("Xã Eo Gió")
    assert names.index("Xã Đa Lộc") < names.index("Xã Hòa Sơn")


def test_merge_two_units_keeps_their_history(qtbot, window: MainWindow) -> None:
    w = window
    units = page(qtbot, w, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    units.select_codes(["22825", "22828"])
    assert set(units.selected_codes()) == {"22825", "22828"}
    qtbot.mouseClick(units.ui.btnMerge, Qt.MouseButton.LeftButton)
    dialog = units.dialog
    assert set(dialog.checked_codes()) == {"22825", "22828"}
    dialog.ui.mergeDate.setDate(QDate(2025, 7, 1))
    dialog.ui.targetCombo.setCurrentIndex(dialog.ui.targetCombo.findData("22828"))
    type_text(dialog.ui.renameEdit, "Xã Anh Dũng")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: any(u.merged_into for u in units.model.units))
    by_code = {u.code: u for u in units.model.units}
    assert by_code["22828"].name == "Xã Anh Dũng" and by_code["22828"].active_to is None
    assert by_code["22825"].active_to == dt.date(2025, 6, 30)
    row = next(r for r in range(units.proxy.rowCount())
               if units.proxy.data(units.proxy.index(r, 0)) == "22825")
    assert units.proxy.data(units.proxy.index(row, 6)) == \
        "Đã sáp nhập vào Xã Anh Dũng (22828) từ 01/07/2025"
    # history stays reportable: Hòa Sơn's 2023 report is still evaluated
    report = w.ctx.report("2023")
    assert report.unit("22825").submission is not None
    assert report.unit("22825").result.value == "fail"
    # and from 2025 on only the merged unit is expected
    overview = w.pages[PAGE["Tổng quan"]]
    w.ctx.set_period("2025")
    qtbot.waitUntil(lambda: overview.report.period.code == "2025")
    assert overview.report.summary.expected == 7
    assert "22825" not in overview.missing_units() and "22828" in overview.missing_units()
    # the merge is in the history, with its reason
    history = page(qtbot, w, "Lịch sử")
    type_text(history.ui.searchEdit, "Sáp nhập")
    qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() >= 2
                    and all("Sáp nhập" in e.summary for e in history.model.entries),
                    timeout=5000)
    assert {e.field for e in history.model.entries} >= {"active_to", "merged_into_id", "name"}


def test_deactivate_and_reactivate(qtbot, window: MainWindow, talk: Talk) -> None:
    units = page(qtbot, window, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    units.select_codes(["22831"])
    dialog = units.deactivate_selected()
    dialog.ui.lastDate.setDate(QDate(2024, 6, 30))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: {u.code: u for u in units.model.units}["22831"].active_to
                    == dt.date(2024, 6, 30))
    units.ui.chkShowInactive.setChecked(False)
    assert units.proxy.rowCount() == 7
    units.ui.chkShowInactive.setChecked(True)
    units.select_codes(["22831"])
    assert units.ui.btnReactivate.isEnabled()
    units.reactivate_selected()
    qtbot.waitUntil(lambda: {u.code: u for u in units.model.units}["22831"].active_to is None)
    assert "Cho Xã Nhơn Sơn hoạt động lại?" in talk.texts("ask")


# ---- plan ---------------------------------------------------------------------------------


def edit_cell(qtbot, table, index, text: str) -> None:
    """Select the cell, F2, replace its text, Enter."""
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def criterion_index(plan_page, code: str, col: int):
    model = plan_page.criteria
    row = next(r for r, c in enumerate(model.rows) if c.code == code)
    return model.index(row, col)


def test_edit_a_threshold_and_see_the_check_change(qtbot, window: MainWindow,
                                                   talk: Talk) -> None:
    w = window
    overview = w.pages[PAGE["Tổng quan"]]
    assert overview.report.summary.passed == 4
    plan = page(qtbot, w, "Kế hoạch")
    qtbot.waitUntil(lambda: plan.criteria.rowCount() > 0)
    table = plan.ui.criteriaTable
    index = criterion_index(plan, "XA_HSCV", plan.criteria.COL_THRESHOLD)
    assert index.data() == "65 %"
    # a person types a wrong value: refused on the spot, with the reason
    edit_cell(qtbot, table, index, "120")
    qtbot.waitUntil(lambda: "Tiêu chí XA_HSCV: ngưỡng 120 % vượt quá 100 %"
                    in plan.ui.lblStatus.text())
    assert index.data() == "65 %" and not plan.has_unsaved_changes()
    # then the right one, with a decimal comma
    edit_cell(qtbot, table, index, "80,5")
    qtbot.waitUntil(lambda: index.data() == "80,50 %")
    assert plan.has_unsaved_changes() and plan.ui.btnSave.isEnabled()
    assert plan.criteria.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    with qtbot.waitSignal(plan.saved, timeout=10000):
        qtbot.mouseClick(plan.ui.btnSave, Qt.MouseButton.LeftButton)
    assert not plan.has_unsaved_changes()
    assert w.ctx.plan.criteria[[c.code for c in w.ctx.plan.criteria].index("XA_HSCV")] \
        .threshold == 80.5
    # the check follows: Lâm Sơn (72,50 %) and Quảng Sơn (74,14 %) now fail
    qtbot.waitUntil(lambda: overview.report.summary.passed == 2)
    report = w.ctx.report("2023")
    assert report.unit("22813").result.value == "fail"
    explanation = next(c for c in report.unit("22813").criteria if c.code == "XA_HSCV")
    assert explanation.explanation == "Không đạt: 72,50 % (522/720) < 80,50 %"


def test_plan_dates_quotas_and_close_question(qtbot, window: MainWindow, talk: Talk) -> None:
    w = window
    plan = page(qtbot, w, "Kế hoạch")
    qtbot.waitUntil(lambda: plan.periods.rowCount() == 4)
    deadline = plan.periods.index(2, plan.periods.COL_DEADLINE)
    assert not plan.periods.setData(deadline, "31/02/2024")
    assert "ngày '31/02/2024' không tồn tại" in plan.ui.lblStatus.text()
    assert plan.periods.setData(deadline, "20/12/2024")
    quota = plan.quotas.index(0, plan.quotas.COL_COLLECTIVES)
    assert not plan.quotas.setData(quota, "-2")
    assert plan.quotas.setData(quota, "6")
    # closing asks; "Hủy" keeps the window and the edits
    talk.save_answer = "cancel"
    assert not w.close()
    assert w.isVisible() and plan.has_unsaved_changes()
    assert "Kế hoạch" in talk.texts("ask_save")
    # "Lưu" saves, then closes
    talk.save_answer = "save"
    assert w.close()
    with Database.open(w.ctx.path, write=False) as db, db.reading() as s:
        from desktop.store.plan_edit import load_editable

        saved = load_editable(s)
    assert saved.periods[2].deadline == dt.date(2024, 12, 20)
    assert saved.quotas[0].collectives == 6


# ---- history, office, backups ---------------------------------------------------------------


def test_filter_the_history(qtbot, window: MainWindow) -> None:
    history = page(qtbot, window, "Lịch sử")
    qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() > 0)
    assert history.model.rowCount() == 200 and history.model.has_more  # paged
    ids = [e.id for e in history.model.entries]
    assert ids == sorted(ids, reverse=True)  # newest first
    history.fetch_more()
    qtbot.waitUntil(lambda: history.model.rowCount() > 200)
    combo = history.ui.tableCombo
    combo.setCurrentIndex(combo.findText("Xét duyệt"))
    qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() > 0)
    assert {e.table for e in history.model.entries} == {"review_event"}
    type_text(history.ui.searchEdit, "Thiếu số liệu")
    qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() == 1,
                    timeout=5000)
    history.ui.historyTable.selectRow(0)
    assert "phần mềm báo cáo của tỉnh" in history.ui.detailText.toPlainText()
    history.ui.chkFrom.setChecked(True)
    history.ui.fromDate.setDate(QDate.currentDate().addDays(1))
    qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() == 0)
    assert "Không có thay đổi nào" in history.ui.lblCount.text()
    history.clear_filters()
    qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() == 200)


def test_history_shows_numbers_and_dates_the_vietnamese_way() -> None:
    from desktop.ui.history_page import AuditEntry, change_text, shown_value

    row = ('{"id": 143, "submission_id": 14, "indicator_code": "HSCV_MANG", '
           '"numerator": 3600.0, "denominator": 4800.0, "number": null}')
    entry = AuditEntry(1, dt.datetime(2023, 12, 1), "hoa", "insert", "value", 143, "",
                       None, row, "Nhập biểu mẫu")
    assert change_text(entry) == "chỉ tiêu: HSCV_MANG, tử số: 3.600, mẫu số: 4.800"
    update = AuditEntry(2, dt.datetime(2023, 12, 2), "hoa", "update", "value", 143,
                        "number", "58.33", "65.2", "Sửa")
    assert change_text(update) == "58,33 → 65,20"
    assert shown_value("22810") == "22810"  # a unit code stays as typed
    assert shown_value("2023-12-15") == "15/12/2023"
    assert shown_value(True) == "Có" and shown_value("accepted") == "Đã chấp nhận"
    from desktop.ui.history_page import _pretty

    detail = _pretty('{"id": 1234, "submission_id": 1200, "numerator": 3600.0, '
                     '"indicator_code": "HSCV_MANG"}', {"HSCV_MANG": "Hồ sơ xử lý trên mạng"})
    assert "1234" not in detail and "1200" not in detail  # internal row numbers left out
    assert "tử số: 3.600" in detail and "numerator" not in detail
    assert "chỉ tiêu: Hồ sơ xử lý trên mạng" in detail
    labels = {"HSCV_MANG": "Hồ sơ xử lý trên mạng"}
    assert change_text(entry, labels) == ("chỉ tiêu: Hồ sơ xử lý trên mạng, tử số: 3.600, "
                                          "mẫu số: 4.800")


def test_office_dialog(qtbot, window: MainWindow) -> None:
    w = window
    w.ui.actionOffice.trigger()
    dialog = w.office_dialog
    assert dialog.form.ui.signerNameEdit.text() == "Nguyễn Thị Hương"
    dialog.form.ui.signerNameEdit.clear()
    dialog.accept()
    assert "Họ và tên người ký" in dialog.ui.lblError.text() and dialog.isVisible()
    type_text(dialog.form.ui.signerNameEdit, "Trần Văn Bình")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    from sqlalchemy import select

    from desktop.actions.office import REASON
    from desktop.store.models import AuditRow
    from desktop.store.plan_edit import load_office

    with w.ctx.db.reading() as s:
        assert load_office(s).signer_name == "Trần Văn Bình"
        reason = s.scalars(select(AuditRow.summary).where(AuditRow.table_name == "office")
                           .order_by(AuditRow.id.desc()).limit(1)).one()
    # the same reason as `thidua office --set` (tests/test_reports.py), which it was not
    assert reason == REASON == "Thay đổi thông tin cơ quan báo cáo"


def test_backup_then_restore(qtbot, window: MainWindow, talk: Talk) -> None:
    from desktop.paths import backups_dir
    from desktop.store.units import UnitData, add_unit

    w = window
    before = set(backups_dir(w.ctx.path).glob("*sao-luu*.db"))
    w.ui.actionBackup.trigger()
    qtbot.waitUntil(lambda: "Đã sao lưu" in talk.texts("info"), timeout=10000)
    made = set(backups_dir(w.ctx.path).glob("*sao-luu*.db")) - before
    assert len(made) == 1
    with w.ctx.db.transaction("test") as s:
        add_unit(s, UnitData("X1", "Xã Sau Sao Lưu", "commune"))
    w.ctx.notify_changed()
    units = page(qtbot, w, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 9)
    w.restore_from(made.pop())
    qtbot.waitUntil(lambda: "Đã khôi phục" in talk.texts("info"), timeout=10000)
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    assert w.ctx.report("2023").summary.submitted == 7


def test_window_remembers_its_geometry(qtbot, window: MainWindow) -> None:
    window.resize(1000, 540)  # the offscreen screen is 800 × 600: the width is clamped
    qtbot.waitUntil(lambda: window.height() == 540)
    window.ui.mainSplitter.setSizes([230, 770])
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.height() == 540
    again.show()
    assert again.ui.mainSplitter.sizes()[0] == 230
    assert Settings().recent_databases()[0] == window.ctx.path.resolve()


def test_open_another_database_and_the_recent_list(qtbot, window: MainWindow, tmp_path: Path,
                                                   demo_db: Path) -> None:
    import shutil

    from desktop.store.units import UnitData, add_unit

    w = window
    other = tmp_path / "khac" / "huyen-khac.db"
    other.parent.mkdir()
    shutil.copyfile(demo_db, other)
    with Database.open(other, backup=False) as db, db.transaction("test") as s:
        add_unit(s, UnitData("X9", "Xã Chỉ Có Ở Đây", "commune"))
    units = page(qtbot, w, "Đơn vị")
    qtbot.waitUntil(lambda: units.model.rowCount() == 8)
    first = w.ctx.path
    with qtbot.waitSignal(w.database_opened):
        assert w.open_database(other)
    assert "huyen-khac.db" in w.windowTitle() and str(other) in w.path_label.text()
    qtbot.waitUntil(lambda: units.model.rowCount() == 9)
    with Database.open(first, backup=False):  # the first one was released
        pass
    w.ui.menuRecent.aboutToShow.emit()
    texts = [a.text() for a in w.ui.menuRecent.actions()]
    assert texts[0] == f"&1 {other.resolve()}" and texts[1] == f"&2 {first.resolve()}"
    assert w.open_database(other)  # the same one again: nothing to do


def test_busy_state_progress_and_cancel(qtbot, window: MainWindow) -> None:
    import time

    w = window
    wait_idle(qtbot, w)
    assert w.progress_bar.isHidden() and w.cancel_button.isHidden()
    stopped = []

    def long_work(report) -> str:
        for i in range(1000):
            if not report(i, 1000, f"Đang làm {i}/1000"):
                return "dừng"
            time.sleep(0.01)
        return "xong"

    w.ctx.tasks.run(long_work, stopped.append, on_progress=w.ctx.report_progress)
    qtbot.waitUntil(lambda: w.progress_bar.isVisible() and w.progress_bar.maximum() == 1000)
    assert w.cancel_button.isVisible() and w.cancel_button.text() == "Hủy"
    qtbot.mouseClick(w.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stopped == ["dừng"], timeout=5000)
    qtbot.waitUntil(lambda: w.progress_bar.isHidden())


def test_ctrl_s_saves_the_current_page(qtbot, window: MainWindow) -> None:
    w = window
    plan = page(qtbot, w, "Kế hoạch")
    qtbot.waitUntil(lambda: plan.quotas.rowCount() == 2)
    assert plan.quotas.setData(plan.quotas.index(1, plan.quotas.COL_INDIVIDUALS), "12")
    with qtbot.waitSignal(plan.saved):
        w.ui.actionSave.trigger()
    assert not plan.has_unsaved_changes()
    with w.ctx.db.reading() as s:
        from desktop.store.plan_edit import load_editable

        assert load_editable(s).quotas[1].individuals == 12


# ---- start-up ---------------------------------------------------------------------------------


def test_a_database_open_elsewhere_is_refused_with_exit_1(qtbot, demo_db: Path, talk: Talk,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    with Database.open(demo_db, backup=False):
        assert app.main(demo_db) == 1
    assert "đang được một chương trình ThiĐua CĐS khác sử dụng" in talk.texts("blocking")


def test_main_opens_the_database_and_releases_it(qtbot, demo_db: Path, talk: Talk,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv("THIDUA_EXIT_AFTER", "opened")
    assert app.main(demo_db) == 0
    assert QApplication.instance().applicationName() == "ThiĐua CĐS"
    assert talk.said == []
    with Database.open(demo_db, backup=False):  # the lock was released
        pass
    assert Settings().last_database() == demo_db.resolve()


def test_exit_after_data_quits_once_the_overview_shows_the_periods_counts(
        qtbot, demo_db: Path, talk: Talk, monkeypatch: pytest.MonkeyPatch) -> None:
    """THIDUA_EXIT_AFTER=data (the start-up benchmark) quits once the overview shows the
    figures a person reads first: the period and its five counts, read from the file
    before the database is opened (they are in the window's first frame)."""
    from desktop import app
    from desktop.ui.main_window import MainWindow

    seen: list[object] = []
    real_exit = app._benchmark_exit

    def record(application: QApplication) -> None:
        window = next(w for w in application.topLevelWidgets() if isinstance(w, MainWindow))
        overview = window.pages[PAGE["Tổng quan"]]
        ui = overview.ui
        seen.append((window.first_data_on_screen, window.ctx, ui.lblTitle.text(),
                     [label.text() for label in (ui.valExpected, ui.valReceived, ui.valOnTime,
                                                 ui.valLate, ui.valMissing)]))
        real_exit(application)

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app, "_benchmark_exit", record)
    monkeypatch.setenv("THIDUA_EXIT_AFTER", "data")
    assert app.main(demo_db) == 0
    [(on_screen, ctx, title, counts)] = seen
    assert on_screen and ctx is None  # before the database is opened
    assert title == "Kỳ báo cáo: Năm 2023 (sơ kết)"
    assert counts == ["8", "7", "5", "2", "1"]
    assert talk.said == []
    with Database.open(demo_db, backup=False):  # nothing was left locked
        pass


def test_the_first_figures_are_the_evaluations_and_stay(qtbot, demo_db: Path,
                                                        talk: Talk) -> None:
    """The counts shown before the database is open are the ones the evaluation gives;
    the rest of the overview (results, chart, units to chase) follows."""
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.show_first_figures(demo_db)
    overview = w.pages[PAGE["Tổng quan"]]
    ui = overview.ui
    first = [label.text() for label in (ui.valExpected, ui.valReceived, ui.valOnTime,
                                        ui.valLate, ui.valMissing)]
    assert first == ["8", "7", "5", "2", "1"] and w.first_data_on_screen
    assert w.ui.pages.currentWidget() is overview and overview.report is None
    assert "Đang đánh giá" in ui.lblResults.text()
    assert w.period_combo.currentData() == "2023" and not w.period_combo.isEnabled()
    assert not w.ui.navList.isEnabled()  # nothing to do before the database is open
    w.show()
    with qtbot.waitSignal(overview.loaded, timeout=20000):
        w.start(demo_db)
    assert w.pages[PAGE["Tổng quan"]] is overview and overview.ctx is w.ctx
    s = overview.report.summary
    assert [str(n) for n in (s.expected, s.submitted, s.on_time, s.late,
                             s.not_submitted)] == first
    assert [label.text() for label in (ui.valExpected, ui.valReceived, ui.valOnTime,
                                       ui.valLate, ui.valMissing)] == first
    assert ui.lblResults.text().startswith("Kết quả đánh giá: đạt 4")
    assert overview.missing_units() == ["22828"] and overview.chart.rates
    assert w.ui.navList.isEnabled() and w.period_combo.isEnabled()
    w.close()


def test_figures_of_a_file_that_is_not_opened_do_not_stay(qtbot, demo_db: Path,
                                                          talk: Talk) -> None:
    """A file read for its first figures, then refused (open in another program): the
    refusal is said, and no figure of a database that is not open stays on screen."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    failed: list[bool] = []
    with Database.open(demo_db, backup=False):
        w.start(demo_db, on_failed=lambda: failed.append(True))
        assert w.first_data_on_screen  # read with plain sqlite3, lock or not
        qtbot.waitUntil(lambda: bool(failed), timeout=20000)
    assert "đang được một chương trình ThiĐua CĐS khác sử dụng" in talk.texts("blocking")
    assert PAGE["Tổng quan"] not in w.pages and w.ctx is None
    assert w.ui.pages.currentWidget() is w.ui.placeholderPage
    assert w.period_combo.count() == 0
    w.close()


def test_a_benchmark_run_that_cannot_reach_its_point_ends(tmp_path: Path,
                                                          demo_db: Path) -> None:
    """THIDUA_EXIT_AFTER on a file the window refuses (made by a newer version): the
    refusal waits for a person nobody is; the run ends with status 3 and says why,
    instead of waiting for ever."""
    import sqlite3
    import subprocess

    con = sqlite3.connect(demo_db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen",
           "THIDUA_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "THIDUA_EXIT_AFTER": "data", "THIDUA_EXIT_TIMEOUT": "8"}
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from desktop.app import main; sys.exit(main(Path(sys.argv[1])))", str(demo_db)],
        env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 3, run.stderr
    said = run.stderr
    assert "THIDUA_EXIT_AFTER=data: not reached in 8 s; on screen: " in said
    assert "“ThiĐua CĐS”" in said  # the window's title; the refusal's, once it is up
    assert "READY" not in run.stdout


def test_excepthook_logs_and_shows_a_plain_message(qtbot, talk: Talk, caplog) -> None:
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    said = talk.texts("blocking")
    assert "Đã xảy ra lỗi không mong đợi" in said and "Traceback" not in said
    assert "ZeroDivisionError" in caplog.text


# ---- first run ------------------------------------------------------------------------------


def test_first_run_wizard_creates_a_database_from_a_plan(qtbot, tmp_path: Path) -> None:
    from desktop.store.plan_edit import load_office
    from desktop.store.plans import load_plan
    from desktop.ui.first_run import PAGE_OFFICE, PAGE_SAVE, PAGE_UNITS, FirstRunWizard

    target = tmp_path / "moi" / "thidua.db"
    wizard = FirstRunWizard(save_path=target)
    qtbot.addWidget(wizard)
    wizard.show()
    ui = wizard.ui
    ui.planCombo.setCurrentIndex(ui.planCombo.findData("ninh-son-2022"))
    assert "8 đơn vị" in ui.lblPlanInfo.text()
    wizard.next()
    assert wizard.currentId() == PAGE_OFFICE
    form = wizard.office_form.ui
    assert form.parentBodyEdit.text() == "UBND huyện Ninh Sơn"
    wizard.next()  # no signer yet
    assert wizard.currentId() == PAGE_OFFICE
    assert "Họ và tên người ký" in ui.lblOfficeError.text()
    type_text(form.signerNameEdit, "Nguyễn Văn An")
    wizard.next()
    assert wizard.currentId() == PAGE_UNITS
    assert ui.unitsTable.rowCount() == 8
    assert ui.unitsTable.item(0, 1).text() == "Thị trấn Tân Sơn"
    wizard.next()
    assert wizard.currentId() == PAGE_SAVE
    assert ui.savePathEdit.text() == str(target)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result_path is not None or bool(wizard.ui.lblSaveError.text()),
                    timeout=20000)
    assert wizard.ui.lblSaveError.text() == ""
    assert wizard.result() == QWizard.DialogCode.Accepted
    with Database.open(target, write=False) as db, db.reading() as s:
        assert load_plan(s).code == "ninh-son-2022"
        assert load_office(s).signer_name == "Nguyễn Văn An"


def test_first_run_wizard_demo_and_existing(qtbot, tmp_path: Path, demo_db: Path,
                                            talk: Talk) -> None:
    from desktop.ui.first_run import PAGE_SAVE, FirstRunWizard

    wizard = FirstRunWizard(save_path=demo_db)  # taken: refused, then another name
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.ui.rbDemo.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_SAVE
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "đã có" in wizard.ui.lblSaveError.text()
    wizard.ui.savePathEdit.setText(str(tmp_path / "thu.db"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result_path is not None, timeout=20000)
    other = FirstRunWizard()
    qtbot.addWidget(other)
    other.show()
    other.ui.rbOpen.setChecked(True)
    other.ui.openPathEdit.setText(str(tmp_path / "thu.db"))
    other.button(QWizard.WizardButton.FinishButton).click()
    assert other.result_path == tmp_path / "thu.db"


# ---- screenshots (docs/screenshots): THIDUA_SCREENSHOTS=docs/screenshots pytest -k screenshots --


@pytest.mark.skipif(not os.environ.get("THIDUA_SCREENSHOTS"), reason="set THIDUA_SCREENSHOTS")
def test_screenshots(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtGui import QFont

    from desktop.ui.first_run import FirstRunWizard

    folder = Path(os.environ["THIDUA_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    old_font = app.font()
    app.setFont(QFont("DejaVu Sans", 10))
    w = window
    w.resize(1200, 760)

    def shot(widget, name: str) -> None:
        qtbot.wait(150)
        assert widget.grab().save(str(folder / f"{name}.png"))

    try:
        for title, name in (("Tổng quan", "overview"), ("Đơn vị", "units"),
                            ("Kế hoạch", "plan-criteria"), ("Lịch sử", "history")):
            page(qtbot, w, title)
            wait_idle(qtbot, w)
            shot(w, name)
        plan = page(qtbot, w, "Kế hoạch")
        for index, name in ((1, "plan-indicators"), (2, "plan-periods"), (3, "plan-quotas")):
            plan.ui.tabs.setCurrentIndex(index)
            shot(w, name)
        plan.ui.tabs.setCurrentIndex(0)
        plan.criteria.setData(criterion_index(plan, "XA_BCPM", plan.criteria.COL_THRESHOLD),
                              "95")
        plan.criteria.setData(criterion_index(plan, "XA_HSCV", plan.criteria.COL_THRESHOLD),
                              "120")
        shot(w, "plan-edited")
        plan.revert()
        history = page(qtbot, w, "Lịch sử")
        history.ui.tableCombo.setCurrentIndex(history.ui.tableCombo.findText("Xét duyệt"))
        qtbot.waitUntil(lambda: not history.model.loading and history.model.rowCount() > 0)
        history.ui.historyTable.selectRow(1)
        shot(w, "history-filtered")
        units = page(qtbot, w, "Đơn vị")
        units.select_codes(["22813"])
        dialog = units.add_unit()
        dialog.ui.codeEdit.setText("22 899")
        dialog.ui.nameEdit.setText("Xã Phước Trung")
        dialog.accept()
        shot(dialog, "unit-dialog-error")
        dialog.reject()
        units.select_codes(["22825", "22828"])
        dialog = units.merge_selected()
        dialog.ui.mergeDate.setDate(QDate(2025, 7, 1))
        dialog.ui.targetCombo.setCurrentIndex(dialog.ui.targetCombo.findData("22828"))
        dialog.ui.renameEdit.setText("Xã Anh Dũng")
        shot(dialog, "merge-dialog")
        dialog.accept()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        qtbot.waitUntil(lambda: any(u.merged_into for u in units.model.units))
        shot(w, "units-after-merge")
        units.select_codes(["22831"])
        dialog = units.deactivate_selected()
        shot(dialog, "deactivate-dialog")
        dialog.reject()
        dialog = units.edit_blocks()
        dialog.ui.codeEdit.setText("K1")
        dialog.ui.nameEdit.setText("Khối 1: Các xã vùng cao")
        shot(dialog, "block-dialog")
        dialog.reject()
        w.show_office_dialog()
        shot(w.office_dialog, "office-dialog")
        w.office_dialog.reject()
        wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
        qtbot.addWidget(wizard)
        wizard.resize(720, 580)
        wizard.show()
        wizard.ui.planCombo.setCurrentIndex(wizard.ui.planCombo.findData("ninh-son-2022"))
        shot(wizard, "first-run-1-start")
        wizard.next()
        shot(wizard, "first-run-2-office")
        wizard.office_form.ui.signerNameEdit.setText("Nguyễn Thị Hương")
        wizard.next()
        shot(wizard, "first-run-3-units")
        wizard.next()
        shot(wizard, "first-run-4-save")
        wizard.reject()
    finally:
        app.setFont(old_font)


def _corrupt(path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    for n in range(2, len(data) // page_size, 3):
        data[n * page_size:n * page_size + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def test_a_damaged_database_offers_the_newest_healthy_backup(qtbot, tmp_path: Path,
                                                             demo_db: Path, talk: Talk) -> None:
    """Issue 17: told in plain Vietnamese, offered the backup with its date, restored."""
    from desktop.store.backup import backup_info, list_backups
    from desktop.store.database import integrity_ok

    Database.open(demo_db).close()  # the automatic backup of the healthy file
    backup = list_backups(demo_db)[0]
    info = backup_info(backup)
    assert info is not None
    _corrupt(demo_db)
    damaged = demo_db.read_bytes()
    w = MainWindow()
    qtbot.addWidget(w)
    talk.yes = False  # first: the person declines
    assert w.open_database(demo_db)  # opened (and checked) off the GUI thread
    qtbot.waitUntil(lambda: "bị hỏng" in talk.texts("ask"), timeout=20000)
    qtbot.waitUntil(lambda: not w._boot.busy)
    assert w.ctx is None
    asked = talk.texts("ask")
    assert "bị hỏng" in asked and str(backup) in asked and info.when in asked
    assert "Traceback" not in asked and "không mong đợi" not in talk.texts()
    assert demo_db.read_bytes() == damaged and list_backups(demo_db) == [backup]
    talk.yes = True
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        assert w.open_database(demo_db)
    assert "Đã khôi phục" in talk.texts("info")
    assert integrity_ok(demo_db)
    w.close()
