"""Backups with SQLite's online backup API: consistent even while WAL is in use.

Automatic backups rotate (the last 10 are kept); on-demand backups are never
deleted. Restoring first backs up the current file, then copies the backup in.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from ..paths import backups_dir
from .errors import NotADatabase, StoreError
from .migrate import refuse_newer, stored_revision

KEEP_AUTOMATIC = 10
AUTO_PREFIX = "tu-dong"


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def copy_database(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)


def backup_to(db_path: Path, folder: Path | None = None, *, automatic: bool = False) -> Path:
    """Write a backup of the database; return its path."""
    if not db_path.exists():
        raise StoreError(f"Không tìm thấy cơ sở dữ liệu {db_path}.")
    folder = folder or backups_dir(db_path)
    prefix = AUTO_PREFIX if automatic else "sao-luu"
    target = folder / f"{db_path.stem}-{prefix}-{_stamp()}.db"
    try:
        copy_database(db_path, target)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"Không sao lưu được vào {folder}: {exc}") from None
    return target


def auto_backup(db_path: Path) -> Path:
    target = backup_to(db_path, automatic=True)
    olds = sorted(backups_dir(db_path).glob(f"{db_path.stem}-{AUTO_PREFIX}-*.db"))
    for old in olds[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
    return target


def restore(db_path: Path, backup_file: Path) -> Path:
    """Replace the database by a backup; returns the backup taken of the current file.

    The caller must hold the database's write lock (no other copy may have it open).
    """
    if not backup_file.is_file():
        raise StoreError(f"Không tìm thấy tệp sao lưu {backup_file}.")
    with backup_file.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise NotADatabase(f"Tệp {backup_file} không phải là bản sao lưu ThiĐua CĐS.")
    if stored_revision(backup_file) is None:
        raise NotADatabase(f"Tệp {backup_file} là cơ sở dữ liệu rỗng.")
    refuse_newer(backup_file)
    con = sqlite3.connect(backup_file)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    if not ok:
        raise NotADatabase(f"Tệp sao lưu {backup_file} bị hỏng (integrity_check thất bại).")
    safety = backup_to(db_path) if db_path.exists() else db_path
    src = sqlite3.connect(backup_file)
    try:
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return safety


def list_backups(db_path: Path) -> list[Path]:
    folder = backups_dir(db_path)
    return sorted(folder.glob("*.db"), reverse=True) if folder.exists() else []


__all__ = ["auto_backup", "backup_to", "copy_database", "list_backups", "restore"]
