"""Editing the plan in the database (thresholds, periods, quotas) and the office details.

`apply_plan_edits` checks every edit first and refuses them all, with every problem
named, if one is wrong; otherwise it writes them in the caller's (one) transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.office import OfficeSettings, clean_office
from ..domain.plan import IndicatorKind, Operator
from ..domain.vnformat import day, number
from .errors import StoreError
from .models import CriterionRow, IndicatorRow, PeriodRow, QuotaRow
from .office import load_office as load_office
from .office import update_office
from .plans import plan_row

NUMERIC_OPS = (Operator.GE, Operator.GT, Operator.LE, Operator.EQ)


@dataclass(frozen=True)
class CriterionEdit:
    code: str
    op: str
    threshold: float | dt.date | None
    mandatory: bool


@dataclass(frozen=True)
class PeriodEdit:
    code: str
    label: str
    starts: dt.date
    ends: dt.date
    deadline: dt.date


@dataclass(frozen=True)
class QuotaEdit:
    id: int
    review: str
    award: str
    collectives: int | None
    individuals: int | None
    leader_share_max: float | None
    block: str | None = None
    source: str = ""


@dataclass(frozen=True)
class EditablePlan:
    criteria: list[CriterionEdit]
    periods: list[PeriodEdit]
    quotas: list[QuotaEdit]


def load_editable(session: Session) -> EditablePlan:
    pid = plan_row(session).id
    crits = session.scalars(
        select(CriterionRow).where(CriterionRow.plan_id == pid).order_by(CriterionRow.position)
    )
    periods = session.scalars(
        select(PeriodRow).where(PeriodRow.plan_id == pid)
        .order_by(PeriodRow.starts, PeriodRow.deadline, PeriodRow.code)
    )
    quotas = session.scalars(select(QuotaRow).where(QuotaRow.plan_id == pid).order_by(QuotaRow.id))
    return EditablePlan(
        criteria=[
            CriterionEdit(r.code, r.op, r.threshold_date if r.op == "by" else r.threshold_number,
                          r.mandatory)
            for r in crits
        ],
        periods=[PeriodEdit(r.code, r.label, r.starts, r.ends, r.deadline) for r in periods],
        quotas=[
            QuotaEdit(r.id, r.review, r.award, r.collectives, r.individuals, r.leader_share_max,
                      r.block, r.source)
            for r in quotas
        ],
    )


def criterion_problem(kind: str, edit: CriterionEdit) -> str | None:
    """Why a threshold does not fit its indicator's kind, or None."""
    try:
        op = Operator(edit.op)
    except ValueError:
        return f"phép so sánh '{edit.op}' không hợp lệ"
    t = edit.threshold
    if kind == IndicatorKind.BOOL:
        return None if op is Operator.TRUE else "chỉ tiêu Có/Không chỉ dùng điều kiện 'Có'"
    if kind == IndicatorKind.DATE:
        if op is not Operator.BY:
            return "chỉ tiêu ngày chỉ dùng điều kiện 'không muộn hơn'"
        return None if isinstance(t, dt.date) else "cần nhập hạn (ngày/tháng/năm)"
    if op not in NUMERIC_OPS:
        return f"phép so sánh '{edit.op}' không dùng được cho chỉ tiêu số"
    if not isinstance(t, int | float) or isinstance(t, bool):
        return "cần nhập ngưỡng là một số"
    if t < 0:
        return f"ngưỡng {number(t)} không được âm"
    if kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT) and t > 100:
        return f"ngưỡng {number(t)} % vượt quá 100 %"
    return None


def period_problem(edit: PeriodEdit) -> str | None:
    if not edit.label.strip():
        return "tên kỳ không được để trống"
    if edit.ends < edit.starts:
        return f"ngày kết thúc {day(edit.ends)} trước ngày bắt đầu {day(edit.starts)}"
    if edit.deadline < edit.starts:
        return f"hạn nộp {day(edit.deadline)} trước ngày bắt đầu kỳ {day(edit.starts)}"
    return None


