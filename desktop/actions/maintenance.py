"""Backup and restore: one implementation for the window and the command line.

    made = backup(target, folder)                       # BackupMade
    done = restore(target, backup_file)                 # RestoreDone
    done = restore(target, latest_good=True)            # the newest healthy backup

`target` is either a database this process already holds for writing (the window's open
`Database`, or the command line's for a server) or the path of a SQLite file, which is
then held exclusively for the whole act (store.database.exclusive): while another copy
of the program has it open (an import under way, the window open), the act is refused
with DatabaseLocked and nothing changes.

A backup is only taken of a database that passes its integrity check; a restore checks
the backup, keeps the current file (a backup of it, or a raw copy when damaged), puts the
backup in place whole, upgrades it to this version's format at once, and records
RESTORE_REASON in the history of the restored database. A server's database is backed up
to a portable file and restored in one transaction (store.portable).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..paths import backups_dir
from ..store import backup as backups
from ..store.database import Database, exclusive
from ..store.errors import DatabaseDamaged, StoreError
from ..store.recognize import recognized

__all__ = [
    "RESTORE_REASON",
    "BackupMade",
    "DatabaseDamaged",
    "RestoreDone",
    "backup",
    "latest_good_or_refuse",
    "recognized",
    "restore",
]

RESTORE_REASON = "Khôi phục từ bản sao lưu"
Report = Callable[[int, int, str], object]


@dataclass(frozen=True)
class BackupMade:
    database: str  # the file's path or the server's address, for people
    path: Path  # the backup file
    second: Path | None = None  # its copy in the office's second backup folder
    second_problem: str | None = None  # why the second folder got no copy
    rows: int | None = None  # a server's backup: the rows verified table by table

    @property
    def message(self) -> str:
        lines = [
            f"Đã sao lưu {self.database} vào {self.path}"
            + (f" ({self.rows} dòng, đã đối chiếu từng bảng)." if self.rows is not None else ".")
        ]
        if self.second is not None:
            lines.append(f"Bản sao thứ hai: {self.second}")
        elif self.second_problem:
            lines.append(f"Chưa chép được vào thư mục sao lưu thứ hai: {self.second_problem}")
        return "\n".join(lines)


@dataclass(frozen=True)
class RestoreDone:
    database: str  # the file's path or the server's address, for people
    source: Path
    kept: Path  # the backup (or raw copy, when damaged) of the data that was replaced
    taken_at: str = ""  # 'HH:MM ngày dd/mm/yyyy' of the backup, when known
    # on a server: evidence and dossier files whose content was in no folder nor the backup
    files_not_found: tuple[str, ...] = ()
    searched: tuple[Path, ...] = ()  # the folders they were looked for in

    @property
    def message(self) -> str:
        when = f" (lưu lúc {self.taken_at})" if self.taken_at else ""
        text = (
            f"Đã khôi phục {self.database} từ {self.source}{when}. Dữ liệu trước khi "
            f"khôi phục được giữ ở {self.kept}."
        )
        if self.files_not_found:
            where = "; ".join(str(f) for f in self.searched)
            shown = self.files_not_found[:10]
            names = ", ".join(shown)
            if len(self.files_not_found) > len(shown):
                names += f" và {len(self.files_not_found) - len(shown)} tệp khác"
            text += (
                f"\n\n{len(self.files_not_found)} tệp minh chứng/hồ sơ chưa được đưa lên "
                f"máy chủ vì không có trong bản sao lưu, cũng không có trong thư mục minh "
                f"chứng nào đã tìm ({where}): {names}. Các bản ghi vẫn được khôi phục; hãy "
                "đính kèm lại các tệp này, hoặc chép chúng vào một trong các thư mục trên "
                "rồi khôi phục lại."
            )
        return text


def _quiet(_done: int, _total: int, _text: str) -> None:
    pass


# ---- backup ---------------------------------------------------------------------------------


def backup(
    target: Database | Path, folder: Path | None = None, report: Report | None = None
) -> BackupMade:
    """A backup copy (in `folder`, else beside the database and into the second backup
    folder). A file not held by this process is held exclusively meanwhile, and when of
    an older format upgraded afterwards (what the read-only commands' refusal tells a
    person to do), the copy keeping the old format."""
    say = report or _quiet
    say(0, 0, "Đang sao lưu…")
    if isinstance(target, Database):
        if target.is_server:
            from ..store.portable import backup_server

            copied = backup_server(target, folder, say)
            return BackupMade(target.label, Path(copied.target), rows=copied.rows)
        return _made(target.label, backups.backup_now(target.path, folder))
    path = Path(target)
    with exclusive(path):
        done = backups.backup_now(path, folder)
        _upgrade(path)
    return _made(str(path), done)


def _made(label: str, done: backups.BackupDone) -> BackupMade:
    return BackupMade(label, done.path, done.second, done.second_problem)


def _upgrade(path: Path) -> None:
    """Bring a file held exclusively to this version's format (nothing when it is)."""
    from ..store import migrate
    from ..store.database import make_engine

    revision = migrate.stored_revision(path)
    if revision is None or revision == migrate.HEAD_REVISION:
        return
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, path)
    finally:
        engine.dispose()


