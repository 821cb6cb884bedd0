"""The Báo cáo table: one row per expected unit of the period and where its report stands.

Also home of the Vietnamese-aware sort/filter proxy that the other tables reuse:
sorting with QCollator in the Vietnamese locale (Đ after D, Ơ after Ô) and a search
that ignores diacritics ("lam son" finds "Xã Lâm Sơn").
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cmp_to_key, lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..domain.evaluation import OUTCOME_LABELS
from ..domain.period_report import CHANNEL_LABELS, REVIEW_STATE_LABELS, PeriodReport
from ..domain.vnformat import day
from .row_order import SORT_ROLE, PaintCache, SortedRows, SourceSortingProxy, permutation

ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # folded text the search box matches

NOT_SUBMITTED_LABEL = "Chưa nộp"

RESULT_COLORS = {
    "pass": QColor("#1b7f3b"),
    "fail": QColor("#b3261e"),
    "incomplete": QColor("#8a5a00"),
    "not_submitted": QColor("#5f6368"),
}
STATE_COLORS = {
    "received": QColor("#1a56a8"),
    "returned": QColor("#b3261e"),
    "accepted": QColor("#1b7f3b"),
}

_Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, Đ as d: the form searches compare."""
    text = text.replace("Đ", "d").replace("đ", "d").lower()
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def vietnamese_collator() -> QCollator:
    c = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    c.setNumericMode(True)
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return c


class VietnameseSortFilterProxy(SourceSortingProxy):
    """Sorts by SORT_ROLE (text with the Vietnamese collator, None always last) and
    keeps the rows where every word typed begins a word of their SEARCH_ROLE texts
    ("lam son" finds "Xã Lâm Sơn", "228" finds the codes 228..).

    Sort keys and search texts are read once per column after a change of the source
    (texts become their rank in collation order), so that sorting thousands of rows
    costs plain comparisons, not two calls through Qt per comparison."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.collator = vietnamese_collator()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []
        self._keys: dict[int, list[Any]] = {}
        self._hay: dict[int, list[str]] = {}
        self._search_columns: list[int] | None = None
        self._accepted: list[bool] | None = None
        self._hays: list[str] | None = None  # per source row, its search words as one text

    def setSourceModel(self, model: Any) -> None:  # noqa: N802
        old = self.sourceModel()
        if old is not None:
            for signal in self._change_signals(old):
                signal.disconnect(self._forget)
        # connected before the proxy's own handlers: the caches are empty when it re-sorts
        for signal in self._change_signals(model):
            signal.connect(self._forget)
        model.dataChanged.connect(self._on_data_changed)
        super().setSourceModel(model)

    @staticmethod
    def _change_signals(model: Any) -> list[Any]:
        return [model.modelAboutToBeReset, model.modelReset, model.layoutAboutToBeChanged,
                model.layoutChanged, model.rowsAboutToBeInserted, model.rowsInserted,
                model.rowsAboutToBeRemoved, model.rowsRemoved]

    def _forget(self, *_args: Any) -> None:
        self._keys.clear()
        self._hay.clear()
        self._search_columns = None
        self._accepted = None
        self._hays = None

    def _on_data_changed(self, *_args: Any) -> None:
        self._forget()
        self.invalidate()

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            model = self.sourceModel()
            raw = [self._cell(r, column, SORT_ROLE) for r in range(model.rowCount())]
            texts = sorted({v for v in raw if isinstance(v, str)},
                           key=cmp_to_key(self.collator.compare))
            rank = {t: i for i, t in enumerate(texts)}
            keys = [rank[v] if isinstance(v, str) else v for v in raw]
            self._keys[column] = keys
        return keys

    def _row_words(self, row: int) -> list[str]:
        words = self._hay.get(row)
        if words is None:
            model = self.sourceModel()
            if self._search_columns is None:  # the columns that have a search text
                self._search_columns = [
                    c for c in range(model.columnCount())
                    if self._cell(0, c, SEARCH_ROLE) is not None]
            words = " ".join(
                str(self._cell(row, c, SEARCH_ROLE) or "") for c in self._search_columns
            ).split()
            self._hay[row] = words
        return words

    def _cell(self, row: int, column: int, role: int) -> Any:
        model = self.sourceModel()
        if isinstance(model, SortedRows):
            return model.cell(row, column, role)
        return model.index(row, column).data(role)

    def set_search(self, text: str) -> None:
        self._words = fold(text).split()
        self._accepted = None
        self.refilter()

    def filtering(self) -> bool:
        return bool(self._words)

    def accepts(self, source_row: int) -> bool:
        if not self._words:
            return True
        accepted = self._accepted
        if accepted is None:
            accepted = self._accepted = self._accepted_rows()
        return source_row < len(accepted) and accepted[source_row]

    def _accepted_rows(self) -> list[bool]:
        """Which rows the words typed keep, for every row at once: each row's search words
        are one text (' 30012 xa so 12'), so that "a word begins with w" is a substring
        test (' ' + w in it) run by Python's C code, one comprehension per word typed."""
        hays = self._hays
        if hays is None:
            source = self.sourceModel()
            every = source.search_words() if hasattr(source, "search_words") else [
                self._row_words(r) for r in range(source.rowCount())]
            hays = self._hays = [" " + " ".join(words) for words in every]
        accepted = [True] * len(hays)
        for word in self._words:
            needle = " " + word
            accepted = [a and needle in h for a, h in zip(accepted, hays, strict=True)]
        return accepted

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        keys = self._column_keys(left.column())
        a, b = keys[left.row()], keys[right.row()]
        if a is None or b is None:
            # blanks after values whichever way the column is sorted
            if a is None and b is None:
                return left.row() < right.row()
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None) if descending else (b is None)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


