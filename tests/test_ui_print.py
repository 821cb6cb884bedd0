"""Print preview and printing from the window (issue 15): the official report (A4 portrait,
the margins of Nghị định 30) and the check table (A4 landscape), built off the GUI thread."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.store.database import Database
from desktop.ui import print_actions
from desktop.ui.context import AppContext


@pytest.fixture
def window(qtbot, demo_db: Path):  # type: ignore[no-untyped-def]
    ctx = AppContext(Database.open(demo_db, backup=False))
    ctx.set_period("2023")
    win = QMainWindow()
    qtbot.addWidget(win)
    menu = win.menuBar().addMenu("&Tệp")
    actions = print_actions.install(win, ctx, menu)
    shown: list[QPrintPreviewDialog] = []
    actions.show_preview = shown.append  # type: ignore[method-assign]
    yield win, actions, shown
    ctx.tasks.wait()
    ctx.db.close()


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed (poppler-utils)")
    out = subprocess.run([tool, str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(unicodedata.normalize("NFC", out.stdout).split())


def print_to_pdf(dialog: QPrintPreviewDialog, html: str, path: Path) -> tuple[int, QPrinter]:
    """What the preview's printer would print, to a PDF file (its page layout kept)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(dialog.printer().pageLayout())
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return print_actions.paint_html(printer, html), printer


def test_menu_has_the_print_actions(window) -> None:  # type: ignore[no-untyped-def]
    win, actions, _shown = window
    texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
    assert print_actions.REPORT_TEXT in texts and print_actions.CHECK_TEXT in texts
    assert actions.report_action.shortcut().toString() == "Ctrl+P"
    assert print_actions.install(win, actions.ctx, QMenu()) is actions  # once


def test_report_preview_is_a4_portrait_and_prints_the_report(
    qtbot, window, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    win, actions, shown = window
    actions.report_action.trigger()
    assert not actions.report_action.isEnabled()  # while the text is built off the GUI thread
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    dialog = shown[0]
    layout = dialog.printer().pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    m = layout.margins(QPageLayout.Unit.Millimeter)
    assert [round(x) for x in (m.left(), m.top(), m.right(), m.bottom())] == [30, 20, 15, 20]
    assert actions.report_action.isEnabled()
    html = print_actions.report_html(actions.ctx.db, "2023")
    pages, _p = print_to_pdf(dialog, html, tmp_path / "in.pdf")
    assert pages >= 2
    text = pdf_text(tmp_path / "in.pdf")
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Kính gửi: Ủy ban nhân dân huyện Ninh Sơn.", "BÁO CÁO",
                  "I. TÌNH HÌNH TỔ CHỨC THỰC HIỆN VÀ GỬI BÁO CÁO", "Nơi nhận:", "- Như trên;",
                  "Nguyễn Thị Hương", "Xã Nhơn Sơn"):
        assert words in text, words


def test_check_table_preview_is_landscape_with_every_unit(
    qtbot, window, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    win, actions, shown = window
    actions.check_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    dialog = shown[0]
    assert dialog.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape
    html = print_actions.check_table_html(actions.ctx.db, "2023")
    print_to_pdf(dialog, html, tmp_path / "bang.pdf")
    text = pdf_text(tmp_path / "bang.pdf")
    assert "BẢNG KIỂM TRA KẾT QUẢ THI ĐUA" in text
    for name in ("Thị trấn Tân Sơn", "Xã Lâm Sơn", "Xã Ma Nới", "Xã Nhơn Sơn"):
        assert name in text
    assert "Không đạt" in text and "58,33 %" in text  # readable in black and white


def test_a_failure_is_shown_not_raised(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.errors import DomainError

    win, actions, shown = window
    seen: list[str] = []
    monkeypatch.setattr(print_actions.errors, "show_error",
                        lambda _p, text, _t: seen.append(text))
    monkeypatch.setattr(actions.ctx, "period_code", "9999")
    actions.report_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert not shown and actions.report_action.isEnabled()
    assert "9999" in seen[0] and "Traceback" not in seen[0]
    assert DomainError  # the message is the domain's refusal, in Vietnamese


def test_screenshot_print_preview(qtbot, qapp, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    win, actions, shown = window
    old = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    try:
        actions.report_action.trigger()
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        dialog = shown[0]
        dialog.resize(1100, 850)
        dialog.show()
        qtbot.wait(300)
        assert dialog.grab().save(str(out / "xem-truoc-khi-in.png"))
        dialog.close()
    finally:
        qapp.setFont(old)
