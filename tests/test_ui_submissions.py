"""The Báo cáo page, the submission editor and the evidence dialog, driven as a person would."""

from __future__ import annotations

import datetime as dt
import os

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QModelIndex, Qt  # noqa: E402

from desktop.store.database import Database  # noqa: E402
from desktop.ui.check_model import OUTCOME_ROLE  # noqa: E402
from desktop.ui.check_page import CheckPage  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.indicator_row import parse_number  # noqa: E402
from desktop.ui.staged_open import on_screen  # noqa: E402
from desktop.ui.submission_dialog import SubmissionDialog  # noqa: E402
from desktop.ui.submissions_model import (  # noqa: E402
    SORT_ROLE,
    SubmissionLine,
    SubmissionsTableModel,
    VietnameseSortFilterProxy,
    fold,
)
from desktop.ui.submissions_page import EMPTY_REASON, SubmissionsPage  # noqa: E402

M = SubmissionsTableModel


@pytest.fixture
def ctx(demo_db: Path):
    db = Database.open(demo_db, backup=False)
    context = AppContext(db)
    context.set_period("2023")
    yield context
    context.tasks.wait()
    db.close()


@pytest.fixture
def page(qtbot, ctx: AppContext) -> SubmissionsPage:
    p = SubmissionsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 500)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 8)
    return p


def _cell(page: SubmissionsPage, unit: str, col: int) -> str:
    row = page.model.row_of(unit)
    assert row is not None
    return page.model.index(row, col).data()


def _open_editor(qtbot, page: SubmissionsPage, unit: str) -> SubmissionDialog:
    assert page.select_unit(unit)
    qtbot.mouseClick(page.ui.editButton, Qt.MouseButton.LeftButton)
    # the report is read on a worker, the dialog built, then shown at the next turn
    qtbot.waitUntil(lambda: page.editor is not None and on_screen(page.editor))
    dlg = page.editor
    assert isinstance(dlg, SubmissionDialog)
    qtbot.waitUntil(dlg.isActiveWindow)  # activation is asynchronous; shortcuts need it
    return dlg


