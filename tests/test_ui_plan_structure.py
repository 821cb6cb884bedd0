"""The Kế hoạch page adds and removes indicators, criteria, periods, quotas, unit kinds and
blocks: the dialog refuses what the plan cannot take (and stays open with the reason), a
removal asks first and is refused, naming what uses the part, while something does."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit

from desktop.ui import errors
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.plan_item_dialog import Checks, PlanItemDialog

PAGE = {title: i for i, (title, _page) in enumerate(PAGES)}


class Said:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.questions: list[str] = []
        self.answer = True


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    out = Said()
    monkeypatch.setattr(errors, "show_error", lambda _p, text, *a, **k: out.errors.append(text))

    def ask(_parent, text, *a, **k) -> bool:
        out.questions.append(text)
        return out.answer

    monkeypatch.setattr(errors, "ask_yes_no", ask)
    return out


@pytest.fixture
def plan_page(qtbot, demo_db: Path, said: Said):
    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(demo_db)
    w.resize(1366, 768)
    w.show_page(PAGE["Kế hoạch"])
    page = w.pages[PAGE["Kế hoạch"]]
    qtbot.waitUntil(lambda: page.criteria.rowCount() > 0 and page.structure.kinds.rowCount() > 0)
    yield page
    w.close()


def fill(dialog: PlanItemDialog, values: dict[str, Any]) -> None:
    for key, value in values.items():
        widget = dialog.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            assert index >= 0, (key, value)
            widget.setCurrentIndex(index)
        elif isinstance(widget, Checks):
            widget.set_chosen(value)
        else:
            assert isinstance(widget, QCheckBox)
            widget.setChecked(value)


def answer_dialog(page, *attempts: dict[str, Any]) -> list[str]:
    """Make the next dialog take each set of values in turn ("Thêm" after each); returns
    what the dialog said after each refused attempt."""
    refusals: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlanItemDialog)
        for values in attempts:
            fill(dialog, values)
            dialog.accept()
            if dialog.result() == QDialog.DialogCode.Accepted:
                return True
            refusals.append(dialog.problem.text())
        dialog.reject()
        return False

    page.run_dialog = run
    return refusals


def click_and_wait(qtbot, page, button) -> str:
    with qtbot.waitSignal(page.structure_changed, timeout=10000) as blocker:
        button.click()
    qtbot.waitUntil(lambda: page.ui.lblStatus.text() == blocker.args[0], timeout=10000)
    return blocker.args[0]


def select_row(view, column_text: str) -> None:
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == column_text:
            view.setCurrentIndex(model.index(r, 0))
            return
    raise AssertionError(f"no row {column_text}")


def codes(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def removal_refused(qtbot, page, said: Said, what: str, view, row: str) -> str:
    select_row(view, row)
    before = len(said.errors)
    page.structure.buttons[what][1].click()
    qtbot.waitUntil(lambda: len(said.errors) > before, timeout=10000)
    assert page.ui.lblStatus.text() == said.errors[-1]
    return said.errors[-1]


def test_add_and_remove_an_indicator(qtbot, plan_page, said: Said) -> None:
    page = plan_page
    add, remove = page.structure.buttons["indicator"]
    refusals = answer_dialog(
        page,
        {
            "code": "HSCV_MANG",
            "name": "Số cuộc họp trực tuyến",
            "kind": "count",
            "unit_kinds": ("commune",),
            "measure": "cuộc",
            "source": "III.2",
        },
        {"code": "HOP_TRUC_TUYEN"},
    )
    assert (
        click_and_wait(qtbot, page, add)
        == "Đã thêm chỉ tiêu HOP_TRUC_TUYEN — Số cuộc họp trực tuyến."
    )
    assert refusals == [
        "Không thêm được chỉ tiêu HSCV_MANG:\n- mã 'HSCV_MANG' đã có trong kế hoạch"
    ]
    qtbot.waitUntil(lambda: "HOP_TRUC_TUYEN" in codes(page.indicators))
    assert page.ctx.plan.indicators[-1].code == "HOP_TRUC_TUYEN"
    # in use: the refusal names the reports and the criteria
    message = removal_refused(qtbot, page, said, "indicator", page.ui.indicatorsTable, "HSCV_MANG")
    assert message.startswith("Không xóa được chỉ tiêu HSCV_MANG vì đang được dùng: ")
    assert "báo cáo có số liệu" in message and "tiêu chí XA_HSCV" in message
    # a person who answers "Hủy" keeps it
    select_row(page.ui.indicatorsTable, "HOP_TRUC_TUYEN")
    said.answer = False
    remove.click()
    assert (
        said.questions[-1] == "Xóa chỉ tiêu HOP_TRUC_TUYEN — Số cuộc họp trực tuyến khỏi kế hoạch?"
    )
    assert "HOP_TRUC_TUYEN" in codes(page.indicators)
    said.answer = True
    assert click_and_wait(qtbot, page, remove) == "Đã xóa chỉ tiêu HOP_TRUC_TUYEN."
    qtbot.waitUntil(lambda: "HOP_TRUC_TUYEN" not in codes(page.indicators))


def test_add_and_remove_a_criterion(qtbot, plan_page, said: Said) -> None:
    page = plan_page
    add, remove = page.structure.buttons["criterion"]
    refusals = answer_dialog(
        page,
        {
            "code": "XA_HSCV_2025",
            "name": "Hồ sơ xử lý trên mạng năm 2025",
            "indicator": "HSCV_MANG",
            "op": ">=",
            "threshold": "120",
            "unit_kinds": ("commune",),
            "periods": ("2025",),
            "source": "III.1.2",
        },
        {"threshold": "90,5"},
    )
    assert click_and_wait(qtbot, page, add).startswith("Đã thêm tiêu chí XA_HSCV_2025")
    assert refusals == ["Không thêm được tiêu chí XA_HSCV_2025:\n- ngưỡng 120 % vượt quá 100 %"]
    qtbot.waitUntil(lambda: "XA_HSCV_2025" in codes(page.criteria))
    added = page.ctx.plan.criteria[-1]
    assert (added.threshold, added.periods) == (90.5, ("2025",))
    row = codes(page.criteria).index("XA_HSCV_2025")
    assert page.criteria.index(row, page.criteria.COL_THRESHOLD).data() == "90,50 %"
    # the periods it applies to are shown: Ninh Sơn's launch-plan deadline is a 2022 task
    assert page.criteria.index(row, page.criteria.COL_PERIODS).data() == "Năm 2025 (tổng kết)"
    launch = codes(page.criteria).index("XA_KE_HOACH")
    assert page.criteria.index(launch, page.criteria.COL_PERIODS).data() == "Năm 2022"
    assert page.criteria.index(0, page.criteria.COL_PERIODS).data() == "Mọi kỳ"
    # a typing mistake in the number is named in the dialog
    refusals = answer_dialog(
        page,
        {
            "code": "XA_X",
            "name": "X",
            "indicator": "HSCV_MANG",
            "threshold": "chín mươi",
            "source": "V",
        },
    )
    add.click()
    assert refusals == [
        "giá trị 'chín mươi' không phải là số (dùng dấu phẩy thập phân, ví dụ 65,5)"
    ]
    select_row(page.ui.criteriaTable, "XA_HSCV_2025")
    assert click_and_wait(qtbot, page, remove) == "Đã xóa tiêu chí XA_HSCV_2025."
    qtbot.waitUntil(lambda: "XA_HSCV_2025" not in codes(page.criteria))


def test_add_and_remove_a_period(qtbot, plan_page, said: Said) -> None:
    page = plan_page
    add, remove = page.structure.buttons["period"]
    refusals = answer_dialog(page, {"ends": "31/12/2025"}, {"ends": "31/12/2026"})
    assert click_and_wait(qtbot, page, add) == "Đã thêm kỳ báo cáo 2026 — Năm 2026."
    assert refusals == [
        "Không thêm được kỳ báo cáo 2026:\n- ngày kết thúc 31/12/2025 trước ngày bắt đầu 01/01/2026"
    ]
    qtbot.waitUntil(lambda: "2026" in codes(page.periods))
    assert "Năm 2026" in [p.label for p in page.ctx.plan.periods]
    message = removal_refused(qtbot, page, said, "period", page.ui.periodsTable, "2023")
    assert "báo cáo của các đơn vị" in message and "hạn mức “Giấy khen" in message
    select_row(page.ui.periodsTable, "2026")
    assert click_and_wait(qtbot, page, remove) == "Đã xóa kỳ báo cáo 2026."
    qtbot.waitUntil(lambda: "2026" not in codes(page.periods))


def test_add_and_remove_a_quota(qtbot, plan_page, said: Said) -> None:
    page = plan_page
    add, remove = page.structure.buttons["quota"]
    refusals = answer_dialog(
        page,
        {"review": "2024", "collectives": "3", "individuals": "-1", "source": "V.2"},
        {"individuals": ""},
    )
    assert (
        click_and_wait(qtbot, page, add)
        == "Đã thêm hạn mức “Giấy khen của Chủ tịch UBND huyện” kỳ 2024."
    )
    assert refusals == ["'-1' phải là số nguyên không âm"]
    qtbot.waitUntil(lambda: page.quotas.rowCount() == 3)
    assert page.ctx.plan.quotas[-1].individuals is None  # no limit, and shown so
    individuals = page.quotas.index(2, page.quotas.COL_INDIVIDUALS)
    assert individuals.data() == "không giới hạn"
    assert individuals.data(Qt.ItemDataRole.EditRole) == ""  # typing starts from blank
    page.ui.quotasTable.setCurrentIndex(page.quotas.index(2, 0))
    assert (
        click_and_wait(qtbot, page, remove)
        == "Đã xóa hạn mức 2024: Giấy khen của Chủ tịch UBND huyện."
    )
    qtbot.waitUntil(lambda: page.quotas.rowCount() == 2)


def test_unit_kinds_and_blocks(qtbot, plan_page, said: Said) -> None:
    page = plan_page
    s = page.structure
    add_kind, remove_kind = s.buttons["unit_kind"]
    answer_dialog(page, {"kind": "district"})
    assert click_and_wait(qtbot, page, add_kind) == "Đã thêm loại đơn vị Huyện, thị xã, thành phố."
    qtbot.waitUntil(lambda: "district" in codes(s.kinds))
    message = removal_refused(qtbot, page, said, "unit_kind", s.kinds_table, "commune")
    assert "8 đơn vị (" in message and "chỉ tiêu HSCV_MANG" in message
    select_row(s.kinds_table, "district")
    assert click_and_wait(qtbot, page, remove_kind).startswith("Đã xóa loại đơn vị")
    qtbot.waitUntil(lambda: "district" not in codes(s.kinds))

    add_block, remove_block = s.buttons["block"]
    answer_dialog(page, {"code": "K1", "name": "Khối các xã"})
    assert click_and_wait(qtbot, page, add_block) == "Đã thêm khối thi đua K1 — Khối các xã."
    qtbot.waitUntil(lambda: codes(s.blocks) == ["K1"])
    refusals = answer_dialog(page, {"code": "K1", "name": "Khối hai"}, {"code": "K 2"})
    add_block.click()
    assert refusals[0] == "Không thêm được khối thi đua K1:\n- mã 'K1' đã có trong kế hoạch"
    assert refusals[1].startswith("Không thêm được khối thi đua K 2:\n- mã 'K 2' không hợp lệ")
    select_row(s.blocks_table, "K1")
    assert click_and_wait(qtbot, page, remove_block) == "Đã xóa khối thi đua K1."
    qtbot.waitUntil(lambda: s.blocks.rowCount() == 0)


def test_no_change_of_structure_over_unsaved_edits_or_without_a_row(
    qtbot, plan_page, said: Said
) -> None:
    page = plan_page
    page.ui.tabs.setCurrentIndex(2)
    add, remove = page.structure.buttons["period"]
    remove.click()
    assert page.ui.lblStatus.text() == "Hãy chọn kỳ báo cáo cần xóa."
    assert page.periods.setData(page.periods.index(0, page.periods.COL_LABEL), "Năm 2022 (sửa)")
    page.run_dialog = lambda _d: pytest.fail("no dialog over unsaved edits")
    add.click()
    assert page.ui.lblStatus.text().startswith("Hãy lưu hoặc hoàn tác các ô đang sửa")
    assert page.has_unsaved_changes()  # what was typed stays
    page.revert()  # (else closing the window asks whether to save)


def test_screenshots_of_the_plan_editor(qtbot, plan_page, tmp_path: Path) -> None:
    """THIDUA_SCREENSHOTS=docs/screenshots: the Kế hoạch page, its Thêm dialogs and the
    Đơn vị page, at 1366×768 (a laptop's screen)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop.ui.plan_item_dialog import criterion_dialog, indicator_dialog

    folder = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    app = QApplication.instance()
    old_font = app.font()
    app.setFont(QFont("DejaVu Sans", 10))
    window = plan_page.window()
    window.resize(1366, 768)

    def shot(widget, name: str) -> None:
        qtbot.wait(150)
        assert widget.grab().save(str(folder / f"{name}.png"))

    try:
        plan_page.ui.tabs.setCurrentIndex(0)
        shot(window, "ke-hoach")
        plan_page.ui.tabs.setCurrentIndex(plan_page.ui.tabs.count() - 1)
        shot(window, "ke-hoach-loai-don-vi-khoi")
        for name, make in (
            ("them-chi-tieu", indicator_dialog),
            ("them-tieu-chi", criterion_dialog),
        ):
            dialog = make(plan_page, plan_page.ctx.plan)
            if name == "them-tieu-chi":
                fill(
                    dialog,
                    {
                        "code": "XA_HSCV",
                        "name": "Hồ sơ xử lý trên mạng",
                        "threshold": "120",
                        "source": "V.1.1.b",
                    },
                )
                dialog.accept()
            dialog.show()
            shot(dialog, name)
            dialog.reject()
        window.show_page(PAGE["Đơn vị"])
        units = window.pages[PAGE["Đơn vị"]]
        qtbot.waitUntil(lambda: units.model.rowCount() == 8)
        shot(window, "don-vi")
    finally:
        app.setFont(old_font)


def test_every_add_dialog_fits_a_1280_by_720_laptop(qtbot, plan_page) -> None:
    from desktop.ui import plan_item_dialog as dialogs

    for make in (
        dialogs.indicator_dialog,
        dialogs.criterion_dialog,
        dialogs.period_dialog,
        dialogs.quota_dialog,
        dialogs.unit_kind_dialog,
        dialogs.block_dialog,
    ):
        dialog = make(plan_page, plan_page.ctx.plan)
        hint = dialog.sizeHint()
        assert hint.width() <= 1280 and hint.height() <= 680, (make.__name__, hint)
        dialog.reject()
