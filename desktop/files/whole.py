"""Files written whole, and storage failures named (desktop.domain.storage words them).

Every file the program writes for a person (exports, forms, packages, backups) goes
through `write_whole`: a temporary file beside the target, flushed to the disk, then
renamed over it, so that the target holds either the old content or the new, never a
half. A failure of the disk or the folder becomes a StorageError naming the cause and
the path:

    write_whole(Path("E:/bao-cao.xlsx"), lambda tmp: tmp.write_bytes(data), "tệp Excel")
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from ..domain import storage as words
from ..domain.storage import StorageError

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.ENOENT)}
_DENIED = {errno.EACCES, errno.EPERM}


def _folder_missing(path: Path) -> Path | None:
    """The nearest folder of `path` that does not exist (None when its folder does)."""
    folder = path.parent
    missing = None
    try:
        while not folder.is_dir():
            missing = folder
            if folder.parent == folder:
                break
            folder = folder.parent
    except (OSError, ValueError):
        return path.parent
    return missing


def describe(exc: BaseException, path: Path, what: str) -> StorageError:
    """A StorageError for an OSError or a name the system cannot encode, writing `what`
    (“tệp Excel”, “bản sao lưu”) to `path`. Anything else: a plain one naming the error."""
    path = Path(path)
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, UnicodeError):
        return words.bad_name(path, what)
    code = getattr(exc, "errno", None)
    if code in _FULL:
        return words.disk_full(path, what)
    if code == errno.EROFS:
        return words.read_only_disk(path, what)
    if code in _GONE or (code == errno.EIO and _folder_missing(path) is not None):
        gone = _folder_missing(path)
        if gone is not None:
            return words.folder_missing(gone, path, what)
    if code in _DENIED:
        if path.exists() and not os.access(path, os.W_OK):
            return words.file_read_only(path, what)
        return words.folder_read_only(path, what)
    if code == errno.EIO:
        return words.io_failure(path, what)
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return words.other_failure(path, what, reason)


def beside_name(path: Path, now: dt.datetime | None = None) -> Path:
    """Where a new file is kept when its target cannot be replaced: 'x (mới 10-15).xlsx'."""
    stamp = (now or dt.datetime.now()).strftime("%H-%M-%S")
    n = 1
    candidate = words.beside_candidate(path, stamp, n)
    while candidate.exists():
        n += 1
        candidate = words.beside_candidate(path, stamp, n)
    return candidate


def temporary_beside(path: Path) -> Path:
    return path.with_name(f".~{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_or_keep(tmp: Path, path: Path, what: str) -> Path:
    """Rename the finished `tmp` over `path`. When the system refuses to replace an existing
    target (Windows: the file is open in Excel or a PDF viewer), the new file is kept beside
    it under another name and StorageError(IN_USE) names both; the old file is untouched."""
    try:
        os.replace(tmp, path)
        return path
    except PermissionError as exc:
        if not path.exists() or not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
            raise describe(exc, path, what) from None
        kept = beside_name(path)
        try:
            os.replace(tmp, kept)
        except OSError:
            raise describe(exc, path, what) from None
        raise words.in_use(path, what, kept) from None


def write_whole(path: Path, write: Callable[[Path], object], what: str) -> Path:
    """Write a file whole or not at all: `write(tmp)` fills a temporary file beside `path`,
    which is then renamed over it. Storage failures raise StorageError; the target keeps
    its old content and no temporary file stays behind."""
    path = Path(path)
    try:
        tmp = temporary_beside(path)
        os.fsencode(tmp)
    except UnicodeError as exc:
        raise describe(exc, path, what) from None
    if path.is_dir():
        raise words.is_a_folder(path, what)
    if path.exists() and not os.access(path, os.W_OK):
        raise describe(PermissionError(errno.EACCES, "read-only", str(path)), path, what)
    try:
        try:
            write(tmp)
            fsync(tmp)
        except (OSError, UnicodeError) as exc:
            raise describe(exc, path, what) from None
        return replace_or_keep(tmp, path, what)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except (OSError, UnicodeError):
            pass


def write_bytes_whole(path: Path, data: bytes, what: str) -> Path:
    return write_whole(path, lambda tmp: tmp.write_bytes(data), what)


__all__ = [
    "beside_name",
    "describe",
    "fsync",
    "replace_or_keep",
    "temporary_beside",
    "write_bytes_whole",
    "write_whole",
]
