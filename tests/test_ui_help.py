"""The user guide inside the application (issue 15): F1 and Trợ giúp open it offline, in
Vietnamese, with its pictures, on the topic of the page in use."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.ui import help_window

TOPICS = {
    "01-quy-trinh": "Quy trình trong năm",
    "02-bieu-mau": "Biểu mẫu",
    "03-nhap-bieu-mau": "lỗi thường gặp",
    "04-tham-dinh": "Thẩm định",
    "05-khen-thuong": "Khen thưởng",
    "06-bao-cao-in": "Báo cáo gửi cấp trên",
    "07-sao-luu": "Sao lưu",
    "08-may-chu": "máy chủ",
}


def test_the_guide_has_every_topic_and_every_picture_exists() -> None:
    found = {t.key: t.title for t in help_window.topics()}
    assert set(found) == set(TOPICS)
    for key, words in TOPICS.items():
        assert words in found[key], (key, found[key])
    dirs = help_window.image_dirs()
    for t in help_window.topics():
        text = t.path.read_text(encoding="utf-8")
        assert "Lỗi không mong đợi" not in text and "TODO" not in text
        for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
            assert any((d / name).is_file() for d in dirs), f"{t.key}: picture {name} missing"
    # the import problems explained are the messages the program really gives
    imports = (help_window.help_dir() / "03-nhap-bieu-mau.md").read_text(encoding="utf-8")
    exchange = Path(__file__).resolve().parent.parent / "desktop" / "exchange"
    program = "".join(  # the form reader and the modules its refusals come from
        (exchange / name).read_text(encoding="utf-8")
        for name in ("form_reader.py", "form_cells.py", "form_table.py", "xlsx_safety.py")
    )
    for message in ("ô chứa công thức", "không phải Có hoặc Không", "nghi là tệp nén độc hại",
                    "tệp .xlsx bị hỏng hoặc không đầy đủ"):
        assert message in imports and message in program, message


def test_f1_opens_the_topic_of_the_page_with_its_pictures(qtbot) -> None:  # type: ignore[no-untyped-def]
    class ProposalsPage(QWidget):  # stands for the page in use (matched by class name)
        pass

    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.page = ProposalsPage(self)

        def current_page(self) -> QWidget:
            return self.page

    window = Window()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("Trợ &giúp")
    menu.addAction("Giới thiệu")
    actions = help_window.install(window, menu)
    assert help_window.install(window, menu) is actions
    assert menu.actions()[0] is actions.action
    assert QKeySequenceText(actions) == "F1"
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible())
    dialog = actions.dialog
    assert dialog is not None and dialog.current_key == "05-khen-thuong"
    text = dialog.browser.toPlainText()
    assert "Hạn mức khen thưởng" in text and "Vi phạm quy định của kế hoạch" in text
    image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                        QUrl("proposals_page.png"))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() <= help_window.GuideBrowser.MAX_WIDTH
    dialog.show_topic("03-nhap-bieu-mau")
    assert "tử số 120 lớn hơn mẫu số 100" in dialog.browser.toPlainText()
    dialog.close()


def QKeySequenceText(actions: help_window.HelpActions) -> str:  # noqa: N802
    return actions.action.shortcuts()[0].toString()


def test_screenshot_help(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    old = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    try:
        dialog = help_window.HelpWindow()
        qtbot.addWidget(dialog)
        dialog.show_topic("06-bao-cao-in")
        dialog.resize(1050, 760)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(200)
        assert dialog.grab().save(str(out / "huong-dan.png"))
    finally:
        qapp.setFont(old)
