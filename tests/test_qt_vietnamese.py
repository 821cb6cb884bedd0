"""Qt's own strings in Vietnamese (issue 15): the .ts is complete, compiles, and what a
person meets in the window (buttons, text-field menus, wizard, print preview, file dialog,
scroll bar menu) reads Vietnamese once it is installed."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWizard,
)

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qtbase_vi.ts"
sys.path.insert(0, str(ROOT / "build_scripts"))
import compile_translations  # noqa: E402


def test_every_message_has_a_vietnamese_translation() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "vi_VN"
    messages = root.findall("context/message")
    assert len(messages) > 400
    untranslated = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert untranslated == []
    contexts = {c.findtext("name") for c in root.findall("context")}
    for needed in ("QPlatformTheme", "QLineEdit", "QWidgetTextControl", "QFileDialog",
                   "QPrintDialog", "QPrintPreviewDialog", "QScrollBar", "QWizard",
                   "QMessageBox", "QPageSetupWidget", "QAbstractSpinBox"):
        assert needed in contexts, needed
    # every accelerator kept: a translated '&Yes' still has its '&'
    for m in messages:
        source, text = m.findtext("source") or "", m.findtext("translation") or ""
        if "&" in source.replace("&&", "").replace("&nbsp;", "") and "<" not in source:
            assert "&" in text, source


@pytest.fixture
def vietnamese(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    (qm,) = compile_translations.compile_all(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_standard_buttons_read_vietnamese(vietnamese: QTranslator, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"OK", "Hủy", "Lưu", "Đóng"}
    msg = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Tiếp tục?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(msg)
    assert msg.button(QMessageBox.StandardButton.Yes).text() == "&Có"
    assert msg.button(QMessageBox.StandardButton.No).text() == "&Không"


def test_text_field_menus_read_vietnamese(vietnamese: QTranslator, qtbot) -> None:  # type: ignore[no-untyped-def]
    line = QLineEdit()
    qtbot.addWidget(line)
    menu = line.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    for wanted in ("&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "&Xóa", "Chọn &tất cả"):
        assert wanted in texts, (wanted, texts)
    area = QPlainTextEdit()
    qtbot.addWidget(area)
    texts = [a.text().split("\t")[0] for a in area.createStandardContextMenu().actions()]
    assert "&Sao chép" in texts and "&Dán" in texts
    assert not any(t in texts for t in ("&Copy", "&Paste", "Select All"))


def test_wizard_buttons_read_vietnamese(vietnamese: QTranslator, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    qtbot.addWidget(wizard)
    texts = {wizard.buttonText(b) for b in (QWizard.WizardButton.BackButton,
                                             QWizard.WizardButton.NextButton,
                                             QWizard.WizardButton.FinishButton,
                                             QWizard.WizardButton.CancelButton)}
    assert texts == {"< &Quay lại", "&Tiếp >", "&Hoàn tất", "Hủy"}


def test_dialog_and_menu_strings_read_vietnamese(vietnamese: QTranslator) -> None:
    tr = QCoreApplication.translate
    assert tr("QPrintPreviewDialog", "Print Preview") == "Xem trước khi in"
    assert tr("QPrintPreviewDialog", "Fit width") == "Vừa chiều rộng"
    assert tr("QPrintDialog", "&Print") == "&In"
    assert tr("QFileDialog", "File &name:") == "&Tên tệp:"
    assert tr("QFileDialog", "All Files (*)") == "Tất cả các tệp (*)"
    assert tr("QScrollBar", "Scroll here") == "Cuộn đến đây"
    assert tr("QPageSize", "Envelope C5") == "Phong bì C5"


def test_print_preview_toolbar_reads_vietnamese(vietnamese: QTranslator, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog()
    qtbot.addWidget(dialog)
    from PySide6.QtGui import QAction

    tips = {a.text() for a in dialog.findChildren(QAction)}
    assert {"Trang sau", "Trang cuối", "Phóng to", "Vừa chiều rộng", "In", "Dọc"} <= tips, tips
    assert dialog.windowTitle() == "Xem trước khi in"


def test_the_application_installs_it_at_start(qapp: QApplication) -> None:
    from desktop.paths import resource_path
    from desktop.ui import qt_vietnamese

    compile_translations.compile_all()  # as scripts/setup.sh does
    qapp.setProperty(qt_vietnamese._PROPERTY, False)
    try:
        assert qt_vietnamese.install_qt_translation(qapp)
        assert resource_path("translations", "qtbase_vi.qm").is_file()
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
        assert qt_vietnamese.install_qt_translation(qapp)  # once: the second call adds nothing
    finally:
        for t in qapp.findChildren(QTranslator):
            qapp.removeTranslator(t)
            t.deleteLater()
        qapp.setProperty(qt_vietnamese._PROPERTY, False)
