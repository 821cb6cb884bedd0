"""Storage errors named (issue 17): each condition is created for real — a small tmpfs that
fills up, a read-only mount, chmod under a process without root's override, an open SQLite
lock, a folder that disappears, a name the system cannot encode — and each must give its
own Vietnamese message naming the cause and the path, with nothing half-written.

Windows refuses to replace a file that Excel holds open; that one case is simulated by
os.replace raising PermissionError (what Windows does), the rest is real.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.cli import main as cli_main
from desktop.domain.storage import BAD_NAME, DISK_FULL, IN_USE, StorageError
from desktop.files import write_bytes_whole
from desktop.store.database import Database
from desktop.store.demo import build_demo

ROOT = os.geteuid() == 0
REPO = Path(__file__).resolve().parent.parent


def dump(path):
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Database.open(path, create=True) as db:
        build_demo(db)
    return path


@pytest.fixture
def demo_path(demo_db, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_db, path)
    return path


class Mount:
    def __init__(self, where: Path, size: str) -> None:
        self.where = where
        where.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {out.stderr.strip()}")
        self.mounted = True

    def fill(self) -> None:
        """Fill what is left, so that the next write meets a full disk."""
        for n, chunk in enumerate((65536, 512, 1)):
            fd = os.open(self.where / f"day-dia-{n}.bin", os.O_WRONLY | os.O_CREAT)
            try:
                while os.write(fd, b"\0" * chunk):
                    pass
            except OSError:
                pass
            finally:
                os.close(fd)

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.where)], check=True)

    def pull_out(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.where)], check=True)
            self.mounted = False


@pytest.fixture
def small_disk(tmp_path):
    if not ROOT:
        pytest.skip("mounting a small tmpfs needs root")
    mounts: list[Mount] = []

    def make(size: str = "1m") -> Mount:
        m = Mount(tmp_path / f"usb{len(mounts)}", size)
        mounts.append(m)
        return m

    yield make
    for m in mounts:
        m.pull_out()


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def run_cli(*argv: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """The command line in its own process; `unprivileged`: as root without the right to
    ignore file permissions (so that chmod means for it what it means for an office user)."""
    cmd = [sys.executable, "-m", "desktop.cli", *argv]
    if unprivileged and ROOT:
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *cmd]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env)


# ---------------------------------------------------------------------------- disk full


def test_export_to_a_full_usb_stick_names_it_and_leaves_the_old_file(demo_path, small_disk,
                                                                      capsys):
    usb = small_disk("256k")
    target = usb.where / "bang-tong-hop.xlsx"
    target.write_bytes(b"old export")
    usb.fill()
    before = listing(usb.where)
    assert cli_main(["--db", str(demo_path), "export", "--period", "2023",
                     "--xlsx", str(target)]) == 1
    err = capsys.readouterr().err
    assert "đã đầy" in err and str(target) in err and "không mong đợi" not in err
    assert listing(usb.where) == before  # no half file, no temporary file left


def test_backup_to_a_full_folder_leaves_no_partial_copy(demo_path, small_disk, capsys):
    usb = small_disk("64k")
    usb.fill()
    before = listing(usb.where)
    assert cli_main(["--db", str(demo_path), "backup", str(usb.where)]) == 1
    err = capsys.readouterr().err
    assert "đã đầy" in err and str(usb.where) in err
    assert listing(usb.where) == before


def test_a_write_on_a_full_disk_is_refused_whole(demo_path, small_disk):
    disk = small_disk("2m")
    path = disk.where / "demo.db"
    shutil.copyfile(demo_path, path)
    before = dump(path)
    with Database.open(path, backup=False) as db:
        with db.reading() as s:
            s.execute(text("SELECT count(*) FROM value")).scalar()
        disk.fill()
        with pytest.raises(StorageError) as caught, db.transaction("Ghi lớn") as s:
            s.execute(text(
                "INSERT INTO audit_log (at, user, action, table_name, field, summary) "
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 2000) "
                "SELECT '2024-01-05 10:00:00', 'x', 'insert', 't', 'f', hex(randomblob(2000)) "
                "FROM c"))
    assert caught.value.cause == DISK_FULL
    assert "đã đầy" in caught.value.message and str(path) in caught.value.message
    out = run_cli("--db", str(path), "review", "--period", "2023", "--unit", "22816",
                  "--accept")  # opening it for writing on the full disk: named too
    assert out.returncode == 1 and "đã đầy" in out.stderr and str(disk.where) in out.stderr
    for f in disk.where.glob("day-dia*"):
        f.unlink()
    assert dump(path) == before


def test_an_export_set_on_a_stick_that_fills_up_keeps_every_old_file(demo_path, small_disk,
                                                                    capsys):
    """The workbook fits, the PDF does not: no new file replaces an old one, no temporary
    file is left, and the message names the full disk."""
    usb = small_disk("64k")
    old = {"bang.xlsx": b"old workbook", "bao-cao.pdf": b"old pdf", "goi.zip": b"old package"}
    for name, data in old.items():
        (usb.where / name).write_bytes(data)
    assert cli_main(["--db", str(demo_path), "export", "--period", "2023",
                     "--xlsx", str(usb.where / "bang.xlsx"),
                     "--pdf", str(usb.where / "bao-cao.pdf"),
                     "--package", str(usb.where / "goi.zip")]) == 1
    err = capsys.readouterr().err
    assert "đã đầy" in err and str(usb.where) in err and "không mong đợi" not in err
    assert {p.name: p.read_bytes() for p in usb.where.iterdir()} == old  # nothing else


def test_a_restore_onto_a_full_disk_is_named_and_changes_nothing(demo_path, small_disk,
                                                                tmp_path, capsys):
    disk = small_disk("2m")
    path = disk.where / "demo.db"
    shutil.copyfile(demo_path, path)
    backup = tmp_path / "demo-sao-luu-20240105-101500-000000.db"
    shutil.copyfile(demo_path, backup)
    before = dump(path)
    disk.fill()
    assert cli_main(["--db", str(path), "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "đã đầy" in err and str(disk.where) in err and "không mong đợi" not in err
    for f in disk.where.glob("day-dia*"):
        f.unlink()
    assert dump(path) == before
    assert not [p for p in disk.where.rglob("*") if p.name.startswith(".~")]


# ---------------------------------------------------------------------------- read-only


def test_export_to_a_read_only_stick_is_named(demo_path, small_disk, capsys):
    usb = small_disk("1m")
    usb.read_only()
    target = usb.where / "bao-cao.pdf"
    assert cli_main(["--db", str(demo_path), "export", "--period", "2023",
                     "--pdf", str(target)]) == 1
    err = capsys.readouterr().err
    assert "chỉ cho phép đọc" in err and str(usb.where) in err
    assert list(usb.where.iterdir()) == []


@pytest.fixture
def shared_dir():
    """A folder outside root's private tmp, where chmod decides."""
    folder = Path(tempfile.mkdtemp(prefix="thidua-quyen-"))
    folder.chmod(0o755)
    yield folder
    for p in [folder, *folder.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(folder)


def test_a_read_only_export_file_is_not_replaced(demo_path, shared_dir):
    target = shared_dir / "bang-tong-hop.xlsx"
    target.write_bytes(b"do not touch")
    target.chmod(0o444)
    out = run_cli("--db", str(demo_path), "export", "--period", "2023", "--xlsx", str(target),
                  unprivileged=True)
    assert out.returncode == 1, out.stderr
    assert f"Tệp {target} chỉ cho phép đọc" in out.stderr
    assert target.read_bytes() == b"do not touch" and listing(shared_dir).keys() == {target.name}


def test_a_read_only_folder_is_named(demo_path, shared_dir):
    folder = shared_dir / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    out = run_cli("--db", str(demo_path), "export", "--period", "2023",
                  "--package", str(folder / "goi.zip"), unprivileged=True)
    assert out.returncode == 1
    assert f"Thư mục {folder} không cho phép ghi" in out.stderr
    assert list(folder.iterdir()) == []


def test_a_read_only_database_file_is_named_and_unchanged(demo_path, shared_dir):
    path = shared_dir / "demo.db"
    shutil.copyfile(demo_path, path)
    before = dump(path)
    path.chmod(0o444)
    out = run_cli("--db", str(path), "review", "--period", "2023", "--unit", "22816",
                  "--accept", unprivileged=True)
    assert out.returncode == 1
    assert "chỉ cho phép đọc" in out.stderr and str(path) in out.stderr
    assert "không mong đợi" not in out.stderr
    assert dump(path) == before


# ---------------------------------------------------------------------------- locked


def test_a_database_locked_by_another_program_is_named(demo_path):
    before = dump(demo_path)
    con = sqlite3.connect(demo_path)  # e.g. DB Browser for SQLite, changes not yet saved
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE office SET name = name")
    try:
        out = run_cli("--db", str(demo_path), "review", "--period", "2023", "--unit", "22816",
                      "--accept")
    finally:
        con.rollback()
        con.close()
    assert out.returncode == 1
    assert "đang bị một chương trình khác khóa" in out.stderr and str(demo_path) in out.stderr
    assert dump(demo_path) == before


# ---------------------------------------------------------------------------- missing


def test_export_to_a_stick_pulled_out_names_the_folder(demo_path, small_disk, capsys):
    usb = small_disk("1m")
    (usb.where / "BaoCao").mkdir()
    target = usb.where / "BaoCao" / "bang-tong-hop.xlsx"
    usb.pull_out()
    assert cli_main(["--db", str(demo_path), "export", "--period", "2023",
                     "--xlsx", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"Không tìm thấy thư mục {usb.where / 'BaoCao'}" in err and "rút ra" in err
    assert not (usb.where / "BaoCao").exists()


# ---------------------------------------------------------------------------- names


def test_a_name_the_system_cannot_encode_is_named(demo_path, tmp_path, capsys):
    target = tmp_path / "bao-cao-\ud800.xlsx"  # a lone surrogate: no file system takes it
    assert cli_main(["--db", str(demo_path), "export", "--period", "2023",
                     "--xlsx", str(target)]) == 1
    err = capsys.readouterr().err
    assert "có ký tự mà hệ thống tệp ở đây không ghi được" in err
    assert str(tmp_path) in err and "không mong đợi" not in err
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".xlsx" or p.name.startswith(".~")]


def test_bad_name_cause(tmp_path):
    with pytest.raises(StorageError) as caught:
        write_bytes_whole(tmp_path / "x\ud800.csv", b"a", "tệp CSV")
    assert caught.value.cause == BAD_NAME


# ---------------------------------------------------------------------------- in use


def test_a_target_open_in_excel_keeps_both_files(demo_path, tmp_path, monkeypatch, capsys):
    target = tmp_path / "bang-tong-hop.xlsx"
    target.write_bytes(b"the old export, open in Excel")
    real_replace = os.replace

    def windows_replace(src, dst):  # what Windows does while Excel holds the file open
        if Path(dst) == target:
            raise PermissionError(13, "The process cannot access the file because it is "
                                  "being used by another process", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", windows_replace)
    assert cli_main(["--db", str(demo_path), "export", "--period", "2023",
                     "--xlsx", str(target)]) == 1
    err = capsys.readouterr().err
    assert "đang mở trong một chương trình khác" in err and "đóng tệp" in err
    assert target.read_bytes() == b"the old export, open in Excel"
    kept = [p for p in tmp_path.iterdir() if "(mới" in p.name]
    assert len(kept) == 1 and kept[0].suffix == ".xlsx" and str(kept[0]) in err
    assert kept[0].read_bytes()[:2] == b"PK"  # the new workbook, whole
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_in_use_cause(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", _refusing_replace(target))
    with pytest.raises(StorageError) as caught:
        write_bytes_whole(target, b"new", "tệp PDF")
    assert caught.value.cause == IN_USE and caught.value.kept.read_bytes() == b"new"


def _refusing_replace(target):
    real = os.replace

    def replace(src, dst):
        if Path(dst) == target:
            raise PermissionError(13, "in use", str(dst))
        return real(src, dst)

    return replace
