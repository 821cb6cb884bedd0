"""The main window's pages are sized by the page on screen: a hidden page's size (its
word-wrapped labels included) is not asked on every layout of the window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.page_stack import PageStack


def _page(min_height: int, text: str = "") -> QWidget:
    page = QWidget()
    page.setMinimumHeight(min_height)
    layout = QVBoxLayout(page)
    label = QLabel(text or "Đơn vị chưa nộp báo cáo của kỳ này " * 20)
    label.setWordWrap(True)
    layout.addWidget(label)
    return page


def test_hints_follow_the_page_on_screen(qtbot) -> None:
    stack = PageStack()
    qtbot.addWidget(stack)
    short, tall = _page(100), _page(2000)
    stack.addWidget(short)
    stack.addWidget(tall)
    stack.setCurrentWidget(short)
    assert stack.minimumSizeHint().height() < 2000
    assert stack.sizeHint().height() < 2000
    stack.setCurrentWidget(tall)
    assert stack.minimumSizeHint() == tall.minimumSizeHint()
    assert stack.sizeHint() == tall.sizeHint()


def test_a_hidden_page_is_not_asked(qtbot) -> None:
    class Counting(QWidget):
        asked = 0

        def sizeHint(self):  # noqa: N802 - Qt override
            Counting.asked += 1
            return super().sizeHint()

        def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
            Counting.asked += 1
            return super().heightForWidth(width)

    stack = PageStack()
    qtbot.addWidget(stack)
    shown, hidden = _page(50), Counting()
    stack.addWidget(shown)
    stack.addWidget(hidden)
    stack.setCurrentWidget(shown)
    Counting.asked = 0
    stack.sizeHint()
    stack.minimumSizeHint()
    assert Counting.asked == 0


def test_empty_stack_has_no_size(qtbot) -> None:
    stack = PageStack()
    qtbot.addWidget(stack)
    assert stack.sizeHint().isNull() and stack.minimumSizeHint().isNull()
