"""The main window's pages, sized by the page on screen alone.

Qt 6's QStackedLayout answers the size and height-for-width questions by asking every
page it holds, shown or not, and the main window asks them on every layout request: a
new text in any label of any page (a period change and F5 set dozens) made the window
lay out the word-wrapped labels of all eight pages again, 25-35 ms of the GUI thread at
a province's scale (perf: QSplitter::event > qSmartMinSize > QStackedLayout::
heightForWidth > QLabel::heightForWidth, in 12-16 of every 15-19 samples of the
longest gap of a period change and of F5). Only the page on screen is laid out anyway
(QStackedLayout::setGeometry sizes the current one), so only its hints are asked.

A page added behind the one on screen does not repaint it: QStackedLayout::insertWidget
lowers the hidden page, and QWidget::lower marks the page's area of the stack for a
repaint, shown or not (QWidgetPrivate::lower_sys). A first visit builds its page one
turn before showing it, so the page on screen painted all over again in between (the
overview's chart, 18 bars, from Tổng quan). The page has no area while it is added.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._page_changed)

    def addWidget(self, widget: QWidget) -> int:  # noqa: N802 - Qt's name
        if self.count() == 0:  # the first page is the current one: not lowered
            return super().addWidget(widget)
        size = widget.size()
        widget.resize(0, 0)
        index = super().addWidget(widget)
        if widget.isHidden():  # sized by the stack's layout when it is shown
            widget.resize(size)
        return index

    def _page_changed(self, _index: int) -> None:
        self.updateGeometry()  # another page's hints now: the splitter asks again

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.sizeHint() if page is not None else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else QSize(0, 0)
