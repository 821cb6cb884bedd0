"""Hướng dẫn sử dụng: the Vietnamese user guide inside the application (F1, menu Trợ giúp).

The guide is bundled (resources/help/*.md, one topic a file, its title the first "# "
line) with the screenshots of docs/screenshots; it opens offline in a QTextBrowser, on the
topic of the page in use. `install(window, menu)` adds "Hướng dẫn sử dụng" (F1) first in
the window's "Trợ giúp" menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from ..paths import repo_root, resource_path
from .geometry import FitsScreen

HELP_TEXT = "&Hướng dẫn sử dụng"
# the topic opened by F1 on each page of the window (by the page's class)
PAGE_TOPICS = {
    "OverviewPage": "01-quy-trinh",
    "UnitsPage": "02-bieu-mau",
    "SubmissionsPage": "04-tham-dinh",
    "CheckPage": "04-tham-dinh",
    "ProposalsPage": "05-khen-thuong",
    "PlanPage": "01-quy-trinh",
    "HistoryPage": "07-sao-luu",
    "TrendsPage": "01-quy-trinh",
}


@dataclass(frozen=True)
class Topic:
    key: str  # the file's stem: "03-nhap-bieu-mau"
    title: str
    path: Path


def help_dir() -> Path:
    return resource_path("help")


def image_dirs() -> list[Path]:
    """Where the guide's pictures are: docs/screenshots from source, the same folder in the
    bundle (the spec adds it)."""
    return [help_dir(), repo_root() / "docs" / "screenshots"]


def topics() -> list[Topic]:
    found = []
    for path in sorted(help_dir().glob("*.md")):
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
        found.append(Topic(path.stem, first.lstrip("#").strip(), path))
    return found


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that finds the guide's pictures in `image_dirs()` and fits them to the
    text's width (the screenshots are full windows)."""

    MAX_WIDTH = 720

    def loadResource(self, kind: int, name: QUrl) -> Any:  # noqa: N802 (Qt's name)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            # a relative name arrives resolved against the topic's file: look it up by its
            # file name in every picture folder
            wanted = Path(name.toLocalFile() if name.isLocalFile() else name.path()).name
            for folder in image_dirs():
                path = folder / wanted
                if wanted and path.is_file():
                    image = QImage(str(path))
                    if image.width() > self.MAX_WIDTH:
                        image = image.scaledToWidth(
                            self.MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
                    return image
        return super().loadResource(kind, name)


class HelpWindow(FitsScreen, QDialog):
    """The guide: the topics on the left, the text with its pictures on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle("Hướng dẫn sử dụng — ThiĐua CĐS")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1050, 760)
        self.topics = topics()
        self.list = QListWidget(self)
        self.list.setAccessibleName("Mục hướng dẫn")
        for t in self.topics:
            item = QListWidgetItem(t.title)
            item.setData(Qt.ItemDataRole.UserRole, t.key)
            self.list.addItem(item)
        self.browser = GuideBrowser(self)
        self.browser.setAccessibleName("Nội dung hướng dẫn")
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the machine
        self.browser.setSearchPaths([str(p) for p in image_dirs()])
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.browser)
        splitter.setSizes([250, 800])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.list.currentRowChanged.connect(self.on_topic_changed)
        self.show_topic(self.topics[0].key if self.topics else "")

    @property
    def current_key(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_topic(self, key: str) -> bool:
        for row, t in enumerate(self.topics):
            if t.key == key:
                self.list.setCurrentRow(row)
                return True
        return False

    def on_topic_changed(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            self.browser.setSource(QUrl.fromLocalFile(str(self.topics[row].path)),
                                   QTextDocument.ResourceType.MarkdownResource)


class HelpActions(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.setObjectName("helpActions")
        self.window = window
        self.dialog: HelpWindow | None = None
        self.action = QAction(HELP_TEXT, window)
        self.action.setObjectName("actionHelp")
        self.action.setShortcut(QKeySequence("F1"))  # HelpContents is F1 on Windows and Linux
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setStatusTip("Mở hướng dẫn sử dụng (không cần mạng), đúng mục của trang "
                                 "đang xem (F1)")
        self.action.triggered.connect(lambda: self.open_help())
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)
        if first is not None:
            menu.insertSeparator(first)
        window.addAction(self.action)  # F1 works wherever the focus is

    def page_topic(self) -> str:
        current = getattr(self.window, "current_page", None)
        page = current() if callable(current) else None
        return PAGE_TOPICS.get(type(page).__name__, "01-quy-trinh") if page else "01-quy-trinh"

    def open_help(self, key: str | None = None) -> HelpWindow:
        if self.dialog is None:
            self.dialog = HelpWindow(self.window)
        self.dialog.show_topic(key or self.page_topic())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def install(window: QMainWindow, menu: QMenu) -> HelpActions:
    """Add "Hướng dẫn sử dụng" (F1) first in `menu`, the window's "Trợ giúp" (once)."""
    existing = window.findChild(HelpActions, "helpActions")
    if isinstance(existing, HelpActions):
        return existing
    return HelpActions(window, menu)
