"""The Khen thưởng page and the proposal dialog, driven as a person would; models and gauges
without widgets; the list exported through a stand-in file dialog."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from desktop.domain.plan import Quota  # noqa: E402
from desktop.domain.proposals import (  # noqa: E402
    Proposal,
    QuotaUsage,
    check_proposals,
    suggest,
)
from desktop.store.database import Database  # noqa: E402
from desktop.ui import errors  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.proposal_dialog import NAME_NEEDED, ProposalDialog, field_of  # noqa: E402
from desktop.ui.proposals_model import (  # noqa: E402
    BREACH_BACKGROUND,
    DOSSIER_BACKGROUND,
    BreachesTableModel,
    ProposalsTableModel,
    SuggestionsTableModel,
    default_review,
)
from desktop.ui.proposals_page import ProposalsPage  # noqa: E402
from desktop.ui.quota_gauge import GAUGE_COLORS, count_gauge, leader_gauge  # noqa: E402
from desktop.ui.staged_open import on_screen  # noqa: E402
from desktop.ui.submissions_model import VietnameseSortFilterProxy  # noqa: E402

M = ProposalsTableModel
DOSSIER = ("Tờ trình đề nghị khen thưởng", "Biên bản họp Hội đồng Thi đua - Khen thưởng",
           "Báo cáo thành tích")
BG = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def ctx(demo_db: Path):
    db = Database.open(demo_db, backup=False)
    context = AppContext(db)
    context.set_period("2023")
    yield context
    context.tasks.wait()
    db.close()


@pytest.fixture
def page(qtbot, ctx: AppContext) -> ProposalsPage:
    p = ProposalsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    qtbot.waitUntil(lambda: p.state is not None and not p.busy)
    return p


def _add(qtbot, ctx: AppContext, page: ProposalsPage, *codes: str, people: int = 0,
         leaders: int = 0) -> None:
    """Proposals written straight to the database, then the page told (as another screen
    would after its own write)."""
    from desktop.store.proposals import add_collective, add_individual

    with ctx.db.transaction("test") as s:
        for code in codes:
            add_collective(s, "2023", code)
        for i in range(people):
            add_individual(s, "2023", f"Nguyễn Văn {chr(65 + i)}", "Chủ tịch UBND xã",
                           unit_code="22813", is_leader=i < leaders)
    with qtbot.waitSignal(page.loaded):
        ctx.notify_changed()


def _stored(ctx: AppContext) -> list[Proposal]:
    from desktop.store.proposals import list_proposals

    with ctx.db.reading() as s:
        return list_proposals(s, "2023")


def _row(page: ProposalsPage, name: str) -> int:
    rows = [r for r in range(page.model.rowCount())
            if page.model.index(r, M.COL_NAME).data() == name]
    assert rows, f"{name} is not in the table"
    return rows[0]


def _open(qtbot, page: ProposalsPage, button) -> ProposalDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, ProposalDialog)
    qtbot.waitUntil(lambda: on_screen(dlg))  # opened over a few turns of the event loop
    return dlg


def _save(qtbot, page: ProposalsPage, dlg: ProposalDialog) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)


# ---- gauges and models, without widgets -------------------------------------------------


def test_count_gauge_turns_red_beyond_the_quota() -> None:
    assert (count_gauge("Tập thể", 3, 5).text, count_gauge("Tập thể", 3, 5).state) == \
        ("Tập thể 3/5", "ok")
    assert count_gauge("Tập thể", 5, 5).state == "full"
    over = count_gauge("Cá nhân", 6, 5)
    assert (over.text, over.state, over.mark, over.maximum) == \
        ("Cá nhân 6/5 — thừa 1", "over", 5, 6)
    assert count_gauge("Cá nhân", 2, None).state == "none"


def test_leader_gauge_compares_the_share_with_the_allowed_share() -> None:
    quota = Quota(review="2023", award="Bằng khen của Chủ tịch UBND tỉnh", collectives=7,
                  individuals=15, leader_share_max=40, source="V.2")

    def usage(people: int, leaders: int) -> QuotaUsage:
        return QuotaUsage(quota, (), tuple(range(1, people + 1)), tuple(range(1, leaders + 1)))

    over = leader_gauge(usage(5, 3))
    assert over is not None and over.state == "over"
    assert over.text == "Lãnh đạo 3/5 = 60,00 % (tối đa 40 %)"
    assert (over.value, over.mark, over.maximum) == (60.0, 40, 100.0)
    assert "tối đa 2 người" in over.tooltip
    inside = leader_gauge(usage(5, 2))
    assert inside is not None and inside.state == "full"
    assert leader_gauge(usage(5, 1)).state == "ok"  # type: ignore[union-attr]
    free = Quota(review="2023", award="Giấy khen", individuals=5)
    assert leader_gauge(QuotaUsage(free, (), (), ())) is None
    assert leader_gauge(QuotaUsage(free, (), (1,), (1,))).text == \
        "Lãnh đạo 1/1 (không giới hạn tỷ lệ)"  # type: ignore[union-attr]


def test_models_show_the_proposals_their_breaches_and_the_suggestions(
        qapp, ctx: AppContext) -> None:
    plan, report = ctx.plan, ctx.report("2023")
    award = "Giấy khen của Chủ tịch UBND huyện"
    all_docs = dict.fromkeys(DOSSIER, True)
    proposals = [
        Proposal(1, "2023", award, "collective", unit_code="22816", unit_name="Xã Lương Sơn"),
        Proposal(2, "2023", award, "collective", unit_code="22831", unit_name="Xã Nhơn Sơn",
                 documents={DOSSIER[0]: True}),
        Proposal(3, "2023", award, "individual", unit_code="22813", unit_name="Xã Lâm Sơn",
                 person_name="Đặng Thị Ánh", position="Phó Chủ tịch UBND xã", is_leader=True,
                 documents=all_docs),
    ]
    check = check_proposals(plan, "2023", proposals, report)
    model = ProposalsTableModel()
    model.set_check(plan, check)
    assert model.rowCount() == 3 and model.columnCount() == len(M.HEADERS)

    failed = model.row_of(1)
    cells = [model.index(failed, c).data() for c in range(model.columnCount())]
    assert cells[:3] == ["1", "Tập thể", "Xã Lương Sơn"]
    assert cells[M.COL_DOSSIER] == "Thiếu: " + "; ".join(DOSSIER)
    assert "Tập thể chưa đạt tiêu chuẩn thi đua (mục V.1.1.b, III.1.2)" in cells[M.COL_BREACHES]
    assert model.index(failed, M.COL_NAME).data(BG).color() == BREACH_BACKGROUND
    tip = model.index(failed, M.COL_NAME).data(TIP)
    assert "Căn cứ: mục V.1.1.b, III.1.2 của Kế hoạch" in tip
    assert "58,33 % (35/60) &lt; 65 %" in tip

    papers = model.row_of(2)
    assert model.index(papers, M.COL_DOSSIER).data() == f"Thiếu: {DOSSIER[1]}; {DOSSIER[2]}"
    assert model.index(papers, M.COL_BREACHES).data() == "Hồ sơ chưa đủ"  # office's choice
    assert model.index(papers, 0).data(BG).color() == DOSSIER_BACKGROUND

    person = model.row_of(3)
    cells = [model.index(person, c).data() for c in range(model.columnCount())]
    assert cells[1:6] == ["Cá nhân", "Đặng Thị Ánh", "Phó Chủ tịch UBND xã", "Xã Lâm Sơn", "Có"]
    assert cells[M.COL_DOSSIER] == "Đủ (3/3)" and cells[M.COL_BREACHES] == ""
    assert model.index(person, 0).data(BG) is None

    proxy = VietnameseSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(M.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, M.COL_NAME).data() for r in range(3)] == \
        ["Đặng Thị Ánh", "Xã Lương Sơn", "Xã Nhơn Sơn"]
    proxy.set_search("anh")
    assert proxy.rowCount() == 1

    breaches = BreachesTableModel()
    breaches.set_breaches(check.breaches)
    rows = {breaches.index(r, 0).data(): r for r in range(breaches.rowCount())}
    r = rows["Tập thể chưa đạt tiêu chuẩn thi đua"]
    assert breaches.index(r, BreachesTableModel.COL_SOURCE).data() == "mục V.1.1.b, III.1.2"
    assert breaches.index(r, BreachesTableModel.COL_PROPOSALS).data() == "1"

    suggestions = SuggestionsTableModel()
    suggestions.set_suggestions(plan, suggest(plan, "2023", proposals, report))
    first = [suggestions.index(0, c).data() for c in range(4)]
    assert first == ["2", "22810", "Thị trấn Tân Sơn", "78,50 %"]  # Nhơn Sơn is proposed
    assert suggestions.row_of("22831") is None


def test_default_review_and_field_of_refusals(ctx: AppContext) -> None:
    assert default_review(ctx.plan, "2023") == "2023"
    assert default_review(ctx.plan, "2022") == "2023"
    assert default_review(ctx.plan, "2024") == "2025"
    assert field_of(NAME_NEEDED) == "name"
    assert field_of("Phải ghi chức vụ của Nguyễn Văn A.") == "position"
    assert field_of("Không có đơn vị mã '1' trong kế hoạch.") == "unit"
    assert field_of("Không tìm thấy tệp hồ sơ: x.pdf") is None


# ---- the page -----------------------------------------------------------------------------


def test_review_selector_lists_the_reviews_with_quotas(qtbot, page: ProposalsPage) -> None:
    combo = page.ui.reviewCombo
    assert [combo.itemText(i) for i in range(combo.count())] == \
        ["Năm 2023 (sơ kết)", "Năm 2025 (tổng kết)"]
    assert page.review == "2023"
    assert page.quota_panel.gauge_texts() == ["Tập thể 0/5", "Cá nhân 0/5"]
    assert "V.2" in page.quota_panel.headers[0].text()
    with qtbot.waitSignal(page.loaded):
        page.set_review("2025")
    assert page.quota_panel.gauge_texts() == ["Tập thể 0/10", "Cá nhân 0/10"]


def test_add_a_collective_that_did_not_pass_and_see_the_breach_with_its_clause(
        qtbot, ctx: AppContext, page: ProposalsPage) -> None:
    dlg = _open(qtbot, page, page.ui.addCollectiveButton)
    assert dlg.is_collective and not dlg.ui.nameEdit.isVisible()
    dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData("22816"))
    assert "Không đạt" in dlg.ui.unitHint.text() and "XA_HSCV" in dlg.ui.unitHint.text()
    _save(qtbot, page, dlg)

    [p] = _stored(ctx)
    assert (p.unit_code, p.kind) == ("22816", "collective")
    row = _row(page, "Xã Lương Sơn")
    assert page.model.index(row, M.COL_BREACHES).data().startswith(
        "Tập thể chưa đạt tiêu chuẩn thi đua (mục V.1.1.b, III.1.2)")
    assert page.model.index(row, 0).data(BG).color() == BREACH_BACKGROUND
    assert "Căn cứ: mục V.1.1.b, III.1.2" in page.model.index(row, M.COL_NAME).data(TIP)
    b = page.breaches
    found = [r for r in range(b.rowCount()) if b.breach(r).rule == "COLLECTIVE_NOT_PASSED"]
    assert len(found) == 1
    assert b.index(found[0], BreachesTableModel.COL_SOURCE).data() == "mục V.1.1.b, III.1.2"
    banner = page.ui.bannerLabel.text()
    assert banner.startswith(f"Đã thêm đề nghị số {p.id}: Tập thể Xã Lương Sơn (22816)")
    assert "Lưu ý: Tập thể chưa đạt tiêu chuẩn thi đua (mục V.1.1.b, III.1.2)" in banner
    assert page.selected_proposal().id == p.id, "the new proposal is selected"
    assert "căn cứ: mục V.1.1.b, III.1.2" in page.ui.detailLabel.text()
    assert "1 đề nghị" in page.ui.summaryLabel.text()

    # choosing a breach selects the proposals it is about
    page.ui.table.clearSelection()
    page.ui.breachTable.selectRow(found[0])
    assert page.selected_proposal().id == p.id


def test_collectives_beyond_the_quota_turn_the_gauge_red(qtbot, ctx: AppContext,
                                                         page: ProposalsPage) -> None:
    _add(qtbot, ctx, page, "22831", "22810", "22813", "22819", "22825")
    gauge = page.quota_panel.gauge("Tập thể")
    assert (gauge.text(), gauge.state) == ("Tập thể 5/5", "full")
    assert page.suggestions.rowCount() == 0, "no quota left: nothing to suggest"

    dlg = _open(qtbot, page, page.ui.addCollectiveButton)
    dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData("22822"))
    _save(qtbot, page, dlg)
    gauge = page.quota_panel.gauge("Tập thể")
    assert (gauge.text(), gauge.state) == ("Tập thể 6/5 — thừa 1", "over")
    image = gauge.grab().toImage()
    fill = image.pixelColor(image.width() - 6, image.height() // 2)  # right of the text
    assert fill == GAUGE_COLORS["over"][0], "drawn red"
    assert "hạn mức không quá 5" in gauge.toolTip()
    over = [page.breaches.breach(r) for r in range(page.breaches.rowCount())
            if page.breaches.breach(r).rule == "QUOTA_COLLECTIVES"]
    assert len(over) == 1 and over[0].source == "V.2" and len(over[0].proposal_ids) == 6
    row = _row(page, "Xã Mỹ Sơn")
    assert "Vượt số tập thể được đề nghị (mục V.2)" in page.model.index(row, M.COL_BREACHES).data()
    assert "vượt hạn mức" in page.model.index(row, 0).data(TIP)
    assert "6 tập thể" in page.ui.summaryLabel.text() or "6 đề" in page.ui.summaryLabel.text()


def test_leaders_and_individuals_in_the_gauges(qtbot, ctx: AppContext,
                                               page: ProposalsPage) -> None:
    _add(qtbot, ctx, page, people=6, leaders=2)
    assert page.quota_panel.gauge_texts() == [
        "Tập thể 0/5", "Cá nhân 6/5 — thừa 1", "Lãnh đạo 2/6 (không giới hạn tỷ lệ)"]
    assert page.quota_panel.gauge("Cá nhân").state == "over"


def test_propose_a_suggested_unit(qtbot, ctx: AppContext, page: ProposalsPage) -> None:
    s = page.suggestions
    assert [s.index(r, SuggestionsTableModel.COL_UNIT).data() for r in range(s.rowCount())] == \
        ["Xã Nhơn Sơn", "Thị trấn Tân Sơn", "Xã Lâm Sơn", "Xã Quảng Sơn"]
    assert s.index(0, SuggestionsTableModel.COL_RANK).data() == "1"
    assert s.index(0, SuggestionsTableModel.COL_SCORE).data() == "81,00 %"
    assert not page.ui.proposeButton.isEnabled(), "nothing chosen yet"
    page.ui.suggestTable.selectRow(0)
    assert page.ui.proposeButton.isEnabled()
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.ui.proposeButton, Qt.MouseButton.LeftButton)
    [p] = _stored(ctx)
    assert (p.unit_code, p.award) == ("22831", "Giấy khen của Chủ tịch UBND huyện")
    assert s.row_of("22831") is None and s.rowCount() == 3
    row = _row(page, "Xã Nhơn Sơn")
    assert page.model.index(row, M.COL_BREACHES).data() == "Hồ sơ chưa đủ"  # no clause
    assert page.ui.bannerLabel.text().startswith(
        f"Đã thêm đề nghị số {p.id}: Tập thể Xã Nhơn Sơn (22831)")
    assert page.quota_panel.gauge_texts()[0] == "Tập thể 1/5"


def test_remove_asks_first(qtbot, ctx: AppContext, page: ProposalsPage) -> None:
    _add(qtbot, ctx, page, "22831", "22810")
    first = _stored(ctx)[0]
    assert page.select_proposal(first.id)
    asked: list[str] = []
    page.confirm_remove = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    qtbot.mouseClick(page.ui.removeButton, Qt.MouseButton.LeftButton)
    assert asked == [f"Xóa đề nghị số {first.id}: tập thể Xã Nhơn Sơn (22831) — "
                     "«Giấy khen của Chủ tịch UBND huyện»?"]
    assert len(_stored(ctx)) == 2, "'Hủy' removes nothing"
    page.confirm_remove = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.ui.removeButton, Qt.MouseButton.LeftButton)
    assert [p.unit_code for p in _stored(ctx)] == ["22810"]
    assert page.model.rowCount() == 1
    assert page.ui.bannerLabel.text() == \
        f"Đã xóa đề nghị số {first.id}: tập thể Xã Nhơn Sơn (22831)."
    assert page.suggestions.row_of("22831") is not None, "suggested again"


# ---- the dialog ---------------------------------------------------------------------------


def test_individual_refused_next_to_the_field_then_saved_with_its_file(
        qtbot, tmp_path: Path, ctx: AppContext, page: ProposalsPage, monkeypatch) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _p, text, *_a: boxes.append(text))
    dlg = _open(qtbot, page, page.ui.addIndividualButton)
    assert not dlg.is_collective and dlg.ui.nameEdit.isVisible()
    assert dlg.ui.leaderCheck.text() == "Lãnh đạ&o (Phó Trưởng phòng trở lên)"
    assert dlg.ui.unitCombo.currentData() is None, "an individual's unit is optional here"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.ui.nameError.isVisible()
    assert dlg.ui.nameError.text() == f"⚠ {NAME_NEEDED}"
    assert dlg.ui.positionError.text() == "⚠ Phải ghi chức vụ."
    dlg.ui.nameEdit.setText("Trần Thị Bích Ngọc")
    assert not dlg.ui.nameError.isVisible(), "the message goes as the field is fixed"
    dlg.ui.positionEdit.setText("Phó Trưởng phòng Văn hóa và Thông tin")
    dlg.ui.leaderCheck.setChecked(True)
    dlg.ui.achievementsEdit.setPlainText("Số hóa 100 % hồ sơ một cửa")
    dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData("22810"))

    # a file that is gone by the time of saving: refused whole, nothing written
    dlg.attach(DOSSIER[0], tmp_path / "to-trinh-da-xoa.pdf")
    assert dlg.documents[0].check.isChecked()
    assert dlg.documents[0].status.text() == "Sẽ đính kèm: to-trinh-da-xoa.pdf"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes[0].startswith("Không tìm thấy tệp hồ sơ")
    assert dlg.isVisible() and _stored(ctx) == []

    scan = tmp_path / "to-trinh.pdf"
    scan.write_bytes(b"%PDF-1.4 to trinh de nghi khen thuong")
    dlg.choose_file = lambda _doc: scan  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.documents[0].button, Qt.MouseButton.LeftButton)
    dlg.documents[2].check.setChecked(True)
    _save(qtbot, page, dlg)
    [p] = _stored(ctx)
    assert (p.person_name, p.position, p.is_leader, p.unit_code) == \
        ("Trần Thị Bích Ngọc", "Phó Trưởng phòng Văn hóa và Thông tin", True, "22810")
    assert p.achievements == "Số hóa 100 % hồ sơ một cửa"
    assert p.documents == {DOSSIER[0]: True, DOSSIER[1]: False, DOSSIER[2]: True}
    assert p.attachments[DOSSIER[0]].file_name == "to-trinh.pdf"
    from desktop.paths import evidence_dir
    from desktop.store.evidence import stored_name

    kept = evidence_dir(ctx.db.path) / stored_name(p.attachments[DOSSIER[0]].sha256, scan.name)
    assert kept.read_bytes() == scan.read_bytes()
    row = _row(page, "Trần Thị Bích Ngọc")
    assert page.model.index(row, M.COL_DOSSIER).data() == f"Thiếu: {DOSSIER[1]}"
    assert page.model.index(row, M.COL_LEADER).data() == "Có"
    assert page.quota_panel.gauge_texts()[1:] == [
        "Cá nhân 1/5", "Lãnh đạo 1/1 (không giới hạn tỷ lệ)"]


def test_edit_an_individual_and_complete_the_dossier(qtbot, ctx: AppContext,
                                                     page: ProposalsPage) -> None:
    _add(qtbot, ctx, page, people=1)
    [p] = _stored(ctx)
    page.select_proposal(p.id)
    qtbot.mouseClick(page.ui.editButton, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, ProposalDialog) and dlg.proposal == p
    assert not dlg.ui.collectiveRadio.isEnabled() and not dlg.ui.unitCombo.isEnabled()
    assert dlg.ui.nameEdit.text() == "Nguyễn Văn A"
    assert not dlg.is_dirty()
    dlg.ui.positionEdit.setText("Chủ tịch UBND xã Lâm Sơn")
    for row in dlg.documents:
        row.check.setChecked(True)
    assert dlg.documents[1].status.text() == "Đã có (không kèm tệp)"
    _save(qtbot, page, dlg)
    [q] = _stored(ctx)
    assert q.position == "Chủ tịch UBND xã Lâm Sơn" and all(q.documents.values())
    row = _row(page, "Nguyễn Văn A")
    assert page.model.index(row, M.COL_DOSSIER).data() == "Đủ (3/3)"
    assert page.model.index(row, M.COL_BREACHES).data() == ""
    assert page.ui.bannerLabel.text().startswith(f"Đã lưu đề nghị số {p.id}")


def test_cancel_with_changes_asks_and_writes_nothing(qtbot, ctx: AppContext,
                                                    page: ProposalsPage) -> None:
    dlg = _open(qtbot, page, page.ui.addIndividualButton)
    dlg.ui.nameEdit.setText("Lê Văn Hùng")
    answers = iter([False, True])
    dlg.confirm_discard = lambda: next(answers)  # type: ignore[method-assign]
    dlg.reject()
    assert dlg.isVisible(), "'Tiếp tục sửa' keeps it open"
    dlg.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert _stored(ctx) == []


def test_closing_the_window_saves_an_open_dialog(qtbot, ctx: AppContext,
                                                 page: ProposalsPage) -> None:
    dlg = _open(qtbot, page, page.ui.addIndividualButton)
    assert not page.has_unsaved_changes()
    dlg.ui.nameEdit.setText("Phạm Minh Đức")
    assert page.has_unsaved_changes()
    assert page.save() is False, "no position: refused, the reason next to the field"
    assert dlg.ui.positionError.isVisible() and _stored(ctx) == []
    dlg.ui.positionEdit.setText("Công chức Văn hóa - Xã hội")
    assert page.save() is True  # waits for the writer: the window may close now
    assert [p.person_name for p in _stored(ctx)] == ["Phạm Minh Đức"]
    assert not page.has_unsaved_changes()


def test_another_database_refills_the_reviews(qtbot, ctx: AppContext,
                                              page: ProposalsPage) -> None:
    _add(qtbot, ctx, page, "22831")
    with qtbot.waitSignal(page.loaded):
        ctx.set_period("2025")
    assert page.review == "2025", "the window's period is a review: the page follows"
    with qtbot.waitSignal(page.loaded):
        ctx.reload()
    assert page.review == "2025" and page.ui.reviewCombo.count() == 2
    with qtbot.waitSignal(page.loaded):
        page.set_review("2023")
    assert page.model.rowCount() == 1


@pytest.fixture
def can_tho(tmp_path: Path):
    from desktop.plan_catalog import load_bundled
    from desktop.store.plans import install_plan

    db = Database.open(tmp_path / "can-tho.db", create=True, backup=False)
    with db.transaction("test") as s:
        install_plan(s, load_bundled("can-tho-2022"))
    context = AppContext(db)
    context.set_period("2023")
    yield context
    context.tasks.wait()
    db.close()


def test_quotas_per_block_and_an_individual_needs_a_unit(qtbot, can_tho: AppContext) -> None:
    page = ProposalsPage(can_tho)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.state is not None and not page.busy)
    headers = [h.text() for h in page.quota_panel.headers]
    assert [h.split("</b>")[0].removeprefix("<b>") for h in headers] == \
        ["Khối 1", "Khối 2", "Khối 3", "Khối 4"]
    assert page.quota_panel.gauge_texts()[:4] == \
        ["Tập thể 0/1", "Cá nhân 0/1", "Tập thể 0/1", "Cá nhân 0/1"]
    assert not page.ui.table.isColumnHidden(M.COL_BLOCK)

    dlg = _open(qtbot, page, page.ui.addIndividualButton)
    dlg.ui.nameEdit.setText("Võ Thành Tâm")
    dlg.ui.positionEdit.setText("Giám đốc Sở")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "phải chọn đơn vị công tác" in dlg.ui.unitHint.text()
    assert dlg.isVisible()
    code = next(r.unit.code for r in page.state.report.units if r.unit.block == "K2")
    dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData(code))
    assert "Thuộc Khối 2" in dlg.ui.unitHint.text()
    _save(qtbot, page, dlg)
    row = _row(page, "Võ Thành Tâm")
    assert page.model.index(row, M.COL_BLOCK).data() == "Khối 2"
    assert page.quota_panel.gauge_texts()[3] == "Cá nhân 1/1"


# ---- export -------------------------------------------------------------------------------


def test_export_the_list_to_excel_and_pdf(qtbot, tmp_path: Path, ctx: AppContext,
                                          page: ProposalsPage, monkeypatch) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    _add(qtbot, ctx, page, "22831", "22816", people=1, leaders=1)
    asked: list[str] = []

    def fake_save(_parent, title, start, _filters):
        asked.append(start)
        return str(tmp_path / "DanhSach_2023"), "Tệp Excel (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    with qtbot.waitSignal(page.exported, timeout=20000) as written:
        qtbot.mouseClick(page.ui.exportXlsxButton, Qt.MouseButton.LeftButton)
    path = written.args[0]
    assert path == tmp_path / "DanhSach_2023.xlsx" and path.is_file()
    assert asked[0].endswith("DeNghiKhenThuong_2023.xlsx")
    wb = openpyxl.load_workbook(path)
    texts = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None}
    assert {"Xã Nhơn Sơn", "Xã Lương Sơn", "Nguyễn Văn A"} <= texts
    assert "Đã xuất danh sách đề nghị khen thưởng kỳ Năm 2023 (sơ kết)" in \
        page.ui.bannerLabel.text()
    assert "vi phạm" in page.ui.bannerLabel.text()

    with qtbot.waitSignal(page.exported, timeout=30000) as written:
        qtbot.mouseClick(page.ui.exportPdfButton, Qt.MouseButton.LeftButton)
    assert written.args[0] == tmp_path / "DanhSach_2023.pdf"
    assert written.args[0].read_bytes().startswith(b"%PDF")


def test_export_refused_or_cancelled(qtbot, tmp_path: Path, page: ProposalsPage,
                                     monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    boxes: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _p, text, *_a: boxes.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    page.export("xlsx")
    assert not page.ui.bannerLabel.isVisible(), "cancelled: nothing happens"
    missing = tmp_path / "khong-co" / "ds.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(missing), ""))
    page.export("xlsx")
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes == [f"Thư mục {missing.parent} không tồn tại."]
    assert page.ui.bannerLabel.property("kind") == "error"
    assert not missing.exists()


# ---- screenshots: THIDUA_SCREENSHOTS=docs/screenshots pytest -k screenshots -------------


def test_screenshots(qtbot, qapp, tmp_path: Path, ctx: AppContext) -> None:
    """The page and the dialog rendered offscreen with a pinned font; saved where
    THIDUA_SCREENSHOTS says (docs/screenshots), else in a temporary folder."""
    from PySide6.QtGui import QFont

    from desktop.store.proposals import add_collective, add_individual

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    old_font = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    try:
        with ctx.db.transaction("screenshots") as s:
            add_collective(s, "2023", "22831", documents={"1": None, "2": None},
                           achievements="Dẫn đầu Bộ chỉ số chuyển đổi số của huyện")
            add_collective(s, "2023", "22816")
            add_individual(s, "2023", "Đặng Thị Ánh Tuyết", "Phó Chủ tịch UBND xã",
                           unit_code="22813", is_leader=True,
                           documents={"1": None, "2": None, "3": None})
        page = ProposalsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        page.show()
        qtbot.waitUntil(lambda: page.state is not None and not page.busy)
        page.select_proposal(_stored(ctx)[1].id)
        page.ui.suggestTable.selectRow(0)
        qtbot.wait(50)
        path = out / "proposals_page.png"
        assert page.grab().save(str(path))

        dlg = _open(qtbot, page, page.ui.addIndividualButton)
        dlg.resize(720, 560)
        dlg.ui.nameEdit.setText("Trần Thị Bích Ngọc")
        dlg.ui.leaderCheck.setChecked(True)
        dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData("22810"))
        dlg.ui.achievementsEdit.setPlainText(
            "Chủ trì số hóa hồ sơ một cửa; 100 % văn bản gửi nhận trên môi trường mạng.")
        dlg.attach(DOSSIER[0], tmp_path / "To-trinh-123-TTr-UBND.pdf")
        dlg.documents[2].check.setChecked(True)
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)  # no position: refused
        assert dlg.ui.positionError.isVisible()
        qtbot.wait(50)
        path = out / "proposal_dialog.png"
        assert dlg.grab().save(str(path))
        dlg.confirm_discard = lambda: True  # type: ignore[method-assign]
        dlg.reject()
    finally:
        qapp.setFont(old_font)
    assert QColor(GAUGE_COLORS["ok"][0]).isValid()
