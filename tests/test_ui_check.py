"""The Kiểm tra matrix: the model without widgets, the page, and a 2,000-unit database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from desktop.domain.plan import Unit  # noqa: E402
from desktop.domain.values import Value  # noqa: E402
from desktop.plan_catalog import load_bundled  # noqa: E402
from desktop.store.database import Database  # noqa: E402
from desktop.store.models import SubmissionRow, UnitRow, ValueRow  # noqa: E402
from desktop.store.plans import install_plan, period_row  # noqa: E402
from desktop.store.submissions import save_submission  # noqa: E402
from desktop.ui.check_model import (  # noqa: E402
    COLORS,
    CRITERION_ROLE,
    OUTCOME_ROLE,
    CheckTableModel,
    prepare,
)
from desktop.ui.check_page import CheckPage  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.submissions_model import VietnameseSortFilterProxy  # noqa: E402

M = CheckTableModel
TIP = Qt.ItemDataRole.ToolTipRole
BG = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def ctx(demo_db: Path):
    db = Database.open(demo_db, backup=False)
    context = AppContext(db)
    context.set_period("2023")
    yield context
    context.tasks.wait()
    db.close()


def _at(model: CheckTableModel, unit: str, criterion: str):
    row, col = model.row_of(unit), model.column_of(criterion)
    assert row is not None and col is not None
    return model.index(row, col)


# ---- the model, without widgets ------------------------------------------------------


def test_model_columns_mandatory_first_then_targets(ctx: AppContext) -> None:
    model = CheckTableModel()
    model.set_report(ctx.report("2023"))
    codes = [c.code for c in model.criteria]
    # XA_KE_HOACH (the launch plan, a 2022 task) is judged in 2022 only: no 2023 column
    assert codes[:5] == ["XA_DANG_KY", "XA_SANG_KIEN", "XA_HSCV", "XA_VBDT", "XA_BCPM"]
    assert all(not c.mandatory for c in model.criteria[5:]) and len(codes) > 5
    assert not any(c.startswith("PB_") for c in codes), "no department here: no department column"
    assert model.columnCount() == M.FIRST_CRITERION + len(codes)
    h = model.headerData(model.column_of("XA_HSCV"), Qt.Orientation.Horizontal)
    assert h == "Hồ sơ xử lý\ntrên mạng\n≥ 65 %"  # the short name; the code in the tooltip
    assert "XA_HSCV" in model.headerData(model.column_of("XA_HSCV"), Qt.Orientation.Horizontal,
                                         TIP)
    target = model.column_of("CT_CAP_QUANG_HO")
    assert model.headerData(target, Qt.Orientation.Horizontal).endswith("(phấn đấu)")
    assert model.headerData(target, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).italic()
    assert model.headerData(model.column_of("XA_HSCV"), Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(target, Qt.Orientation.Horizontal, CRITERION_ROLE).code == \
        "CT_CAP_QUANG_HO"
    assert "mục V.1.1.b" in model.headerData(model.column_of("XA_HSCV"),
                                             Qt.Orientation.Horizontal, TIP)


def test_model_cells_outcomes_colours_and_tooltips(ctx: AppContext) -> None:
    model = CheckTableModel()
    model.set_report(ctx.report("2023"))
    assert model.rowCount() == 8

    fail = _at(model, "22816", "XA_HSCV")
    assert fail.data(OUTCOME_ROLE) == "fail"
    assert fail.data() == "58,33 %"
    assert fail.data(BG).color() == COLORS["fail"][0]
    tip = fail.data(TIP)
    for part in ("(XA_HSCV): ",
                 "Quy tắc: Hồ sơ xử lý trên mạng (HSCV_MANG) ≥ 65 % (bắt buộc)",
                 "Giá trị: 58,33 % (35/60)", "Không đạt: 58,33 % (35/60) &lt; 65 %",
                 "Căn cứ: mục V.1.1.b"):
        assert part in tip

    ok = _at(model, "22831", "XA_SANG_KIEN")
    assert ok.data(OUTCOME_ROLE) == "pass"
    assert ok.data(BG).color() == COLORS["pass"][0]
    # the launch-plan deadline is a 2022 task: 2023 has no column for it (no blank,
    # uncoloured column a person cannot explain), 2022 has it, judged
    assert model.column_of("XA_KE_HOACH") is None
    launch = CheckTableModel()
    launch.set_report(ctx.report("2022"))
    assert _at(launch, "22831", "XA_KE_HOACH").data(OUTCOME_ROLE) in ("pass", "fail")

    missing = _at(model, "22822", "XA_BCPM")
    assert missing.data(OUTCOME_ROLE) == "incomplete" and missing.data() == "thiếu"
    assert missing.data(BG).color() == COLORS["incomplete"][0]
    assert "chưa nhập giá trị" in missing.data(TIP)

    never = _at(model, "22828", "XA_HSCV")
    assert never.data(OUTCOME_ROLE) == "not_submitted" and never.data() == ""
    assert never.data(BG).color() == COLORS["not_submitted"][0]
    assert "chưa nộp" in never.data(TIP)

    target = _at(model, "22816", "CT_CAP_QUANG_HO")
    assert target.data(BG).color() == COLORS[target.data(OUTCOME_ROLE)][1], "targets are pale"
    assert "phấn đấu" in target.data(TIP)

    row = model.row_of("22825")
    assert model.index(row, M.COL_RESULT).data() == "Không đạt"
    assert model.index(row, M.COL_RESULT).data(TIP) == "Tiêu chí chưa đạt: Văn bản điện tử"
    assert model.index(row, M.COL_RANK).data() == "7"
    assert model.index(row, M.COL_RANK_VALUE).data() == "58,00 %"
    assert model.index(model.row_of("22828"), M.COL_RANK).data() == ""


def test_proxy_sorts_ranks_with_the_unranked_last(ctx: AppContext) -> None:
    model = CheckTableModel()
    model.set_report(ctx.report("2023"))
    proxy = VietnameseSortFilterProxy()
    proxy.setSourceModel(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(M.COL_RANK, order)
        assert proxy.index(proxy.rowCount() - 1, M.COL_CODE).data() == "22828"
    proxy.sort(M.COL_RANK, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, M.COL_RANK).data() for r in range(8)] == \
        ["1", "2", "3", "3", "5", "6", "7", ""]
    proxy.sort(model.column_of("XA_HSCV"), Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, M.COL_CODE).data() == "22816"  # 58,33 % is the lowest
    proxy.set_search("nhon")
    assert proxy.rowCount() == 1


# ---- the page ----------------------------------------------------------------------------


def test_page_shows_the_matrix_and_follows_changes(qtbot, ctx: AppContext) -> None:
    page = CheckPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show()
    assert page.model.rowCount() == 8
    # the columns are sized (from the header and sampled rows) and painted by then
    table = page.ui.table
    assert table.updatesEnabled()
    unit_width = table.columnWidth(M.COL_UNIT)
    assert unit_width > table.fontMetrics().horizontalAdvance("Thị trấn Tân Sơn")
    assert "đạt 4, không đạt 2" in page.ui.summaryLabel.text()
    assert page.proxy.index(0, M.COL_CODE).data() == "22831", "sorted by rank"
    assert page.select_cell("22816", page.model.column_of("XA_HSCV"))
    assert "58,33 % (35/60)" in page.ui.detailLabel.text()

    # the Báo cáo editor (or anything else) writes, then says so: the matrix follows
    with ctx.db.transaction("Sửa báo cáo") as s:
        save_submission(s, ctx.plan, "22816", "2023",
                        {"HSCV_MANG": Value(numerator=50, denominator=60)},
                        received_on=dt.date(2023, 12, 15), replace=True)
    with qtbot.waitSignal(page.loaded):
        ctx.notify_changed()
    hscv = _at(page.model, "22816", "XA_HSCV")
    assert hscv.data(OUTCOME_ROLE) == "pass" and hscv.data() == "83,33 %"
    assert "83,33 % (50/60)" in page.ui.detailLabel.text(), "the selected cell is kept"

    # a newer load applied before the first one has sized the columns: they are sized
    rows = prepare(page.report, page.model.sort_order)
    page._sized_for = (0, False)
    table.setColumnWidth(M.COL_UNIT, 20)
    page._apply(rows)
    page._generation += 1
    page._apply(rows)
    qtbot.waitUntil(lambda: table.updatesEnabled() and table.columnWidth(M.COL_UNIT) == unit_width)

    with qtbot.waitSignal(page.loaded):
        ctx.set_period("2022")
    assert "Năm 2022" in page.ui.titleLabel.text()
    assert page.has_unsaved_changes() is False and page.save() is True


def _build_big(path: Path, n: int) -> None:
    """A database with n communes, 95 % of them reporting for 2023 (bulk inserts)."""
    plan = load_bundled("ninh-son-2022")
    units = tuple(Unit(code=str(30000 + i), name=f"Xã Thử Nghiệm {i:04d}", kind="commune")
                  for i in range(n))
    with Database.open(path, create=True, backup=False) as db:
        with db.transaction("Cơ sở dữ liệu lớn để thử") as s:
            install_plan(s, dataclasses.replace(plan, units=units))
            ids = dict(s.execute(select(UnitRow.code, UnitRow.id)).all())
            pid = period_row(s, "2023").id
            s.execute(insert(SubmissionRow), [
                {"unit_id": ids[u.code], "period_id": pid, "channel": "email",
                 "received_on": dt.date(2023, 12, 1 + i % 28), "state": "received"}
                for i, u in enumerate(units[: n - n // 20])])
            values = []
            for k, sid in enumerate(s.execute(select(SubmissionRow.id)).scalars()):
                values += [
                    {"submission_id": sid, "indicator_code": "HSCV_MANG",
                     "numerator": 40 + k % 60, "denominator": 100},
                    {"submission_id": sid, "indicator_code": "VB_DIEN_TU",
                     "numerator": 100, "denominator": 100},
                    {"submission_id": sid, "indicator_code": "DANG_KY_TD", "flag": True},
                    {"submission_id": sid, "indicator_code": "SANG_KIEN", "number": k % 3},
                    {"submission_id": sid, "indicator_code": "NGAY_KH_PD",
                     "day": dt.date(2022, 9, 10 + k % 15)},
                    {"submission_id": sid, "indicator_code": "DIEM_DTI",
                     "number": 50 + (k * 7) % 50},
                ]
            s.execute(insert(ValueRow), values)


@pytest.mark.slow
def test_two_thousand_units_do_not_freeze_the_window(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "lon.db"
    _build_big(path, 2000)
    db = Database.open(path, backup=False)
    try:
        ctx = AppContext(db)
        ctx.set_period("2023")
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        page = CheckPage(ctx)
        qtbot.addWidget(page)
        page.show()
        assert page.busy, "the page appears before the report, saying it is computing"
        with qtbot.waitSignal(page.loaded, timeout=60_000):
            pass
        timer.stop()
        assert not page.busy
        assert page.model.rowCount() == 2000
        assert len(ticks) > 3, "the event loop ran while the report was computed"
        ranked = [page.proxy.index(r, M.COL_RANK).data() for r in range(3)]
        assert ranked[0] == "1"
        assert sum(1 for r in range(2000)
                   if page.model.index(r, M.COL_RESULT).data(OUTCOME_ROLE) == "not_submitted") \
            == 100
        ctx.tasks.wait()
    finally:
        db.close()
