"""Plans in the database: install a template, read it back as a domain Plan, edit it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.office_defaults import office_defaults
from ..domain.plan import (
    Block,
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Period,
    Plan,
    Quota,
    Ranking,
    ReviewKind,
    Unit,
)
from .errors import NO_PLAN, StoreError
from .models import (
    BlockRow,
    CriterionRow,
    IndicatorRow,
    OfficeRow,
    PeriodRow,
    PlanRow,
    QuotaRow,
    UnitNameRow,
    UnitRow,
)
from .plain import plain_rows, table_of


def has_plan(session: Session) -> bool:
    return session.scalar(select(PlanRow.id).limit(1)) is not None


def no_plan() -> StoreError:
    return StoreError(NO_PLAN)


def plan_row(session: Session) -> PlanRow:
    row = session.scalar(select(PlanRow).limit(1))
    if row is None:
        raise no_plan()
    return row


def install_plan(session: Session, plan: Plan) -> PlanRow:
    """Write a plan template into an empty database, with the office defaults it implies."""
    if has_plan(session):
        raise StoreError(
            f"Cơ sở dữ liệu đã có kế hoạch '{plan_row(session).code}'; không thể khởi tạo lại."
        )
    row = PlanRow(
        code=plan.code,
        number=plan.number,
        issuer=plan.issuer,
        issued_on=plan.issued_on,
        title=plan.title,
        level=plan.level,
        area=plan.area,
        place=plan.place,
        unit_kinds=list(plan.unit_kinds),
        dossier=list(plan.dossier),
        source_note=plan.source_note,
        extras=dict(plan.extras),
        ranking_indicator=plan.ranking.indicator if plan.ranking else None,
        ranking_descending=plan.ranking.descending if plan.ranking else True,
        ranking_source=plan.ranking.source if plan.ranking else "",
    )
    session.add(row)
    session.flush()
    pid = row.id
    session.add_all(BlockRow(plan_id=pid, code=b.code, name=b.name) for b in plan.blocks)
    session.add_all(
        IndicatorRow(
            plan_id=pid,
            position=i,
            code=ind.code,
            name=ind.name,
            kind=ind.kind.value,
            unit_kinds=list(ind.unit_kinds),
            measure=ind.measure,
            numerator_label=ind.numerator_label,
            denominator_label=ind.denominator_label,
            source=ind.source,
            maximum=ind.maximum,
        )
        for i, ind in enumerate(plan.indicators)
    )
    session.add_all(criterion_row(pid, i, c) for i, c in enumerate(plan.criteria))
    session.add_all(
        PeriodRow(
            plan_id=pid,
            code=p.code,
            label=p.label,
            starts=p.starts,
            ends=p.ends,
            deadline=p.deadline,
            review=p.review.value,
        )
        for p in plan.periods
    )
    session.add_all(
        QuotaRow(
            plan_id=pid,
            review=q.review,
            award=q.award,
            collectives=q.collectives,
            individuals=q.individuals,
            block=q.block,
            leader_share_max=q.leader_share_max,
            source=q.source,
        )
        for q in plan.quotas
    )
    unit_rows = {
        u.code: UnitRow(
            plan_id=pid,
            code=u.code,
            name=u.name,
            kind=u.kind,
            block=u.block,
            active_from=u.active_from,
            active_to=u.active_to,
        )
        for u in plan.units
    }
    session.add_all(unit_rows.values())
    session.flush()
    for u in plan.units:
        if u.merged_into:  # the plan's validity rules made sure the target is listed
            unit_rows[u.code].merged_into_id = unit_rows[u.merged_into].id
        session.add_all(
            UnitNameRow(unit_id=unit_rows[u.code].id, name=name, valid_to=until)
            for name, until in u.former_names
        )
    if session.scalar(select(OfficeRow.id)) is None:
        session.add(OfficeRow(**office_defaults(plan)))
    session.flush()
    return row


def criterion_row(plan_id: int, position: int, c: Criterion) -> CriterionRow:
    return CriterionRow(
        plan_id=plan_id,
        position=position,
        code=c.code,
        name=c.name,
        indicator_code=c.indicator,
        op=c.op.value,
        threshold_number=c.threshold if isinstance(c.threshold, float) else None,
        threshold_date=c.threshold if isinstance(c.threshold, dt.date) else None,
        unit_kinds=list(c.unit_kinds),
        mandatory=c.mandatory,
        source=c.source,
        periods=list(c.periods),
    )


def load_plan(session: Session) -> Plan:
    """The plan as it stands in the database (edits included), as a domain Plan.

    Read as plain rows: evaluating a period starts here, and plain rows spare it the
    ORM's one-off set-up in a fresh process (a `thidua check` pays it otherwise)."""
    row = plain_rows(session, PlanRow, order_by=("id",)).first()
    if row is None:
        raise no_plan()
    pid = row.id
    indicators = tuple(
        Indicator(
            code=r.code,
            name=r.name,
            kind=IndicatorKind(r.kind),
            unit_kinds=tuple(r.unit_kinds),
            measure=r.measure,
            numerator_label=r.numerator_label,
            denominator_label=r.denominator_label,
            source=r.source,
            maximum=r.maximum,
        )
        for r in plain_rows(session, IndicatorRow, plan_id=pid, order_by=("position",))
    )
    criteria = tuple(
        Criterion(
            code=r.code,
            name=r.name,
            indicator=r.indicator_code,
            op=Operator(r.op),
            threshold=r.threshold_date if r.op == "by" else r.threshold_number,
            unit_kinds=tuple(r.unit_kinds),
            mandatory=r.mandatory,
            source=r.source,
            periods=tuple(r.periods or ()),
        )
        for r in plain_rows(session, CriterionRow, plan_id=pid, order_by=("position",))
    )
    periods = tuple(
        Period(
            code=r.code,
            label=r.label,
            deadline=r.deadline,
            starts=r.starts,
            ends=r.ends,
            review=ReviewKind(r.review),
        )
        for r in plain_rows(
            session, PeriodRow, plan_id=pid, order_by=("starts", "deadline", "code")
        )
    )
    quotas = tuple(
        Quota(
            review=r.review,
            award=r.award,
            collectives=r.collectives,
            individuals=r.individuals,
            block=r.block,
            leader_share_max=r.leader_share_max,
            source=r.source,
        )
        for r in plain_rows(session, QuotaRow, plan_id=pid, order_by=("id",))
    )
    blocks = tuple(
        Block(code=r.code, name=r.name)
        for r in plain_rows(session, BlockRow, plan_id=pid, order_by=("code",))
    )
    ranking = (
        Ranking(row.ranking_indicator, row.ranking_descending, row.ranking_source)
        if row.ranking_indicator
        else None
    )
    return Plan(
        code=row.code,
        number=row.number,
        issuer=row.issuer,
        issued_on=row.issued_on,
        title=row.title,
        level=row.level,
        area=row.area,
        place=row.place,
        unit_kinds=tuple(row.unit_kinds),
        indicators=indicators,
        criteria=criteria,
        periods=periods,
        quotas=quotas,
        blocks=blocks,
        ranking=ranking,
        dossier=tuple(row.dossier),
        source_note=row.source_note,
        extras=dict(row.extras),
    )


