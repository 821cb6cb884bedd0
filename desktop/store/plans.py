"""Plans in the database: install a template, read it back as a domain Plan, edit it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..domain.office_defaults import office_defaults
from ..domain.plan import (
    Criterion,
    Plan,
    Unit,
)
from . import plain_reads
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
from .plain_reads import no_unit


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
            short=ind.short,
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
        short=c.short,
    )


def session_rows(session: Session) -> plain_reads.Rows:
    """plain_reads' statements run in the session's transaction (SQLite or PostgreSQL)."""
    conn = session.connection()

    def rows(sql: str, params: Mapping[str, object]) -> Iterator[Sequence[Any]]:
        for batch in conn.execute(text(sql), dict(params)).partitions(plain_reads.FETCH_BATCH):
            yield from batch

    return rows


def load_plan(session: Session) -> Plan:
    """The plan as it stands in the database (edits included), as a domain Plan.

    Read as plain rows (store/plain_reads.py, the same reads `thidua check` makes on a
    file without SQLAlchemy): evaluating a period starts here."""
    return plain_reads.plan(session_rows(session))


def unit_infos(session: Session, on: dt.date | None = None) -> list[Unit]:
    """Every unit; with `on`, each under the name it had that day (a unit renamed since,
    by a merger or otherwise, keeps its former name for the reports of earlier periods)."""
    return plain_reads.units(session_rows(session), on)


def former_names(session: Session, on: dt.date) -> dict[int, str]:
    """unit id -> the name it had on `on`, for the units renamed after that day."""
    return plain_reads.former_names(session_rows(session), on)


def name_history(session: Session) -> dict[str, list[tuple[str, dt.date]]]:
    """unit code -> its former names with the last day each was valid, oldest first."""
    return plain_reads.name_history(session_rows(session))


def no_period(session: Session, code: str) -> StoreError:
    return plain_reads.no_period(session_rows(session), code)


def period_row(session: Session, code: str) -> PeriodRow:
    row = session.scalar(select(PeriodRow).where(PeriodRow.code == code))
    if row is None:
        raise no_period(session, code)
    return row


def unit_row(session: Session, code: str) -> UnitRow:
    row = session.scalar(select(UnitRow).where(UnitRow.code == code))
    if row is None:
        raise no_unit(code)
    return row
