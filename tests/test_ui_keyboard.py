"""The window without a mouse: every menu item and button has a mnemonic; every table has
a row menu (right-click, Menu key) with at least “Sao chép”; the report editor, the
review (accept / return with a reason) and the proposal dialog are worked from the
keyboard alone; Lịch sử names the staff member, not the computer account."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QInputDialog,
    QMenu,
    QWidget,
)
from test_ui_laptop import PAGE, open_dialogs

from desktop.ui import errors
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.staged_open import on_screen
from tests.ui_window import opened_window


@pytest.fixture
def window(qtbot, demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    with opened_window(qtbot, demo_db, monkeypatch) as w:
        yield w


def visit_all_pages(qtbot, w: MainWindow) -> list[QWidget]:
    for i in range(len(PAGES)):
        w.show_page(i)
        qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=10000)
    return list(w.pages.values())


def has_mnemonic(text: str) -> bool:
    return bool(re.search(r"&[^&\s]", text.replace("&&", "")))


def menu_items(menu: QMenu, where: str) -> list[tuple[str, QAction]]:
    items = []
    menu.aboutToShow.emit()  # menus filled on demand (recent databases)
    for a in menu.actions():
        if a.isSeparator() or not a.text():
            continue
        items.append((f"{where} → {a.text()}", a))
        if a.menu() is not None:
            items += menu_items(a.menu(), f"{where} → {a.text()}")
    return items


def buttons_without_mnemonic(widget: QWidget, name: str) -> list[str]:
    return [f"{name}: {b.objectName() or type(b).__name__} “{b.text()}”"
            for b in widget.findChildren(QAbstractButton)
            if b.text().strip() and not has_mnemonic(b.text())
            and type(b).__name__ != "QToolButton" or (
                type(b).__name__ == "QToolButton" and b.text().strip() and b.defaultAction()
                is None and not has_mnemonic(b.text()))]


def test_every_menu_item_and_button_has_a_mnemonic(qtbot, window: MainWindow) -> None:
    pages = visit_all_pages(qtbot, window)
    missing, clashes = [], []
    for top in window.menuBar().actions():
        if not has_mnemonic(top.text()):
            missing.append(top.text())
        items = menu_items(top.menu(), top.text())
        missing += [where for where, a in items
                    if not has_mnemonic(a.text()) and a.text() != "(chưa có)"]
        direct = [a for a in top.menu().actions() if not a.isSeparator() and a.text()]
        keys = [m.group(1).lower() for a in direct
                if (m := re.search(r"&([^&\s])", a.text().replace("&&", "")))]
        clashes += [f"{top.text()}: “{k}” twice" for k in set(keys) if keys.count(k) > 1]
    for page in pages:
        missing += buttons_without_mnemonic(page, type(page).__name__)
    for name, dialog in open_dialogs(qtbot, window).items():
        missing += buttons_without_mnemonic(dialog, name)
        dialog.reject()
    print("MISSING", *missing, sep="\n")
    print("CLASHES", *clashes, sep="\n")
    assert not missing, missing
    assert not clashes, clashes


def test_every_table_has_a_row_menu_with_copy(qtbot, window: MainWindow) -> None:
    pages = visit_all_pages(qtbot, window)
    dialogs = open_dialogs(qtbot, window)
    views = [(type(p).__name__, v) for p in pages for v in p.findChildren(QAbstractItemView)]
    views += [(n, v) for n, d in dialogs.items() for v in d.findChildren(QAbstractItemView)]
    tables = [(n, v) for n, v in views if v.focusPolicy() != Qt.FocusPolicy.NoFocus
              and type(v).__name__ in ("QTableView", "QTableWidget")]
    assert len(tables) >= 10
    assert not [f"{n}: {v.objectName()}" for n, v in tables if not v.property("rowMenu")]
    for d in dialogs.values():
        d.reject()

    history = window.pages[PAGE["Lịch sử"]]
    window.show_page(PAGE["Lịch sử"])
    qtbot.waitUntil(lambda: history.model.rowCount() > 2 and not history.model.loading)
    table = history.ui.historyTable
    table.setFocus()
    table.selectRow(1)
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0)))
    qtbot.waitUntil(lambda: row_menu() is not None)
    copy = next(a for a in row_menu().actions() if a.objectName() == "copyRows")
    copy.trigger()
    row_menu().close()
    lines = QGuiApplication.clipboard().text().split("\n")
    assert lines[0].split("\t")[:2] == ["Thời điểm", "Người thực hiện"]
    assert len(lines) == 2 and lines[1].split("\t")[0] == table.model().index(1, 0).data()


def row_menu() -> QMenu | None:
    return next((m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu)
                 and m.objectName() == "rowMenu" and m.isVisible()), None)


# ---- keyboard paths ----------------------------------------------------------------------


def key(qtbot, widget: QWidget | None, k: Qt.Key,
        mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    assert widget is not None
    qtbot.keyClick(widget, k, mod)


def type_text(widget: QWidget, text: str) -> None:
    """Typed characters as the keyboard (or the Vietnamese input method) delivers them."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def alive_and_shown(widget: QWidget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible()


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None
    return w