def unit_infos(session: Session, on: dt.date | None = None) -> list[Unit]:
    """Every unit; with `on`, each under the name it had that day (a unit renamed since,
    by a merger or otherwise, keeps its former name for the reports of earlier periods)."""
    u = table_of(UnitRow).c
    rows = session.connection().execute(
        select(
            u.id, u.code, u.name, u.kind, u.block, u.active_from, u.active_to, u.merged_into_id
        ).order_by(u.code)
    ).all()
    code_of: dict[int | None, str] = {r[0]: r[1] for r in rows}
    former = former_names(session, on) if on is not None else {}
    return [
        Unit(code, former.get(id_, name), kind, block, active_from, active_to,
             code_of.get(merged_into_id))
        for id_, code, name, kind, block, active_from, active_to, merged_into_id in rows
    ]


def former_names(session: Session, on: dt.date) -> dict[int, str]:
    """unit id -> the name it had on `on`, for the units renamed after that day."""
    n = table_of(UnitNameRow).c
    out: dict[int, str] = {}
    for unit_id, name in session.connection().execute(
        select(n.unit_id, n.name).where(n.valid_to >= on).order_by(n.valid_to.desc())
    ):
        out[unit_id] = name  # the earliest name still valid on `on` wins (ordered last)
    return out


def name_history(session: Session) -> dict[str, list[tuple[str, dt.date]]]:
    """unit code -> its former names with the last day each was valid, oldest first."""
    n, u = table_of(UnitNameRow).c, table_of(UnitRow).c
    out: dict[str, list[tuple[str, dt.date]]] = {}
    for code, name, valid_to in session.connection().execute(
        select(u.code, n.name, n.valid_to).join_from(table_of(UnitNameRow), table_of(UnitRow),
                                                     u.id == n.unit_id)
        .order_by(u.code, n.valid_to)
    ):
        out.setdefault(code, []).append((name, valid_to))
    return out


def no_period(session: Session, code: str) -> StoreError:
    known = ", ".join(session.scalars(select(PeriodRow.code).order_by(PeriodRow.starts)))
    return StoreError(f"Không có kỳ báo cáo '{code}'. Các kỳ có: {known}")


def period_row(session: Session, code: str) -> PeriodRow:
    row = session.scalar(select(PeriodRow).where(PeriodRow.code == code))
    if row is None:
        raise no_period(session, code)
    return row


def no_unit(code: str) -> StoreError:
    return StoreError(f"Không có đơn vị mã '{code}' trong kế hoạch.")


def unit_row(session: Session, code: str) -> UnitRow:
    row = session.scalar(select(UnitRow).where(UnitRow.code == code))
    if row is None:
        raise no_unit(code)
    return row
