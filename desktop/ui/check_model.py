"""The Kiểm tra matrix: one row per unit, one column per criterion of the plan.

Cells are coloured by outcome (pass green, fail red, incomplete amber, not submitted
grey); mandatory criteria ("tiêu chuẩn thi đua") come first with strong colours and
bold headers, the targets to 2025 ("chỉ tiêu phấn đấu") after them in pale colours and
italic headers. The tooltip of a cell gives the rule, the value, the explanation and
the plan's clause.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.evaluation import CriterionResult, rule_label
from ..domain.period_report import PeriodReport, UnitReport
from ..domain.plan import Criterion, IndicatorKind, Plan
from ..domain.vnformat import day, decimal_text, number, percent
from .columns import sample_rows
from .row_order import ACCEPT_ROLE, SortedRows, accept_text, permutation
from .submissions_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE, fold

OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 10  # pass | fail | incomplete | not_submitted | n/a
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 11  # the column's Criterion (header)

NOT_APPLICABLE = "n/a"

# strong colours for mandatory criteria, pale ones for targets
COLORS = {
    "pass": (QColor("#a5d6a7"), QColor("#e3f2e4")),
    "fail": (QColor("#ef9a9a"), QColor("#fbe3e3")),
    "incomplete": (QColor("#ffcc80"), QColor("#fff1dc")),
    "not_submitted": (QColor("#d5d5d5"), QColor("#ececec")),
}
_RESULT_ORDER = {"pass": 0, "incomplete": 1, "fail": 2, "not_submitted": 3}
# built once: a view asks every visible cell for its brushes at each repaint
_BRUSHES = {k: (QBrush(strong), QBrush(pale)) for k, (strong, pale) in COLORS.items()}
_TEXT_BRUSH = QBrush(QColor("#1f1f1f"))
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
# the roles a criterion's cell answers; the others (font, icon, size…) cost nothing
_CRITERION_ROLES = frozenset({
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.BackgroundRole),
    int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.TextAlignmentRole),
    int(Qt.ItemDataRole.ToolTipRole), int(OUTCOME_ROLE), int(SORT_ROLE), int(ROW_ROLE)})
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
# what a row caches for painting, by role: its texts, backgrounds and outcomes per column
_ROW_SLOTS = {_DISPLAY: 0, _BACKGROUND: 1, int(OUTCOME_ROLE): 2}
# the roles answered by cell() (tooltips are made when asked, for the cell under the mouse)
_ASKED_ROLES = frozenset({int(Qt.ItemDataRole.ToolTipRole), int(SORT_ROLE), int(ROW_ROLE),
                          int(SEARCH_ROLE)})
# a painted row: its texts, backgrounds and outcomes by column
Painted = tuple[list[Any], list[Any], list[Any]]
# rows painted ahead by `prepare` (on the worker): more than a tall screen shows at once
FIRST_SCREEN = 60


def shown_value(plan: Plan, result: CriterionResult, report: UnitReport) -> str:
    """The measured value as the office reads it: '58,33 % (35/60)', 'Có', '20/09/2022'
    (never rounded across its threshold: CriterionResult.shown)."""
    if result.value is None:
        return "(trống)" if result.outcome == "incomplete" else "—"
    return result.shown


def _short_value(plan: Plan, result: CriterionResult) -> str:
    if result.value is None:
        return "thiếu"
    if result.kind is IndicatorKind.RATIO:
        return f"{decimal_text(result.rounded)} %"  # type: ignore[arg-type]
    return result.shown


def header_lines(label: str, width: int = 18) -> str:
    """A short name on at most two header lines ("Tài khoản thanh toán\nđiện tử")."""
    if len(label) <= width:
        return label
    words = label.split()
    best = label
    for i in range(1, len(words)):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        if max(len(first), len(second)) < max((len(x) for x in best.split("\n")), default=0):
            best = f"{first}\n{second}"
    return best


def _sort_value(result: CriterionResult | None) -> Any:
    if result is None or result.value is None:
        return None
    v = result.value
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, dt.date):
        return v.toordinal()
    return float(v)


@dataclass(frozen=True)
class CheckRows:
    """What the matrix shows of a report, made off the GUI thread (`prepare`): the rows in
    the order asked for, each unit's results by criterion code, the columns."""

    report: PeriodReport | None
    rows: list[UnitReport]
    cells: list[dict[str, CriterionResult]]
    criteria: list[Criterion]
    order: tuple[int, Qt.SortOrder] | None
    # per row, what painting reads (texts, backgrounds, outcomes by column), made ahead for
    # the first screenful and the rows that size the columns; None for the others
    painted: list[Painted | None] | None = None


