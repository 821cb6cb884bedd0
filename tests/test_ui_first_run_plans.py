"""The first-run wizard's list of plans (issue 15): grouped by level, no file codes, none
chosen until the person chooses, and a warning for a plan without units."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.ui import errors
from desktop.ui.first_run import PAGE_OFFICE, PAGE_SAVE, PAGE_START, PAGE_UNITS, FirstRunWizard


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    out: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _p, text, *a, **k: out.append(text))
    return out


def test_plans_grouped_by_level_without_codes_none_chosen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
    qtbot.addWidget(wizard)
    wizard.show()
    combo = wizard.ui.planCombo
    texts = [combo.itemText(i) for i in range(combo.count())]
    headings = [t for i, t in enumerate(texts) if combo.itemData(i) is None]
    assert [h.split(" (")[0] for h in headings] == ["Cấp huyện", "Cấp tỉnh, thành phố",
                                                     "Cấp sở, ngành"]
    model = combo.model()
    for i in range(combo.count()):
        if combo.itemData(i) is None:  # a heading cannot be chosen
            assert not model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled
    for code in ("ninh-son-2022", "binh-phuoc-2022", "can-tho-2022", "dien-bien-2023"):
        assert not any(code in t for t in texts)
    assert "Ủy ban nhân dân huyện Ninh Sơn" in texts[1]  # under "Cấp huyện"
    assert combo.currentIndex() == -1 and wizard.plan() is None
    # Next refuses until a plan is chosen
    wizard.next()
    assert wizard.currentId() == PAGE_START
    assert "Hãy chọn một kế hoạch" in wizard.ui.lblPlanInfo.text()
    combo.setCurrentIndex(combo.findData("ninh-son-2022"))
    wizard.next()
    assert wizard.currentId() == PAGE_OFFICE


def test_a_plan_without_units_warns(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
    qtbot.addWidget(wizard)
    combo = wizard.ui.planCombo
    combo.setCurrentIndex(combo.findData("dien-bien-2023"))
    info = wizard.ui.lblPlanInfo.text()
    assert "chưa có danh sách đơn vị" in info and "Đơn vị" in info
    assert "chưa có danh sách đơn vị" in combo.currentText()
    combo.setCurrentIndex(combo.findData("ninh-son-2022"))
    assert "chưa có danh sách" not in wizard.ui.lblPlanInfo.text()


def test_a_plan_without_units_takes_a_unit_list_all_or_none(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, said: list[str]) -> None:
    from desktop.store.database import Database
    from desktop.store.plans import unit_infos

    bad = tmp_path / "thiếu-tên.csv"
    bad.write_text("Mã,Tên đơn vị,Loại\nVP,Văn phòng Sở,phòng\nTT,,phòng\n", "utf-8-sig")
    good = tmp_path / "các-phòng.csv"
    good.write_text("Mã,Tên đơn vị,Loại\nVP,Văn phòng Sở,phòng\n"
                    "TTCNTT,Trung tâm Công nghệ thông tin và Truyền thông,phòng\n", "utf-8-sig")
    target = tmp_path / "sở.db"
    wizard = FirstRunWizard(save_path=target)
    qtbot.addWidget(wizard)
    wizard.show()
    combo = wizard.ui.planCombo
    combo.setCurrentIndex(combo.findData("dien-bien-2023"))
    wizard.next()
    wizard.office_form.ui.signerNameEdit.setText("Lò Văn Minh")
    wizard.next()
    assert wizard.currentId() == PAGE_UNITS
    assert wizard.btn_unit_list.isVisible()
    assert "Nhập danh sách" in wizard.ui.lblUnitsCount.text()
    wizard.choose_unit_list = lambda: bad
    wizard.btn_unit_list.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert said.pop().startswith("Không nhập danh sách đơn vị thiếu-tên.csv: 1 lỗi, chưa ghi")
    assert wizard.unit_list is None and wizard.ui.unitsTable.rowCount() == 0
    wizard.choose_unit_list = lambda: good
    wizard.btn_unit_list.click()
    qtbot.waitUntil(lambda: wizard.unit_list is not None, timeout=10000)
    table = wizard.ui.unitsTable
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        "Văn phòng Sở", "Trung tâm Công nghệ thông tin và Truyền thông"]
    assert "2 đơn vị từ tệp các-phòng.csv" in wizard.ui.lblUnitsCount.text()
    wizard.next()
    assert wizard.currentId() == PAGE_SAVE
    assert "với 2 đơn vị" in wizard.ui.lblSummary.text()
    assert "dien-bien-2023" not in wizard.ui.lblSummary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result_path is not None or bool(wizard.ui.lblSaveError.text()),
                    timeout=20000)
    assert wizard.ui.lblSaveError.text() == ""
    with Database.open(target, write=False) as db, db.reading() as s:
        assert sorted(u.code for u in unit_infos(s)) == ["TTCNTT", "VP"]


def test_a_plan_file_beside_the_bundled_plan_of_the_same_code(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "resources/plans/ninh-son-2022.toml"
    copied = tmp_path / "ninh-son-2022.toml"
    copied.write_text(source.read_text("utf-8"), "utf-8")
    wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
    qtbot.addWidget(wizard)
    combo = wizard.ui.planCombo
    bundled = combo.findData("ninh-son-2022")
    wizard.choose_plan_file = lambda: copied
    wizard.btn_plan_file.click()
    assert "tệp ninh-son-2022.toml" in combo.currentText()
    from_file = wizard.plan()
    assert from_file is not None and from_file is not wizard.plans[0]
    wizard.btn_plan_file.click()  # the same file again is listed once
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert sum("tệp ninh-son-2022.toml" in t for t in texts) == 1
    combo.setCurrentIndex(bundled)
    assert "tệp" not in combo.currentText() and wizard.plan() is not from_file


def test_screenshot_first_run_plans(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    old = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    try:
        wizard = FirstRunWizard(save_path=tmp_path / "thidua.db")
        qtbot.addWidget(wizard)
        wizard.resize(760, 520)
        wizard.show()
        combo = wizard.ui.planCombo
        combo.setCurrentIndex(combo.findData("dien-bien-2023"))
        qtbot.wait(100)
        assert wizard.grab().save(str(out / "first-run-ke-hoach-chua-co-don-vi.png"))
        listed = tmp_path / "cac-phong.csv"
        listed.write_text("Mã,Tên đơn vị,Loại\nVP,Văn phòng Sở,phòng\n"
                          "TTCNTT,Trung tâm Công nghệ thông tin và Truyền thông,phòng\n"
                          "TTr,Thanh tra Sở,phòng\n", "utf-8-sig")
        wizard.next()
        wizard.office_form.ui.signerNameEdit.setText("Lò Văn Minh")
        wizard.next()
        wizard.read_unit_list(listed)
        qtbot.waitUntil(lambda: wizard.unit_list is not None, timeout=10000)
        assert wizard.grab().save(str(out / "first-run-nhap-danh-sach-don-vi.png"))
    finally:
        qapp.setFont(old)
