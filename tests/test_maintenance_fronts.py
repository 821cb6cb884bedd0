"""Backup and restore are one implementation (actions.maintenance) under the window and
`thidua` (issues 11 and 17): a backup of the first release's format restored from either
front end is upgraded at once, and the history of the restored database records the same
reason; the window's backup goes into the same folders with the same message."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.actions.maintenance import RESTORE_REASON
from desktop.cli import main as cli_main
from desktop.paths import backups_dir
from desktop.store.migrate import HEAD_REVISION, stored_revision

RELEASE = Path(__file__).resolve().parent / "data" / "releases" / "0.1.0.db"


def old_backup(folder: Path) -> Path:
    """A backup taken by the first release (its format, revision 0001)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "thidua-sao-luu-20240105-101500-000000.db"
    shutil.copyfile(RELEASE, target)
    assert stored_revision(target) == "0001"
    return target


def last_note(path: Path) -> tuple[str, str, str]:
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            "SELECT action, summary, new_value FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return tuple(row)


def units(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT code FROM unit ORDER BY code")]
    finally:
        con.close()


def test_cli_restore_upgrades_at_once_and_records_the_reason(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    source = old_backup(tmp_path / "usb")
    assert cli_main(["--db", str(demo_db), "restore", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Đã khôi phục {demo_db} từ {source} (lưu lúc 10:15 ngày 05/01/2024)")
    assert stored_revision(demo_db) == HEAD_REVISION  # not at the next open: now
    assert last_note(demo_db) == ("note", RESTORE_REASON, str(source))
    assert units(demo_db) == units(RELEASE)
    # the data as it was before the restore was kept, in the current format
    kept = [p for p in backups_dir(demo_db).glob("*-sao-luu-*.db")]
    assert len(kept) == 1 and stored_revision(kept[0]) == HEAD_REVISION


def test_cli_restore_without_a_file_or_latest_good_is_a_wrong_command_line(demo_db, capsys):
    before = demo_db.read_bytes()
    with pytest.raises(SystemExit) as caught:
        cli_main(["--db", str(demo_db), "restore"])
    assert caught.value.code == 2
    assert demo_db.read_bytes() == before


# ---- the window -------------------------------------------------------------------------------


@pytest.fixture
def shell(qtbot, demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    from desktop.ui import errors
    from desktop.ui.main_window import MainWindow

    said: list[tuple[str, str]] = []
    for kind in ("show_info", "show_error", "show_error_blocking"):
        monkeypatch.setattr(errors, kind, lambda _p, text, *a, k=kind, **kw: said.append((k, text)))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(demo_db)
    w.said = said  # type: ignore[attr-defined]
    yield w
    w.ctx.tasks.wait()
    w.close()


def test_window_restore_upgrades_at_once_with_the_same_reason_and_message(
    qtbot, shell, demo_db: Path, tmp_path: Path
) -> None:
    source = old_backup(tmp_path / "usb")
    shell.restore_from(source)
    qtbot.waitUntil(lambda: any(k == "show_info" for k, _t in shell.said), timeout=30000)
    ((kind, text),) = shell.said
    assert kind == "show_info"
    assert text.startswith(f"Đã khôi phục {demo_db} từ {source} (lưu lúc 10:15 ngày 05/01/2024)")
    assert "Dữ liệu trước khi khôi phục được giữ ở" in text
    assert stored_revision(demo_db) == HEAD_REVISION
    assert last_note(demo_db) == ("note", RESTORE_REASON, str(source))  # as from `thidua`
    assert units(demo_db) == units(RELEASE)
    qtbot.waitUntil(lambda: shell.ctx.plan is not None)


def test_window_backup_is_the_command_lines_backup(qtbot, shell, demo_db: Path, capsys) -> None:
    shell.ui.actionBackup.trigger()
    qtbot.waitUntil(lambda: any(k == "show_info" for k, _t in shell.said), timeout=30000)
    ((_kind, text),) = shell.said
    (made,) = backups_dir(demo_db).glob("*-sao-luu-*.db")
    assert text == f"Đã sao lưu {demo_db} vào {made}."
    shell.close()  # the window releases the database; the command line then takes it
    assert cli_main(["--db", str(demo_db), "backup"]) == 0
    out = capsys.readouterr().out.strip()
    (second,) = set(backups_dir(demo_db).glob("*-sao-luu-*.db")) - {made}
    assert out == f"Đã sao lưu {demo_db} vào {second}."


def test_the_window_checks_and_upgrades_a_database_off_the_gui_thread(
    qtbot, shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened from the menu (or the recent list): the integrity check, the backup and the
    migration of a first-release file run on a worker, never on the GUI thread."""
    import threading

    from desktop.store import backup, migrate

    other = tmp_path / "cu" / "thidua.db"
    other.parent.mkdir()
    shutil.copyfile(RELEASE, other)
    threads: list[tuple[str, bool]] = []
    checked, upgraded = backup.health_problem, migrate.upgrade

    def check(*a, **k):
        threads.append(("check", threading.current_thread() is threading.main_thread()))
        return checked(*a, **k)

    def upgrade(*a, **k):
        threads.append(("upgrade", threading.current_thread() is threading.main_thread()))
        return upgraded(*a, **k)

    monkeypatch.setattr(backup, "health_problem", check)
    monkeypatch.setattr(migrate, "upgrade", upgrade)
    with qtbot.waitSignal(shell.database_opened, timeout=30000):
        assert shell.open_database(other)
        assert shell.progress_bar.isVisible()  # the window says it is working meanwhile
    assert ("check", False) in threads and ("upgrade", False) in threads
    assert all(not on_gui for _what, on_gui in threads)
    assert stored_revision(other) == HEAD_REVISION and shell.ctx.path == other