def prepare(report: PeriodReport | None,
            order: tuple[int, Qt.SortOrder] | None = None) -> CheckRows:
    """The rows of `report` sorted by `order` (a column of CheckTableModel): a worker
    thread calls it, so that the GUI thread only swaps lists (3,321 units × 30 criteria
    take tens of milliseconds to index)."""
    rows = list(report.units) if report else []
    cells = [{c.criterion.code: c for c in r.criteria} for r in rows]
    for r in rows:  # the search box's folded names: cached off the GUI thread
        fold(r.unit.name)
    kinds = {r.unit.kind for r in rows}
    crits = report.plan.criteria_judged(kinds, report.period.code) if report else []
    criteria = [c for c in crits if c.mandatory] + [c for c in crits if not c.mandatory]
    if order is not None:
        perm = _sorted_rows(rows, cells, criteria, order)
        if perm is not None:
            rows, cells = [rows[i] for i in perm], [cells[i] for i in perm]
    maker = _RowPainter(report, rows, cells, criteria)
    for row in sorted(set(range(min(FIRST_SCREEN, len(rows)))) | set(sample_rows(len(rows)))):
        maker.paint_row(row)
    return CheckRows(report, rows, cells, criteria, order, maker._painted)


def _sorted_rows(rows: list[UnitReport], cells: list[dict[str, CriterionResult]],
                 criteria: list[Criterion], order: tuple[int, Qt.SortOrder]) -> list[int] | None:
    column, how = order
    if not 0 <= column < CheckTableModel.FIRST_CRITERION + len(criteria):
        return None
    return permutation(column_values(rows, cells, criteria, column), how)


def column_values(rows: list[UnitReport], cells: list[dict[str, CriterionResult]],
                  criteria: list[Criterion], column: int) -> list[Any]:
    """What each row sorts by in `column`."""
    m = CheckTableModel
    if column == m.COL_RANK:
        return [r.rank for r in rows]
    if column == m.COL_CODE:
        return [r.unit.code for r in rows]
    if column == m.COL_UNIT:
        return [r.unit.name for r in rows]
    if column == m.COL_RESULT:
        return [_RESULT_ORDER[r.result.value] for r in rows]
    if column == m.COL_RANK_VALUE:
        return [r.rank_value for r in rows]
    code = criteria[column - m.FIRST_CRITERION].code
    return [_sort_value(c.get(code)) for c in cells]


