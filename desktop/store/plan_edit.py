"""Editing the plan in the database (thresholds, periods, quotas) and the office details.

The edits and what makes them acceptable are desktop/domain/plan_rules.py.

`apply_plan_edits` checks every edit first and refuses them all, with every problem
named, if one is wrong; otherwise it writes them in the caller's (one) transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.office import OfficeSettings, clean_office
from ..domain.plan import Operator
from ..domain.plan_rules import (
    CriterionEdit,
    EditablePlan,
    PeriodEdit,
    QuotaEdit,
    criterion_problem,
    period_edit_problem,
    quota_edit_problem,
)
from .errors import StoreError
from .models import CriterionRow, IndicatorRow, PeriodRow, QuotaRow
from .office import load_office as load_office
from .office import update_office
from .plans import plan_row


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


def apply_plan_edits(
    session: Session,
    criteria: Sequence[CriterionEdit] = (),
    periods: Sequence[PeriodEdit] = (),
    quotas: Sequence[QuotaEdit] = (),
) -> list[str]:
    """Write the edits; returns one line per change. StoreError lists every problem."""
    pid = plan_row(session).id
    kinds, tops = {}, {}
    for code, kind, top in session.execute(select(
            IndicatorRow.code, IndicatorRow.kind, IndicatorRow.maximum).where(
            IndicatorRow.plan_id == pid)):
        kinds[code], tops[code] = kind, top
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
            kinds.get(crow.indicator_code, ""), c, tops.get(crow.indicator_code))
        if why:
            problems.append(f"Tiêu chí {c.code}: {why}")
    for p in periods:
        why = "không có trong kế hoạch" if p.code not in period_rows else period_edit_problem(p)
        if why:
            problems.append(f"Kỳ {p.code}: {why}")
    for q in quotas:
        why = "không có trong kế hoạch" if q.id not in quota_rows else quota_edit_problem(q)
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


def save_office(
    session: Session, data: OfficeSettings, *, expected_version: int | None = None
) -> list[str]:
    """Check, then write through store.office.update_office (audited, changed fields only);
    'key: old → new' per change. Refused when someone else changed the settings since
    `expected_version`."""
    data = clean_office(data)
    changes = {f.name: getattr(data, f.name) for f in fields(OfficeSettings)}
    changes["recipients"] = "; ".join(data.recipients)
    return update_office(session, changes, expected_version=expected_version)