@dataclass(frozen=True)
class SubmissionLine:
    """What the Báo cáo page shows of one unit for the period."""

    unit_code: str
    unit_name: str
    unit_kind: str
    state: str | None  # None: not submitted
    received_on: dt.date | None
    channel: str | None
    late_days: int
    result: str  # pass | fail | incomplete | not_submitted
    failed: tuple[str, ...]  # short names of the mandatory criteria that fail
    return_reason: str
    evidence: int
    verdict: str = ""  # the result as shown ('Đạt 5/7 chỉ tiêu' for targets only)
    version: int | None = None  # the submission's version when the list was read

    @property
    def submitted(self) -> bool:
        return self.state is not None

    @property
    def status_label(self) -> str:
        return REVIEW_STATE_LABELS.get(self.state or "", NOT_SUBMITTED_LABEL)


def lines_from_report(report: PeriodReport, evidence: Mapping[str, int]) -> list[SubmissionLine]:
    lines = []
    for r in report.units:
        sub = r.submission
        lines.append(
            SubmissionLine(
                unit_code=r.unit.code,
                unit_name=r.unit.name,
                unit_kind=r.unit.kind,
                state=sub.state if sub else None,
                received_on=sub.received_on if sub else None,
                channel=sub.channel if sub else None,
                late_days=r.late_days,
                result=r.result.value,
                failed=tuple(report.plan.criterion_label(c.criterion) for c in r.failed),
                return_reason=sub.return_reason if sub else "",
                evidence=evidence.get(r.unit.code, 0),
                verdict=r.verdict,
                version=sub.version if sub else None,
            )
        )
    return lines