def test_the_report_editor_without_a_mouse(qtbot, window: MainWindow) -> None:
    window.show_page(PAGE["Báo cáo"])
    subs = window.pages[PAGE["Báo cáo"]]
    qtbot.waitUntil(lambda: subs.model.rowCount() > 0 and not window.ctx.tasks.busy)
    window.activateWindow()
    table = subs.ui.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    key(qtbot, table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, table, Qt.Key.Key_Return)  # Enter opens the editor of the current row
    qtbot.waitUntil(lambda: subs.editor is not None and on_screen(subs.editor))
    editor = subs.editor
    qtbot.waitUntil(lambda: editor.isActiveWindow())
    first = focused()
    assert editor.isAncestorOf(first), "the first indicator has the focus"
    row = editor.rows[0]
    # type a value into the first field, Tab on to the next, Ctrl+Z undoes the last edit
    type_text(first, "7")
    key(qtbot, first, Qt.Key.Key_Tab)
    assert focused() is not first and editor.isAncestorOf(focused())
    assert editor.has_unsaved_changes()
    # Ctrl+S saves and closes
    key(qtbot, focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not alive_and_shown(editor), timeout=10000)
    assert row is not None


def test_accept_and_return_a_report_without_a_mouse(qtbot, window: MainWindow) -> None:
    window.show_page(PAGE["Báo cáo"])
    subs = window.pages[PAGE["Báo cáo"]]
    qtbot.waitUntil(lambda: subs.model.rowCount() > 0 and not window.ctx.tasks.busy)
    window.activateWindow()
    received = [ln.unit_code for ln in subs.model.lines()
                if ln.submitted and ln.state == "received"]
    assert len(received) >= 2
    subs.select_unit(received[0])
    table = subs.ui.table
    table.setFocus()
    # Alt+C: “&Chấp nhận”
    key(qtbot, table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    qtbot.waitUntil(lambda: state_of(subs, received[0]) == "accepted", timeout=10000)
    # the Menu key, Down to “Trả lại để sửa…”, Enter; the reason typed; Enter
    subs.select_unit(received[1])
    table.setFocus()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0)))
    qtbot.waitUntil(lambda: row_menu() is not None)
    menu = row_menu()
    texts = [a.text() for a in menu.actions()]
    assert "&Trả lại để sửa…" in texts
    key(qtbot, menu, Qt.Key.Key_T)  # the mnemonic inside the menu
    qtbot.waitUntil(lambda: subs.return_dialog is not None and subs.return_dialog.isVisible())
    dialog = subs.return_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason_edit)
    key(qtbot, dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.error_label.isVisible(), "an empty reason is refused"
    type_text(dialog.reason_edit, "Thiếu số liệu cáp quang")
    key(qtbot, dialog.reason_edit, Qt.Key.Key_Tab)  # Tab leaves the text for the buttons
    assert focused() is not dialog.reason_edit
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert focused() is ok and ok.text() == "&Trả lại"
    key(qtbot, ok, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: state_of(subs, received[1]) == "returned", timeout=10000)


def state_of(subs, code: str) -> str | None:
    return next(ln.state for ln in subs.model.lines() if ln.unit_code == code)


def alt(qtbot, widget: QWidget, text: str) -> None:
    """Alt + the mnemonic letter of `text` ('Họ &và tên:' -> Alt+V)."""
    m = re.search(r"&(\w)", text)
    assert m, text
    letter = m.group(1).upper()
    letter = {"Đ": "D", "Ó": "O"}.get(letter, letter)
    qtbot.keyClick(widget, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)


def test_a_proposal_without_a_mouse(qtbot, window: MainWindow) -> None:
    window.show_page(PAGE["Khen thưởng"])
    props = window.pages[PAGE["Khen thưởng"]]
    qtbot.waitUntil(lambda: props.state is not None and not window.ctx.tasks.busy)
    window.activateWindow()
    before = props.model.rowCount()
    props.ui.table.setFocus()
    alt(qtbot, props.ui.table, props.ui.addIndividualButton.text())
    qtbot.waitUntil(lambda: props.dialog is not None and on_screen(props.dialog))
    dialog = props.dialog
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    ui = dialog.ui
    assert ui.individualRadio.isChecked()
    alt(qtbot, focused(), ui.nameLabel.text())
    assert focused() is ui.nameEdit
    type_text(ui.nameEdit, "Trần Văn Bình")
    alt(qtbot, focused(), ui.positionLabel.text())
    assert focused() is ui.positionEdit
    type_text(ui.positionEdit, "Công chức Văn phòng - Thống kê")
    alt(qtbot, focused(), ui.unitLabel.text())
    assert focused() is ui.unitCombo
    key(qtbot, ui.unitCombo, Qt.Key.Key_Down)
    assert ui.unitCombo.currentIndex() >= 0
    alt(qtbot, focused(), ui.achievementsLabel.text())
    assert focused() is ui.achievementsEdit
    type_text(ui.achievementsEdit, "Triển khai chữ ký số cho toàn bộ cán bộ xã")
    key(qtbot, ui.achievementsEdit, Qt.Key.Key_Tab)  # Tab leaves the text box
    assert focused() is not ui.achievementsEdit
    alt(qtbot, focused(), ui.positionLabel.text())
    key(qtbot, focused(), Qt.Key.Key_Return)  # Enter in a field saves
    qtbot.waitUntil(lambda: not alive_and_shown(dialog), timeout=10000)
    qtbot.waitUntil(lambda: props.model.rowCount() == before + 1, timeout=10000)


# ---- who did it ------------------------------------------------------------------------


def test_the_history_names_the_staff_member(qtbot, window: MainWindow,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window.show_page(PAGE["Lịch sử"])
    history = window.pages[PAGE["Lịch sử"]]
    qtbot.waitUntil(lambda: history.model.rowCount() > 0 and not history.model.loading)
    assert history.staff_bar.isVisible()
    assert f"«{window.ctx.db.user}»" in history.staff_label.text()

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_exception", lambda _w, exc: shown.append(str(exc)))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("   ", True))
    history.staff_button.click()
    assert shown and "họ và tên" in shown[0].lower() and history.staff_bar.isVisible()

    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *_a, **_k: ("  Nguyễn   Thị Lan ", True))
    history.staff_button.click()
    assert not history.staff_bar.isVisible()
    assert window.ctx.db.user == "Nguyễn Thị Lan"
    window.show_page(PAGE["Báo cáo"])
    subs = window.pages[PAGE["Báo cáo"]]
    qtbot.waitUntil(lambda: subs.model.rowCount() > 0 and not window.ctx.tasks.busy)
    code = next(ln.unit_code for ln in subs.model.lines()
                if ln.submitted and ln.state == "received")
    subs.select_unit(code)
    subs.accept_selected()
    qtbot.waitUntil(lambda: state_of(subs, code) == "accepted", timeout=10000)
    window.show_page(PAGE["Lịch sử"])
    qtbot.waitUntil(lambda: history.model.rowCount() > 0 and not history.model.loading)
    from desktop.ui.history_page import COL_USER

    assert history.model.index(0, COL_USER).data() == "Nguyễn Thị Lan"
    # the menu item does the same from any page
    assert window.action_staff.text() == "Tên cán &bộ trên máy này…"


def test_the_history_reads_vietnamese_without_internal_ids(qtbot, window: MainWindow) -> None:
    window.show_page(PAGE["Lịch sử"])
    history = window.pages[PAGE["Lịch sử"]]
    qtbot.waitUntil(lambda: history.model.rowCount() > 0 and not history.model.loading)
    while history.model.has_more:
        history.fetch_more()
        qtbot.waitUntil(lambda: not history.model.loading)
    model = history.model
    from desktop.ui.history_page import COL_USER

    words = {"email", "usb", "paper", "other", "commune", "department", "enterprise",
             "district", "collective", "individual", "received", "returned", "accepted",
             "ratio", "percent", "count", "bool", "date", "score", "insert", "update",
             "delete", "true", "false", "none", "null"}
    bad = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            if c == COL_USER:
                continue
            text = model.index(r, c).data() or ""
            found = [w for w in re.findall(r"[A-Za-z_]+", text)
                     if w in words or ("_" in w and w.lower() == w)
                     or re.fullmatch(r"[a-z]+_id|id", w)]
            if found:
                bad.append((r, c, found, text[:80]))
    assert not bad, bad[:10]
