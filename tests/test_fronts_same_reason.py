"""The same act has the same audit reason from the window and from `thidua` (issue 11):
each test does the act once through the window's widgets and once through the command
line, on two copies of the demo database, and compares the reasons the history records."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop.actions import proposals as acts  # noqa: E402
from desktop.cli import main  # noqa: E402
from desktop.store.database import Database  # noqa: E402
from desktop.store.models import AuditRow  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.proposal_dialog import ProposalDialog  # noqa: E402
from desktop.ui.proposals_page import ProposalsPage  # noqa: E402
from desktop.ui.staged_open import on_screen  # noqa: E402


def last_reason(path: Path, table: str) -> str:
    with Database.open(path, write=False) as d, d.reading() as s:
        return s.scalars(
            select(AuditRow.summary)
            .where(AuditRow.table_name == table)
            .order_by(AuditRow.id.desc())
            .limit(1)
        ).one()


@pytest.fixture
def cli_db(tmp_path: Path, _demo_template: Path) -> Path:
    """A second copy of the demo, for the command line."""
    other = tmp_path / "cli.db"
    shutil.copyfile(_demo_template, other)
    return other


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


def cli(capsys, *argv: object) -> str:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_adding_a_collective(qtbot, ctx, page, cli_db, capsys) -> None:
    dlg = _open(qtbot, page, page.ui.addCollectiveButton)
    dlg.ui.unitCombo.setCurrentIndex(dlg.ui.unitCombo.findData("22816"))
    _save(qtbot, page, dlg)
    ctx.tasks.wait()
    cli(capsys, "--db", cli_db, "proposals", "add", "--review", "2023", "--collective", "22816")
    assert (
        last_reason(ctx.path, "proposal")
        == last_reason(cli_db, "proposal")
        == acts.add_reason("2023", collective=True)
        == "Thêm đề nghị khen thưởng (tập thể) kỳ 2023"
    )


def test_adding_an_individual(qtbot, ctx, page, cli_db, capsys) -> None:
    dlg = _open(qtbot, page, page.ui.addIndividualButton)
    dlg.ui.nameEdit.setText("Trần Thị Bích Ngọc")
    dlg.ui.positionEdit.setText("Phó Trưởng phòng Văn hóa và Thông tin")
    _save(qtbot, page, dlg)
    ctx.tasks.wait()
    cli(
        capsys,
        "--db",
        cli_db,
        "proposals",
        "add",
        "--review",
        "2023",
        "--individual",
        "Trần Thị Bích Ngọc",
        "--position",
        "Phó Trưởng phòng Văn hóa và Thông tin",
    )
    assert (
        last_reason(ctx.path, "proposal")
        == last_reason(cli_db, "proposal")
        == acts.add_reason("2023", collective=False)
        == "Thêm đề nghị khen thưởng (cá nhân) kỳ 2023"
    )


def _one_individual(where: Path | Database) -> int:
    if isinstance(where, Database):
        return acts.add_individual(
            where, "2023", "Nguyễn Văn A", "Chủ tịch UBND xã", unit_code="22813"
        ).id
    with Database.open(where, backup=False) as db:
        return _one_individual(db)


def test_editing_a_proposal_and_its_dossier(qtbot, ctx, page, cli_db, capsys) -> None:
    window_id = _one_individual(ctx.db)
    cli_id = _one_individual(cli_db)
    with qtbot.waitSignal(page.loaded):
        ctx.notify_changed()
    page.select_proposal(window_id)
    qtbot.mouseClick(page.ui.editButton, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, ProposalDialog)
    dlg.ui.positionEdit.setText("Chủ tịch UBND xã Lâm Sơn")
    dlg.documents[0].check.setChecked(True)
    _save(qtbot, page, dlg)
    ctx.tasks.wait()
    out = cli(
        capsys,
        "--db",
        cli_db,
        "proposals",
        "edit",
        "--review",
        "2023",
        "--id",
        cli_id,
        "--position",
        "Chủ tịch UBND xã Lâm Sơn",
        "--document",
        "1",
    )
    assert out.startswith(f"Đã lưu đề nghị số {cli_id}: Cá nhân Nguyễn Văn A")
    for table in ("proposal", "proposal_document"):
        assert (
            last_reason(ctx.path, table)
            == last_reason(cli_db, table)
            == acts.edit_reason("2023", window_id)
            == f"Sửa đề nghị khen thưởng số {cli_id} kỳ 2023"
        )
    with Database.open(cli_db, write=False) as db:
        (p,) = acts.list_proposals(db, "2023")[1]
    assert p.position == "Chủ tịch UBND xã Lâm Sơn"
    assert list(p.documents.values())[0] is True


def test_editing_from_the_command_line_refuses_a_proposal_of_another_review(
    cli_db: Path, capsys
) -> None:
    pid = _one_individual(cli_db)
    before = last_reason(cli_db, "proposal")
    assert (
        main(
            [
                "--db",
                str(cli_db),
                "proposals",
                "edit",
                "--review",
                "2024",
                "--id",
                str(pid),
                "--position",
                "Khác",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert f"Không có đề nghị khen thưởng số {pid} trong kỳ xét 2024" in err
    assert last_reason(cli_db, "proposal") == before
    with pytest.raises(SystemExit):  # nothing to change: a wrong command line
        main(["--db", str(cli_db), "proposals", "edit", "--review", "2023", "--id", str(pid)])
    assert "ít nhất một điều cần sửa" in capsys.readouterr().err


def test_removing_a_proposal(qtbot, ctx, page, cli_db, capsys) -> None:
    window_id = _one_individual(ctx.db)
    cli_id = _one_individual(cli_db)
    with qtbot.waitSignal(page.loaded):
        ctx.notify_changed()
    assert page.select_proposal(window_id)
    page.confirm_remove = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.ui.removeButton, Qt.MouseButton.LeftButton)
    ctx.tasks.wait()
    cli(capsys, "--db", cli_db, "proposals", "remove", "--review", "2023", "--id", cli_id)
    assert (
        last_reason(ctx.path, "proposal")
        == last_reason(cli_db, "proposal")
        == acts.remove_reason(window_id)
        == f"Xóa đề nghị khen thưởng số {cli_id}"
    )


# ---- units ------------------------------------------------------------------------------------


@pytest.fixture
def units(qtbot, ctx: AppContext):
    from desktop.ui.units_page import UnitsPage

    p = UnitsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 8, timeout=10000)
    return p


def test_adding_a_unit(qtbot, ctx, units, cli_db, capsys) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    qtbot.mouseClick(units.ui.btnAdd, Qt.MouseButton.LeftButton)
    dialog = units.dialog
    dialog.ui.codeEdit.setText("PVHTT")
    dialog.ui.nameEdit.setText("Phòng Văn hóa và Thông tin")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("department"))
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: units.model.rowCount() == 9, timeout=10000)
    ctx.tasks.wait()
    cli(
        capsys,
        "--db",
        cli_db,
        "units",
        "add",
        "--code",
        "PVHTT",
        "--name",
        "Phòng Văn hóa và Thông tin",
        "--kind",
        "department",
    )
    assert last_reason(ctx.path, "unit") == last_reason(cli_db, "unit") == "Thêm đơn vị PVHTT"


def test_editing_a_unit(qtbot, ctx, units, cli_db, capsys) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    units.select_codes(["22831"])
    dialog = units.edit_selected()
    assert dialog is not None
    dialog.ui.nameEdit.setText("Xã Nhơn Sơn Mới")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(
        lambda: any(u.name == "Xã Nhơn Sơn Mới" for u in units.model.units), timeout=10000
    )
    ctx.tasks.wait()
    cli(capsys, "--db", cli_db, "units", "edit", "22831", "--name", "Xã Nhơn Sơn Mới")
    assert last_reason(ctx.path, "unit") == last_reason(cli_db, "unit") == "Sửa đơn vị 22831"


def test_merging_units(qtbot, ctx, units, cli_db, capsys) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDialogButtonBox

    units.select_codes(["22825", "22828"])
    qtbot.mouseClick(units.ui.btnMerge, Qt.MouseButton.LeftButton)
    dialog = units.dialog
    dialog.ui.mergeDate.setDate(QDate(2025, 7, 1))
    dialog.ui.targetCombo.setCurrentIndex(dialog.ui.targetCombo.findData("22828"))
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: any(u.merged_into for u in units.model.units), timeout=10000)
    ctx.tasks.wait()
    cli(
        capsys,
        "--db",
        cli_db,
        "units",
        "merge",
        "22825",
        "22828",
        "--on",
        "2025-07-01",
        "--into",
        "22828",
    )
    window, command_line = last_reason(ctx.path, "unit"), last_reason(cli_db, "unit")
    assert window == command_line and window.startswith("Sáp nhập 22825")


# ---- evidence ---------------------------------------------------------------------------------


def test_adding_and_removing_evidence(qtbot, ctx, cli_db, tmp_path: Path, capsys) -> None:
    from desktop.actions.evidence import ADD_REASON, REMOVE_REASON
    from desktop.ui.submissions_page import SubmissionsPage

    scan = tmp_path / "QD-125-sang-kien.pdf"
    scan.write_bytes(b"%PDF-1.4 Quyet dinh cong nhan sang kien")
    page = SubmissionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    page.select_unit("22813")
    qtbot.mouseClick(page.ui.evidenceButton, Qt.MouseButton.LeftButton)
    dlg = page.evidence_dialog
    dlg.choose_file = lambda: scan  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
    dlg.ui.numberEdit.insert("125/QĐ-UBND")
    with qtbot.waitSignal(dlg.changed, timeout=10000):
        qtbot.mouseClick(dlg.ui.addButton, Qt.MouseButton.LeftButton)
    ctx.tasks.wait()
    cli(
        capsys,
        "--db",
        cli_db,
        "evidence",
        "add",
        "--period",
        "2023",
        "--unit",
        "22813",
        "--file",
        scan,
        "--number",
        "125/QĐ-UBND",
    )
    assert last_reason(ctx.path, "evidence") == last_reason(cli_db, "evidence") == ADD_REASON

    dlg.ui.table.selectRow(0)
    dlg.confirm = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.changed, timeout=10000):
        qtbot.mouseClick(dlg.ui.removeButton, Qt.MouseButton.LeftButton)
    ctx.tasks.wait()
    listed = cli(capsys, "--db", cli_db, "evidence", "list", "--period", "2023", "--unit", "22813")
    (ev_id,) = {line.split()[0] for line in listed.splitlines() if "125/QĐ-UBND" in line}
    cli(
        capsys,
        "--db",
        cli_db,
        "evidence",
        "remove",
        "--period",
        "2023",
        "--unit",
        "22813",
        "--id",
        ev_id.strip("#"),
    )
    assert last_reason(ctx.path, "evidence") == last_reason(cli_db, "evidence") == REMOVE_REASON


# ---- forms ------------------------------------------------------------------------------------


def test_importing_a_form(qtbot, ctx, cli_db, tmp_path: Path, capsys) -> None:
    import openpyxl

    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.template_dialog import write_forms

    folder = tmp_path / "nhan-ve"
    (unit,) = [u.unit for u in ctx.report("2023").units if u.unit.code == "22828"]
    write_forms(ctx.db, ctx.plan, "2023", [unit], folder, False, lambda *_a: True)
    (form,) = folder.glob("*.xlsx")
    wb = openpyxl.load_workbook(form)
    ws = wb["BaoCao"]
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "Mã")
    cols = {ws.cell(header, c).value: c for c in range(1, 10)}
    row = next(r for r in range(header + 1, header + 40) if ws.cell(r, 1).value == "HSCV_MANG")
    ws.cell(row, cols["Tử số"]).value, ws.cell(row, cols["Mẫu số"]).value = 70, 100
    wb.save(form)

    dlg = ImportDialog(ctx, [form])
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.run_finished, timeout=20000) as done:
        dlg.start(replace=False)
    assert [o.status.value for o in done.args[0]] == ["imported"]
    ctx.tasks.wait()
    cli(capsys, "--db", cli_db, "import", form)
    assert (
        last_reason(ctx.path, "submission")
        == last_reason(cli_db, "submission")
        == f"Nhập biểu mẫu {form.name}"
    )
