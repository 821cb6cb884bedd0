"""Portable backups of a server's database, and moving a file's data up to a server.

A portable backup is a SQLite file of the same schema (what `thidua backup` writes for a
file, too), so the same backup restores into a SQLite file or a PostgreSQL database.
Every copy is verified table by table before it counts (store.transfer).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

from ..paths import backups_dir, evidence_dir
from . import migrate
from .database import Database, check_is_sqlite, make_engine
from .errors import NotADatabase, StoreError
from .file_store import store_folder, store_folders
from .transfer import Progress, TableCheck, _quiet, clear_all, copy_all, is_empty

SUFFIX = ".db"


@dataclass(frozen=True)
class Copied:
    """The outcome of a verified copy: where to, and each table's rows."""

    target: str
    checks: tuple[TableCheck, ...]

    @property
    def rows(self) -> int:
        return sum(c.rows for c in self.checks)


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _new_sqlite(path: Path) -> Engine:
    """An empty SQLite file at the head revision, for the copy to fill."""
    engine = make_engine(path)
    migrate.upgrade(engine, path)
    return engine


def export_to_file(db: Database, target: Path, progress: Progress = _quiet) -> Copied:
    """Write the whole database into a new SQLite file `target`, verified."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        engine = _new_sqlite(part)
        try:
            with db.engine.connect() as src, engine.begin() as dst:
                if src.dialect.name == "postgresql":  # one consistent snapshot of every table
                    src.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                checks = copy_all(src, dst, progress)
        finally:
            engine.dispose()
        with sqlite3.connect(part) as con:
            con.execute("PRAGMA journal_mode=DELETE")
        con.close()
        part.replace(target)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise StoreError(f"Không ghi được bản sao lưu vào {target.parent}: {exc}") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return Copied(str(target), tuple(checks))


def backup_server(db: Database, folder: Path | None = None, progress: Progress = _quiet) -> Copied:
    """A portable backup of a server's database in `folder` (default: its backups
    folder on this PC)."""
    folder = folder or backups_dir(db.path)
    name = db.location.url.database if db.location.url is not None else db.path.stem
    return export_to_file(db, Path(folder) / f"{name}-sao-luu-{_stamp()}{SUFFIX}", progress)


def checked_backup_file(backup_file: Path) -> int:
    """Refuse a file that is not a whole backup of ours; its revision number."""
    if not backup_file.is_file():
        raise StoreError(f"Không tìm thấy tệp sao lưu {backup_file}.")
    try:
        check_is_sqlite(backup_file)
    except NotADatabase:
        raise NotADatabase(f"Tệp {backup_file} không phải là bản sao lưu ThiĐua CĐS.") from None
    rev = migrate.stored_revision(backup_file)
    if rev is None:
        raise NotADatabase(f"Tệp {backup_file} là cơ sở dữ liệu rỗng.")
    migrate.refuse_newer(backup_file)
    con = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    if not ok:
        raise NotADatabase(f"Tệp sao lưu {backup_file} bị hỏng (integrity_check thất bại).")
    return int(rev)


def _fill_from_file(
    db: Database,
    source: Path,
    *,
    replace: bool,
    progress: Progress,
    then: Callable[[Connection], object] | None = None,
) -> tuple[TableCheck, ...]:
    """Copy the file's rows into the server's database in one transaction: all or nothing.
    An older file is upgraded in a temporary copy first (the file itself is left as it is)."""
    checked_backup_file(source)
    with tempfile.TemporaryDirectory(prefix="thidua-") as tmp:
        work = Path(tmp) / "copy.db"
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src_con:
            dst_con = sqlite3.connect(work)
            try:
                src_con.backup(dst_con)
            finally:
                dst_con.close()
        src_con.close()
        engine = make_engine(work)
        try:
            migrate.upgrade(engine, work)
            with engine.connect() as src, db.engine.begin() as dst:
                if replace:
                    clear_all(dst)
                elif not is_empty(dst):
                    raise StoreError(
                        f"Cơ sở dữ liệu {db.label} trên máy chủ đã có dữ liệu; chỉ chuyển "
                        "được vào một cơ sở dữ liệu còn trống. Hãy tạo một cơ sở dữ liệu mới "
                        "trên máy chủ."
                    )
                checks = tuple(copy_all(src, dst, progress))
                if then is not None:  # in the same transaction: all or nothing
                    then(dst)
                return checks
        finally:
            engine.dispose()


@dataclass(frozen=True)
class Restored:
    """A server restored: the safety backup of the data it replaced, and the names of the
    evidence and dossier files whose content neither the backup nor a folder held."""

    safety: Copied
    files_not_found: tuple[str, ...] = ()
    folders: tuple[Path, ...] = ()  # where the files were looked for


def evidence_folders(backup_file: Path) -> tuple[Path, ...]:
    """Where the evidence copies of the file a backup was made of may be: beside the
    backup itself, and beside the database whose '<name>-backups' folder holds it."""
    backup_file = Path(backup_file)
    folders = [evidence_dir(backup_file)]
    parent = backup_file.parent
    if parent.name.endswith("-backups"):
        stem = parent.name[: -len("-backups")]
        folders.append(evidence_dir(parent.parent / f"{stem}{SUFFIX}"))
    return tuple(folders)


def restore_server(db: Database, backup_file: Path, progress: Progress = _quiet) -> Restored:
    """Replace a server's data by a backup file (of a file or of a server). The current
    data is first backed up. A backup of a file brings its evidence copies along from the
    folder beside that file (as a move to the server does), in the same transaction."""
    if not db.is_server:
        raise StoreError("Khôi phục vào tệp SQLite dùng lệnh khôi phục thông thường.")
    checked_backup_file(backup_file)
    safety = backup_server(db)
    folders = (*evidence_folders(backup_file), evidence_dir(db.path))
    missing: list[tuple[str, ...]] = []
    _fill_from_file(
        db,
        backup_file,
        replace=True,
        progress=progress,
        then=lambda dst: missing.append(store_folders(dst, folders)),
    )
    return Restored(safety, missing[0] if missing else (), folders)


def move_to_server(source: Path, server: Database, progress: Progress = _quiet) -> Copied:
    """Copy a whole SQLite database into the server's empty database, verified table by
    table; the evidence scans go along into the database (every clerk's PC reads them
    from there) and into the server's folder on this PC. The file is left unchanged."""
    if not server.is_server:
        raise StoreError("Đích phải là một cơ sở dữ liệu trên máy chủ PostgreSQL.")
    source = Path(source)
    if not source.is_file():
        raise StoreError(f"Không tìm thấy tệp cơ sở dữ liệu {source}.")
    files = evidence_dir(source)
    checks = _fill_from_file(
        server, source, replace=False, progress=progress, then=lambda dst: store_folder(dst, files)
    )
    if files.is_dir():
        shutil.copytree(files, evidence_dir(server.path), dirs_exist_ok=True)
    return Copied(server.label, checks)


__all__ = [
    "Copied",
    "Restored",
    "backup_server",
    "checked_backup_file",
    "evidence_folders",
    "export_to_file",
    "move_to_server",
    "restore_server",
]
