"""Điện Biên's plan has targets only: the window never calls a unit "Đạt" for missing
them; the overview, the check page and the reports page say how many targets were met."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.plan_catalog import load_bundled
from desktop.ui.main_window import PAGES, MainWindow

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
