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


def test_a_page_added_behind_does_not_repaint_the_page_on_screen(qtbot) -> None:
    """QStackedLayout lowers the page it adds hidden, and lowering marks the page's
    area for a repaint: the page on screen painted all over again on a first visit."""

    class Painted(QWidget):
        paints = 0

        def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
            Painted.paints += 1
            super().paintEvent(event)

    stack = PageStack()
    qtbot.addWidget(stack)
    shown = Painted()
    stack.addWidget(shown)
    stack.resize(1000, 700)
    stack.show()
    qtbot.waitExposed(stack)
    qtbot.waitUntil(lambda: Painted.paints > 0)
    qtbot.wait(50)
    Painted.paints = 0
    new = _page(100)
    new.resize(900, 600)  # as a page's setupUi leaves it
    stack.addWidget(new)
    qtbot.wait(100)
    assert Painted.paints == 0
    stack.setCurrentWidget(new)
    qtbot.waitUntil(lambda: new.isVisible() and new.geometry() == stack.rect())