def quota_problem(edit: QuotaEdit) -> str | None:
    for what, n in (("số tập thể", edit.collectives), ("số cá nhân", edit.individuals)):
        if n is not None and (n < 0 or int(n) != n):
            return f"{what} phải là số nguyên không âm"
    s = edit.leader_share_max
    if s is not None and not 0 <= s <= 100:
        return f"tỷ lệ lãnh đạo {number(s)} % phải trong khoảng 0-100 %"
    return None


def apply_plan_edits(
    session: Session,
    criteria: Sequence[CriterionEdit] = (),
    periods: Sequence[PeriodEdit] = (),
    quotas: Sequence[QuotaEdit] = (),
) -> list[str]:
    """Write the edits; returns one line per change. StoreError lists every problem."""
    pid = plan_row(session).id
    kinds = {code: kind for code, kind in session.execute(
        select(IndicatorRow.code, IndicatorRow.kind).where(IndicatorRow.plan_id == pid))}
    crit_rows = {r.code: r for r in session.scalars(
        select(CriterionRow).where(CriterionRow.plan_id == pid))}
    period_rows = {r.code: r for r in session.scalars(
        select(PeriodRow).where(PeriodRow.plan_id == pid))}
    quota_rows = {r.id: r for r in session.scalars(
        select(QuotaRow).where(QuotaRow.plan_id == pid))}
    problems: list[str] = []
    for c in criteria:
        crow = crit_rows.get(c.code)
        why = "không có trong kế hoạch" if crow is None else criterion_problem(
            kinds.get(crow.indicator_code, ""), c)
        if why:
            problems.append(f"Tiêu chí {c.code}: {why}")
    for p in periods:
        why = "không có trong kế hoạch" if p.code not in period_rows else period_problem(p)
        if why:
            problems.append(f"Kỳ {p.code}: {why}")
    for q in quotas:
        why = "không có trong kế hoạch" if q.id not in quota_rows else quota_problem(q)
        if why:
            problems.append(f"Hạn mức {q.award} ({q.review}): {why}")
    if problems:
        raise StoreError("Chưa lưu được kế hoạch:\n" + "\n".join(f"- {p}" for p in problems))

    changes: list[str] = []
    for c in criteria:
        r = crit_rows[c.code]
        before = (r.op, r.threshold_date if r.op == "by" else r.threshold_number, r.mandatory)
        r.op = c.op
        r.threshold_date = c.threshold if isinstance(c.threshold, dt.date) else None
        r.threshold_number = (float(c.threshold) if isinstance(c.threshold, int | float)
                              and c.op != Operator.TRUE else None)
        r.mandatory = c.mandatory
        if before != (c.op, c.threshold, c.mandatory):
            changes.append(f"Tiêu chí {c.code}")
    for p in periods:
        pr = period_rows[p.code]
        before_p = (pr.label, pr.starts, pr.ends, pr.deadline)
        pr.label, pr.starts, pr.ends, pr.deadline = p.label.strip(), p.starts, p.ends, p.deadline
        if before_p != (pr.label, p.starts, p.ends, p.deadline):
            changes.append(f"Kỳ {p.code}")
    for q in quotas:
        qr = quota_rows[q.id]
        before_q = (qr.collectives, qr.individuals, qr.leader_share_max)
        qr.collectives = None if q.collectives is None else int(q.collectives)
        qr.individuals = None if q.individuals is None else int(q.individuals)
        qr.leader_share_max = q.leader_share_max
        if before_q != (qr.collectives, qr.individuals, qr.leader_share_max):
            changes.append(f"Hạn mức {q.award} ({q.review})")
    session.flush()
    return changes


# ---- office ------------------------------------------------------------------------------
# The office settings and what a report cannot do without (clean_office) are
# desktop/domain/office.py; here they are written.

OfficeData = OfficeSettings

def save_office(session: Session, data: OfficeSettings) -> list[str]:
    """Check, then write through store.office.update_office (audited, changed fields only);
    'key: old → new' per change."""
    data = clean_office(data)
    changes = {f.name: getattr(data, f.name) for f in fields(OfficeSettings)}
    changes["recipients"] = "; ".join(data.recipients)
    return update_office(session, changes)
