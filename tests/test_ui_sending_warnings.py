"""The window asks before an official document leaves without a signer or with another
level's default office (issue 15); stopping writes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.store.database import Database
from desktop.store.office import update_office
from desktop.ui.context import AppContext
from desktop.ui.export_dialog import ExportDialog


def open_ctx(path: Path) -> AppContext:
    ctx = AppContext(Database.open(path, backup=False))
    ctx.set_period("2023")
    return ctx


def test_export_without_signer_asks_and_stopping_writes_nothing(
    qtbot, demo_db: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    with Database.open(demo_db, backup=False) as db, db.transaction("Bỏ người ký (kiểm thử)") as s:
        update_office(s, {"signer_name": ""})
    ctx = open_ctx(demo_db)
    try:
        dlg = ExportDialog(ctx)
        qtbot.addWidget(dlg)
        dlg.show()
        if not dlg.ui.summaryLabel.text().startswith("Kỳ này"):
            qtbot.waitSignal(dlg.summary_loaded, timeout=10000).wait()
        folder = tmp_path / "USB"
        folder.mkdir()
        dlg.choose_folder = lambda: folder  # type: ignore[method-assign]
        qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
        asked: list[list[str]] = []

        def stop(warnings: list[str]) -> bool:
            asked.append(warnings)
            return False

        dlg.confirm_warnings = stop  # type: ignore[method-assign]
        assert not dlg.start()
        assert asked and "người ký" in asked[0][0]
        assert list(folder.iterdir()) == []
        assert "Chưa xuất" in dlg.ui.statusLabel.text()
        dlg.confirm_warnings = lambda w: asked.append(w) or True  # type: ignore[method-assign]
        with qtbot.waitSignal(dlg.run_finished, timeout=60000):
            assert dlg.start()
        assert len(asked) == 2 and any(p.suffix == ".pdf" for p in folder.iterdir())
        dlg.close()
    finally:
        ctx.tasks.wait()
        ctx.db.close()


def test_another_levels_office_asks_before_the_list_of_proposals(
    qtbot, demo_db: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    from desktop.ui.proposals_page import ProposalsPage

    with Database.open(demo_db, backup=False) as db, db.transaction("Đổi cơ quan (kiểm thử)") as s:
        update_office(s, {"name": "Sở Khoa học và Công nghệ"})
    ctx = open_ctx(demo_db)
    try:
        page = ProposalsPage(ctx)
        qtbot.addWidget(page)
        asked: list[list[str]] = []
        page.confirm_warnings = lambda w: asked.append(w) or False  # type: ignore[method-assign]
        chosen: list[str] = []
        page.choose_save_path = lambda kind: chosen.append(kind)  # type: ignore[method-assign]
        qtbot.waitUntil(lambda: page.review is not None, timeout=20000)
        page.export("pdf")
        assert asked and "mặc định của cấp tỉnh" in asked[0][0]
        assert chosen == []  # stopped before even asking where to save
        page.export("xlsx")  # the workbook is not an official document: no question
        assert len(asked) == 1 and chosen == ["xlsx"]
    finally:
        ctx.tasks.wait()
        ctx.db.close()
