"""Backup and restore of the office's SQLite database, exclusive of any other copy.

    done = backup(path, folder)                 # on demand; BackupDone
    done = restore_file(path, backup_file)      # RestoreDone
    done = restore_latest_good(path)            # the newest healthy backup

Each takes the database's write lock first (store.database.exclusive): while another copy
of the program has the database open (an import under way, the window open), they are
refused with DatabaseLocked and nothing changes. `restore_file(..., locked=True)` is for
the window, which already holds the lock through its open Database (and must have
disposed of its engine).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..paths import backups_dir
from ..store import backup as backups
from ..store.database import exclusive
from ..store.errors import DatabaseDamaged, StoreError
from ..store.recognize import recognized

__all__ = [
    "DatabaseDamaged", "RestoreDone", "backup", "latest_good_or_refuse", "recognized",
    "restore_file", "restore_latest_good",
]


@dataclass(frozen=True)
class RestoreDone:
    database: Path
    source: Path
    kept: Path  # the backup (or raw copy, when damaged) of the file that was replaced
    taken_at: str = ""  # 'HH:MM ngày dd/mm/yyyy' of the backup, when known

    @property
    def message(self) -> str:
        when = f" (lưu lúc {self.taken_at})" if self.taken_at else ""
        return (f"Đã khôi phục {self.database} từ {self.source}{when}. Dữ liệu trước khi "
                f"khôi phục được giữ ở {self.kept}.")


def backup(path: Path, folder: Path | None = None) -> backups.BackupDone:
    """A backup copy; a database of an older format is then upgraded (what the read-only
    commands' refusal tells a person to do), the copy keeping the old format."""
    with exclusive(path):
        done = backups.backup_now(Path(path), folder)
    _upgrade_if_older(Path(path))
    return done


def _upgrade_if_older(path: Path) -> None:
    from ..store import migrate
    from ..store.database import Database

    revision = migrate.stored_revision(path)
    if revision is not None and revision != migrate.HEAD_REVISION:
        Database.open(path, backup=False).close()  # a writer upgrades an older schema


def _restore(path: Path, source: Path) -> RestoreDone:
    kept = backups.restore(path, source)
    info = backups.backup_info(source)
    return RestoreDone(path, source, kept, info.when if info else "")


def restore_file(path: Path, backup_file: Path, *, locked: bool = False) -> RestoreDone:
    path, backup_file = Path(path), Path(backup_file)
    if locked:
        return _restore(path, backup_file)
    with exclusive(path):
        return _restore(path, backup_file)


def latest_good_or_refuse(path: Path) -> backups.BackupInfo:
    latest = backups.latest_good(Path(path))
    if latest is None:
        raise StoreError(
            f"Không tìm thấy bản sao lưu nào còn tốt của {path} (trong "
            f"{backups_dir(Path(path))} và thư mục sao lưu thứ hai)."
        )
    return latest


def restore_latest_good(path: Path, *, locked: bool = False) -> RestoreDone:
    path = Path(path)
    if locked:
        return _restore(path, latest_good_or_refuse(path).path)
    with exclusive(path):
        return _restore(path, latest_good_or_refuse(path).path)
