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
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.evaluation import CriterionResult, rule_label
from ..domain.period_report import PeriodReport, UnitReport
from ..domain.plan import Criterion, IndicatorKind, Plan
from ..domain.vnformat import day, decimal_text, number, percent
from .row_order import SortedRows
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


class CheckTableModel(SortedRows, QAbstractTableModel):
    ROW_LISTS = ("_rows", "_cells")

    COL_RANK = 0
    COL_CODE = 1
    COL_UNIT = 2
    COL_RESULT = 3
    COL_RANK_VALUE = 4
    FIRST_CRITERION = 5
    FIXED_HEADERS = ("Hạng", "Mã", "Đơn vị", "Kết quả", "Điểm xếp hạng")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: PeriodReport | None = None
        self.criteria: list[Criterion] = []
        self._rows: list[UnitReport] = []
        self._cells: list[dict[str, CriterionResult]] = []

    def set_report(self, report: PeriodReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rows = list(report.units) if report else []
        self._cells = [{c.code: c for c in r.criteria} for r in self._rows]
        kinds = {r.unit.kind for r in self._rows}
        crits = [c for c in report.plan.criteria if kinds & set(c.unit_kinds)] if report else []
        self.criteria = [c for c in crits if c.mandatory] + [c for c in crits if not c.mandatory]
        self.keep_order()
        self.endResetModel()

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
        if orientation != Qt.Orientation.Horizontal:
            return None
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
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def sort_values(self, column: int, n: int) -> list[Any]:
        """A criterion's values straight from the results, not one data() call per row."""
        rows = self._rows[:n]
        if column == self.COL_RANK:
            return [r.rank for r in rows]
        if column == self.COL_CODE:
            return [r.unit.code for r in rows]
        if column == self.COL_UNIT:
            return [r.unit.name for r in rows]
        if column == self.COL_RESULT:
            return [_RESULT_ORDER[r.result.value] for r in rows]
        if column == self.COL_RANK_VALUE:
            return [r.rank_value for r in rows]
        code = self.criteria[column - self.FIRST_CRITERION].code
        return [_sort_value(cells.get(code)) for cells in self._cells[:n]]

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
            return QBrush(COLORS[result][0])
        if role == Qt.ItemDataRole.FontRole and col in (self.COL_RANK, self.COL_RESULT):
            font = QFont()
            font.setBold(True)
            return font
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
