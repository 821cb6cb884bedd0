"""Backups of a SQLite database file, with SQLite's online backup API (consistent while
WAL is in use).

- A backup is only ever taken of a database that passes its integrity check
  (health.health_problem); a damaged one raises DatabaseDamaged, offering the newest
  healthy backup, and no backup of it is written.
- Every copy is checked again once written, then renamed into place (never half).
- Automatic backups (one each time the database is opened for writing) are kept by age
  (retention.to_keep), never by count; the newest healthy one is never deleted.
- A second folder (office setting `second_backup_dir`, a USB stick or another drive)
  receives a copy of each backup when it is reachable.
- Restoring checks the backup, keeps the current file (a backup of it, or a raw copy when
  it is damaged), then puts the backup in place whole.

The caller holds the database's write lock (database.exclusive or an open writer).
PostgreSQL databases are backed up elsewhere (they have no file to copy).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.storage import StorageError
from ..files import describe, temporary_beside, write_whole
from ..paths import backups_dir
from .errors import DatabaseDamaged, NotADatabase, StoreError
from .health import health_problem, is_healthy, storage_error_of
from .migrate import known_revisions, refuse_newer, stored_revision
from .retention import Dated, to_keep

log = logging.getLogger("thidua.store")

AUTO_PREFIX = "tu-dong"
MANUAL_PREFIX = "sao-luu"
DAMAGED_PREFIX = "hong"
_STAMP = re.compile(r"-(tu-dong|sao-luu)-(\d{8}-\d{6}-\d{6})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    automatic: bool

    @property
    def when(self) -> str:
        """'10:15 ngày 05/01/2024'"""
        return f"{self.taken_at:%H:%M} ngày {self.taken_at:%d/%m/%Y}"


@dataclass(frozen=True)
class BackupDone:
    path: Path
    second: Path | None = None
    second_problem: str | None = None  # why the second folder got no copy


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")


def backup_info(path: Path) -> BackupInfo | None:
    """A backup file's date from its name (None for a file that is not one of ours)."""
    m = _STAMP.search(path.name)
    if m is None:
        return None
    s = m.group(2)  # YYYYmmdd-HHMMSS-ffffff, as _stamp writes it (strptime's own parsing
    # costs an opening the import of _strptime and the compiling of its patterns)
    try:
        taken = dt.datetime(
            int(s[0:4]), int(s[4:6]), int(s[6:8]),
            int(s[9:11]), int(s[11:13]), int(s[13:15]), int(s[16:22]),
        )  # fmt: skip
    except ValueError:
        return None
    return BackupInfo(path, taken, m.group(1) == AUTO_PREFIX)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database to `target` whole (checked once written), via a temporary
    file beside it. Storage failures raise StorageError naming the cause."""

    def write(tmp: Path) -> None:
        try:
            src = sqlite3.connect(source, timeout=5)
            try:
                dst = sqlite3.connect(tmp)
                try:
                    # a temporary file: synced once whole (write_whole), checked, then
                    # renamed into place; syncing each of its own transactions adds eight
                    dst.execute("PRAGMA synchronous=OFF")
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.Error as exc:
            name = str(getattr(exc, "sqlite_errorname", ""))
            on = source if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) else target
            err = storage_error_of(exc, on, "bản sao lưu")
            raise err or StoreError(f"Không sao lưu được vào {target.parent}: {exc}") from None
        finally:
            Path(str(tmp) + "-journal").unlink(missing_ok=True)
        if not is_healthy(tmp):
            raise StoreError(
                f"Bản sao lưu vừa ghi vào {target.parent} không đọc lại được (ổ đĩa lỗi?); "
                "hãy thử lại hoặc chọn thư mục khác. Bản sao lưu hỏng không được giữ lại.")

    write_whole(target, write, "bản sao lưu")


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(exist_ok=True)
    except (OSError, UnicodeError) as exc:
        raise describe(exc, folder / "x", "bản sao lưu") from None


def damaged_message(db_path: Path, latest: BackupInfo | None) -> str:
    text = (f"Cơ sở dữ liệu {db_path} bị hỏng (không qua được kiểm tra toàn vẹn), có thể do "
            "mất điện hoặc ổ đĩa lỗi. Chương trình không ghi gì thêm vào tệp này và không "
            "sao lưu nó (để bản sao lưu tốt không bị thay bằng bản hỏng).")
    if latest is None:
        return text + " Không tìm thấy bản sao lưu nào còn tốt."
    return (text + f" Bản sao lưu còn tốt mới nhất được lưu lúc {latest.when}: {latest.path}. "
            "Khôi phục từ bản đó sẽ giữ lại tệp hỏng bên cạnh.")


def refuse_if_damaged(db_path: Path) -> None:
    try:
        problem = health_problem(db_path)
    except sqlite3.Error as exc:
        raise storage_error_of(exc, db_path, "cơ sở dữ liệu") or StoreError(str(exc)) from None
    if problem is not None:
        log.error("database %s fails its check: %s", db_path, problem)
        latest = latest_good(db_path)
        raise DatabaseDamaged(damaged_message(db_path, latest), path=db_path, latest=latest)


def backup_to(db_path: Path, folder: Path | None = None, *, automatic: bool = False,
              prefix: str | None = None) -> Path:
    """Write a backup of a healthy database into `folder` (default: beside it); its path."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise StoreError(f"Không tìm thấy cơ sở dữ liệu {db_path}.")
    folder = Path(folder) if folder is not None else backups_dir(db_path)
    if _same_file(folder, db_path):
        raise StoreError(f"Không thể sao lưu {db_path} đè lên chính nó; hãy chọn một thư mục.")
    refuse_if_damaged(db_path)
    _ensure_folder(folder)
    name = prefix or (AUTO_PREFIX if automatic else MANUAL_PREFIX)
    target = folder / f"{db_path.stem}-{name}-{_stamp()}.db"
    copy_database(db_path, target)
    return target