def _plain(label) -> str:
    """What a person reads in a rich-text label."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


# ---- models and parsing, without widgets ------------------------------------------------


def _line(code: str, name: str, **kw) -> SubmissionLine:
    base = dict(unit_code=code, unit_name=name, unit_kind="commune", state="received",
                received_on=dt.date(2023, 12, 1), channel="email", late_days=0, result="pass",
                failed=(), return_reason="", evidence=0)
    base.update(kw)
    return SubmissionLine(**base)


def test_model_sorts_with_vietnamese_collation_and_searches_without_accents(qapp) -> None:
    model = SubmissionsTableModel()
    never = _line("6", "Xã An", state=None, received_on=None, channel=None,
                  result="not_submitted")
    model.set_lines([_line("1", "Xã Em"), _line("2", "Xã Đông"), _line("3", "Xã Dương"),
                     _line("4", "Xã Ơn"), _line("5", "Xã Ôn"), never])
    proxy = VietnameseSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(M.COL_UNIT, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, M.COL_UNIT).data() for r in range(proxy.rowCount())]
    assert names == ["Xã An", "Xã Dương", "Xã Đông", "Xã Em", "Xã Ôn", "Xã Ơn"]
    # a unit that has not submitted: its status, no date, sorted after the others by date
    row = model.row_of("6")
    assert model.index(row, M.COL_STATUS).data() == "Chưa nộp"
    assert model.index(row, M.COL_RECEIVED).data() == ""
    assert model.index(row, M.COL_RECEIVED).data(SORT_ROLE) is None
    proxy.sort(M.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
    assert proxy.index(proxy.rowCount() - 1, M.COL_CODE).data() == "6"
    proxy.set_search("dong")
    assert [proxy.index(r, M.COL_UNIT).data() for r in range(proxy.rowCount())] == ["Xã Đông"]
    proxy.set_search("xa on")
    assert proxy.rowCount() == 2
    proxy.set_search("ong")  # the middle of a word does not count
    assert proxy.rowCount() == 0
    proxy.set_search("3 du")  # every word typed begins a word: of the code, of the name
    assert [proxy.index(r, M.COL_UNIT).data() for r in range(proxy.rowCount())] == ["Xã Dương"]
    model.set_lines([_line("7", "Xã Đông Hòa"), _line("8", "Xã Hòa Bình")])
    assert proxy.rowCount() == 0, "the new rows are searched, not the old ones"
    proxy.set_search("hoa")
    assert proxy.rowCount() == 2
    assert fold("Thị trấn Tân Sơn") == "thi tran tan son"


def test_model_rows_from_the_demo_period(ctx: AppContext) -> None:
    from desktop.store.evidence import evidence_counts
    from desktop.ui.submissions_model import lines_from_report

    with ctx.db.reading() as s:
        lines = lines_from_report(ctx.report("2023"), evidence_counts(s, "2023"))
    model = SubmissionsTableModel()
    model.set_lines(lines)
    assert model.rowCount() == 8
    row = model.row_of("22825")
    assert [model.index(row, c).data() for c in range(model.columnCount())] == [
        "22825", "Xã Hòa Sơn", "Đã nhận", "20/12/2023", "USB", "5", "Không đạt", ""]
    row = model.row_of("22822")
    assert model.index(row, M.COL_STATUS).data() == "Trả lại để sửa"
    tip = model.index(row, M.COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "phần mềm báo cáo của tỉnh" in tip  # the demo's reason
    assert model.index(model.row_of("22828"), M.COL_RESULT).data() == "Chưa nộp"
    assert model.data(QModelIndex()) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("72,5", 72.5), ("72.5", 72.5), ("1.234", 1234), ("1 234", 1234), ("65 %", 65),
    ("", None), ("  ", None), ("1.234,5", 1234.5),
])
def test_parse_number_reads_vietnamese_input(text: str, expected: float | None) -> None:
    assert parse_number(text, "giá trị") == expected


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1.2,3.4", "nan", "inf"])
def test_parse_number_refuses_what_is_not_a_number(text: str) -> None:
    from desktop.domain.errors import ValueProblem

    with pytest.raises(ValueProblem, match="không phải là số"):
        parse_number(text, "tử số")


# ---- the editor -----------------------------------------------------------------------


def test_type_a_bad_ratio_see_why_fix_it_save_and_see_every_screen_update(
    qtbot, ctx: AppContext, page: SubmissionsPage
) -> None:
    check = CheckPage(ctx)
    qtbot.addWidget(check)
    qtbot.waitUntil(lambda: check.model.rowCount() == 8)
    assert _cell(page, "22816", M.COL_RESULT) == "Không đạt"

    dlg = _open_editor(qtbot, page, "22816")
    hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
    assert [e.text() for e in hscv.edits] == ["35", "60"]
    assert "Không đạt: 58,33 % (35/60) < 65 %" in _plain(hscv.verdict)
    assert "V.1.1.b" in _plain(hscv.verdict) and "≥ 65 %" in _plain(hscv.verdict)
    assert not dlg.has_unsaved_changes()

    _type(qtbot, hscv.edits[0], "120")
    _type(qtbot, hscv.edits[1], "100")
    assert hscv.message.isVisible()
    assert hscv.message.text() == "⚠ Tử số 120 lớn hơn mẫu số 100"
    assert not hscv.verdict.isVisible()
    assert not dlg.save_button.isEnabled()
    assert not dlg.save_action.isEnabled()
    assert "chưa hợp lệ" in _plain(dlg.ui.resultLabel)
    assert dlg.save() is False  # Ctrl+S does nothing either

    _type(qtbot, hscv.edits[0], "50")
    _type(qtbot, hscv.edits[1], "60")
    assert not hscv.message.isVisible()
    assert "Đạt: 83,33 % (50/60) ≥ 65 %" in _plain(hscv.verdict)
    assert dlg.save_button.isEnabled()
    assert _plain(dlg.ui.resultLabel) == "Kết quả dự kiến của đơn vị: Đạt"
    assert dlg.has_unsaved_changes()

    with qtbot.waitSignal(dlg.saved) as saved, qtbot.waitSignal(page.loaded), \
            qtbot.waitSignal(check.loaded):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "HSCV_MANG: 35/60 → 50/60" in saved.args[0]
    qtbot.waitUntil(lambda: page.editor is None)
    assert _cell(page, "22816", M.COL_RESULT) == "Đạt"
    assert _cell(page, "22816", M.COL_STATUS) == "Đã nhận"
    assert "HSCV_MANG: 35/60 → 50/60" in page.ui.bannerLabel.text()
    row, col = check.model.row_of("22816"), check.model.column_of("XA_HSCV")
    assert check.model.index(row, col).data(OUTCOME_ROLE) == "pass"
    assert check.model.index(row, col).data() == "83,33 %"
    with ctx.db.reading() as s:
        from desktop.store.submissions import find_submission

        sub = find_submission(s, "22816", "2023")
        hs = next(v for v in sub.values if v.indicator_code == "HSCV_MANG")
        assert (hs.numerator, hs.denominator) == (50, 60)


def test_new_report_for_a_unit_that_never_reported(qtbot, ctx: AppContext,
                                                  page: SubmissionsPage) -> None:
    dlg = _open_editor(qtbot, page, "22828")
    assert not dlg.existing
    dlg.ui.channelCombo.setCurrentIndex(dlg.ui.channelCombo.findData("paper"))
    yes_no = next(r for r in dlg.rows if r.indicator.code == "DANG_KY_TD")
    yes_no.combo.setCurrentIndex(1)
    assert "Đạt: Có" in _plain(yes_no.verdict)
    count = next(r for r in dlg.rows if r.indicator.code == "SANG_KIEN")
    _type(qtbot, count.edits[0], "1,5")
    assert count.message.text() == "⚠ Số lượng 1,50 phải là số nguyên"
    _type(qtbot, count.edits[0], "2")
    pct = next(r for r in dlg.rows if r.indicator.code == "DIEM_DTI")
    _type(qtbot, pct.edits[0], "101")
    assert "ngoài khoảng 0 đến 100" in pct.message.text()
    _type(qtbot, pct.edits[0], "66,5")
    assert not pct.message.isVisible()
    assert "Chưa đủ số liệu" in _plain(dlg.ui.resultLabel)
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(pct.edits[0], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _cell(page, "22828", M.COL_STATUS) == "Đã nhận"
    assert _cell(page, "22828", M.COL_CHANNEL) == "Giấy"
    assert _cell(page, "22828", M.COL_RESULT) == "Chưa đủ số liệu"


def test_undo_and_redo_edits_across_fields(qtbot, page: SubmissionsPage) -> None:
    dlg = _open_editor(qtbot, page, "22816")
    hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
    date_row = next(r for r in dlg.rows if r.indicator.code == "NGAY_KH_PD")
    _type(qtbot, hscv.edits[0], "40")
    date_row.blank_check.setChecked(True)
    assert dlg.has_unsaved_changes()
    # the launch-plan deadline is a 2022 task: in 2023 the date is only tracked
    assert "chỉ theo dõi" in _plain(date_row.verdict)

    hscv.edits[0].setFocus()
    qtbot.keyClick(hscv.edits[0], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not date_row.blank_check.isChecked(), "Ctrl+Z undoes the last edit, in another field"
    assert hscv.edits[0].text() == "40"
    dlg.undo_action.trigger()
    assert hscv.edits[0].text() == "35", "typing in one field is undone as one step"
    assert not dlg.has_unsaved_changes()
    dlg.redo_action.trigger()
    assert hscv.edits[0].text() == "40"
    assert "66,67 % (40/60)" in _plain(hscv.verdict)


def test_a_received_date_in_the_future_or_before_the_period_is_refused_in_the_editor(
    qtbot, ctx: AppContext, page: SubmissionsPage
) -> None:
    """The rule of the store (save_submission) is told in the editor, before saving."""
    from PySide6.QtCore import QDate

    from desktop.store.submissions import find_submission

    with ctx.db.reading() as s:
        before = find_submission(s, "22816", "2023").received_on
    dlg = _open_editor(qtbot, page, "22816")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dlg.ui.receivedEdit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert f"Ngày nhận {tomorrow:%d/%m/%Y} ở tương lai" in _plain(dlg.ui.lateLabel)
    assert "Ngày nhận không hợp lệ" in _plain(dlg.ui.resultLabel)
    assert not dlg.save_button.isEnabled()
    assert dlg.save() is False
    assert "ở tương lai" in dlg.ui.errorLabel.text()
    dlg.ui.receivedEdit.setDate(QDate(2022, 12, 31))  # the period 2023 began on 01/01/2023
    assert "trước ngày bắt đầu kỳ báo cáo (01/01/2023)" in _plain(dlg.ui.lateLabel)
    assert dlg.save() is False
    with ctx.db.reading() as s:
        assert find_submission(s, "22816", "2023").received_on == before
    dlg.ui.receivedEdit.setDate(QDate(2023, 12, 5))
    assert "ở tương lai" not in _plain(dlg.ui.lateLabel)
    assert dlg.save_button.isEnabled()


def test_closing_with_unsaved_changes_asks(qtbot, ctx: AppContext, page: SubmissionsPage) -> None:
    dlg = _open_editor(qtbot, page, "22816")
    hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
    _type(qtbot, hscv.edits[0], "59")
    answers = iter(["cancel", "discard"])
    asked: list[str] = []
    dlg.ask_unsaved = lambda: asked.append("?") or next(answers)  # type: ignore[method-assign]
    dlg.reject()
    assert dlg.isVisible(), "Hủy keeps the editor open"
    dlg.close()
    assert not dlg.isVisible(), "Không lưu closes it"
    assert len(asked) == 2
    assert page.has_unsaved_changes() is False
    with ctx.db.reading() as s:
        from desktop.store.submissions import find_submission

        sub = find_submission(s, "22816", "2023")
        assert next(v for v in sub.values if v.indicator_code == "HSCV_MANG").numerator == 35


def test_close_and_save(qtbot, page: SubmissionsPage) -> None:
    dlg = _open_editor(qtbot, page, "22816")
    hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
    _type(qtbot, hscv.edits[0], "45")
    dlg.ask_unsaved = lambda: "save"  # type: ignore[method-assign]
    with qtbot.waitSignal(page.loaded):
        dlg.reject()
    qtbot.waitUntil(lambda: page.editor is None)
    assert "35/60 → 45/60" in page.ui.bannerLabel.text()


def test_closing_the_window_saves_the_open_editor(qtbot, ctx: AppContext,
                                                  page: SubmissionsPage) -> None:
    from desktop.store.submissions import find_submission

    dlg = _open_editor(qtbot, page, "22816")
    hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
    _type(qtbot, hscv.edits[0], "120")
    _type(qtbot, hscv.edits[1], "100")
    assert page.has_unsaved_changes()
    assert page.save() is False, "invalid input is not saved; the editor shows why"
    assert "HSCV_MANG: Tử số 120 lớn hơn mẫu số 100" in dlg.ui.errorLabel.text()
    _type(qtbot, hscv.edits[0], "45")
    _type(qtbot, hscv.edits[1], "60")
    assert page.save() is True  # waits for the writer: the window may close now
    with ctx.db.reading() as s:
        sub = find_submission(s, "22816", "2023")
        assert next(v for v in sub.values if v.indicator_code == "HSCV_MANG").numerator == 45
    assert not page.has_unsaved_changes()


def test_the_editor_is_built_a_few_rows_per_turn_and_shown_once_complete(
        qtbot, monkeypatch, ctx: AppContext, page: SubmissionsPage) -> None:
    from desktop.ui import submission_dialog

    monkeypatch.setattr(submission_dialog, "ROWS_PER_TURN", 2)
    turns: list[tuple[int, bool, bool]] = []  # rows before the turn, shown, unsaved
    build = SubmissionDialog._build_rows

    def spy(self: SubmissionDialog, count: int) -> None:
        turns.append((len(self.rows), self.isVisible(), self.has_unsaved_changes()))
        build(self, count)

    monkeypatch.setattr(SubmissionDialog, "_build_rows", spy)
    dlg = _open_editor(qtbot, page, "22816")
    total = len(list(dlg.plan.indicators_for(dlg.unit_kind)))
    assert total > 2
    assert [rows for rows, _shown, _unsaved in turns] == list(range(0, total, 2))
    assert not any(shown or unsaved for _rows, shown, unsaved in turns)
    assert len(dlg.rows) == total and dlg.built and not dlg.has_unsaved_changes()
    at_once = SubmissionDialog(ctx, "22816", "2023", page)  # every row in the constructor
    qtbot.addWidget(at_once)
    assert [r.verdict.text() for r in at_once.rows] == [r.verdict.text() for r in dlg.rows]
    assert at_once.ui.resultLabel.text() == dlg.ui.resultLabel.text()
    assert at_once.save_button.isEnabled() == dlg.save_button.isEnabled()
    # the rows' fields are the dialog's: Ctrl+Z in one of them is the dialog's undo
    hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
    _type(qtbot, hscv.edits[0], "7")
    assert dlg.has_unsaved_changes() and dlg.undo_stack.canUndo()
    qtbot.keyClick(hscv.edits[0], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not dlg.has_unsaved_changes()


def test_a_row_that_cannot_be_built_is_told_and_the_editor_opens_again(
        qtbot, monkeypatch, page: SubmissionsPage) -> None:
    from desktop.ui import submission_dialog

    real = submission_dialog.IndicatorRow
    made: list[int] = []

    def breaks_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(1)
        if len(made) == 4:
            raise RuntimeError("a plan row the editor cannot show")
        return real(*args, **kwargs)

    monkeypatch.setattr(submission_dialog, "IndicatorRow", breaks_once)
    assert page.select_unit("22816")
    with qtbot.waitSignal(page.message_shown) as said:
        page.edit_selected()
    text, kind = said.args
    assert kind == "error" and "chi tiết ghi trong tệp nhật ký" in text
    qtbot.waitUntil(lambda: page.editor is None)
    dlg = _open_editor(qtbot, page, "22816")  # the next time, every row is built
    assert dlg.built and len(dlg.rows) == len(list(dlg.plan.indicators_for(dlg.unit_kind)))


# ---- review ---------------------------------------------------------------------------


def test_return_with_an_empty_reason_is_refused(qtbot, page: SubmissionsPage) -> None:
    page.select_unit("22816")
    assert page.ui.returnButton.isEnabled()
    qtbot.mouseClick(page.ui.returnButton, Qt.MouseButton.LeftButton)
    dlg = page.return_dialog
    assert dlg is not None and dlg.isVisible()
    qtbot.keyClicks(dlg.reason_edit, "   ")
    dlg.buttons.accepted.emit()
    assert dlg.isVisible(), "an empty reason does not close the dialog"
    assert dlg.error_label.isVisible() and dlg.error_label.text() == EMPTY_REASON
    dlg.reason_edit.insertPlainText("Tổng số hồ sơ chưa khớp sổ theo dõi")  # QTest types ASCII only
    assert not dlg.error_label.isVisible()
    with qtbot.waitSignal(page.loaded):
        dlg.buttons.accepted.emit()
    assert _cell(page, "22816", M.COL_STATUS) == "Trả lại để sửa"
    assert "Tổng số hồ sơ chưa khớp sổ theo dõi" in _plain(page.ui.detailLabel)
    assert not page.ui.returnButton.isEnabled()


def test_accept_a_report(qtbot, page: SubmissionsPage) -> None:
    page.select_unit("22825")
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.ui.acceptButton, Qt.MouseButton.LeftButton)
    assert _cell(page, "22825", M.COL_STATUS) == "Đã chấp nhận"
    assert page.selected_line().unit_code == "22825", "the selection survives the reload"
    assert not page.ui.acceptButton.isEnabled()
    assert "Đã chấp nhận báo cáo của Xã Hòa Sơn" in page.ui.bannerLabel.text()


def test_accept_refuses_a_report_another_clerk_changed_since_the_list(
        qtbot, ctx: AppContext, page: SubmissionsPage) -> None:
    from desktop.actions.submissions import save_submission
    from desktop.domain.values import Value

    page.select_unit("22825")
    line = page.selected_line()
    assert line is not None and line.version is not None
    me = ctx.db.user
    ctx.db.user = "Trần Văn Minh"  # the other clerk's save, on the same file
    try:
        save_submission(ctx.db, ctx.plan, "22825", "2023", {"DIEM_DTI": Value(number=81.0)},
                        received_on=dt.date(2023, 12, 20))
    finally:
        ctx.db.user = me
    with qtbot.waitSignal(page.loaded, timeout=10000):  # refused, then the list shows the news
        qtbot.mouseClick(page.ui.acceptButton, Qt.MouseButton.LeftButton)
    banner = page.ui.bannerLabel.text()
    assert "Xã Hòa Sơn" in banner and "đã được Trần Văn Minh sửa lúc" in banner
    assert _cell(page, "22825", M.COL_STATUS) == "Đã nhận", "not accepted"
    with qtbot.waitSignal(page.loaded, timeout=10000):  # now seen: the acceptance goes through
        qtbot.mouseClick(page.ui.acceptButton, Qt.MouseButton.LeftButton)
    assert _cell(page, "22825", M.COL_STATUS) == "Đã chấp nhận"


def test_buttons_follow_the_selection_and_search(qtbot, page: SubmissionsPage) -> None:
    page.select_unit("22828")  # never reported
    assert page.ui.editButton.isEnabled()
    assert not page.ui.acceptButton.isEnabled()
    assert not page.ui.returnButton.isEnabled()
    assert not page.ui.evidenceButton.isEnabled()
    assert "chưa nộp" in _plain(page.ui.detailLabel)
    qtbot.keyClicks(page.ui.searchEdit, "luong son")
    assert page.proxy.rowCount() == 1
    page.focus_search()
    assert page.ui.searchEdit.selectedText() == "luong son"


# ---- evidence -------------------------------------------------------------------------


def test_attach_the_same_evidence_twice_is_refused(qtbot, tmp_path: Path, ctx: AppContext,
                                                   page: SubmissionsPage) -> None:
    scan = tmp_path / "QD-125-sang-kien.pdf"
    scan.write_bytes(b"%PDF-1.4 Quyet dinh cong nhan sang kien")
    page.select_unit("22813")
    qtbot.mouseClick(page.ui.evidenceButton, Qt.MouseButton.LeftButton)
    dlg = page.evidence_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.model.rowCount() == 0
    dlg.choose_file = lambda: scan  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
    dlg.ui.numberEdit.insert("125/QĐ-UBND")  # QTest.keyClicks types ASCII only
    dlg.ui.titleEdit.insert("Quyết định công nhận sáng kiến")
    dlg.ui.summaryEdit.insert("Công nhận sáng kiến số hóa hồ sơ một cửa")
    with qtbot.waitSignal(dlg.changed), qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dlg.ui.addButton, Qt.MouseButton.LeftButton)
    assert dlg.model.rowCount() == 1
    assert [dlg.model.index(0, c).data() for c in range(6)][:2] == [
        "125/QĐ-UBND", "Quyết định công nhận sáng kiến"]
    assert _cell(page, "22813", M.COL_EVIDENCE) == "1"

    dlg.choose_file = lambda: scan  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.message_shown,
                          check_params_cb=lambda text, kind: kind == "error") as shown:
        qtbot.mouseClick(dlg.ui.addButton, Qt.MouseButton.LeftButton)
    assert "đã được đính kèm vào báo cáo này" in shown.args[0]
    assert dlg.ui.bannerLabel.isVisible()
    assert dlg.model.rowCount() == 1

    # open it, then remove it
    opened = []
    dlg.open_url = lambda url: opened.append(url.toLocalFile()) or True  # type: ignore[method-assign]
    dlg.ui.table.selectRow(0)
    qtbot.mouseClick(dlg.ui.openButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    assert Path(opened[0]).read_bytes() == scan.read_bytes()
    dlg.confirm = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.changed):
        qtbot.mouseClick(dlg.ui.removeButton, Qt.MouseButton.LeftButton)
    assert dlg.model.rowCount() == 0
    assert not Path(opened[0]).exists()


def test_closing_the_evidence_dialog_while_a_file_is_copied(
    qtbot, tmp_path: Path, page: SubmissionsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc while a big scan is still being copied: the copy finishes, the page counts it,
    and the deleted dialog is not touched (no error for the person)."""
    import threading

    from shiboken6 import isValid

    from desktop.actions import evidence

    scan = tmp_path / "QD-126-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 ban scan lon")
    gate = threading.Event()
    copy = evidence.add_evidence

    def slow_copy(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(10)
        return copy(*args, **kwargs)

    monkeypatch.setattr(evidence, "add_evidence", slow_copy)
    page.select_unit("22813")
    page.evidence_selected()
    dlg = page.evidence_dialog
    assert dlg is not None
    dlg.choose_file = lambda: scan  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.ui.addButton, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dlg))
    assert page.evidence_dialog is None
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        gate.set()
    qtbot.waitUntil(lambda: _cell(page, "22813", M.COL_EVIDENCE) == "1")


