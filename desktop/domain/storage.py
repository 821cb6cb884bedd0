"""Storage failures named for people: the causes, the error, and its messages (pure).

What the disk or the folder refused is a `StorageError` whose message names the cause and
the path. The causes: the disk is full, the file or folder is read-only, the folder is
missing (a USB stick pulled out), the name cannot be written on this system, the target
is open in another program (Windows refuses to replace a file Excel holds open: the new
file is kept beside it and both are named), the database is locked or damaged.

The facts (which errno, whether the folder exists) are gathered by desktop.files, which
writes files whole; this module only turns them into Vietnamese.
"""

from __future__ import annotations

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

NOTHING_HALF = "Không có tệp nào bị ghi dở."


class StorageError(DomainError):
    """The disk or the folder refused: `cause` is one of the names above, `path` the file."""

    def __init__(
        self, message: str, *, cause: str, path: Path | None = None, kept: Path | None = None
    ) -> None:
        super().__init__(message)
        self.cause = cause
        self.path = path
        self.kept = kept  # IN_USE: where the new file was kept instead


def bad_name(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Không ghi được {what}: tên “{path.name}” có ký tự mà hệ thống tệp ở đây không "
        f"ghi được (thư mục {path.parent}). Hãy đặt tên khác, chẳng hạn chỉ gồm chữ, số "
        f"và dấu gạch ngang. {NOTHING_HALF}",
        cause=BAD_NAME,
        path=path,
    )


def disk_full(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Ổ đĩa chứa {path.parent} đã đầy: không ghi được {what} “{path}”. Hãy giải "
        f"phóng dung lượng hoặc chọn ổ đĩa khác rồi thử lại. {NOTHING_HALF}",
        cause=DISK_FULL,
        path=path,
    )


def read_only_disk(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Ổ đĩa chứa {path.parent} chỉ cho phép đọc (USB có thể đang gạt khóa chống ghi): "
        f"không ghi được {what} “{path}”. {NOTHING_HALF}",
        cause=READ_ONLY,
        path=path,
    )


def folder_missing(gone: Path, path: Path, what: str) -> StorageError:
    return StorageError(
        f"Không tìm thấy thư mục {gone}: USB hoặc ổ đĩa có thể đã bị rút ra. Hãy cắm "
        f"lại (hoặc chọn thư mục khác) rồi thử lại; {what} “{path.name}” chưa được "
        f"ghi. {NOTHING_HALF}",
        cause=MISSING,
        path=path,
    )


def file_read_only(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Tệp {path} chỉ cho phép đọc (hoặc tài khoản này không có quyền ghi nó): "
        f"không thay được {what}. Hãy bỏ thuộc tính chỉ đọc hoặc chọn tên khác. "
        f"{NOTHING_HALF}",
        cause=READ_ONLY,
        path=path,
    )


def folder_read_only(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Thư mục {path.parent} không cho phép ghi (chỉ đọc hoặc tài khoản này không có "
        f"quyền): không ghi được {what} “{path.name}”. Hãy chọn thư mục khác. "
        f"{NOTHING_HALF}",
        cause=READ_ONLY,
        path=path,
    )


def io_failure(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Ổ đĩa báo lỗi khi ghi {what} “{path}” (lỗi vào/ra: ổ hỏng hoặc USB lỏng). "
        f"Hãy thử lại hoặc chọn ổ khác. {NOTHING_HALF}",
        cause=IO,
        path=path,
    )


def other_failure(path: Path, what: str, reason: str) -> StorageError:
    return StorageError(
        f"Không ghi được {what} “{path}”: {reason}. {NOTHING_HALF}", cause=IO, path=path
    )


def is_a_folder(path: Path, what: str) -> StorageError:
    return StorageError(
        f"Không ghi được {what} “{path}”: đó là một thư mục; hãy chọn tên tệp khác. {NOTHING_HALF}",
        cause=IO,
        path=path,
    )


def in_use(path: Path, what: str, kept: Path) -> StorageError:
    """The target could not be replaced (open in Excel); the new file was kept at `kept`."""
    return StorageError(
        f"Tệp {path} đang mở trong một chương trình khác (Excel, trình xem PDF…) nên không "
        f"thay được. {what[0].upper() + what[1:]} mới đã được lưu bên cạnh: {kept}. Hãy "
        "đóng tệp đang mở rồi xuất lại (hoặc đổi tên tệp mới); tệp cũ vẫn nguyên.",
        cause=IN_USE,
        path=path,
        kept=kept,
    )


def set_in_use(path: Path, kept: list[Path], failed: int) -> StorageError:
    """One file of a set could not be replaced: no old file was, every new one is beside."""
    listing = "; ".join(str(k) for k in kept)
    return StorageError(
        f"Tệp {path} đang mở trong một chương trình khác (Excel, trình xem PDF…) nên không "
        f"thay được. Để các tệp của lần xuất này luôn đi cùng nhau, không tệp cũ nào bị thay; "
        f"các tệp mới được lưu bên cạnh: {listing}. Hãy đóng tệp đang mở rồi xuất lại.",
        cause=IN_USE,
        path=path,
        kept=kept[failed],
    )


def beside_candidate(path: Path, stamp: str, n: int = 1) -> Path:
    """The n-th name for a new file kept beside its target: 'x (mới 10-15-00).xlsx'."""
    suffix = f" {n}" if n > 1 else ""
    return path.with_name(f"{path.stem} (mới {stamp}{suffix}){path.suffix}")


__all__ = [
    "BAD_NAME",
    "DAMAGED",
    "DISK_FULL",
    "IN_USE",
    "IO",
    "LOCKED",
    "MISSING",
    "NOTHING_HALF",
    "READ_ONLY",
    "StorageError",
    "bad_name",
    "beside_candidate",
    "disk_full",
    "file_read_only",
    "folder_missing",
    "folder_read_only",
    "in_use",
    "io_failure",
    "is_a_folder",
    "other_failure",
    "read_only_disk",
    "set_in_use",
]
