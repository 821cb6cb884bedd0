"""The plan of the open database: read it, evaluate a period, edit thresholds, periods and
quotas (the "Kế hoạch" page), and which periods hold submissions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..domain.period_report import PeriodReport
from ..domain.plan import Plan, Unit
from ..domain.plan_rules import CriterionEdit, EditablePlan, PeriodEdit, QuotaEdit
from ..store import plan_edit
from ..store import plans as store_plans
from ..store import submissions as store_submissions
from ..store.database import Database

EDIT_REASON = "Sửa kế hoạch"


def read_plan(db: Database) -> Plan:
    with db.reading() as s:
        return store_plans.load_plan(s)


def read_units(db: Database) -> list[Unit]:
    """Every unit of the plan, with its activity dates."""
    with db.reading() as s:
        return store_plans.unit_infos(s)


def read_editable(db: Database) -> EditablePlan:
    with db.reading() as s:
        return plan_edit.load_editable(s)


def edit_plan(
    db: Database,
    criteria: Sequence[CriterionEdit] = (),
    periods: Sequence[PeriodEdit] = (),
    quotas: Sequence[QuotaEdit] = (),
) -> list[str]:
    """Check every edit (domain.plan_rules), refuse them all if one is wrong, else write
    them in one transaction; returns what changed ('Tiêu chí XA_HSCV', ...)."""
    with db.transaction(EDIT_REASON) as s:
        return plan_edit.apply_plan_edits(s, criteria, periods, quotas)


def period_report(db: Database, period_code: str, plan: Plan | None = None) -> PeriodReport:
    """The evaluation of a period (call from a task for large databases)."""
    with db.reading() as s:
        return store_submissions.period_report(s, period_code, plan)


def period_reports(
    db: Database,
    report: Callable[[int, int, str], object] | None = None,
    *,
    up_to: str | None = None,
) -> list[PeriodReport]:
    """Every period of the plan evaluated, in the plan's order (up to and including
    `up_to` when given): the trends across periods. `report(done, total, text)` is told of
    each period; returning False stops (call from a task)."""
    with db.reading() as s:
        plan = store_plans.load_plan(s)
        out = []
        for i, p in enumerate(plan.periods):
            if report is not None and report(i, len(plan.periods), f"Đang tính kỳ {p.label}…") \
                    is False:
                break
            out.append(store_submissions.period_report(s, p.code, plan))
            if p.code == up_to:
                break
    return out


def periods_with_submissions(db: Database) -> set[str]:
    with db.reading() as s:
        return store_submissions.periods_with_submissions(s)
