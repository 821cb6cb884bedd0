"""Recognise a failure that escaped an action as a storage problem with a name.

    known = recognized(exc, db_path)   # a DomainError to show, or None for a real bug

SQLAlchemy wraps SQLite's errors; the SQLite error (disk full, locked, read-only, damaged)
or an OSError underneath becomes the StorageError of that cause, and a damaged database
a DatabaseDamaged that offers the newest healthy backup. On a PostgreSQL server the same
causes have their SQLSTATE: data damaged (class XX) becomes ServerDataDamaged, which says
that the check and the repair are the server administrator's (the integrity check and
`restore --latest-good` are SQLite's), a full disk the server's own message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.storage import DAMAGED
from ..files import describe
from .errors import DatabaseDamaged, ServerDataDamaged, StoreError
from .health import storage_error_of


def _cause(exc: BaseException) -> BaseException:
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError
    return orig if isinstance(orig, BaseException) else exc


def _server_refusal(inner: BaseException, label: str | None) -> StoreError | None:
    """A PostgreSQL error (psycopg carries its SQLSTATE) that names a fault of the server's
    storage; None for anything else."""
    state = getattr(inner, "sqlstate", None)
    if not isinstance(state, str):
        return None
    where = label or "cơ sở dữ liệu trên máy chủ"
    detail = (str(inner).strip().splitlines() or [""])[0]
    if state.startswith("XX"):
        return ServerDataDamaged(
            f"Máy chủ PostgreSQL báo dữ liệu của {where} bị hỏng ({detail}; mã {state}). "
            "Chương trình không ghi gì thêm. Kiểm tra và sửa cơ sở dữ liệu trên máy chủ là "
            "việc của người quản trị máy chủ (kiểm tra toàn vẹn và khôi phục bản sao lưu tốt "
            "mới nhất tự động chỉ áp dụng cho tệp SQLite); dữ liệu có thể được khôi phục từ "
            "một bản sao lưu của chương trình: thidua --db … restore TỆP."
        )
    if state == "53100":
        return StoreError(
            f"Ổ đĩa của máy chủ chứa {where} đã đầy ({detail}). Thay đổi vừa rồi không được "
            "ghi; hãy báo người quản trị máy chủ giải phóng dung lượng rồi thử lại."
        )
    return None


def recognized(exc: BaseException, db_path: Path | None, label: str | None = None
               ) -> DomainError | None:
    """`label`: the server's address for people, when the database is on a server."""
    if isinstance(exc, DomainError):
        return exc
    inner = _cause(exc)
    server = _server_refusal(inner, label)
    if server is not None:
        return server
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