class _CheckCells:
    """What a cell of the matrix shows, from plain lists: the model's cells, and the rows
    that `prepare` paints ahead on a worker thread (no Qt object is made here)."""

    COL_RANK = 0
    COL_CODE = 1
    COL_UNIT = 2
    COL_RESULT = 3
    COL_RANK_VALUE = 4
    FIRST_CRITERION = 5

    report: PeriodReport | None
    criteria: list[Criterion]
    _rows: list[UnitReport]
    _cells: list[dict[str, CriterionResult]]
    _painted: list[Painted | None]
    _bold: Any = None

    def paint_row(self, row: int) -> Painted:
        """The row's texts, backgrounds and outcomes by column, kept for later paints."""
        n = self.FIRST_CRITERION + len(self.criteria)
        cell, d, b, o = self.cell, _DISPLAY, _BACKGROUND, int(OUTCOME_ROLE)
        painted = ([cell(row, c, d) for c in range(n)], [cell(row, c, b) for c in range(n)],
                   [cell(row, c, o) for c in range(n)])
        self._painted[row] = painted
        return painted

    def cell(self, row: int, col: int, role: int) -> Any:
        r = self._rows[row]
        if role == ROW_ROLE:
            return r
        if col < self.FIRST_CRITERION:
            return self._fixed(r, col, role)
        if role not in _CRITERION_ROLES:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _TEXT_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        c = self.criteria[col - self.FIRST_CRITERION]
        result = self._cells[row].get(c.code)
        applies = r.unit.kind in c.unit_kinds
        outcome = (NOT_APPLICABLE if not applies else "not_submitted" if r.submission is None
                   else result.outcome.value if result else NOT_APPLICABLE)
        if role == OUTCOME_ROLE:
            return outcome
        if role == Qt.ItemDataRole.DisplayRole:
            if result is None:
                return "" if applies else "—"
            return _short_value(self.report.plan, result)  # type: ignore[union-attr]
        if role == Qt.ItemDataRole.BackgroundRole:
            pair = _BRUSHES.get(outcome)
            return (pair[0] if c.mandatory else pair[1]) if pair else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, c, result, applies)
        if role == SORT_ROLE:
            return _sort_value(result)
        return None

    def _fixed(self, r: UnitReport, col: int, role: int) -> Any:
        result = r.result.value
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_RANK:
                return "" if r.rank is None else number(r.rank)
            if col == self.COL_CODE:
                return r.unit.code
            if col == self.COL_UNIT:
                return r.unit.name
            if col == self.COL_RESULT:
                return r.verdict
            return "" if r.rank_value is None else percent(r.rank_value) \
                if self._ranking_is_percent() else number(r.rank_value)
        if role == SORT_ROLE:
            return {self.COL_RANK: r.rank, self.COL_CODE: r.unit.code,
                    self.COL_UNIT: r.unit.name, self.COL_RESULT: _RESULT_ORDER[result],
                    self.COL_RANK_VALUE: r.rank_value}[col]
        if role == OUTCOME_ROLE and col == self.COL_RESULT:
            return result
        if role == SEARCH_ROLE:
            if col == self.COL_UNIT:
                return fold(r.unit.name)
            if col == self.COL_CODE:
                return r.unit.code.lower()
            return None
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_RESULT:
            return _BRUSHES[result][0]
        if role == Qt.ItemDataRole.FontRole and col in (self.COL_RANK, self.COL_RESULT):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_UNIT:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_RESULT:
            if r.failed:
                plan = self.report.plan  # type: ignore[union-attr]
                return "Tiêu chí chưa đạt: " + ", ".join(plan.criterion_label(c.criterion)
                                                         for c in r.failed)
            if r.submission is not None and r.submission.state != "accepted":
                return "Báo cáo chưa được chấp nhận"
        return None

    def _ranking_is_percent(self) -> bool:
        plan = self.report.plan if self.report else None
        if plan is None or plan.ranking is None:
            return False
        return plan.indicator(plan.ranking.indicator).is_percent_like

    def _tooltip(self, r: UnitReport, c: Criterion, result: CriterionResult | None,
                 applies: bool) -> str:
        plan = self.report.plan  # type: ignore[union-attr]
        head = f"<b>{html.escape(r.unit.name)}</b> — " \
               f"<b>{html.escape(plan.criterion_label(c))}</b> ({html.escape(c.code)}): " \
               f"{html.escape(c.name)}"
        if not applies:
            return f"{head}<br>Không áp dụng cho loại đơn vị này."
        kind = "bắt buộc" if c.mandatory else "phấn đấu, không tính vào kết quả"
        ind = plan.indicator(c.indicator)
        lines = [head, f"Quy tắc: {html.escape(ind.label)} ({html.escape(ind.code)}) "
                       f"{html.escape(rule_label(plan, c))} ({kind})"]
        if r.submission is None:
            lines.append("Đơn vị chưa nộp báo cáo kỳ này.")
        elif result is not None:
            lines.append(f"Giá trị: {html.escape(shown_value(plan, result, r))}")
            lines.append(f"Đánh giá: {html.escape(result.explanation)}")
        lines.append(f"Căn cứ: mục {html.escape(c.source or '—')} của Kế hoạch")
        return "<br>".join(lines)


class _RowPainter(_CheckCells):
    """Paints rows ahead off the GUI thread (prepare)."""

    def __init__(self, report: PeriodReport | None, rows: list[UnitReport],
                 cells: list[dict[str, CriterionResult]], criteria: list[Criterion]) -> None:
        self.report, self._rows, self._cells, self.criteria = report, rows, cells, criteria
        self._painted = [None] * len(rows)