def second_backup_folder(db_path: Path) -> Path | None:
    """The office's second backup folder (read with plain sqlite3, before any engine)."""
    try:
        con = sqlite3.connect(f"file:{Path(db_path).as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute("SELECT second_backup_dir FROM office ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    text = (row[0] or "").strip() if row else ""
    return Path(text) if text else None


def _copy_to_second(db_path: Path, made: Path, folder: Path) -> Path:
    if _same_file(folder, made.parent):
        return made
    if not folder.parent.is_dir() and not folder.is_dir():
        raise StorageError(
            f"Không tìm thấy thư mục sao lưu thứ hai {folder}: USB hoặc ổ đĩa chưa được cắm.",
            cause="missing", path=folder)
    _ensure_folder(folder)
    target = folder / made.name
    write_whole(target, lambda tmp: shutil.copyfile(made, tmp), "bản sao lưu")
    return target


def rotate(folder: Path, stem: str, now: dt.datetime | None = None,
           checked: Path | None = None) -> list[Path]:
    """Delete the automatic backups of `stem` in `folder` that retention does not keep.
    `checked`: a backup just written and read back whole (copy_database), not checked
    again when retention asks for the newest healthy one."""

    def healthy(path: Path) -> bool:
        return path == checked or is_healthy(path)

    found = [b for p in folder.glob(f"{stem}-{AUTO_PREFIX}-*.db")
             if (b := backup_info(p)) is not None and b.automatic]
    keep = to_keep([Dated(b.path, b.taken_at) for b in found], now or dt.datetime.now(),
                   healthy)
    removed = []
    for b in found:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:  # a read-only USB stick: keep what is there
                log.warning("could not delete old backup %s: %s", b.path, exc)
    return removed


def auto_backup(db_path: Path, now: dt.datetime | None = None) -> BackupDone:
    """The backup taken when the database is opened for writing, then rotation; a copy to
    the second folder when it is set and reachable (its absence is reported, not fatal)."""
    db_path = Path(db_path)
    made = backup_to(db_path, automatic=True)
    rotate(made.parent, db_path.stem, now, checked=made)  # copy_database read it back
    second = second_backup_folder(db_path)
    if second is None:
        return BackupDone(made)
    try:
        copied = _copy_to_second(db_path, made, second)
        rotate(second, db_path.stem, now)
    except StoreError as exc:
        log.warning("second backup folder %s: %s", second, exc.message)
        return BackupDone(made, None, exc.message)
    except StorageError as exc:
        log.warning("second backup folder %s: %s", second, exc.message)
        return BackupDone(made, None, exc.message)
    return BackupDone(made, copied)


def backup_now(db_path: Path, folder: Path | None = None) -> BackupDone:
    """An on-demand backup (never deleted by rotation): into `folder`, or beside the
    database and into the second folder."""
    made = backup_to(db_path, folder)
    if folder is not None:
        return BackupDone(made)
    second = second_backup_folder(db_path)
    if second is None:
        return BackupDone(made)
    try:
        return BackupDone(made, _copy_to_second(db_path, made, second))
    except (StoreError, StorageError) as exc:
        return BackupDone(made, None, exc.message)


def all_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of this database (beside it and in the second folder), newest first."""
    db_path = Path(db_path)
    folders = [backups_dir(db_path)]
    second = second_backup_folder(db_path) if db_path.exists() else None
    if second is not None:
        folders.append(second)
    found: dict[str, BackupInfo] = {}
    for folder in folders:
        try:
            paths = list(folder.glob(f"{db_path.stem}-*.db")) if folder.is_dir() else []
        except OSError:
            continue
        for p in paths:
            info = backup_info(p)
            if info is not None and p.name not in found:
                found[p.name] = info
    return sorted(found.values(), key=lambda b: b.taken_at, reverse=True)


def _usable(path: Path) -> bool:
    try:
        rev = stored_revision(path)
    except StoreError:
        return False
    return rev is not None and rev in known_revisions() and is_healthy(path)


def latest_good(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes its integrity check and this version can open."""
    for info in all_backups(db_path):
        if _usable(info.path):
            return info
    return None


def list_backups(db_path: Path) -> list[Path]:
    return [b.path for b in all_backups(db_path)]


def check_backup_file(db_path: Path, backup_file: Path) -> None:
    if not backup_file.is_file():
        raise StoreError(f"Không tìm thấy tệp sao lưu {backup_file}.")
    if _same_file(backup_file, db_path):
        raise StoreError(f"Tệp {backup_file} chính là cơ sở dữ liệu đang dùng, không phải "
                         "một bản sao lưu.")
    with backup_file.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise NotADatabase(f"Tệp {backup_file} không phải là bản sao lưu ThiĐua CĐS.")
    if stored_revision(backup_file) is None:
        raise NotADatabase(f"Tệp {backup_file} là cơ sở dữ liệu rỗng.")
    refuse_newer(backup_file)
    if not is_healthy(backup_file):
        raise NotADatabase(f"Tệp sao lưu {backup_file} bị hỏng (không qua được kiểm tra toàn "
                           "vẹn); hãy chọn bản khác.")


def _refuse_if_in_use(db_path: Path) -> None:
    """Another program writing the file (it holds SQLite's write lock) stops a restore."""
    try:
        con = sqlite3.connect(db_path, timeout=0)
    except sqlite3.Error:
        return
    try:
        con.execute("BEGIN IMMEDIATE")
        con.rollback()
    except sqlite3.DatabaseError as exc:
        err = storage_error_of(exc, db_path, "cơ sở dữ liệu")
        if err is not None and err.cause == "locked":
            raise err from None
    finally:
        con.close()


def keep_damaged(db_path: Path) -> Path:
    """A raw copy of a damaged database (and its WAL) beside the backups; its path."""
    folder = backups_dir(db_path)
    _ensure_folder(folder)
    target = folder / f"{db_path.stem}-{DAMAGED_PREFIX}-{_stamp()}.db"
    write_whole(target, lambda tmp: shutil.copyfile(db_path, tmp), "bản sao tệp hỏng")
    for side in ("-wal", "-shm"):
        extra = Path(str(db_path) + side)
        if extra.exists():
            dest = Path(str(target) + side)
            write_whole(dest, _copier(extra), "bản sao tệp hỏng")
    return target


def _copier(source: Path) -> Callable[[Path], object]:
    return lambda tmp: shutil.copyfile(source, tmp)


def restore(db_path: Path, backup_file: Path) -> Path:
    """Replace the database by a backup; returns where the current file was kept.

    The caller must hold the database's write lock (no other copy may have it open).
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    check_backup_file(db_path, backup_file)
    safety = db_path
    if db_path.exists() and db_path.stat().st_size > 0:
        _refuse_if_in_use(db_path)
        try:
            healthy = health_problem(db_path) is None
        except sqlite3.Error:
            healthy = False
        if healthy:
            safety = backup_to(db_path)
            _checkpoint(db_path)
        else:
            safety = keep_damaged(db_path)
    tmp = temporary_beside(db_path)
    try:
        copy_database(backup_file, tmp)
        for side in ("-wal", "-shm"):  # the old file's log must not be applied to the new one
            Path(str(db_path) + side).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except OSError as exc:
        raise describe(exc, db_path, "cơ sở dữ liệu") from None
    finally:
        tmp.unlink(missing_ok=True)
    return safety


def _checkpoint(db_path: Path) -> None:
    con = sqlite3.connect(db_path, timeout=5)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        log.warning("checkpoint before restore failed on %s: %s", db_path, exc)
    finally:
        con.close()


__all__ = [
    "BackupDone", "BackupInfo", "all_backups", "auto_backup", "backup_now", "backup_to",
    "copy_database", "latest_good", "list_backups", "restore", "rotate",
]
