"""Files written whole, and storage failures named for people.

Every file the program writes for a person (exports, forms, packages, backups) goes
through `write_whole`: a temporary file beside the target, flushed to the disk, then
renamed over it, so that the target holds either the old content or the new, never a
half. A failure of the disk or the folder becomes a `StorageError` whose message names
the cause and the path:

    write_whole(Path("E:/bao-cao.xlsx"), lambda tmp: tmp.write_bytes(data), "tệp Excel")

The causes: the disk is full, the file or folder is read-only, the folder is missing (a
USB stick pulled out), the name cannot be written on this system, the target is open in
another program (Windows refuses to replace a file Excel holds open: the new file is kept
beside it and both are named). Used by exchange, store and the front ends alike.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from .errors import DomainError

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
MISSING = "missing"
BAD_NAME = "bad_name"
IN_USE = "in_use"
LOCKED = "locked"
DAMAGED = "damaged"
IO = "io"

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.ENOENT)}
_DENIED = {errno.EACCES, errno.EPERM}


class StorageError(DomainError):
    """The disk or the folder refused: `cause` is one of the names above, `path` the file."""

    def __init__(self, message: str, *, cause: str, path: Path | None = None,
                 kept: Path | None = None) -> None:
        super().__init__(message)
        self.cause = cause
        self.path = path
        self.kept = kept  # IN_USE: where the new file was kept instead


NOTHING_HALF = "Không có tệp nào bị ghi dở."


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
        return StorageError(
            f"Không ghi được {what}: tên “{path.name}” có ký tự mà hệ thống tệp ở đây không "
            f"ghi được (thư mục {path.parent}). Hãy đặt tên khác, chẳng hạn chỉ gồm chữ, số "
            f"và dấu gạch ngang. {NOTHING_HALF}",
            cause=BAD_NAME, path=path)
    code = getattr(exc, "errno", None)
    if code in _FULL:
        return StorageError(
            f"Ổ đĩa chứa {path.parent} đã đầy: không ghi được {what} “{path}”. Hãy giải "
            f"phóng dung lượng hoặc chọn ổ đĩa khác rồi thử lại. {NOTHING_HALF}",
            cause=DISK_FULL, path=path)
    if code == errno.EROFS:
        return StorageError(
            f"Ổ đĩa chứa {path.parent} chỉ cho phép đọc (USB có thể đang gạt khóa chống ghi): "
            f"không ghi được {what} “{path}”. {NOTHING_HALF}",
            cause=READ_ONLY, path=path)
    if code in _GONE or (code == errno.EIO and _folder_missing(path) is not None):
        gone = _folder_missing(path)
        if gone is not None:
            return StorageError(
                f"Không tìm thấy thư mục {gone}: USB hoặc ổ đĩa có thể đã bị rút ra. Hãy cắm "
                f"lại (hoặc chọn thư mục khác) rồi thử lại; {what} “{path.name}” chưa được "
                f"ghi. {NOTHING_HALF}",
                cause=MISSING, path=path)
    if code in _DENIED:
        target_locked = path.exists() and not os.access(path, os.W_OK)
        if target_locked:
            return StorageError(
                f"Tệp {path} chỉ cho phép đọc (hoặc tài khoản này không có quyền ghi nó): "
                f"không thay được {what}. Hãy bỏ thuộc tính chỉ đọc hoặc chọn tên khác. "
                f"{NOTHING_HALF}",
                cause=READ_ONLY, path=path)
        return StorageError(
            f"Thư mục {path.parent} không cho phép ghi (chỉ đọc hoặc tài khoản này không có "
            f"quyền): không ghi được {what} “{path.name}”. Hãy chọn thư mục khác. "
            f"{NOTHING_HALF}",
            cause=READ_ONLY, path=path)
    if code == errno.EIO:
        return StorageError(
            f"Ổ đĩa báo lỗi khi ghi {what} “{path}” (lỗi vào/ra: ổ hỏng hoặc USB lỏng). "
            f"Hãy thử lại hoặc chọn ổ khác. {NOTHING_HALF}",
            cause=IO, path=path)
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return StorageError(f"Không ghi được {what} “{path}”: {reason}. {NOTHING_HALF}",
                        cause=IO, path=path)


def beside_name(path: Path, now: dt.datetime | None = None) -> Path:
    """Where a new file is kept when its target cannot be replaced: 'x (mới 10-15).xlsx'."""
    stamp = (now or dt.datetime.now()).strftime("%H-%M-%S")
    candidate = path.with_name(f"{path.stem} (mới {stamp}){path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} (mới {stamp} {n}){path.suffix}")
        n += 1
    return candidate


def temporary_beside(path: Path) -> Path:
    return path.with_name(f".~{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def _fsync(path: Path) -> None:
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
        if (not path.exists() or not os.access(path.parent, os.W_OK)
                or not os.access(path, os.W_OK)):
            raise describe(exc, path, what) from None
        kept = beside_name(path)
        try:
            os.replace(tmp, kept)
        except OSError:
            raise describe(exc, path, what) from None
        raise StorageError(
            f"Tệp {path} đang mở trong một chương trình khác (Excel, trình xem PDF…) nên không "
            f"thay được. {what[0].upper() + what[1:]} mới đã được lưu bên cạnh: {kept}. Hãy "
            "đóng tệp đang mở rồi xuất lại (hoặc đổi tên tệp mới); tệp cũ vẫn nguyên.",
            cause=IN_USE, path=path, kept=kept) from None


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
        raise StorageError(f"Không ghi được {what} “{path}”: đó là một thư mục; hãy chọn tên "
                           f"tệp khác. {NOTHING_HALF}", cause=IO, path=path)
    if path.exists() and not os.access(path, os.W_OK):
        raise describe(PermissionError(errno.EACCES, "read-only", str(path)), path, what)
    try:
        try:
            write(tmp)
            _fsync(tmp)
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


# ---------------------------------------------------------------------------- sets

JOURNAL_PREFIX = ".~thidua-bo-tep-"


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # FAT32 sticks have no hard links
        import shutil

        shutil.copyfile(src, dst)


def recover_sets(folder: Path) -> int:
    """Finish the sets whose writing was interrupted (a power cut between two renames):
    a journal exists only once every new file was complete, so each interrupted set is
    completed with its new files. Returns how many sets were completed."""
    import json

    done = 0
    try:
        journals = sorted(Path(folder).glob(f"{JOURNAL_PREFIX}*.json"))
    except OSError:
        return 0
    for journal in journals:
        try:
            pairs = json.loads(journal.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        for item in pairs:
            tmp, target, old = Path(item["tmp"]), Path(item["target"]), Path(item["old"])
            if tmp.exists():
                os.replace(tmp, target)
            old.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
        done += 1
    return done


def write_set(items: list[tuple[Path, bytes, str]]) -> list[Path]:
    """Write several files as one: afterwards every target holds its new content, or every
    target its old one — never a mix. (path, data, what) per file.

    All new files are written beside their targets first; a journal then records the set;
    the renames follow, and an interruption between them is completed by recover_sets.
    When one target cannot be replaced (Windows: open in Excel), the ones already renamed
    get their old content back, every new file is kept beside its target under another
    name, and StorageError(IN_USE) names them."""
    import json

    written: list[tuple[Path, Path, Path]] = []  # (tmp, target, old)
    try:
        for path, data, what in items:
            path = Path(path)
            recover_sets(path.parent)
            tmp = temporary_beside(path)
            try:
                os.fsencode(tmp)
                if path.is_dir():
                    raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
                if path.exists() and not os.access(path, os.W_OK):
                    raise PermissionError(errno.EACCES, "read-only", str(path))
                written.append((tmp, path, path.with_name(f".~{path.name}.cu")))
                tmp.write_bytes(data)
                _fsync(tmp)
            except (OSError, UnicodeError) as exc:
                raise describe(exc, path, what) from None
    except BaseException:
        for tmp, _target, _old in written:
            try:
                tmp.unlink(missing_ok=True)
            except (OSError, UnicodeError):
                pass
        raise
    folder = written[0][1].parent if written else Path(".")
    journal = folder / f"{JOURNAL_PREFIX}{uuid.uuid4().hex[:8]}.json"
    try:
        for _tmp, target, old in written:
            if target.exists():
                _link_or_copy(target, old)
        write_bytes_whole(journal, json.dumps(
            [{"tmp": str(t), "target": str(p), "old": str(o)} for t, p, o in written],
            ensure_ascii=False).encode("utf-8"), "nhật ký ghi tệp")
    except BaseException:
        for tmp, _target, old in written:
            tmp.unlink(missing_ok=True)
            old.unlink(missing_ok=True)
        raise
    replaced: list[int] = []
    try:
        for n, (tmp, target, _old) in enumerate(written):
            try:
                os.replace(tmp, target)
            except PermissionError as exc:
                raise _keep_set_beside(written, replaced, n, exc, items[n][2]) from None
            except OSError as exc:
                raise describe(exc, target, items[n][2]) from None
            replaced.append(n)
    except BaseException:
        for n in replaced:  # back to the old content; the new file beside it
            tmp, target, old = written[n]
            if old.exists():
                os.replace(target, tmp)
                os.replace(old, target)
            else:
                os.replace(target, tmp)
        for tmp, _target, old in written:
            tmp.unlink(missing_ok=True)
            old.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
        raise
    for _tmp, _target, old in written:
        old.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return [target for _tmp, target, _old in written]


def _keep_set_beside(written: list[tuple[Path, Path, Path]], replaced: list[int], failed: int,
                     exc: PermissionError, what: str) -> StorageError:
    """Undo the renames done, keep every new file beside its target; the error to raise."""
    target = written[failed][1]
    if not target.exists() or not os.access(target, os.W_OK):
        return describe(exc, target, what)
    for n in replaced:
        tmp, tgt, old = written[n]
        if old.exists():
            os.replace(tgt, tmp)
            os.replace(old, tgt)
    replaced.clear()
    kept = []
    for tmp, tgt, old in written:
        beside = beside_name(tgt)
        os.replace(tmp, beside)
        kept.append(beside)
        old.unlink(missing_ok=True)
    listing = "; ".join(str(k) for k in kept)
    return StorageError(
        f"Tệp {target} đang mở trong một chương trình khác (Excel, trình xem PDF…) nên không "
        f"thay được. Để các tệp của lần xuất này luôn đi cùng nhau, không tệp cũ nào bị thay; "
        f"các tệp mới được lưu bên cạnh: {listing}. Hãy đóng tệp đang mở rồi xuất lại.",
        cause=IN_USE, path=target, kept=kept[failed])


__all__ = [
    "BAD_NAME", "DAMAGED", "DISK_FULL", "IN_USE", "IO", "LOCKED", "MISSING", "READ_ONLY",
    "StorageError", "beside_name", "describe", "recover_sets", "replace_or_keep",
    "write_bytes_whole", "write_set", "write_whole",
]
