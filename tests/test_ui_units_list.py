"""The Đơn vị screen takes a whole unit list from Excel or CSV (all or none, every bad row
named) and writes the list back out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.exchange.unit_list_file import read_unit_list
from desktop.ui import errors
from desktop.ui.main_window import PAGES, MainWindow

PAGE = {title: i for i, (title, _page) in enumerate(PAGES)}


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for kind in ("show_error", "show_info"):
        monkeypatch.setattr(errors, kind,
                            lambda _p, text, *a, kind=kind, **k: out.append((kind, text)))
    monkeypatch.setattr(errors, "show_exception",
                        lambda _p, exc: out.append(("show_error", errors.message_of(exc))))
    return out


@pytest.fixture
def units_page(qtbot, demo_db: Path):
    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(demo_db)
    w.show_page(PAGE["Đơn vị"])
    page = w.pages[PAGE["Đơn vị"]]
    qtbot.waitUntil(lambda: page.model.rowCount() == 8)
    yield page
    w.close()


def test_import_a_list_then_export_it(qtbot, units_page, said, tmp_path: Path) -> None:
    page = units_page
    bad = tmp_path / "bad.csv"
    bad.write_text("Mã,Tên đơn vị,Loại\n40001,Xã Một,xã\n40002,,xã\n40003,Xã Ba,làng\n",
                   "utf-8-sig")
    page.choose_list_to_import = lambda: bad
    page.ui.btnImportList.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    kind, text = said.pop()
    assert kind == "show_error"
    assert "bad.csv, dòng 3 (40002): thiếu tên đơn vị" in text
    assert "bad.csv, dòng 4 (40003): loại đơn vị 'làng' không nhận ra" in text
    assert page.model.rowCount() == 8  # Xã Một was fine, and is not written either

    good = tmp_path / "good.csv"
    good.write_text("Mã,Tên đơn vị,Loại\n40001,Xã Một,xã\n40002,Phường Hai,\n", "utf-8-sig")
    page.choose_list_to_import = lambda: good
    page.ui.btnImportList.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=10000)
    qtbot.waitUntil(lambda: bool(said))
    assert said.pop() == ("show_info", "Danh sách đơn vị: thêm 2, cập nhật 0 đơn vị.")

    out = tmp_path / "out.xlsx"
    page.choose_list_to_export = lambda: out
    page.ui.btnExportList.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert said.pop() == ("show_info", f"Đã xuất 10 đơn vị vào {out}.")
    rows, problems = read_unit_list(out)
    assert problems == [] and {r.code for r in rows} >= {"40001", "40002", "22810"}


def test_first_run_wizard_starts_from_a_plan_file(qtbot, tmp_path: Path, said) -> None:
    from PySide6.QtWidgets import QWizard

    from desktop.store.database import Database
    from desktop.store.plan_edit import load_office
    from desktop.store.plans import load_plan, unit_infos
    from desktop.ui.first_run import PAGE_OFFICE, PAGE_UNITS, FirstRunWizard

    source = Path(__file__).parents[1] / "resources/plans/dien-bien-2023.toml"
    copied = tmp_path / "dien-bien-2023.toml"
    copied.write_text(source.read_text("utf-8").replace(
        "[[indicators]]",
        '[[units]]\ncode = "VP"\nname = "Văn phòng Sở"\nkind = "department"\n\n[[indicators]]',
        1), "utf-8")
    broken = tmp_path / "khac.toml"
    broken.write_text(source.read_text("utf-8"), "utf-8")
    target = tmp_path / "sở.db"
    wizard = FirstRunWizard(save_path=target)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choose_plan_file = lambda: broken
    wizard.btn_plan_file.click()
    assert said.pop() == ("show_error", "khac.toml: mã kế hoạch 'dien-bien-2023' khác tên tệp")
    wizard.choose_plan_file = lambda: copied
    wizard.btn_plan_file.click()
    assert "tệp dien-bien-2023.toml" in wizard.ui.planCombo.currentText()
    wizard.next()
    assert wizard.currentId() == PAGE_OFFICE
    form = wizard.office_form.ui
    assert form.parentBodyEdit.text() == "UBND tỉnh Điện Biên"
    wizard.office_form.ui.signerNameEdit.setText("Lò Văn Minh")
    wizard.next()
    assert wizard.currentId() == PAGE_UNITS
    assert any(wizard.ui.unitsTable.item(r, 1).text() == "Văn phòng Sở"
               for r in range(wizard.ui.unitsTable.rowCount()))
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result_path is not None or bool(wizard.ui.lblSaveError.text()),
                    timeout=20000)
    with Database.open(target, write=False) as db, db.reading() as s:
        assert load_plan(s).code == "dien-bien-2023"
        office = load_office(s)
        assert "VP" in {u.code for u in unit_infos(s)}
    assert (office.name, office.short_name, office.signer_authority, office.signer_title) == (
        "Sở Khoa học và Công nghệ", "SKHCN", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert office.doc_number_prefix == "/BC-SKHCN"


def test_plan_page_saves_the_plan_to_a_file(qtbot, demo_db: Path, tmp_path: Path) -> None:
    from desktop.plan_catalog import load_plan_file

    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(demo_db)
    w.show_page(PAGE["Kế hoạch"])
    page = w.pages[PAGE["Kế hoạch"]]
    target = tmp_path / "ninh-son-2022.toml"
    page.choose_plan_file = lambda: target
    page.btn_save_file.click()  # before the page's data has arrived, maybe
    qtbot.waitUntil(lambda: "Đã lưu kế hoạch" in page.ui.lblStatus.text(), timeout=10000)
    assert "(8 đơn vị)" in page.ui.lblStatus.text()
    # the page's data arriving after the save leaves the message on the status line
    applied: list[object] = []
    apply = page._apply
    page._apply = lambda editable: (apply(editable), applied.append(editable))
    page.reload()
    qtbot.waitUntil(lambda: bool(applied), timeout=20000)
    assert "Đã lưu kế hoạch" in page.ui.lblStatus.text()
    plan = load_plan_file(target)
    assert plan.code == "ninh-son-2022" and len(plan.units) == 8
    w.close()


def test_with_nothing_typed_the_rows_are_kept_by_qt_without_python(qtbot, units_page) -> None:
    """Qt's own filterAcceptsRow keeps every row at a reset with no filter set: a Python
    one was called for each of a province's 3,321 units at every F5 (issue 12)."""
    from PySide6.QtCore import QSortFilterProxyModel

    from desktop.ui.submissions_model import VietnameseSortFilterProxy
    from desktop.ui.units_page import UnitsProxy

    for proxy_class in (UnitsProxy, VietnameseSortFilterProxy):
        assert proxy_class.filterAcceptsRow is QSortFilterProxyModel.filterAcceptsRow
    page = units_page
    asked: list[int] = []
    accepts = page.proxy.accepts
    page.model.row_filter = lambda row: asked.append(row) or accepts(row)
    page.reload()
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)
    assert page.proxy.rowCount() == 8 and asked == []
    ui = page.ui
    ui.searchEdit.setText("lam son")
    assert page.proxy.rowCount() == 1 and len(asked) == 8
    assert page.proxy.index(0, 1).data() == "Xã Lâm Sơn"
    asked.clear()
    ui.searchEdit.setText("xa")  # another text: filtered again
    assert len(asked) == 8 and 1 < page.proxy.rowCount() <= 8
    ui.searchEdit.clear()
    asked.clear()
    page.reload()
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)
    assert page.proxy.rowCount() == 8 and asked == []
    ui.chkShowInactive.setChecked(False)  # a filter without text: Python decides again
    today = dt.date.today()
    assert asked and page.proxy.rowCount() == sum(1 for u in page.model.units
                                                  if u.active_on(today))
    ui.chkShowInactive.setChecked(True)
    assert page.proxy.rowCount() == 8
