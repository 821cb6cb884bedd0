"""The window's side of a shared server database: connect, move a file's data up, ask
the staff name once per PC, and refresh what others changed when the window regains focus.

Every server round trip runs off the GUI thread (a server may take seconds to answer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QLineEdit

from ..domain.vnformat import number
from . import errors

if TYPE_CHECKING:
    from ..actions.database import Database
    from .main_window import MainWindow


def connect_server(window: MainWindow, preset: str | None = None) -> None:
    """“Kết nối máy chủ cơ sở dữ liệu…”: the dialog, then the window shows that database."""
    if not window.confirm_unsaved():
        return
    from .connect_dialog import ConnectDialog

    dialog = ConnectDialog(window.settings, window, preset)
    window.connect_dialog = dialog

    def finished(result: int) -> None:
        window.connect_dialog = None
        if result and dialog.database is not None:
            window.take_database(dialog.database)

    dialog.finished.connect(finished)
    dialog.open()


def open_server(window: MainWindow, where: Any, on_failed: Any = None) -> None:
    """Connect to `where` (a server Location with its password, e.g. from --db) off the
    GUI thread, then show it; a refusal is shown, then `on_failed()`."""
    from ..actions.server import parse_location

    where = parse_location(where)
    window.ui.statusbar.showMessage(f"Đang kết nối {where.label}…")

    def work(_report: Any) -> Database:
        from ..actions.server import connect

        return connect(where)

    def done(db: Database) -> None:
        window.ui.statusbar.clearMessage()
        window.take_database(db)

    def failed(exc: BaseException) -> None:
        window.ui.statusbar.clearMessage()
        errors.show_error_blocking(window, errors.message_of(exc), "Không kết nối được máy chủ")
        if on_failed is not None:
            on_failed()

    window._boot.run(work, done, failed)


def ask_staff_name(window: MainWindow, db: Database) -> None:
    """Once per PC, on a server: who is working here, for the audit trail."""
    from ..actions.server import set_staff_name, staff_name

    if not db.is_server or staff_name() is not None:
        return
    name, ok = QInputDialog.getText(
        window, "Tên cán bộ",
        "Nhiều cán bộ cùng làm việc trên cơ sở dữ liệu này. Họ và tên của anh/chị sẽ được ghi\n"
        "vào lịch sử thay đổi (chỉ hỏi một lần trên máy tính này):",
        QLineEdit.EchoMode.Normal, "")
    if not ok or not name.strip():
        return
    try:
        db.user = set_staff_name(name)
    except Exception as exc:  # noqa: BLE001 - a refusal in Vietnamese
        errors.show_exception(window, exc)


def change_staff_name(window: MainWindow) -> bool:
    """“Tên cán bộ trên máy này…”: the name the history writes for what is done here
    (instead of the computer account's, often `root` or a shared Windows user)."""
    from ..actions.server import set_staff_name, staff_name

    name, ok = QInputDialog.getText(
        window, "Tên cán bộ",
        "Họ và tên cán bộ làm việc trên máy tính này (được ghi vào lịch sử thay đổi):",
        QLineEdit.EchoMode.Normal, staff_name() or "")
    if not ok:
        return False
    try:
        clean = set_staff_name(name)
    except Exception as exc:  # noqa: BLE001 - a refusal in Vietnamese
        errors.show_exception(window, exc)
        return False
    if window.ctx is not None:
        window.ctx.db.user = clean
    window.staff_changed.emit(clean)
    window.ui.statusbar.showMessage(f"Từ nay lịch sử thay đổi ghi tên: {clean}", 10000)
    return True


def move_to_server(window: MainWindow) -> None:
    """“Chuyển dữ liệu lên máy chủ…”: the open file into an empty server database."""
    ctx = window.ctx
    if ctx is None or ctx.db.is_server or not window.confirm_unsaved():
        return
    if not errors.ask_yes_no(
        window, "Toàn bộ dữ liệu của tệp đang mở sẽ được chép vào một cơ sở dữ liệu còn trống "
        "trên máy chủ PostgreSQL, rồi đối chiếu từng bảng. Tệp giữ nguyên.\n\nTiếp theo: chọn "
        "máy chủ đích.", "Chuyển dữ liệu lên máy chủ", yes="&Tiếp tục"):
        return
    from .connect_dialog import ConnectDialog

    dialog = ConnectDialog(window.settings, window, pick_only=True)
    dialog.setWindowTitle("Chuyển dữ liệu lên máy chủ — chọn cơ sở dữ liệu đích (còn trống)")
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).setText("&Chuyển lên")
    source = ctx.db.path

    def finished(result: int) -> None:
        window.connect_dialog = None
        if result and dialog.chosen is not None:
            _run_move(window, source, dialog.chosen)

    dialog.finished.connect(finished)
    window.connect_dialog = dialog
    dialog.open()


def _run_move(window: MainWindow, source: Any, where: Any) -> None:
    ctx = window.ctx
    assert ctx is not None

    def work(report: Any) -> Any:
        from ..actions.server import move_file_to_server

        return move_file_to_server(source, where, report)

    def done(copied: Any) -> None:

        text = (f"Đã chuyển dữ liệu lên {copied.target}: {number(len(copied.checks))} bảng, "
                f"{number(copied.rows)} dòng; từng bảng đã được đối chiếu với tệp gốc.\n\n"
                "Mở cơ sở dữ liệu trên máy chủ ngay bây giờ?")
        if errors.ask_yes_no(window, text, "Chuyển dữ liệu lên máy chủ", yes="&Mở"):
            open_server(window, where)

    ctx.tasks.run(work, done, lambda exc: errors.show_exception(window, exc),
                  ctx.report_progress, writes=True)


def refresh_if_others_changed(window: MainWindow) -> None:
    """On regaining focus: if anyone wrote to the server's database since we last looked
    (a newer audit entry), every screen reloads."""
    ctx = window.ctx
    if ctx is None or not ctx.db.is_server:
        return
    db = ctx.db

    def work(_report: Any) -> int:
        from ..actions.server import last_change

        return last_change(db)

    def done(last: int) -> None:
        if window.ctx is not ctx or ctx.db is not db:
            return
        seen = ctx.last_audit_seen
        ctx.last_audit_seen = last
        if seen is not None and last != seen:
            window.ui.statusbar.showMessage("Đã cập nhật những thay đổi của người khác.", 5000)
            ctx.notify_changed()

    ctx.tasks.run(work, done, lambda _exc: None)