# ---- restore --------------------------------------------------------------------------------


def latest_good_or_refuse(path: Path) -> backups.BackupInfo:
    latest = backups.latest_good(Path(path))
    if latest is None:
        raise StoreError(
            f"Không tìm thấy bản sao lưu nào còn tốt của {path} (trong "
            f"{backups_dir(Path(path))} và thư mục sao lưu thứ hai)."
        )
    return latest


def restore(
    target: Database | Path,
    source: Path | None = None,
    *,
    latest_good: bool = False,
    report: Report | None = None,
) -> RestoreDone:
    """Replace the database by the backup `source` (or, with `latest_good`, the newest
    backup that passes its check) and bring it to this version's format; the history of
    the restored database records RESTORE_REASON. `target`: the window's open Database
    (its engine is disposed of first), or a file held exclusively meanwhile."""
    say = report or _quiet
    if source is None and not latest_good:
        raise StoreError("Hãy chỉ ra tệp sao lưu cần khôi phục.")
    if isinstance(target, Database) and target.is_server:
        if source is None:
            raise StoreError("Trên máy chủ, hãy chỉ ra tệp sao lưu cần khôi phục.")
        from ..store.portable import restore_server

        restored = restore_server(target, Path(source), say)
        _note(target, Path(source))
        return RestoreDone(
            target.label,
            Path(source),
            Path(restored.safety.target),
            files_not_found=restored.files_not_found,
            searched=restored.folders,
        )
    if isinstance(target, Database):
        target.engine.dispose()  # its connections must not outlive the file they read
        done = _restore_file(target.path, source, say)
        _note(target, done.source)
        return done
    path = Path(target)
    with exclusive(path):
        done = _restore_file(path, source, say)
        from ..store.database import make_engine

        db = Database(path, make_engine(path), None, writable=True)  # the lock is ours
        try:
            _note(db, done.source)
        finally:
            db.close()
    return done


def _restore_file(path: Path, source: Path | None, say: Report) -> RestoreDone:
    """The file replaced and upgraded; the caller holds its write lock."""
    from ..store import migrate
    from ..store.database import make_engine

    chosen = Path(source) if source is not None else latest_good_or_refuse(path).path
    say(0, 2, "Đang khôi phục…")
    kept = backups.restore(path, chosen)
    say(1, 2, "Đang kiểm tra định dạng dữ liệu…")
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, path)
    finally:
        engine.dispose()
    say(2, 2, "")
    info = backups.backup_info(chosen)
    return RestoreDone(str(path), chosen, kept, info.when if info else "")


def _note(db: Database, source: Path) -> None:
    """The restore, in the history of the restored database (the same from either front
    end): who, when, from which file."""
    from ..store.audit import note

    with db.transaction(RESTORE_REASON) as session:
        note(session, "database", str(source))
