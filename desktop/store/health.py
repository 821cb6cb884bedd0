"""Is a SQLite file sound, and what does a SQLite failure mean for a person.

    problem = health_problem(path)        # None when the file passes the check
    raise storage_error_of(exc, path, "cơ sở dữ liệu")   # a named StorageError

A file up to QUICK_CHECK_ABOVE bytes gets the full `PRAGMA integrity_check`; a larger
one `PRAGMA quick_check` (the same page and record checks without comparing each index
with its table, a few times faster), so that the check stays within a second or two.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from ..domain.storage import (
    DAMAGED,
    DISK_FULL,
    IO,
    LOCKED,
    MISSING,
    NOTHING_HALF,
    READ_ONLY,
    StorageError,
)
from ..files import describe

log = logging.getLogger("thidua.store")

QUICK_CHECK_ABOVE = 64 * 1024 * 1024


def health_problem(path: Path, *, read_only: bool = False) -> str | None:
    """None when `path` is a sound SQLite database; else what the check found (English,
    for the log)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot read the file: {exc}"
    pragma = "quick_check" if size > QUICK_CHECK_ABOVE else "integrity_check"
    target = f"file:{path.as_posix()}?mode=ro" if read_only else str(path)
    try:
        con = sqlite3.connect(target, uri=read_only, timeout=5)
    except sqlite3.Error as exc:
        return f"cannot open: {exc}"
    try:
        rows = [str(r[0]) for r in con.execute(f"PRAGMA {pragma}(8)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if _name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise
        return f"{pragma}: {exc}"
    finally:
        con.close()
    if rows == ["ok"]:
        return None
    return f"{pragma}: " + "; ".join(rows)


def is_healthy(path: Path) -> bool:
    try:
        return health_problem(path, read_only=True) is None
    except sqlite3.Error:
        return False


def _full(path: Path) -> bool:
    """Too little room left beside `path` for SQLite's journal (an I/O error is then the
    full disk SQLite could not name)."""
    try:
        return shutil.disk_usage(path.parent).free < 256 * 1024
    except OSError:
        return False


def _name(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def storage_error_of(exc: BaseException, path: Path, what: str) -> StorageError | None:
    """A named StorageError for a SQLite failure on `path` (None when it is none of the
    storage causes: a bug, to be logged as such)."""
    path = Path(path)
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError | UnicodeError):
        return describe(exc, path, what)
    if not isinstance(exc, sqlite3.Error):
        return None
    name = _name(exc)
    text = str(exc).lower()
    log.warning("sqlite failure on %s: %s %s", path, name, exc)
    io_error = name.startswith("SQLITE_IOERR") or "disk i/o error" in text
    if name.startswith("SQLITE_FULL") or "disk is full" in text or (io_error and _full(path)):
        return StorageError(
            f"Ổ đĩa chứa {path.parent} đã đầy: không ghi được {what} “{path}”. Hãy giải phóng "
            "dung lượng rồi thử lại. Không có thay đổi nào được ghi dở.",
            cause=DISK_FULL, path=path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StorageError(
            f"Tệp {path} đang bị một chương trình khác khóa (chẳng hạn một phần mềm xem cơ sở "
            "dữ liệu hay phần mềm sao lưu đang mở nó). Hãy đóng chương trình đó rồi thử lại. "
            "Không có thay đổi nào được ghi.",
            cause=LOCKED, path=path)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return StorageError(
            f"Tệp {path} (hoặc thư mục {path.parent}) chỉ cho phép đọc: không ghi được "
            f"{what}. Hãy bỏ thuộc tính chỉ đọc hoặc chép tệp sang thư mục ghi được. "
            "Không có thay đổi nào được ghi.",
            cause=READ_ONLY, path=path)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return StorageError(
            f"Tệp {path} bị hỏng (không phải cơ sở dữ liệu SQLite còn nguyên vẹn).",
            cause=DAMAGED, path=path)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        if not path.parent.is_dir():
            return StorageError(
                f"Không tìm thấy thư mục {path.parent}: USB hoặc ổ đĩa có thể đã bị rút ra. "
                f"Hãy cắm lại rồi thử lại. {NOTHING_HALF}",
                cause=MISSING, path=path)
        return StorageError(
            f"Không mở được {what} “{path}”: thư mục không cho phép ghi hoặc tệp chỉ cho phép "
            "đọc. Không có thay đổi nào được ghi.",
            cause=READ_ONLY, path=path)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        if not path.parent.is_dir():
            return StorageError(
                f"Không tìm thấy thư mục {path.parent}: USB hoặc ổ đĩa có thể đã bị rút ra "
                f"trong khi ghi. Hãy cắm lại rồi thử lại; {what} không bị ghi dở.",
                cause=MISSING, path=path)
        return StorageError(
            f"Ổ đĩa báo lỗi khi đọc hoặc ghi {what} “{path}” (ổ hỏng, USB lỏng hoặc đầy). "
            "Không có thay đổi nào được ghi dở.",
            cause=IO, path=path)
    return None
