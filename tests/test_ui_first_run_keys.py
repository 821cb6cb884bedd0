"""The first-run wizard's keyboard (issue 15): on each page, in each mode, every button
and labelled field a person sees has its own Alt letter, and "Dùng tệp kế hoạch đã sửa"
is offered only where it applies (creating from a plan)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QWizard

from desktop.ui.first_run import PAGE_OFFICE, PAGE_SAVE, PAGE_START, PAGE_UNITS, FirstRunWizard

WIZARD_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)  # fmt: skip


def mnemonic(text: str) -> str | None:
    """The Alt letter of a Qt text ('&&' is a literal ampersand), folded as a key is."""
    m = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    if m is None:
        return None
    return unicodedata.normalize("NFD", m.group(1))[0].casefold()


def keys_seen(wizard: FirstRunWizard) -> dict[str, list[str]]:
    """Alt letter -> the texts shown with it, on the current page and its buttons."""
    page = wizard.currentPage()
    texts = [w.text() for w in page.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in page.findChildren(QLabel) if w.isVisible() and w.buddy()]
    texts += [wizard.button(b).text() for b in WIZARD_BUTTONS if wizard.button(b).isVisible()]
    seen: dict[str, list[str]] = {}
    for text in texts:
        key = mnemonic(text)
        if key is not None:
            seen.setdefault(key, []).append(text)
    return seen


def assert_distinct(wizard: FirstRunWizard, where: str) -> None:
    clashes = {k: t for k, t in keys_seen(wizard).items() if len(t) > 1}
    assert not clashes, f"{where}: {clashes}"


def test_every_page_of_every_mode_has_distinct_alt_letters(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
    qtbot.addWidget(wizard)
    wizard.show()
    ui = wizard.ui
    assert wizard.currentId() == PAGE_START
    for radio in (wizard.rbServer, ui.rbPlan):  # the wizard's own buttons, whichever shows
        radio.setChecked(True)
        own = [mnemonic(wizard.buttonText(b)) for b in WIZARD_BUTTONS]
        assert None not in own and len(set(own)) == len(own), own
    for radio in (ui.rbOpen, wizard.rbServer, ui.rbDemo, ui.rbPlan):
        radio.setChecked(True)
        assert_distinct(wizard, f"trang đầu, {radio.text()}")
    ui.planCombo.setCurrentIndex(ui.planCombo.findData("ninh-son-2022"))
    walked = [PAGE_START]
    while wizard.currentId() != PAGE_SAVE:
        if wizard.currentId() == PAGE_OFFICE:
            wizard.office_form.ui.signerNameEdit.setText("Nguyễn Văn Hùng")
        wizard.next()
        assert wizard.currentId() != walked[-1], "Tiếp theo did not move on"
        walked.append(wizard.currentId())
        assert_distinct(wizard, f"trang {wizard.currentPage().title()}")
    assert walked == [PAGE_START, PAGE_OFFICE, PAGE_UNITS, PAGE_SAVE]
    for _ in walked[1:]:  # and back, the way a person checks what they typed
        wizard.back()
        assert_distinct(wizard, f"trang {wizard.currentPage().title()} (quay lại)")
    ui.rbDemo.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_SAVE
    assert_distinct(wizard, "trang lưu, dùng thử")


def test_the_plan_file_is_offered_only_when_creating_from_a_plan(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
    qtbot.addWidget(wizard)
    wizard.show()
    ui = wizard.ui
    for radio, offered in ((ui.rbOpen, False), (wizard.rbServer, False), (ui.rbDemo, False),
                           (ui.rbPlan, True)):  # fmt: skip
        radio.setChecked(True)
        assert wizard.btn_plan_file.isEnabled() is offered, radio.text()


def test_without_bundled_plans_the_plan_file_is_still_the_way_to_one(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(FirstRunWizard, "_load_plans", staticmethod(lambda: []))
    wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
    qtbot.addWidget(wizard)
    assert not wizard.ui.rbPlan.isEnabled() and wizard.ui.rbDemo.isChecked()
    assert wizard.btn_plan_file.isEnabled()
