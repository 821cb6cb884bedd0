"""The Khen thưởng data and tables: the proposals of a review, the breaches, the suggestions.

What the page shows of a review is desktop.actions.proposals.load_state (from a task);
`write_list` exports the list as the office sends it. The models take plain domain objects:
`ProposalsTableModel.set_check(plan, check)` shows one row per proposal with its dossier and
the breaches that concern it (rows in breach tinted, the rules and their clauses in the
tooltip); `BreachesTableModel` lists every breach with its rule and clause;
`SuggestionsTableModel` the best-ranked units not yet proposed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.errors import DomainError
from ..domain.plan import Plan
from ..domain.proposals import (
    KIND_LABELS,
    RULE_LABELS,
    Breach,
    Proposal,
    ProposalCheck,
    Suggestion,
    block_label,
    review_codes,
)
from ..domain.vnformat import number, percent
from .row_order import ACCEPT_ROLE, accept_text
from .submissions_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE, fold

if TYPE_CHECKING:
    from ..actions.database import Database

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

BREACH_BACKGROUND = QColor("#fbe3e3")  # a rule of the plan is broken
DOSSIER_BACKGROUND = QColor("#fff1dc")  # only papers are missing
BREACH_TEXT = QColor("#a50e0e")


# ---- writing the list (call from a task) -------------------------------------------------


def default_review(plan: Plan, period_code: str) -> str | None:
    """The current period if it is a review, else the next review after it, else the last."""
    reviews = review_codes(plan)
    if not reviews:
        return None
    if period_code in reviews:
        return period_code
    order = [p.code for p in plan.periods]
    here = order.index(period_code) if period_code in order else -1
    later = [r for r in reviews if order.index(r) > here]
    return later[0] if later else reviews[-1]


def write_list(db: Database, review: str, kind: str, path: Path) -> ProposalCheck:
    """Write the list of the review as the office sends it ('xlsx' or 'pdf'), whole or not
    at all; returns the check it was written from (its breaches are worth a reminder)."""
    from ..actions.proposals import proposal_list, write_proposal_list

    if not path.parent.is_dir():
        raise DomainError(f"Thư mục {path.parent} không tồn tại.")
    data = proposal_list(db, review)
    write_proposal_list(data, kind, path)  # type: ignore[arg-type]
    return data.check


# ---- the tables ---------------------------------------------------------------------------


def breach_line(b: Breach) -> str:
    """'Tập thể chưa đạt tiêu chuẩn thi đua (mục V.1.1.b, III.1.2)'."""
    label = RULE_LABELS.get(b.rule, b.rule)
    return f"{label} (mục {b.source})" if b.source else label


def breach_tooltip(breaches: Sequence[Breach]) -> str:
    parts = []
    for b in breaches:
        parts.append(f"<b>{html.escape(RULE_LABELS.get(b.rule, b.rule))}</b><br>"
                     f"{html.escape(b.message)}<br>"
                     f"<i>Căn cứ: mục {html.escape(b.source or '—')} của Kế hoạch</i>")
    return "<br><br>".join(parts)


def dossier_text(plan: Plan, p: Proposal) -> str:
    """'Đủ (3/3)', 'Thiếu: Tờ trình đề nghị khen thưởng; Báo cáo thành tích', or ''."""
    if not plan.dossier:
        return ""
    missing = p.missing_documents(plan)
    if not missing:
        return f"Đủ ({number(len(plan.dossier))}/{number(len(plan.dossier))})"
    return "Thiếu: " + "; ".join(missing)


def _table_headers(headers: Sequence[str], section: int, orientation: Qt.Orientation,
                   role: int) -> Any:
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        return headers[section]
    return None


class ProposalsTableModel(QAbstractTableModel):
    COL_ID = 0
    COL_KIND = 1
    COL_NAME = 2
    COL_POSITION = 3
    COL_UNIT = 4
    COL_LEADER = 5
    COL_AWARD = 6
    COL_BLOCK = 7
    COL_DOSSIER = 8
    COL_BREACHES = 9
    HEADERS = ("Số", "Loại", "Tập thể / cá nhân", "Chức vụ", "Đơn vị công tác", "Lãnh đạo",
               "Hình thức khen thưởng", "Khối", "Hồ sơ", "Vi phạm")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.check: ProposalCheck | None = None
        self._rows: list[Proposal] = []
        self._breaches: dict[int, tuple[Breach, ...]] = {}

    def set_check(self, plan: Plan | None, check: ProposalCheck | None) -> None:
        self.beginResetModel()
        self.plan, self.check = plan, check
        self._rows = list(check.proposals) if check else []
        self._breaches = {p.id: check.breaches_for(p.id) for p in self._rows} if check else {}
        self.endResetModel()

    def proposal(self, row: int) -> Proposal:
        return self._rows[row]

    def proposals(self) -> list[Proposal]:
        return list(self._rows)

    def row_of(self, proposal_id: int) -> int | None:
        for i, p in enumerate(self._rows):
            if p.id == proposal_id:
                return i
        return None

    def breaches_of(self, proposal_id: int) -> tuple[Breach, ...]:
        return self._breaches.get(proposal_id, ())

    # -- Qt
    def rowCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return _table_headers(self.HEADERS, section, orientation, role)

    def text(self, p: Proposal, col: int) -> str:
        plan = self.plan
        if col == self.COL_ID:
            return number(p.id)
        if col == self.COL_KIND:
            return KIND_LABELS.get(p.kind, p.kind)
        if col == self.COL_NAME:
            return (p.unit_name or p.unit_code or "") if p.is_collective else p.person_name
        if col == self.COL_POSITION:
            return p.position
        if col == self.COL_UNIT:
            return "" if p.is_collective else p.unit_name
        if col == self.COL_LEADER:
            return "Có" if p.is_leader else ""
        if col == self.COL_AWARD:
            return p.award
        if col == self.COL_BLOCK:
            return block_label(plan, p.unit_block) if plan is not None else (p.unit_block or "")
        if col == self.COL_DOSSIER:
            return dossier_text(plan, p) if plan is not None else ""
        return "; ".join(breach_line(b) for b in self.breaches_of(p.id))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ACCEPT_ROLE:
            return accept_text(self, index.row())
        p = self._rows[index.row()]
        col = index.column()
        breaches = self.breaches_of(p.id)
        if role == ROW_ROLE:
            return p
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(p, col)
        if role == SORT_ROLE:
            if col == self.COL_ID:
                return p.id
            if col == self.COL_BREACHES:
                return len(breaches)
            return self.text(p, col) or None
        if role == SEARCH_ROLE and col in (self.COL_NAME, self.COL_UNIT, self.COL_POSITION):
            return fold(self.text(p, col) + " " + (p.unit_code or ""))
        if role == Qt.ItemDataRole.BackgroundRole and breaches:
            only_papers = all(b.rule == "DOSSIER_INCOMPLETE" for b in breaches)
            return QBrush(DOSSIER_BACKGROUND if only_papers else BREACH_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_BREACHES and breaches:
                return QBrush(BREACH_TEXT)
            if col == self.COL_DOSSIER and self.plan is not None \
                    and p.missing_documents(self.plan):
                return QBrush(QColor("#8a5a00"))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_ID, self.COL_LEADER):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, col, breaches)
        return None

    def _tooltip(self, p: Proposal, col: int, breaches: tuple[Breach, ...]) -> str:
        head = f"<b>Đề nghị số {p.id}</b>: {html.escape(KIND_LABELS.get(p.kind, p.kind))} " \
               f"{html.escape(p.label)}<br>«{html.escape(p.award)}»"
        lines = [head]
        if col == self.COL_DOSSIER and self.plan is not None and self.plan.dossier:
            for name in self.plan.dossier:
                have = p.documents.get(name, False)
                att = p.attachments.get(name)
                state = ("có" + (f", tệp {att.file_name}" if att else "")) if have else "thiếu"
                lines.append(f"• {html.escape(name)}: {html.escape(state)}")
        if p.achievements and col == self.COL_NAME:
            lines.append(f"Thành tích: {html.escape(p.achievements)}")
        if breaches:
            lines.append(breach_tooltip(breaches))
        else:
            lines.append("Không vi phạm quy định nào của kế hoạch.")
        return "<br>".join(lines)


class BreachesTableModel(QAbstractTableModel):
    COL_RULE = 0
    COL_SOURCE = 1
    COL_PROPOSALS = 2
    COL_MESSAGE = 3
    HEADERS = ("Quy định", "Căn cứ", "Đề nghị", "Nội dung")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Breach] = []

    def set_breaches(self, breaches: Sequence[Breach]) -> None:
        self.beginResetModel()
        self._rows = list(breaches)
        self.endResetModel()

    def breach(self, row: int) -> Breach:
        return self._rows[row]

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return _table_headers(self.HEADERS, section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return b
        if role == Qt.ItemDataRole.DisplayRole:
            return (RULE_LABELS.get(b.rule, b.rule), f"mục {b.source}" if b.source else "—",
                    ", ".join(str(i) for i in b.proposal_ids), b.message)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return breach_tooltip([b])
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_RULE:
            return QBrush(BREACH_TEXT)
        if role == Qt.ItemDataRole.FontRole and col == self.COL_RULE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_MESSAGE:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class SuggestionsTableModel(QAbstractTableModel):
    COL_RANK = 0
    COL_CODE = 1
    COL_UNIT = 2
    COL_SCORE = 3
    COL_BLOCK = 4
    COL_AWARD = 5
    HEADERS = ("Hạng", "Mã", "Đơn vị", "Điểm", "Khối", "Hình thức khen thưởng")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self._rows: list[Suggestion] = []

    def set_suggestions(self, plan: Plan | None, suggestions: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self.plan = plan
        self._rows = list(suggestions)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion:
        return self._rows[row]

    def row_of(self, unit_code: str) -> int | None:
        for i, s in enumerate(self._rows):
            if s.unit_code == unit_code:
                return i
        return None

    def score_text(self, score: float | None) -> str:
        if score is None:
            return ""
        plan = self.plan
        if plan is not None and plan.ranking is not None:
            try:
                if plan.indicator(plan.ranking.indicator).is_percent_like:
                    return percent(score)
            except KeyError:
                pass
        return number(score, 2)

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return _table_headers(self.HEADERS, section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            block = block_label(self.plan, s.block) if self.plan is not None else (s.block or "")
            return ("" if s.rank is None else str(s.rank), s.unit_code, s.unit_name,
                    self.score_text(s.score), block, s.award)[col]
        if role == SORT_ROLE:
            return (s.rank, s.unit_code, s.unit_name, s.score, s.block, s.award)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_RANK, self.COL_SCORE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            rank = f"hạng {number(s.rank)}" if s.rank is not None else "chưa xếp hạng"
            return (f"<b>{html.escape(s.unit_name)}</b> ({html.escape(s.unit_code)}): đạt tiêu "
                    f"chuẩn thi đua, {rank}, điểm {html.escape(self.score_text(s.score) or '—')};"
                    f" chưa được đề nghị.<br>Hạn mức «{html.escape(s.award)}» — "
                    f"mục {html.escape(s.source or '—')}")
        return None
