"""Adding and removing parts of the plan in the database: indicators, criteria, periods,
quotas, unit kinds and blocks (the "Kế hoạch" page's Thêm / Xóa).

Each function runs in the caller's transaction. The change is first made to the plan as a
domain Plan and checked there (desktop/domain/plan_change.py: the part's own rules, then
the whole plan as a plan file); what the database holds that uses a part (reports with
its values, submissions of a period, proposals at a review) is counted here and named in
the refusal. Nothing is written on a refusal.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.plan import Block, Criterion, Indicator, Period, Plan, Quota
from ..domain.plan_change import (
    PlanChangeRefused,
    with_block,
    with_criterion,
    with_indicator,
    with_period,
    with_quota,
    with_unit_kind,
    without_block,
    without_criterion,
    without_indicator,
    without_period,
    without_quota,
    without_unit_kind,
)
from .models import (
    BlockRow,
    CriterionRow,
    IndicatorRow,
    PeriodRow,
    ProposalRow,
    QuotaRow,
    SubmissionRow,
    UnitRow,
    ValueRow,
)
from .plans import criterion_row, load_plan, plan_row, unit_infos


def full_plan(session: Session) -> Plan:
    """The plan with its units (whether a unit kind or a block is in use depends on them)."""
    return dataclasses.replace(load_plan(session), units=tuple(unit_infos(session)))


def _few(names: list[str], n: int = 3) -> str:
    return ", ".join(names[:n]) + (", …" if len(names) > n else "")


def _next_position(session: Session, model: type[IndicatorRow] | type[CriterionRow]) -> int:
    top = session.scalar(select(func.max(model.position)))
    return 0 if top is None else top + 1


# ---- indicators ---------------------------------------------------------------------------


def add_indicator(session: Session, ind: Indicator) -> IndicatorRow:
    with_indicator(full_plan(session), ind)
    row = IndicatorRow(
        plan_id=plan_row(session).id,
        position=_next_position(session, IndicatorRow),
        code=ind.code,
        name=ind.name.strip(),
        kind=ind.kind.value,
        unit_kinds=list(ind.unit_kinds),
        measure=ind.measure.strip(),
        numerator_label=ind.numerator_label.strip(),
        denominator_label=ind.denominator_label.strip(),
        source=ind.source.strip(),
        maximum=ind.maximum,
    )
    session.add(row)
    session.flush()
    return row


def indicator_data_uses(session: Session, code: str) -> list[str]:
    """The reports holding a value of the indicator `code`, named."""
    rows = session.execute(
        select(UnitRow.name, PeriodRow.label)
        .select_from(ValueRow)
        .join(SubmissionRow, SubmissionRow.id == ValueRow.submission_id)
        .join(UnitRow, UnitRow.id == SubmissionRow.unit_id)
        .join(PeriodRow, PeriodRow.id == SubmissionRow.period_id)
        .where(ValueRow.indicator_code == code)
        .order_by(PeriodRow.starts, UnitRow.code)
    ).all()
    if not rows:
        return []
    return [
        f"{len(rows)} báo cáo có số liệu của chỉ tiêu này "
        f"({_few([f'{unit} — {period}' for unit, period in rows])})"
    ]


def remove_indicator(session: Session, code: str) -> None:
    without_indicator(full_plan(session), code, indicator_data_uses(session, code))
    session.delete(session.scalars(select(IndicatorRow).where(IndicatorRow.code == code)).one())
    session.flush()


# ---- criteria -----------------------------------------------------------------------------


def add_criterion(session: Session, c: Criterion) -> CriterionRow:
    with_criterion(full_plan(session), c)
    c = dataclasses.replace(c, name=c.name.strip(), source=c.source.strip())
    row = criterion_row(plan_row(session).id, _next_position(session, CriterionRow), c)
    session.add(row)
    session.flush()
    return row


def remove_criterion(session: Session, code: str) -> None:
    without_criterion(full_plan(session), code)
    session.delete(session.scalars(select(CriterionRow).where(CriterionRow.code == code)).one())
    session.flush()


# ---- periods ------------------------------------------------------------------------------


def add_period(session: Session, p: Period) -> PeriodRow:
    with_period(full_plan(session), p)
    row = PeriodRow(
        plan_id=plan_row(session).id,
        code=p.code,
        label=" ".join(p.label.split()),
        starts=p.starts,
        ends=p.ends,
        deadline=p.deadline,
        review=p.review.value,
    )
    session.add(row)
    session.flush()
    return row


def period_data_uses(session: Session, code: str) -> list[str]:
    out = []
    names = list(
        session.scalars(
            select(UnitRow.name)
            .join(SubmissionRow, SubmissionRow.unit_id == UnitRow.id)
            .join(PeriodRow, PeriodRow.id == SubmissionRow.period_id)
            .where(PeriodRow.code == code)
            .order_by(UnitRow.code)
        )
    )
    if names:
        out.append(f"{len(names)} báo cáo của các đơn vị ({_few(names)})")
    proposals = session.scalar(
        select(func.count()).select_from(ProposalRow).where(ProposalRow.review == code)
    )
    if proposals:
        out.append(f"{proposals} đề nghị khen thưởng")
    return out


def remove_period(session: Session, code: str) -> None:
    without_period(full_plan(session), code, period_data_uses(session, code))
    session.delete(session.scalars(select(PeriodRow).where(PeriodRow.code == code)).one())
    session.flush()


# ---- quotas -------------------------------------------------------------------------------


def add_quota(session: Session, q: Quota) -> QuotaRow:
    with_quota(full_plan(session), q)
    row = QuotaRow(
        plan_id=plan_row(session).id,
        review=q.review,
        award=" ".join(q.award.split()),
        collectives=q.collectives,
        individuals=q.individuals,
        block=q.block,
        leader_share_max=q.leader_share_max,
        source=q.source.strip(),
    )
    session.add(row)
    session.flush()
    return row


def remove_quota(session: Session, quota_id: int) -> str:
    """Remove the quota; returns its review and award ('2023: Giấy khen …')."""
    rows = list(session.scalars(select(QuotaRow).order_by(QuotaRow.id)))
    index = next((i for i, r in enumerate(rows) if r.id == quota_id), -1)
    if index < 0:
        raise PlanChangeRefused("Không có hạn mức này trong kế hoạch (có thể đã bị xóa).")
    row = rows[index]
    uses: list[str] = []
    shared = [r for r in rows if (r.review, r.award) == (row.review, row.award)]
    if len(shared) == 1:  # the last quota of this award at this review
        n = session.scalar(
            select(func.count())
            .select_from(ProposalRow)
            .where(ProposalRow.review == row.review, ProposalRow.award == row.award)
        )
        if n:
            uses.append(f"{n} đề nghị khen thưởng “{row.award}” kỳ {row.review}")
    without_quota(full_plan(session), index, uses)
    session.delete(row)
    session.flush()
    return f"{row.review}: {row.award}"


# ---- unit kinds and blocks ----------------------------------------------------------------


def add_unit_kind(session: Session, kind: str) -> None:
    with_unit_kind(full_plan(session), kind)
    row = plan_row(session)
    row.unit_kinds = [*row.unit_kinds, kind]
    session.flush()


def remove_unit_kind(session: Session, kind: str) -> None:
    without_unit_kind(full_plan(session), kind)
    row = plan_row(session)
    row.unit_kinds = [k for k in row.unit_kinds if k != kind]
    session.flush()


def add_block(session: Session, block: Block) -> BlockRow:
    block = Block(block.code.strip(), " ".join(block.name.split()))
    with_block(full_plan(session), block)
    row = BlockRow(plan_id=plan_row(session).id, code=block.code, name=block.name)
    session.add(row)
    session.flush()
    return row


def remove_block(session: Session, code: str) -> None:
    without_block(full_plan(session), code)
    session.delete(session.scalars(select(BlockRow).where(BlockRow.code == code)).one())
    session.flush()
