"""A database found damaged at open: say so in plain Vietnamese and offer the newest
healthy backup with its date (the window then restores it off the GUI thread, keeping
the damaged file)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..actions.maintenance import DatabaseDamaged
from . import errors


def ask_restore(parent: QWidget | None, exc: DatabaseDamaged) -> bool:
    """True when the person wants the newest healthy backup restored; False when there
    is none (said so) or they decline."""
    latest = exc.latest
    if latest is None:
        errors.show_error_blocking(parent, exc.message, "Cơ sở dữ liệu bị hỏng")
        return False
    return errors.ask_yes_no(
        parent,
        f"{exc.message}\n\nKhôi phục bản sao lưu lưu lúc {latest.when}?",  # type: ignore[attr-defined]
        "Cơ sở dữ liệu bị hỏng",
        yes="&Khôi phục bản sao lưu",
        no="Đó&ng",
    )
