"""What the blank Excel forms are written from (`thidua template`, "Tạo biểu mẫu…").
Apart from actions.forms so that an import does not load it."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.plan import Plan, Unit
from ..store.database import Database


@dataclass(frozen=True)
class TemplateBasis:
    """What the blank forms are written from (desktop.exchange.form_template.write_form)."""

    plan: Plan
    office_name: str
    units: tuple[Unit, ...]


def template_basis(db: Database, period_code: str | None = None) -> TemplateBasis:
    """The plan, the office's name and every unit; refuses an unknown `period_code`."""
    from ..store.office import load_office
    from ..store.plans import load_plan, period_row, unit_infos

    with db.reading() as s:
        plan = load_plan(s)
        if period_code is not None:
            period_row(s, period_code)
        # each unit under the name it had then (a unit renamed since keeps its old name)
        on = plan.period(period_code).ends if period_code is not None else None
        return TemplateBasis(plan, load_office(s).name, tuple(unit_infos(s, on)))
