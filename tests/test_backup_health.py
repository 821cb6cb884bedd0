"""Backups that survive: only healthy databases are backed up, retention by age keeps last
week's copy, a damaged database offers the newest healthy backup, restore and backup are
exclusive of another copy of the program (issue 17)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.cli import main as cli_main
from desktop.paths import backups_dir
from desktop.store.backup import (
    all_backups,
    backup_info,
    latest_good,
    list_backups,
    restore,
    rotate,
)
from desktop.store.database import Database, integrity_ok
from desktop.store.demo import build_demo
from desktop.store.errors import DatabaseDamaged, StoreError
from desktop.store.health import health_problem
from desktop.store.office import update_office
from desktop.store.retention import KEEP_TODAY, Dated, to_keep


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.db"
    with Database.open(path, create=True) as db:
        build_demo(db)
    return path


def dump(path):
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def before_the_note(restored: dict, source: Path) -> dict:
    """The tables of a restored database without the history entry the restore wrote
    (asserted: the last one, RESTORE_REASON, naming the backup)."""
    from desktop.actions.maintenance import RESTORE_REASON

    *kept, last = restored["audit_log"]
    # (id, at, user, action, table_name, row_id, field, old_value, new_value, summary)
    assert last[3:6] == ("note", "database", None)
    assert last[8] == str(source) and last[9] == RESTORE_REASON
    return {**restored, "audit_log": kept}


def corrupt(path: Path) -> None:
    """Damage the pages after the schema the way a power cut in the middle of a write
    does: the header is intact (the file still reads as SQLite), the b-trees are not."""
    con = sqlite3.connect(path)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // page
    for n in range(2, pages, 3):  # every third page from the third on
        start = n * page
        data[start:start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    assert health_problem(path) is not None


def named(path: Path, prefix: str, when: dt.datetime) -> Path:
    return path.parent / f"{path.stem}-backups" / (
        f"{path.stem}-{prefix}-{when:%Y%m%d-%H%M%S-%f}.db")


def test_a_damaged_database_is_not_backed_up_and_the_healthy_backup_is_offered(demo_path):
    Database.open(demo_path).close()  # one automatic backup of the healthy file
    good = list_backups(demo_path)
    assert len(good) == 1 and integrity_ok(good[0])
    corrupt(demo_path)
    damaged = demo_path.read_bytes()
    for _ in range(3):  # three attempts to open it must not replace the good backup
        with pytest.raises(DatabaseDamaged) as caught:
            Database.open(demo_path)
    message = caught.value.message
    assert "bị hỏng" in message and str(good[0]) in message
    info = backup_info(good[0])
    assert info is not None and f"{info.taken_at:%d/%m/%Y}" in message
    assert list_backups(demo_path) == good  # no backup of the damaged file was taken
    assert demo_path.read_bytes() == damaged  # and nothing was written into it


def test_cli_names_the_damage_and_restore_latest_good_brings_back_the_backup(
        demo_path, capsys):
    Database.open(demo_path).close()
    (source,) = list_backups(demo_path)
    saved = dump(source)
    corrupt(demo_path)
    damaged = demo_path.read_bytes()
    assert cli_main(["--db", str(demo_path), "review", "--period", "2023", "--unit", "22816",
                     "--accept"]) == 1
    err = capsys.readouterr().err
    assert "bị hỏng" in err and "restore --latest-good" in err
    assert "không mong đợi" not in err
    assert cli_main(["--db", str(demo_path), "check", "--period", "2023"]) == 1
    err = capsys.readouterr().err
    assert "bị hỏng" in err and "không mong đợi" not in err
    assert demo_path.read_bytes() == damaged

    assert cli_main(["--db", str(demo_path), "restore", "--latest-good"]) == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out
    assert integrity_ok(demo_path) and before_the_note(dump(demo_path), source) == saved
    kept = [p for p in backups_dir(demo_path).glob("*-hong-*.db")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the damaged file is kept
    assert cli_main(["--db", str(demo_path), "check", "--period", "2023"]) == 0


def test_restore_latest_good_without_any_backup_says_so(tmp_path, capsys):
    path = tmp_path / "x.db"
    with Database.open(path, create=True) as db:
        build_demo(db)
    corrupt(path)
    before = path.read_bytes()
    assert cli_main(["--db", str(path), "restore", "--latest-good"]) == 1
    err = capsys.readouterr().err
    assert "Không tìm thấy bản sao lưu nào còn tốt" in err
    assert path.read_bytes() == before


def test_ten_refused_imports_do_not_push_out_last_weeks_copy(demo_path, tmp_path, capsys):
    Database.open(demo_path).close()
    source = list_backups(demo_path)[0]
    now = dt.datetime.now()
    old = {
        days: named(demo_path, "tu-dong", now - dt.timedelta(days=days))
        for days in (3, 6, 20, 60)
    }
    for path in old.values():
        shutil.copyfile(source, path)
    bad = tmp_path / "khong-phai-bieu-mau.xlsx"
    bad.write_bytes(b"not a workbook")
    for _ in range(10):
        assert cli_main(["--db", str(demo_path), "import", str(bad)]) == 1
    capsys.readouterr()
    left = set(list_backups(demo_path))
    assert {old[3], old[6], old[20]} <= left  # last week's and last month's copies stay
    assert old[60] not in left  # older than a month: gone, newer healthy ones exist
    todays = [b for b in all_backups(demo_path) if b.taken_at.date() == now.date()]
    assert len(todays) == KEEP_TODAY


def test_retention_keeps_by_age():
    now = dt.datetime(2024, 5, 20, 12, 0)
    items = [Dated(Path(f"b{n}"), now - dt.timedelta(hours=n * 6)) for n in range(200)]
    keep = to_keep(items, now)
    by_path = {d.path: d.taken_at for d in items}
    kept = sorted((by_path[p] for p in keep), reverse=True)
    assert sum(1 for t in kept if t.date() == now.date()) <= KEEP_TODAY
    days = {t.date() for t in kept if 1 <= (now.date() - t.date()).days <= 7}
    assert len(days) == 7  # one a day for a week
    weeks = [t for t in kept if (now.date() - t.date()).days > 7]
    assert 3 <= len(weeks) <= 4  # one a week for the month before
    assert all((now.date() - t.date()).days <= 35 for t in kept)


def test_rotation_never_deletes_the_newest_healthy_backup(demo_path):
    Database.open(demo_path).close()
    healthy = list_backups(demo_path)[0]
    now = dt.datetime.now()
    old_good = named(demo_path, "tu-dong", now - dt.timedelta(days=90))
    shutil.copyfile(healthy, old_good)
    healthy.unlink()
    for n in range(KEEP_TODAY + 2):  # newer backups, all of them damaged on the disk
        path = named(demo_path, "tu-dong", now - dt.timedelta(minutes=n))
        path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    rotate(backups_dir(demo_path), demo_path.stem, now)
    assert old_good.exists()
    assert latest_good(demo_path).path == old_good


def test_opening_checks_the_database_and_its_new_backup_once_each(demo_path, monkeypatch):
    """The backup taken on opening is read back once, when it is written; rotation does
    not check it again (it did: a third integrity check on every opening)."""
    from desktop.store import backup

    checked: list[Path] = []

    def counted(check):  # type: ignore[no-untyped-def]
        def wrapper(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            checked.append(Path(path))
            return check(path, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(backup, "health_problem", counted(backup.health_problem))
    monkeypatch.setattr(backup, "is_healthy", counted(backup.is_healthy))
    Database.open(demo_path).close()
    made = list_backups(demo_path)[0]
    assert integrity_ok(made)
    assert len(checked) == 2
    assert checked[0] == demo_path and checked[1].parent == made.parent != demo_path.parent


def test_second_backup_folder_gets_a_copy_and_an_unplugged_one_is_reported(
        demo_path, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    with Database.open(demo_path) as db, db.transaction("Thư mục sao lưu thứ hai") as s:
        update_office(s, {"second_backup_dir": str(usb / "SaoLuu")})
    with Database.open(demo_path) as db:
        done = db.backup_done
    assert done.second is not None and done.second.parent == usb / "SaoLuu"
    assert integrity_ok(done.second)
    assert cli_main(["--db", str(demo_path), "backup"]) == 0
    assert "Bản sao thứ hai" in capsys.readouterr().out
    shutil.rmtree(usb)  # the stick is pulled out
    with Database.open(demo_path) as db:
        done = db.backup_done
    assert done.second is None and str(usb / "SaoLuu") in done.second_problem
    assert "chưa được cắm" in done.second_problem
    assert not usb.exists()  # nothing was created where the stick was


def test_restore_and_backup_refuse_the_database_itself(demo_path, capsys):
    before = dump(demo_path)
    assert cli_main(["--db", str(demo_path), "restore", str(demo_path)]) == 1
    assert "chính là cơ sở dữ liệu đang dùng" in capsys.readouterr().err
    with pytest.raises(StoreError, match="đè lên chính nó"):
        from desktop.store.backup import backup_to

        backup_to(demo_path, demo_path)
    assert dump(demo_path) == before


HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop.store.database import Database
    db = Database.open(Path(sys.argv[1]), backup=False)
    print("READY", flush=True)
    sys.stdin.read()   # holds the database until the test closes our stdin
    db.close()
""")


