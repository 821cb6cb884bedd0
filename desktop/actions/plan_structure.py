"""Add and remove parts of the plan: indicators, criteria, periods, quotas, unit kinds and
blocks. Each is one transaction with its audit reason ("Thêm chỉ tiêu HOP_TT"); a refusal
(PlanChangeRefused, a DomainError) names every reason, or what still uses the part, and
writes nothing. The "Kế hoạch" page calls these.

    add_indicator(db, Indicator("HOP_TT", "Số cuộc họp trực tuyến", IndicatorKind.COUNT,
                                ("commune",), measure="cuộc", source="III.2"))
    remove_period(db, "2026")
"""

from __future__ import annotations

from ..domain.plan import Block, Criterion, Indicator, Period, Quota
from ..domain.plan_rules import kind_label
from ..store import plan_structure as store
from ..store.database import Database

__all__ = [
    "add_block",
    "add_criterion",
    "add_indicator",
    "add_period",
    "add_quota",
    "add_unit_kind",
    "remove_block",
    "remove_criterion",
    "remove_indicator",
    "remove_period",
    "remove_quota",
    "remove_unit_kind",
]


def add_indicator(db: Database, ind: Indicator) -> str:
    with db.transaction(f"Thêm chỉ tiêu {ind.code}") as s:
        store.add_indicator(s, ind)
    return f"Đã thêm chỉ tiêu {ind.code} — {ind.name.strip()}."


def remove_indicator(db: Database, code: str) -> str:
    with db.transaction(f"Xóa chỉ tiêu {code}") as s:
        store.remove_indicator(s, code)
    return f"Đã xóa chỉ tiêu {code}."


def add_criterion(db: Database, c: Criterion) -> str:
    with db.transaction(f"Thêm tiêu chí {c.code}") as s:
        store.add_criterion(s, c)
    return f"Đã thêm tiêu chí {c.code} — {c.name.strip()}."


def remove_criterion(db: Database, code: str) -> str:
    with db.transaction(f"Xóa tiêu chí {code}") as s:
        store.remove_criterion(s, code)
    return f"Đã xóa tiêu chí {code}."


def add_period(db: Database, p: Period) -> str:
    with db.transaction(f"Thêm kỳ báo cáo {p.code}") as s:
        store.add_period(s, p)
    return f"Đã thêm kỳ báo cáo {p.code} — {' '.join(p.label.split())}."


def remove_period(db: Database, code: str) -> str:
    with db.transaction(f"Xóa kỳ báo cáo {code}") as s:
        store.remove_period(s, code)
    return f"Đã xóa kỳ báo cáo {code}."


def add_quota(db: Database, q: Quota) -> str:
    block = f", khối {q.block}" if q.block else ""
    with db.transaction(f"Thêm hạn mức khen thưởng kỳ {q.review}{block}") as s:
        store.add_quota(s, q)
    return f"Đã thêm hạn mức “{' '.join(q.award.split())}” kỳ {q.review}{block}."


def remove_quota(db: Database, quota_id: int) -> str:
    with db.transaction(f"Xóa hạn mức khen thưởng #{quota_id}") as s:
        what = store.remove_quota(s, quota_id)
    return f"Đã xóa hạn mức {what}."


def add_unit_kind(db: Database, kind: str) -> str:
    with db.transaction(f"Thêm loại đơn vị {kind}") as s:
        store.add_unit_kind(s, kind)
    return f"Đã thêm loại đơn vị {kind_label(kind)}."


def remove_unit_kind(db: Database, kind: str) -> str:
    with db.transaction(f"Xóa loại đơn vị {kind}") as s:
        store.remove_unit_kind(s, kind)
    return f"Đã xóa loại đơn vị {kind_label(kind)}."


def add_block(db: Database, block: Block) -> str:
    with db.transaction(f"Thêm khối thi đua {block.code.strip()}") as s:
        row = store.add_block(s, block)
    return f"Đã thêm khối thi đua {row.code} — {row.name}."


def remove_block(db: Database, code: str) -> str:
    with db.transaction(f"Xóa khối thi đua {code}") as s:
        store.remove_block(s, code)
    return f"Đã xóa khối thi đua {code}."
