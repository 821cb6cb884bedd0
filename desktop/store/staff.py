"""Who is working at this PC, for the audit trail.

On a shared server several clerks write, often each under the same Windows or Linux
account (even `root`); the trail names the person: the staff name given once on this PC
(the window asks for it, `thidua staff --set` sets it; THIDUA_STAFF overrides), else the
server's login, else the account name.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import StoreError

MAX_LENGTH = 100


def current_user() -> str:
    """The account's name (the audit trail's user when no staff name is set)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return "?"


def staff_file() -> Path:
    from ..paths import data_dir

    return data_dir() / "can-bo.txt"


def staff_name() -> str | None:
    """The staff name set on this PC, or None."""
    env = " ".join(os.environ.get("THIDUA_STAFF", "").split())
    if env:
        return env[:MAX_LENGTH]
    try:
        text = staff_file().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    name = " ".join(text.split())
    return name[:MAX_LENGTH] or None


def set_staff_name(name: str) -> str:
    """Remember the staff name on this PC; refuses an empty or too long one."""
    clean = " ".join(name.split())
    if not clean:
        raise StoreError("Hãy ghi họ và tên cán bộ (sẽ được ghi vào lịch sử thay đổi).")
    if len(clean) > MAX_LENGTH:
        raise StoreError(f"Tên cán bộ dài quá {MAX_LENGTH} ký tự.")
    path = staff_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(clean + "\n", encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"Không ghi được tên cán bộ vào {path}: {exc.strerror}") from None
    return clean


def who(login: str | None, account: str) -> str:
    """The name written in the audit trail."""
    return staff_name() or login or account
