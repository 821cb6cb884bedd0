"""Recognise a failure that escaped an action as a storage problem with a name.

    known = recognized(exc, db_path)   # a DomainError to show, or None for a real bug

SQLAlchemy wraps SQLite's errors; the SQLite error (disk full, locked, read-only, damaged)
or an OSError underneath becomes the StorageError of that cause, and a damaged database
a DatabaseDamaged that offers the newest healthy backup.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.storage import DAMAGED
from ..files import describe
from .errors import DatabaseDamaged
from .health import storage_error_of


def _cause(exc: BaseException) -> BaseException:
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError
    return orig if isinstance(orig, BaseException) else exc


def recognized(exc: BaseException, db_path: Path | None) -> DomainError | None:
    if isinstance(exc, DomainError):
        return exc
    inner = _cause(exc)
    if isinstance(inner, sqlite3.Error) and db_path is not None:
        err = storage_error_of(inner, Path(db_path), "cơ sở dữ liệu")
        if err is not None and err.cause == DAMAGED:
            from .backup import damaged_message, latest_good

            latest = latest_good(Path(db_path))
            return DatabaseDamaged(damaged_message(Path(db_path), latest), path=db_path,
                                   latest=latest)
        return err
    if isinstance(inner, OSError | UnicodeError):
        name = getattr(inner, "filename", None)
        target = Path(name) if isinstance(name, str) and name else db_path
        if target is not None:
            return describe(inner, Path(target), "tệp")
    return None