def test_restore_and_backup_refuse_while_another_process_holds_the_database(
        demo_path, capsys):
    Database.open(demo_path).close()
    backup = list_backups(demo_path)[0]
    before = dump(demo_path)
    backups_before = list_backups(demo_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(demo_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "READY"
        for argv in (["restore", str(backup)], ["restore", "--latest-good"], ["backup"]):
            out = subprocess.run(
                [sys.executable, "-m", "desktop.cli", "--db", str(demo_path), *argv],
                capture_output=True, text=True, encoding="utf-8")
            assert out.returncode == 1, argv
            assert "đang được một chương trình ThiĐua CĐS khác sử dụng" in out.stderr
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    assert dump(demo_path) == before
    assert list_backups(demo_path) == backups_before


def test_restore_refuses_while_another_program_writes_the_file(demo_path, capsys):
    Database.open(demo_path).close()
    backup = list_backups(demo_path)[0]
    con = sqlite3.connect(demo_path)  # e.g. DB Browser for SQLite with unsaved changes
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE office SET name = name")
    try:
        before = list_backups(demo_path)
        with pytest.raises(Exception) as caught:
            restore(demo_path, backup)
        assert "đang bị một chương trình khác khóa" in caught.value.message
        assert str(demo_path) in caught.value.message
        assert list_backups(demo_path) == before
    finally:
        con.rollback()
        con.close()


@given(
    st.text("0123456789", min_size=8, max_size=8),
    st.text("0123456789", min_size=6, max_size=6),
    st.text("0123456789", min_size=6, max_size=6),
)
def test_a_backups_date_is_read_from_its_name_as_strptime_reads_it(
    day: str, time: str, micro: str
) -> None:
    # backup_info reads the stamp digit by digit (no _strptime at every opening): the same
    # moment as strptime for every stamp, and no date (None) for every impossible one
    stamp = f"{day}-{time}-{micro}"
    try:
        expected: dt.datetime | None = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    except ValueError:
        expected = None
    info = backup_info(Path(f"ninh-son-tu-dong-{stamp}.db"))
    assert (info.taken_at if info is not None else None) == expected
    if info is not None:
        assert info.automatic
