"""Who the history names (issue 12, "the person who did it, not `root`"): the first-run
wizard asks for the clerk's name on its last page and keeps it as this PC's staff name;
the demo's sample rows are written by "Dữ liệu mẫu", not by the computer account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from desktop.actions.history import AuditFilter, read_history
from desktop.actions.server import set_staff_name, staff_name
from desktop.store.database import Database
from desktop.store.demo import DEMO_AUTHOR
from desktop.store.staff import MAX_LENGTH, current_user
from desktop.ui.first_run import PAGE_SAVE, FirstRunWizard


def _demo_wizard(qtbot, target: Path) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(save_path=target)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.ui.rbDemo.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_SAVE
    return wizard


def _finish(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result_path is not None, timeout=20000)


def _users(path: Path) -> set[str]:
    with Database.open(path, write=False) as db:
        entries, _ = read_history(db, AuditFilter("", None, None, None), limit=10_000)
    return {e.user for e in entries}


def test_the_name_given_on_the_last_page_is_kept_for_the_history(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert staff_name() is None
    wizard = _demo_wizard(qtbot, tmp_path / "demo.db")
    assert wizard.ui.staffNameEdit.isVisible() and wizard.ui.staffNameEdit.text() == ""
    wizard.ui.staffNameEdit.setText("  Trần   Thị Mai ")
    _finish(qtbot, wizard)
    assert staff_name() == "Trần Thị Mai"
    assert _users(tmp_path / "demo.db") == {DEMO_AUTHOR}  # sample data: nobody's, not root's
    with Database.open(tmp_path / "demo.db") as db:
        assert db.user == "Trần Thị Mai"


def test_a_kept_name_is_offered_and_an_empty_one_changes_nothing(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    set_staff_name("Lê Văn Bình")
    wizard = _demo_wizard(qtbot, tmp_path / "a.db")
    assert wizard.ui.staffNameEdit.text() == "Lê Văn Bình"
    wizard.ui.staffNameEdit.clear()
    _finish(qtbot, wizard)
    assert staff_name() == "Lê Văn Bình"


def test_no_name_leaves_the_account_name(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _finish(qtbot, _demo_wizard(qtbot, tmp_path / "b.db"))
    assert staff_name() is None
    with Database.open(tmp_path / "b.db") as db:
        assert db.user == current_user()


def test_a_name_too_long_is_refused_and_nothing_is_created(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "c.db"
    wizard = _demo_wizard(qtbot, target)
    wizard.ui.staffNameEdit.setText("A" * (MAX_LENGTH + 1))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert f"dài quá {MAX_LENGTH} ký tự" in wizard.ui.lblSaveError.text()
    assert wizard.result_path is None and not target.exists()
    assert staff_name() is None
