"""Store errors, with messages for people."""

from __future__ import annotations

from ..domain.errors import DomainError

NO_PLAN = "Cơ sở dữ liệu chưa có kế hoạch. Hãy chạy 'thidua init --plan MÃ'."


class StoreError(DomainError):
    """A database could not be opened or a change was refused."""


class DatabaseLocked(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class DatabaseDamaged(StoreError):
    """The file is a SQLite database that fails its integrity check. `latest` is the
    newest healthy backup (path, taken at) or None."""

    def __init__(self, message: str, *, path: object, latest: object = None) -> None:
        super().__init__(message)
        self.path = path
        self.latest = latest


class ServerDataDamaged(StoreError):
    """A PostgreSQL server reported its data damaged (SQLSTATE class XX). Checking and
    repairing a server's database is its administrator's work: the integrity check and
    the automatic offer of the newest healthy backup are for SQLite files."""
