"""What an export is written from: the period's evaluation, the office, the proposals.

    inp = desktop.actions.exports.load_export_input(db, "2023")  # report, office, proposals

The workbook, the CSV tables, the PDF and the province package are all written from
one `ExportInput`, so that they carry the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.domain.office import OfficeSettings
from desktop.domain.period_report import PeriodReport
from desktop.domain.plan import Plan, Quota, Unit
from desktop.domain.proposals import ProposalInfo
from desktop.domain.trends import PeriodValues
from desktop.version import __version__

__all__ = ["ExportInput", "ProposalInfo", "total_label"]


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
    signing_key: bytes | None = field(default=None, repr=False)  # the office's Ed25519 key
    history: tuple[PeriodValues, ...] = ()  # the plan's periods up to this one, in order,
    # this one included, their values of the indicators charted (domain.trends.trend_codes):
    # the PDF's trends across periods (empty: none drawn)

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
