"""Each seed's own screens: Điện Biên's plan has targets only, and the window never calls a
unit "Đạt" for missing them (the overview, the check page and the reports page say how
many targets were met); Cần Thơ's Khối 3 warns of an individual from below its top units."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.plan_catalog import load_bundled
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.staged_open import on_screen

PAGE = {title: i for i, (title, _page) in enumerate(PAGES)}


def make_office(tmp_path: Path, capsys) -> tuple[Path, str, int]:
    import test_seed_walks as walk

    db = tmp_path / "db.db"
    plan = load_bundled("dien-bien-2023")
    walk.ok(capsys, "--db", db, "init", "--plan", "dien-bien-2023")
    walk.ok(
        capsys,
        "--db",
        db,
        "units",
        "import",
        walk.unit_list(
            tmp_path / "dv.csv",
            [
                ("VP", "Văn phòng Sở", "phòng, ban", ""),
                ("TTR", "Thanh tra Sở", "phòng, ban", ""),
                ("TTUD", "Trung tâm Ứng dụng và Thống kê khoa học, công nghệ", "phòng, ban", ""),
            ],
        ),
    )
    period = plan.periods[0].code
    targets = plan.criteria_for("department", period)
    ratio = [c.indicator for c in targets if plan.indicator(c.indicator).kind.value == "ratio"]
    files = []
    for code, missed in (("VP", 0), ("TTR", 2), ("TTUD", None)):
        f = tmp_path / f"{code}.xlsx"
        walk.ok(capsys, "--db", db, "template", "--period", period, "--unit", code, "-o", f)
        values = walk.form_values(plan, "department", period, passing=missed is not None)
        for ind in ratio[: missed or 0]:
            values[ind] = (1, 100)
        walk.fill(f, values)
        files.append(f)
    walk.ok(capsys, "--db", db, "import", *files, "--received", "2023-12-01")
    check = json.loads(walk.ok(capsys, "--db", db, "check", "--period", period, "--format", "json"))
    assert {u["code"] for u in check["units"]} == {"VP", "TTR", "TTUD"}
    return db, period, len(targets)


def shown(model, col: int) -> dict[str, str]:
    out = {}
    for r in range(model.rowCount()):
        texts = [
            model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())
        ]
        out[
            next(
                t
                for t in texts
                if t in ("Văn phòng Sở", "Thanh tra Sở") or (t or "").startswith("Trung tâm")
            )
        ] = model.index(r, col).data()
    return out


def test_every_screen_says_how_many_targets_were_met(qtbot, tmp_path: Path, capsys) -> None:
    db, period, n = make_office(tmp_path, capsys)
    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(db)
    w.ctx.period_code = period
    w.ctx.data_changed.emit()
    overview = w.pages[PAGE["Tổng quan"]]
    qtbot.waitUntil(lambda: "chỉ tiêu phấn đấu" in overview.ui.lblResults.text(), timeout=20000)
    assert overview.ui.lblResults.text().startswith(
        "Kết quả theo chỉ tiêu phấn đấu: đạt đủ các chỉ tiêu 1 · đạt một phần 1 · "
        "chưa đạt chỉ tiêu nào 1"
    )
    w.show_page(PAGE["Kiểm tra"])
    check = w.pages[PAGE["Kiểm tra"]]
    qtbot.waitUntil(lambda: check.model.rowCount() == 3, timeout=20000)
    results = shown(check.model, check.model.COL_RESULT)
    assert results == {
        "Văn phòng Sở": f"Đạt {n}/{n} chỉ tiêu",
        "Thanh tra Sở": f"Đạt {n - 2}/{n} chỉ tiêu",
        "Trung tâm Ứng dụng và Thống kê khoa học, công nghệ": f"Đạt 0/{n} chỉ tiêu",
    }
    w.show_page(PAGE["Báo cáo"])
    reports = w.pages[PAGE["Báo cáo"]]
    qtbot.waitUntil(lambda: reports.model.rowCount() == 3, timeout=20000)
    assert set(shown(reports.model, reports.model.COL_RESULT).values()) == {
        f"Đạt {n}/{n} chỉ tiêu",
        f"Đạt {n - 2}/{n} chỉ tiêu",
        f"Đạt 0/{n} chỉ tiêu",
    }
    w.close()


def test_can_tho_warns_of_an_individual_from_a_unit_below_its_blocks_top(
    qtbot, tmp_path: Path, capsys, monkeypatch
) -> None:
    """Khối 3's three top communes may have individuals proposed; the window warns (with
    the rank) when the person works in the fourth."""
    import test_seed_walks as walk

    from desktop.store.database import Database
    from desktop.ui.context import AppContext
    from desktop.ui.proposals_page import ProposalsPage

    db = tmp_path / "ct.db"
    plan = load_bundled("can-tho-2022")
    walk.ok(capsys, "--db", db, "init", "--plan", "can-tho-2022")
    k3 = [u.code for u in plan.units if u.block == "K3"][:4]
    walk.submit(
        capsys, tmp_path, db, plan, "2022", {c: ("commune", True) for c in k3}, "2022-12-10"
    )
    low = tmp_path / "low.xlsx"
    walk.ok(capsys, "--db", db, "template", "--period", "2022", "--unit", k3[3], "-o", low)
    walk.fill(low, {**walk.form_values(plan, "commune", "2022", passing=True), "DIEM_DTI": 40})
    walk.ok(capsys, "--db", db, "import", low, "--received", "2022-12-10", "--replace")
    database = Database.open(db, backup=False)
    ctx = AppContext(database)
    ctx.set_period("2022")
    page = ProposalsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.state is not None and not page.busy, timeout=20000)
    assert page.set_review("2022")
    qtbot.waitUntil(lambda: page.state is not None and not page.busy, timeout=20000)
    page.open_dialog("individual")
    dlg = page.dialog
    qtbot.waitUntil(lambda: on_screen(dlg))  # opened over a few turns of the event loop
    dlg.ui.nameEdit.setText("Lê Văn Tư")
    dlg.ui.positionEdit.setText("Công chức")
    dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData(k3[3]))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dlg.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)
    rules = [page.breaches.breach(r) for r in range(page.breaches.rowCount())]
    warned = [b for b in rules if b.rule == "NOT_TOP_UNIT"]
    assert warned and "xếp hạng 4 trong khối" in warned[0].message
    assert "Lưu ý: Cá nhân không thuộc đơn vị dẫn đầu khối" in page.ui.bannerLabel.text()
    page.close()
    ctx.tasks.wait()
    database.close()