class SubmissionsTableModel(PaintCache, SortedRows, QAbstractTableModel):
    ROW_LISTS = ("_lines",)

    COL_CODE = 0
    COL_UNIT = 1
    COL_STATUS = 2
    COL_RECEIVED = 3
    COL_CHANNEL = 4
    COL_LATE = 5
    COL_RESULT = 6
    COL_EVIDENCE = 7
    HEADERS = (
        "Mã", "Đơn vị", "Tình trạng", "Ngày nhận", "Hình thức", "Trễ hạn (ngày)",
        "Kết quả", "Minh chứng",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[SubmissionLine] = []

    # -- loading
    def set_lines(self, lines: Sequence[SubmissionLine],
                  order: tuple[int, Qt.SortOrder] | None = None) -> None:
        """`order`: the order `lines` were sorted in already (sorted_lines, on a worker);
        sorted here when it is not the table's."""
        self.beginResetModel()
        self._lines = list(lines)
        if order is None or order != self.sort_order:
            self.keep_order()
        self.endResetModel()

    @classmethod
    def sorted_lines(cls, lines: list[SubmissionLine],
                     order: tuple[int, Qt.SortOrder] | None) -> list[SubmissionLine]:
        """`lines` in `order` (a column and its direction), as the table would sort them:
        pure Python, for a worker thread."""
        if order is None or not 0 <= order[0] < len(cls.HEADERS):
            return lines
        perm = permutation([_sort_key(line, order[0]) for line in lines], order[1])
        return lines if perm is None else [lines[i] for i in perm]

    def search_words(self) -> list[list[str]]:
        """What the search box matches in each row: the code and the name's words,
        lower case without diacritics (VietnameseSortFilterProxy)."""
        return [[line.unit_code.lower(), *fold(line.unit_name).split()] for line in self._lines]

    def line(self, row: int) -> SubmissionLine:
        return self._lines[row]

    def lines(self) -> list[SubmissionLine]:
        return list(self._lines)

    def row_of(self, unit_code: str) -> int | None:
        for i, line in enumerate(self._lines):
            if line.unit_code == unit_code:
                return i
        return None

    # -- Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def cell(self, row: int, col: int, role: int) -> Any:
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, col)
        if role == SORT_ROLE:
            return _sort_key(line, col)
        if role == ROW_ROLE:
            return line
        if role == SEARCH_ROLE:
            if col == self.COL_UNIT:
                return fold(line.unit_name)
            if col == self.COL_CODE:
                return line.unit_code.lower()
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_RESULT:
                return QBrush(RESULT_COLORS[line.result])
            if col == self.COL_STATUS:
                return QBrush(STATE_COLORS.get(line.state or "", RESULT_COLORS["not_submitted"]))
            if col == self.COL_LATE and line.late_days > 0:
                return QBrush(RESULT_COLORS["fail"])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.COL_LATE, self.COL_EVIDENCE, self.COL_RECEIVED):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, col)
        return None

    def _display(self, line: SubmissionLine, col: int) -> str:
        if col == self.COL_CODE:
            return line.unit_code
        if col == self.COL_UNIT:
            return line.unit_name
        if col == self.COL_STATUS:
            return line.status_label
        if not line.submitted:
            return "" if col != self.COL_RESULT else line.verdict or OUTCOME_LABELS[line.result]
        if col == self.COL_RECEIVED:
            return day(line.received_on)
        if col == self.COL_CHANNEL:
            return CHANNEL_LABELS.get(line.channel or "", line.channel or "")
        if col == self.COL_LATE:
            return str(line.late_days) if line.late_days else ""
        if col == self.COL_RESULT:
            return line.verdict or OUTCOME_LABELS[line.result]
        if col == self.COL_EVIDENCE:
            return str(line.evidence) if line.evidence else ""
        return ""

    def _tooltip(self, line: SubmissionLine, col: int) -> str | None:
        if col == self.COL_STATUS and line.state == "returned" and line.return_reason:
            return f"Lý do trả lại: {line.return_reason}"
        if col == self.COL_RESULT and line.failed:
            return "Tiêu chí chưa đạt: " + ", ".join(line.failed)
        if col == self.COL_LATE and line.late_days:
            return f"Nhận sau hạn nộp {line.late_days} ngày"
        return None


_STATE_ORDER = {"returned": 0, "received": 1, "accepted": 2}


def _sort_key(line: SubmissionLine, col: int) -> Any:
    """What a line sorts by in a column of the Báo cáo table."""
    if col == SubmissionsTableModel.COL_CODE:
        return line.unit_code
    if col == SubmissionsTableModel.COL_UNIT:
        return line.unit_name
    if col == SubmissionsTableModel.COL_STATUS:
        return _STATE_ORDER.get(line.state or "", 3)
    if col == SubmissionsTableModel.COL_RECEIVED:
        return line.received_on.toordinal() if line.received_on else None
    if col == SubmissionsTableModel.COL_CHANNEL:
        return CHANNEL_LABELS.get(line.channel or "", "") or None
    if col == SubmissionsTableModel.COL_LATE:
        return line.late_days if line.submitted else None
    if col == SubmissionsTableModel.COL_RESULT:
        return {"pass": 0, "incomplete": 1, "fail": 2, "not_submitted": 3}[line.result]
    if col == SubmissionsTableModel.COL_EVIDENCE:
        return line.evidence
    return None


# ---- messages shared by the screens of this package ------------------------------------

BANNER_STYLES = {
    "info": "background:#e8f0fe; color:#174ea6; border:1px solid #aecbfa;",
    "ok": "background:#e6f4ea; color:#0d652d; border:1px solid #a8dab5;",
    "error": "background:#fce8e6; color:#a50e0e; border:1px solid #f6aea9;",
}


def error_text(exc: BaseException) -> str:
    """What a person reads about a failure: the Vietnamese message of a domain error,
    a plain sentence otherwise (the traceback is in the log, never on screen)."""
    from ..domain.errors import DomainError

    if isinstance(exc, DomainError):
        return exc.message
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"Lỗi đọc/ghi tệp{where}: {exc.strerror}"
    return f"Đã xảy ra lỗi không mong đợi ({type(exc).__name__}); chi tiết ghi trong tệp nhật ký."


def show_banner(label: Any, text: str, kind: str = "info") -> None:
    """Show `text` in a QLabel used as a message bar (hidden when text is empty)."""
    label.setStyleSheet(f"QLabel {{ {BANNER_STYLES[kind]} padding:6px; border-radius:3px; }}")
    label.setProperty("kind", kind)
    label.setText(text)
    label.setVisible(bool(text))
