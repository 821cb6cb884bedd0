"""What an export is written from: the period's evaluation, the office, the proposals.

    inp = load_export_input(session, "2023")     # report + office + proposals + units

The workbook, the CSV tables, the PDF and the province package are all written from
one `ExportInput`, so that they carry the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.period_report import PeriodReport
from desktop.domain.plan import Plan, Quota, Unit
from desktop.store.models import ProposalRow
from desktop.store.office import OfficeSettings, load_office
from desktop.store.plans import plan_row, unit_infos
from desktop.store.submissions import period_report
from desktop.version import __version__


@dataclass(frozen=True)
class ProposalInfo:
    kind: str  # collective | individual
    award: str
    name: str  # the unit's name for a collective, the person's for an individual
    position: str
    unit_code: str
    unit_name: str
    is_leader: bool
    achievements: str
    documents_present: int
    documents_total: int


@dataclass(frozen=True)
class ExportInput:
    """Everything an export is written from."""

    report: PeriodReport
    office: OfficeSettings
    proposals: tuple[ProposalInfo, ...] = ()
    generated_at: dt.datetime = field(
        default_factory=lambda: dt.datetime.now().replace(microsecond=0)
    )
    app_version: str = __version__
    all_units: tuple[Unit, ...] = ()  # every unit of the plan (the period's report lists
    # only those expected or reporting); the package's plan definition carries them all

    @property
    def plan(self) -> Plan:
        return self.report.plan

    @property
    def quotas(self) -> tuple[Quota, ...]:
        return tuple(q for q in self.plan.quotas if q.review == self.report.period.code)

    @property
    def total_label(self) -> str:
        return total_label(self.plan)

    @property
    def area(self) -> str:
        return self.office.area or self.plan.area


def total_label(plan: Plan) -> str:
    """'Toàn huyện' for a district plan, 'Toàn tỉnh' for a province (from the plan's level)."""
    level = (plan.level or "").strip()
    return f"Toàn {level}" if level else "Toàn địa bàn"


def load_proposals(session: Session, period_code: str) -> tuple[ProposalInfo, ...]:
    pid = plan_row(session).id
    rows = session.scalars(
        select(ProposalRow)
        .where(ProposalRow.plan_id == pid, ProposalRow.review == period_code)
        .options(selectinload(ProposalRow.unit), selectinload(ProposalRow.documents))
        .order_by(ProposalRow.kind, ProposalRow.id)
    ).all()
    out = []
    for r in rows:
        unit_name = r.unit.name if r.unit else ""
        out.append(
            ProposalInfo(
                kind=r.kind,
                award=r.award,
                name=r.person_name if r.kind == "individual" else (unit_name or r.person_name),
                position=r.position,
                unit_code=r.unit.code if r.unit else "",
                unit_name=unit_name,
                is_leader=bool(r.is_leader),
                achievements=r.achievements,
                documents_present=sum(1 for d in r.documents if d.present),
                documents_total=len(r.documents),
            )
        )
    return tuple(out)


def load_export_input(
    session: Session, period_code: str, *, now: dt.datetime | None = None
) -> ExportInput:
    """Read the period's evaluation, the office settings and the proposals."""
    report = period_report(session, period_code)
    return ExportInput(
        report=report,
        office=load_office(session),
        proposals=load_proposals(session, period_code),
        generated_at=(now or dt.datetime.now()).replace(microsecond=0),
        all_units=tuple(unit_infos(session)),
    )