# ---- Excel forms: the Tệp menu, templates, import, drag and drop ------------------------


def _fill(path: Path, values: dict[str, object]) -> None:
    """Fill a generated form as a commune officer would: ratios as (tử số, mẫu số)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["BaoCao"]
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "Mã")
    cols = {ws.cell(header, c).value: c for c in range(1, 10)}
    for r in range(header + 1, header + 40):
        code = ws.cell(r, 1).value
        if code in values:
            v = values[code]
            if isinstance(v, tuple):
                ws.cell(r, cols["Tử số"]).value, ws.cell(r, cols["Mẫu số"]).value = v
            else:
                ws.cell(r, cols["Giá trị"]).value = v
    wb.save(path)


@pytest.fixture
def window(qtbot, ctx: AppContext):
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.drops import DropsForms
    from desktop.ui.exchange_actions import install

    class Window(DropsForms, QMainWindow):
        pass

    win = Window()
    qtbot.addWidget(win)
    menu = win.menuBar().addMenu("&Tệp")
    quit_action = menu.addAction("Thoát")
    win.menuBar().addMenu("&Trợ giúp")
    actions = install(win, ctx, menu, quit_action)
    win.show()
    return win, actions, menu


def test_install_adds_the_file_menu_actions_once(qtbot, ctx: AppContext, window) -> None:
    from PySide6.QtGui import QKeySequence

    from desktop.ui.exchange_actions import install

    win, actions, menu = window
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&Nhập biểu mẫu Excel…", "&Tạo biểu mẫu cho các đơn vị…"]
    assert texts[-1] == "Thoát", "inserted before the window's insert point"
    assert actions.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert install(win, ctx, menu, menu.actions()[-1]) is actions
    assert [a.text() for a in menu.actions()] == texts, "a second install adds nothing"
    assert win.acceptDrops()


def test_make_forms_for_all_units_into_a_folder(qtbot, tmp_path: Path, ctx: AppContext,
                                                window) -> None:
    from desktop.ui.template_dialog import TemplateDialog

    _win, actions, _menu = window
    actions.template_action.trigger()
    dlg = actions.template_dialog
    assert isinstance(dlg, TemplateDialog) and dlg.period_code == "2023"
    assert dlg.ui.unitList.count() == 8
    assert not dlg.ui.createButton.isEnabled(), "no folder chosen yet"
    usb = tmp_path / "USB" / "BieuMau-2023"
    dlg.choose_folder = lambda: usb  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.run_finished) as done:
        qtbot.mouseClick(dlg.ui.createButton, Qt.MouseButton.LeftButton)
    names = sorted(p.name for p in usb.glob("*.xlsx"))
    assert len(names) == 8 and "BaoCao_2023_22813_Xa-Lam-Son.xlsx" in names
    assert all(status == "written" for _n, _p, status in done.args[0])
    assert "Đã tạo 8 biểu mẫu" in dlg.ui.statusLabel.text()

    # a commune's filled-in form on the stick, same name: kept unless asked
    kept = usb / "BaoCao_2023_22813_Xa-Lam-Son.xlsx"
    _fill(kept, {"SANG_KIEN": 4})
    before = kept.read_bytes()
    dlg.ui.unitList.item(0).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dlg.run_finished) as again:
        dlg.start()
    assert [s for _n, _p, s in again.args[0]] == ["skipped"] * 7
    assert kept.read_bytes() == before
    assert "Giữ nguyên 7 tệp đã có" in dlg.ui.statusLabel.text()


def test_making_forms_stops_at_a_safe_point_when_cancelled(tmp_path: Path,
                                                           ctx: AppContext) -> None:
    from desktop.ui.template_dialog import write_forms

    units = [u.unit for u in ctx.report("2023").units]
    seen: list[int] = []

    def report(done: int, total: int, _text: str) -> bool:
        seen.append(done)
        return done < 3  # "Dừng" pressed while the fourth form was due

    results = write_forms(ctx.db, ctx.plan, "2023", units, tmp_path / "usb", False, report)
    assert [r[2] for r in results] == ["written"] * 3 + ["cancelled"] * 5
    assert len(list((tmp_path / "usb").glob("*.xlsx"))) == 3
    assert not list((tmp_path / "usb").glob(".tmp-*")), "no half-written file"


def test_import_forms_shows_each_file_and_asks_before_replacing(
    qtbot, tmp_path: Path, ctx: AppContext, page: SubmissionsPage, window
) -> None:
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.template_dialog import write_forms

    folder = tmp_path / "nhan-ve"
    units = [u for u in ctx.report("2023").units if u.unit.code in ("22813", "22816", "22828")]
    write_forms(ctx.db, ctx.plan, "2023", [u.unit for u in units], folder, False,
                lambda *_a: True)
    good = folder / "BaoCao_2023_22828_Xa-Ma-Noi.xlsx"
    _fill(good, {"HSCV_MANG": (70, 100), "VB_DIEN_TU": (50, 50), "BC_PM_TINH": (24, 24),
                 "DANG_KY_TD": "Có", "SANG_KIEN": 1, "NGAY_KH_PD": "15/09/2022"})
    bad = folder / "BaoCao_2023_22816_Xa-Luong-Son.xlsx"
    _fill(bad, {"HSCV_MANG": (120, 100)})
    exists = folder / "BaoCao_2023_22813_Xa-Lam-Son.xlsx"
    _fill(exists, {"HSCV_MANG": (600, 720), "SANG_KIEN": 2})

    _win, actions, _menu = window
    dlg = actions.open_import([folder])
    assert isinstance(dlg, ImportDialog) and len(dlg.files) == 3
    dlg.ui.channelCombo.setCurrentIndex(dlg.ui.channelCombo.findData("usb"))
    with qtbot.waitSignal(dlg.run_finished) as first, qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dlg.ui.importButton, Qt.MouseButton.LeftButton)
    status = {o.path.name: o.status.value for o in first.args[0]}
    assert status == {good.name: "imported", bad.name: "refused", exists.name: "exists"}
    items = {dlg.ui.tree.topLevelItem(i).text(0): dlg.ui.tree.topLevelItem(i)
             for i in range(dlg.ui.tree.topLevelItemCount())}
    refused = items[bad.name]
    assert refused.text(2) == "Bị từ chối"
    assert (refused.child(0).text(0), refused.child(0).text(2)) == \
        ("Ô D13", "tử số 120 lớn hơn mẫu số 100")
    waiting = items[exists.name]
    changes = [waiting.child(i).text(2) for i in range(waiting.childCount())]
    assert "HSCV_MANG: 522/720 → 600/720" in changes
    assert _cell(page, "22828", M.COL_STATUS) == "Đã nhận"
    assert _cell(page, "22828", M.COL_CHANNEL) == "USB"
    assert dlg.ui.replaceButton.isVisible()

    asked: list[str] = []
    dlg.confirm_replace = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.replaceButton, Qt.MouseButton.LeftButton)
    assert "HSCV_MANG: 522/720 → 600/720" in asked[0]
    assert not dlg.running, "'Không' replaces nothing"
    dlg.confirm_replace = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.run_finished) as second, qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dlg.ui.replaceButton, Qt.MouseButton.LeftButton)
    assert [o.status.value for o in second.args[0]] == ["replaced"]
    assert _cell(page, "22813", M.COL_STATUS) == "Đã nhận"  # it was accepted; back to review
    assert not dlg.ui.replaceButton.isVisible()


def test_files_stopped_by_cancel_can_be_imported_later(qtbot, tmp_path: Path,
                                                      ctx: AppContext) -> None:
    from desktop.actions.forms import FileOutcome, Status
    from desktop.ui.import_dialog import ImportDialog

    files = [tmp_path / f"BaoCao_{i}.xlsx" for i in range(3)]
    for f in files:
        f.write_bytes(b"x")
    dlg = ImportDialog(ctx, files)
    qtbot.addWidget(dlg)
    assert dlg.pending() == files
    refused = FileOutcome(files[0], Status.REFUSED, problems=(f"{files[0].name}: hỏng",))
    stopped = [FileOutcome(f, Status.CANCELLED) for f in files[1:]]
    with qtbot.waitSignal(dlg.run_finished):
        dlg._on_done([refused, *stopped])  # what a run stopped by "Dừng" after one file gives
    assert dlg.pending() == files[1:]
    assert dlg.ui.importButton.isEnabled()
    assert dlg.ui.tree.topLevelItem(1).text(2) == "Chưa nhập (đã dừng)"
    assert "chưa nhập do dừng 2" in dlg.ui.statusLabel.text()


def test_drop_files_on_the_window_opens_the_import(qtbot, tmp_path: Path, window) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    win, actions, _menu = window
    form = tmp_path / "BaoCao.xlsx"
    form.write_bytes(b"not really a form")
    other = tmp_path / "ghichu.txt"
    other.write_text("x")

    def drag(*paths: Path) -> tuple[QMimeData, bool]:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter.ignore()
        QApplication.sendEvent(win, enter)
        return mime, enter.isAccepted()

    assert not drag(other)[1], "a .txt is not taken"
    mime, accepted = drag(form, other)
    assert accepted
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    assert drop.isAccepted()
    dlg = actions.import_dialog
    assert dlg is not None and [p.name for p in dlg.files] == ["BaoCao.xlsx"]
    with qtbot.waitSignal(dlg.run_finished) as done:
        dlg.start(replace=False)
    outcome = done.args[0][0]
    assert outcome.status.value == "refused"
    assert "không phải tệp Excel" in dlg.ui.tree.topLevelItem(0).child(0).text(2)


def test_the_window_hands_no_other_event_to_python_for_the_drops(qtbot, window) -> None:
    """Drops reach the exchange actions through the window's drag overrides: no event
    filter on the window sees each of its events (each one a wait for the GIL)."""
    from tests.python_calls import python_calls_for_events

    win, _actions, _menu = window
    calls = python_calls_for_events(win, times=100)
    assert [c for c in calls if "eventFilter" in c] == []


# ---- screenshots: THIDUA_SCREENSHOTS=docs/screenshots pytest -k screenshots -------------


def test_screenshots_of_every_screen(qtbot, qapp, tmp_path: Path, ctx: AppContext) -> None:
    """Renders each screen offscreen with a pinned font; saved where THIDUA_SCREENSHOTS says
    (docs/screenshots for the documentation), else in a temporary folder."""
    from PySide6.QtCore import QDate
    from PySide6.QtGui import QFont

    from desktop.ui.check_page import CheckPage
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.template_dialog import TemplateDialog, write_forms

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    old_font = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    shots: list[Path] = []

    def shot(widget, name: str, w: int, h: int) -> None:
        widget.resize(w, h)
        qtbot.wait(50)
        path = out / f"{name}.png"
        assert widget.grab().save(str(path))
        shots.append(path)

    try:
        page = SubmissionsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.model.rowCount() == 8)
        page.select_unit("22822")
        shot(page, "bao-cao", 1100, 470)

        dlg = _open_editor(qtbot, page, "22816")
        shot(dlg, "nhap-bao-cao", 1180, 900)
        hscv = next(r for r in dlg.rows if r.indicator.code == "HSCV_MANG")
        _type(qtbot, hscv.edits[0], "120")
        _type(qtbot, hscv.edits[1], "100")
        shot(dlg, "nhap-bao-cao-loi", 1180, 900)
        dlg.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
        dlg.reject()

        page.select_unit("22816")
        page.return_selected()
        page.return_dialog.buttons.accepted.emit()  # empty: refused, with the reason shown
        shot(page.return_dialog, "tra-lai-ly-do-trong", 520, 230)
        page.return_dialog.reject()

        scan = tmp_path / "QD-125-UBND.pdf"
        scan.write_bytes(b"%PDF-1.4 quyet dinh")
        page.select_unit("22813")
        page.evidence_selected()
        ev = page.evidence_dialog
        ev.set_file(scan)
        ev.ui.numberEdit.insert("125/QĐ-UBND")
        ev.ui.titleEdit.insert("Quyết định công nhận sáng kiến")
        ev.ui.summaryEdit.insert("Công nhận sáng kiến “Số hóa hồ sơ một cửa” của xã")
        with qtbot.waitSignal(ev.changed):
            ev.add()
        ev.set_file(scan)
        with qtbot.waitSignal(ev.message_shown):
            ev.add()  # the same file again: refused
        shot(ev, "minh-chung", 1000, 560)
        ev.reject()

        check = CheckPage(ctx)
        qtbot.addWidget(check)
        check.show()
        qtbot.waitUntil(lambda: check.model.rowCount() == 8 and not check.busy)
        check.select_cell("22816", check.model.column_of("XA_HSCV"))
        shot(check, "kiem-tra", 2150, 500)

        tpl = TemplateDialog(ctx, page)
        qtbot.addWidget(tpl)
        tpl.ui.folderEdit.setText(str(tmp_path / "USB" / "BieuMau-2023"))
        tpl.show()
        with qtbot.waitSignal(tpl.run_finished):
            tpl.start()
        shot(tpl, "tao-bieu-mau", 760, 560)

        folder = tmp_path / "nhan-ve"
        units = [u.unit for u in ctx.report("2023").units
                 if u.unit.code in ("22813", "22816", "22828")]
        write_forms(ctx.db, ctx.plan, "2023", units, folder, False, lambda *_a: True)
        _fill(folder / "BaoCao_2023_22828_Xa-Ma-Noi.xlsx",
              {"HSCV_MANG": (70, 100), "DANG_KY_TD": "Có", "SANG_KIEN": 1})
        _fill(folder / "BaoCao_2023_22816_Xa-Luong-Son.xlsx",
              {"HSCV_MANG": (120, 100), "SANG_KIEN": -2})
        _fill(folder / "BaoCao_2023_22813_Xa-Lam-Son.xlsx", {
            "HSCV_MANG": (600, 720), "VB_DIEN_TU": (400, 400), "BC_PM_TINH": (24, 24),
            "NGAY_KH_PD": "19/09/2022", "DANG_KY_TD": "Có", "SANG_KIEN": 2, "DIEM_DTI": 74.5,
            "CAP_QUANG_HO": (1500, 1710), "CAP_QUANG_THON": (9, 9),
            "TK_THANH_TOAN": (3000, 6150), "OCOP_TMDT": (2, 3)})
        imp = ImportDialog(ctx, [folder], page)
        qtbot.addWidget(imp)
        imp.ui.receivedEdit.setDate(QDate(2023, 12, 14))
        imp.ui.channelCombo.setCurrentIndex(imp.ui.channelCombo.findData("usb"))
        imp.show()
        with qtbot.waitSignal(imp.run_finished):
            imp.start(replace=False)
        shot(imp, "nhap-bieu-mau", 1100, 640)
    finally:
        qapp.setFont(old_font)
    assert all(p.stat().st_size > 10_000 for p in shots)


def _last_reason(db_path: Path, table: str) -> str:
    from sqlalchemy import select

    from desktop.store.models import AuditRow

    with Database.open(db_path, write=False) as d, d.reading() as s:
        return s.scalars(select(AuditRow.summary).where(AuditRow.table_name == table)
                         .order_by(AuditRow.id.desc()).limit(1)).one()


def test_the_window_and_the_command_line_review_with_the_same_audit_reason(
        qtbot, page: SubmissionsPage, ctx: AppContext, tmp_path: Path,
        _demo_template: Path) -> None:
    """Before, the command line wrote "Xét duyệt báo cáo" and the window "Chấp nhận báo
    cáo 22825 kỳ 2023" for the same act; both now call actions.review.review_submission."""
    import shutil

    from desktop.actions.review import reason
    from desktop.cli import main

    page.select_unit("22825")
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.ui.acceptButton, Qt.MouseButton.LeftButton)
    ctx.tasks.wait()
    window_reason = _last_reason(ctx.path, "review_event")

    other = tmp_path / "cli.db"
    shutil.copyfile(_demo_template, other)
    assert main(["--db", str(other), "review", "--period", "2023", "--unit", "22825",
                 "--accept"]) == 0
    assert _last_reason(other, "review_event") == window_reason == reason(
        "22825", "2023", accept=True) == "Chấp nhận báo cáo 22825 kỳ 2023"
