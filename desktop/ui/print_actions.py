"""Print preview and printing from the window: the official report and the check table.

`install(window, ctx)` adds to the "Tệp" menu "Xem trước và in báo cáo…" (Ctrl+P) and
"Xem trước và in bảng kiểm tra…" (Ctrl+Shift+P). The text is built off the GUI thread
(the period's evaluation, the same `OfficialReport` as the PDF, as HTML); the preview is
Qt's QPrintPreviewDialog on A4 — portrait with the margins of Nghị định 30 (top 20, bottom
20, left 30, right 15 mm) for the report, landscape for the table — and page numbers
centred in the top margin from page 2 on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from ..paths import resource_path
from . import errors
from .context import AppContext
from .submissions_model import error_text

log = logging.getLogger(__name__)

REPORT_TEXT = "&Xem trước và in báo cáo…"
CHECK_TEXT = "Xem trước và &in bảng kiểm tra…"
REPORT_MARGINS_MM = QMarginsF(30, 20, 15, 20)  # left, top, right, bottom (NĐ 30)
TABLE_MARGINS_MM = QMarginsF(15, 15, 15, 15)
_fonts_loaded = False


def load_report_fonts() -> None:
    """The bundled Liberation Serif (the PDF's font) for Qt as well, once."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    for path in sorted(resource_path("fonts").glob("LiberationSerif-*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("font %s could not be loaded", path)
    _fonts_loaded = True


def make_printer(landscape: bool) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    margins = TABLE_MARGINS_MM if landscape else REPORT_MARGINS_MM
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                      margins, QPageLayout.Unit.Millimeter))
    return printer


def paint_html(printer: QPrinter, html: str) -> int:
    """Lay `html` out on the printer's pages and paint them; returns the page count."""
    load_report_fonts()
    doc = QTextDocument()
    doc.setDefaultFont(QFont("Liberation Serif", 12))
    doc.documentLayout().setPaintDevice(printer)
    from ..exchange.report_html import at_resolution  # reportlab's import: not at start

    doc.setHtml(at_resolution(html, printer.resolution()))
    layout = printer.pageLayout()
    rect = layout.paintRectPixels(printer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    top_margin = layout.marginsPixels(printer.resolution()).top()
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        pages = doc.pageCount()
        number_font = QFont("Liberation Serif")
        number_font.setPointSizeF(13)
        for page in range(pages):
            if page:
                printer.newPage()
            painter.save()
            painter.translate(0, -page * rect.height())
            doc.drawContents(painter, QRectF(0, page * rect.height(), rect.width(), rect.height()))
            painter.restore()
            if page:  # the page number centred in the top margin, none on page 1
                painter.setFont(number_font)
                painter.drawText(QRectF(0, -top_margin, rect.width(), top_margin),
                                 Qt.AlignmentFlag.AlignCenter, str(page + 1))
        return pages
    finally:
        painter.end()


def report_html(db: Any, period_code: str) -> str:
    """The official report of the period, as the PDF writes it, in HTML (worker thread)."""
    from ..actions.exports import load_export_input
    from ..exchange.report_html import official_html
    from ..exchange.report_pdf import build_report

    return official_html(build_report(load_export_input(db, period_code)))


def check_table_html(db: Any, period_code: str) -> str:
    from ..actions.office import read_office
    from ..actions.plan import period_report
    from ..exchange.report_html import check_html

    return check_html(period_report(db, period_code), read_office(db).name)


class PrintActions(QObject):
    """The two actions and the preview they open."""

    def __init__(self, window: QMainWindow, ctx: AppContext, menu: QMenu,
                 before: QAction | None) -> None:
        super().__init__(window)
        self.setObjectName("printActions")
        self.window = window
        self.ctx = ctx
        self.preview: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self.report_action = QAction(REPORT_TEXT, window)
        self.report_action.setObjectName("actionPrintReport")
        self.report_action.setShortcut(QKeySequence("Ctrl+P"))
        self.report_action.setStatusTip("Xem trước và in báo cáo kết quả của kỳ đang chọn "
                                        "(khổ A4, thể thức Nghị định 30/2020/NĐ-CP)")
        self.report_action.triggered.connect(lambda: self.print_report())
        self.check_action = QAction(CHECK_TEXT, window)
        self.check_action.setObjectName("actionPrintCheck")
        self.check_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.check_action.setStatusTip("Xem trước và in bảng kiểm tra đơn vị × tiêu chí của "
                                       "kỳ đang chọn (khổ A4 ngang)")
        self.check_action.triggered.connect(lambda: self.print_check_table())
        if before is not None and before in menu.actions():
            menu.insertAction(before, self.report_action)
            menu.insertAction(before, self.check_action)
            menu.insertSeparator(before)
        else:
            menu.addSeparator()
            menu.addAction(self.report_action)
            menu.addAction(self.check_action)

    # -- seams (tests replace them)
    def show_preview(self, dialog: QPrintPreviewDialog) -> None:
        dialog.open()

    # -- actions
    def print_report(self) -> None:
        code = self.ctx.period_code
        self._prepare(lambda _r: report_html(self.ctx.db, code), landscape=False,
                      title=f"Báo cáo kỳ {self._label(code)}")

    def print_check_table(self) -> None:
        code = self.ctx.period_code
        self._prepare(lambda _r: check_table_html(self.ctx.db, code), landscape=True,
                      title=f"Bảng kiểm tra kỳ {self._label(code)}")

    def _label(self, code: str) -> str:
        try:
            return self.ctx.plan.period(code).label
        except KeyError:
            return code

    def _prepare(self, work: Callable[[Any], str], *, landscape: bool, title: str) -> None:
        for action in (self.report_action, self.check_action):
            action.setEnabled(False)

        def done(html: str) -> None:
            self._enable()
            self.open_preview(html, landscape=landscape, title=title)

        def failed(exc: BaseException) -> None:
            self._enable()
            errors.show_error(self.window, error_text(exc), "Không chuẩn bị được bản in")

        self.ctx.tasks.run(work, done, failed)

    def _enable(self) -> None:
        for action in (self.report_action, self.check_action):
            action.setEnabled(True)

    def open_preview(self, html: str, *, landscape: bool, title: str,
                     parent: QWidget | None = None) -> QPrintPreviewDialog:
        printer = make_printer(landscape)
        printer.setDocName(title)
        dialog = QPrintPreviewDialog(printer, parent or self.window)
        self.printer = printer  # the dialog does not own it: kept while it is open
        dialog.setWindowTitle(f"Xem trước khi in — {title}")
        dialog.resize(1000, 800)
        dialog.paintRequested.connect(lambda p: paint_html(p, html))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.preview = dialog
        self.show_preview(dialog)
        return dialog

    def _forget(self, dialog: QPrintPreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
            self.printer = None
        dialog.deleteLater()


def install(window: QMainWindow, ctx: AppContext, menu: QMenu,
            before: QAction | None = None) -> PrintActions:
    """Add the print actions to `menu` of `window` (before `before`; once: a second call
    only updates the context)."""
    existing = window.findChild(PrintActions, "printActions")
    if isinstance(existing, PrintActions):
        existing.ctx = ctx
        return existing
    return PrintActions(window, ctx, menu, before)
