"""A database found damaged at open: say so in plain Vietnamese, offer the newest healthy
backup with its date, and restore it when the person agrees (the damaged file is kept)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..actions.maintenance import DatabaseDamaged
from . import errors


def offer_restore(parent: QWidget | None, exc: DatabaseDamaged) -> bool:
    """True when the newest healthy backup was restored (the caller opens the file again)."""
    latest = exc.latest
    if latest is None:
        errors.show_error_blocking(parent, exc.message, "Cơ sở dữ liệu bị hỏng")
        return False
    if not errors.ask_yes_no(
        parent,
        f"{exc.message}\n\nKhôi phục bản sao lưu lưu lúc {latest.when}?",  # type: ignore[attr-defined]
        "Cơ sở dữ liệu bị hỏng", yes="&Khôi phục bản sao lưu", no="Đó&ng",
    ):
        return False
    from ..actions.maintenance import restore_latest_good

    try:
        done = restore_latest_good(Path(str(exc.path)))
    except Exception as failure:  # noqa: BLE001 - shown in Vietnamese, traceback logged
        errors.show_error_blocking(parent, errors.message_of(failure), "Không khôi phục được")
        return False
    errors.show_info(parent, done.message, "Đã khôi phục")
    return True