class CheckTableModel(_CheckCells, SortedRows, QAbstractTableModel):
    ROW_LISTS = ("_rows", "_cells", "_painted")

    FIXED_HEADERS = ("Hạng", "Mã", "Đơn vị", "Kết quả", "Điểm xếp hạng")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: PeriodReport | None = None
        self.criteria: list[Criterion] = []
        self._rows: list[UnitReport] = []
        self._cells: list[dict[str, CriterionResult]] = []
        # per row, once painted: (texts, backgrounds, outcomes) of every column
        self._painted: list[Painted | None] = []
        self._headers: dict[tuple[int, int], Any] = {}
        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        self._columns: dict[int, list[Any]] = {}

    def set_report(self, report: PeriodReport | None) -> None:
        self.set_rows(prepare(report, self.sort_order))

    def set_rows(self, rows: CheckRows) -> None:
        """Show rows made by `prepare` (sorted already when made for the current order)."""
        self.beginResetModel()
        self.report = rows.report
        self._rows, self._cells, self.criteria = rows.rows, rows.cells, rows.criteria
        painted = rows.painted
        self._painted = list(painted) if painted is not None and \
            len(painted) == len(self._rows) else [None] * len(self._rows)
        self._headers = {}
        self._columns = self._column_roles()
        if rows.order != self.sort_order:
            self.keep_order()
        self.endResetModel()

    def _column_roles(self) -> dict[int, list[Any]]:
        """The roles that are the same down a column: alignment, font, text colour."""
        n = self.FIRST_CRITERION + len(self.criteria)
        fixed = range(self.FIRST_CRITERION)
        return {
            _ALIGNMENT: [None if c == self.COL_UNIT else _CENTRE for c in range(n)],
            _FONT: [self._bold if c in (self.COL_RANK, self.COL_RESULT) else None
                    for c in range(n)],
            _FOREGROUND: [None if c in fixed else _TEXT_BRUSH for c in range(n)],
        }

    def unit_report(self, row: int) -> UnitReport:
        return self._rows[row]

    def row_of(self, unit_code: str) -> int | None:
        for i, r in enumerate(self._rows):
            if r.unit.code == unit_code:
                return i
        return None

    def column_of(self, criterion_code: str) -> int | None:
        for i, c in enumerate(self.criteria):
            if c.code == criterion_code:
                return self.FIRST_CRITERION + i
        return None

    def criterion_at(self, column: int) -> Criterion | None:
        i = column - self.FIRST_CRITERION
        return self.criteria[i] if 0 <= i < len(self.criteria) else None

    # -- Qt
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.FIRST_CRITERION + len(self.criteria)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Made once per report: the header asks for every visible section at each paint."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        key = (section, int(role))
        try:
            return self._headers[key]
        except KeyError:
            value = self._headers[key] = self._header(section, int(role))
            return value

    def _header(self, section: int, role: int) -> Any:
        c = self.criterion_at(section)
        if c is None:
            if role == Qt.ItemDataRole.DisplayRole:
                title = self.FIXED_HEADERS[section]
                if section == self.COL_RANK_VALUE and self.report and self.report.plan.ranking:
                    plan = self.report.plan
                    title = f"{title}\n{header_lines(plan.indicator(plan.ranking.indicator).label)}"
                return title
            if role == Qt.ItemDataRole.ToolTipRole and section == self.COL_RANK_VALUE \
                    and self.report and self.report.plan.ranking:
                ind = self.report.plan.indicator(self.report.plan.ranking.indicator)
                return f"{html.escape(ind.name)} ({html.escape(ind.code)})"
            return None
        plan = self.report.plan if self.report else None
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(c.threshold, dt.date):
                rule = f"≤ {day(c.threshold)}"
            else:
                rule = rule_label(plan, c) if plan else c.rule
            label = plan.criterion_label(c) if plan else c.name
            return f"{header_lines(label)}\n{rule}" + ("" if c.mandatory else " (phấn đấu)")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(c.mandatory)
            font.setItalic(not c.mandatory)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = "Tiêu chuẩn thi đua (bắt buộc)" if c.mandatory else \
                "Chỉ tiêu phấn đấu (không tính vào kết quả thi đua)"
            rule = rule_label(plan, c) if plan else c.rule
            ind = plan.indicator(c.indicator).label if plan else c.indicator
            return (f"<b>{html.escape(c.name)}</b><br>{kind}<br>"
                    f"Quy tắc: {html.escape(ind)} {html.escape(rule)}<br>"
                    f"Mã tiêu chí: {html.escape(c.code)}, chỉ tiêu: {html.escape(c.indicator)}<br>"
                    f"Căn cứ: mục {html.escape(c.source or '—')} của Kế hoạch")
        if role == CRITERION_ROLE:
            return c
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Painting asks each visible cell for seven roles: a list lookup each, from the
        row's texts and colours made the first time it is painted."""
        slot = _ROW_SLOTS.get(role)
        if slot is not None:
            row = index.row()
            if row < 0:
                return None
            painted = self._painted[row] or self.paint_row(row)
            return painted[slot][index.column()]
        same = self._columns.get(role)
        if same is not None:
            return same[index.column()] if index.isValid() else None
        if role in _ASKED_ROLES and index.isValid():
            return self.cell(index.row(), index.column(), role)
        if role == ACCEPT_ROLE:
            return accept_text(self, index.row())
        return None

    def column_texts(self, column: int, rows: list[int]) -> list[str]:
        """The texts of `column` in these rows (for sizing the column), without Qt calls:
        from the rows painted ahead (prepare) or painted now."""
        painted = self._painted
        return [str((painted[r] or self.paint_row(r))[0][column] or "") for r in rows]

    def search_words(self) -> list[list[str]]:
        """What the search box matches in each row: the code and the name's words,
        lower case without diacritics (VietnameseSortFilterProxy)."""
        return [[r.unit.code.lower(), *fold(r.unit.name).split()] for r in self._rows]

    def sort_values(self, column: int, n: int) -> list[Any]:
        """A criterion's values straight from the results, not one data() call per row."""
        return column_values(self._rows[:n], self._cells[:n], self.criteria, column)
