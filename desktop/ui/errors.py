"""A person never sees a traceback: the global excepthook and the message helpers.

Unexpected errors are logged with their traceback (logs/thidua.log) and shown as a plain
Vietnamese dialog; refusals (DomainError) are shown with their own message.

Screens call these helpers through the module (`errors.show_error(...)`), so that tests
can replace them. `show_*` open window-modal boxes without blocking; `ask_*` block.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # QMessageBox is imported when a message is shown, not at start-up
    from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import DomainError

log = logging.getLogger("thidua.ui")

TITLE = "ThiĐua CĐS"


def log_file_text() -> str:
    from ..paths import log_dir

    return str(log_dir() / "thidua.log")


def unexpected_text() -> str:
    return (
        "Đã xảy ra lỗi không mong đợi. Thao tác vừa rồi có thể chưa hoàn thành, nhưng dữ liệu "
        "đã lưu không bị ghi dở.\n\nChi tiết kỹ thuật đã được ghi vào tệp nhật ký:\n"
        f"{log_file_text()}"
    )


def message_of(exc: BaseException) -> str:
    """What to tell a person about an error: a refusal's own message, or a plain text
    (the traceback goes to the log)."""
    if isinstance(exc, DomainError):
        return exc.message
    if isinstance(exc, OSError | UnicodeError):
        log.warning("file error: %s", exc)
        name = getattr(exc, "filename", None)
        if isinstance(name, str) and name:
            from ..files import describe

            return describe(exc, Path(name), "tệp").message
        if isinstance(exc, OSError) and exc.strerror:
            return f"Không thao tác được với tệp: {exc.strerror}."
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return unexpected_text()


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def _box(parent: QWidget | None, icon: str, text: str, title: str) -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(getattr(QMessageBox.Icon, icon), title, text,
                      QMessageBox.StandardButton.Ok, _parent(parent))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def show_error(parent: QWidget | None, text: str, title: str = "Không thực hiện được"
               ) -> QMessageBox:
    box = _box(parent, "Warning", text, title)
    box.open()
    return box


def show_info(parent: QWidget | None, text: str, title: str = TITLE) -> QMessageBox:
    box = _box(parent, "Information", text, title)
    box.open()
    return box


def show_exception(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    return show_error(parent, message_of(exc))


def show_error_blocking(parent: QWidget | None, text: str, title: str = TITLE) -> None:
    _box(parent, "Critical", text, title).exec()


def ask_yes_no(parent: QWidget | None, text: str, title: str = TITLE,
               yes: str = "Đồng ý", no: str = "Hủy") -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      _parent(parent))
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def confirm_sending(parent: QWidget | None, warnings: list[str]) -> bool:
    """Before an official document is written with what an office would not send (no
    signer, another level's office): say it and let the person go on or stop. Stopping is
    the default button."""
    from PySide6.QtWidgets import QMessageBox

    if not warnings:
        return True
    text = "Văn bản sắp xuất còn điều cần xem lại:\n\n" + "\n\n".join(
        f"• {w}" for w in warnings) + "\n\nVẫn xuất văn bản?"
    box = QMessageBox(QMessageBox.Icon.Warning, "Xem lại trước khi xuất", text,
                      QMessageBox.StandardButton.NoButton, _parent(parent))
    go = box.addButton("&Vẫn xuất", QMessageBox.ButtonRole.AcceptRole)
    stop = box.addButton("&Hủy để sửa", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stop)
    box.exec()
    return box.clickedButton() is go


def ask_save(parent: QWidget | None, text: str, title: str = TITLE) -> str:
    """'save', 'discard' or 'cancel' — the question asked before unsaved changes are lost."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      _parent(parent))
    save = box.addButton("&Lưu", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Không lưu", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("&Hủy", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


# ---- the global hook --------------------------------------------------------------------

_showing = False


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, DomainError):
        text = exc.message
        log.info("refusal escaped to the top: %s", text)
    else:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        text = unexpected_text()
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        show_error_blocking(None, text, "Lỗi" if not isinstance(exc, DomainError) else TITLE)
    finally:
        _showing = False


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    log.error("unexpected error in thread %s", args.thread,
              exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))


def install_excepthook() -> None:
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook
