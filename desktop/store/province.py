"""The province side: consolidate the district packages in a province database.

The rules (the province plan, the district's identity and values) are desktop.domain.province;
here they are written.

A package (read and verified by desktop.exchange.package.read_package) carries the
district's plan definition and, for one period, the aggregates of its communes. Here:

- an empty database gets a province plan built from the first package's plan: the same
  indicators, extended to the unit kind "district"; the criteria of the communes (the kind
  that reported most) copied, with the same codes, for "district"; the same periods and
  ranking indicator; no quotas (the province has its own); level "tỉnh";
- each district is one unit of kind "district" (code and name from the package's office);
- its "submission" for the period holds its aggregates: a ratio Σ tử số / Σ mẫu số, a
  count the sum, a percent or score the mean, a yes/no "yes" when every reporting unit
  said yes, a date the latest. So `check` and `export` work one level up unchanged, and the
  province-wide ratio is Σ over districts of tử số / Σ mẫu số — weighted over all communes.

Everything refused is refused with a Vietnamese message naming the file, before or inside
the one transaction of the command, so that nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.official import PROVINCE_DEFAULT_OFFICE

from ..domain.errors import DomainError
from ..domain.plan import Plan
from ..domain.province import (
    DISTRICT,
    PackageContent,
    check_same_plan,
    district_values,
    made_on,
    province_plan,
    read_district,
    refuse,
)
from .models import OfficeRow, UnitRow
from .plans import has_plan, install_plan, load_plan, plan_row
from .submissions import SubmissionExists, save_submission


@dataclass(frozen=True)
class ImportResult:
    file: Path
    unit_code: str
    unit_name: str
    period_code: str
    period_label: str
    replaced: bool
    changes: tuple[str, ...]
    units_submitted: int
    units_expected: int
    plan_code: str
    created_plan: bool = False


def _province_office(plan: Plan) -> OfficeRow:
    province = str(plan.extras.get("province", ""))
    return OfficeRow(
        name=PROVINCE_DEFAULT_OFFICE,
        short_name="KHCN",
        parent_body=f"UBND {province}" if province else "",
        place=plan.place,
        area=plan.area,
        province=province,
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="",
        doc_number_prefix="/BC-SKHCN",
        addressee=f"Ủy ban nhân dân {province}" if province else "",
        recipients=["Như trên", "Bộ Khoa học và Công nghệ (b/c)", "Lưu: VT, KHCN"],
    )


def import_packages(
    session: Session,
    packages: Sequence[PackageContent],
    *,
    replace: bool = False,
    received_on: dt.date | None = None,
    channel: str = "other",
) -> list[ImportResult]:
    """Consolidate verified packages in the caller's transaction: all of them or none.

    `received_on`: the day the province received them; by default the day each package
    was made (its generated_at), so that lateness is the district's, not the import's."""
    districts = [read_district(p) for p in packages]
    seen: dict[tuple[str, str], str] = {}
    for d in districts:
        key = (d.unit_code, d.period_code)
        if key in seen:
            raise refuse(
                d.content.name,
                f"{d.unit_name}, kỳ {d.period_code} đã có trong gói {seen[key]} của cùng lệnh.",
            )
        seen[key] = d.content.name
    created = False
    if not has_plan(session):
        if not districts:
            return []
        new_plan = province_plan(districts[0])
        if session.scalar(select(OfficeRow.id)) is None:
            session.add(_province_office(new_plan))
        install_plan(session, new_plan)
        created = True
    plan = load_plan(session)
    for d in districts:
        check_same_plan(plan, d)
    pid = plan_row(session).id
    results = []
    for d in districts:
        unit = session.scalar(select(UnitRow).where(UnitRow.code == d.unit_code))
        if unit is None:
            session.add(UnitRow(plan_id=pid, code=d.unit_code, name=d.unit_name, kind=DISTRICT))
            session.flush()
        elif unit.kind != DISTRICT:
            raise refuse(
                d.content.name,
                f"mã {d.unit_code} đã là một đơn vị loại {unit.kind}, không phải huyện.",
            )
        try:
            values = district_values(plan, d.aggregates)
        except (TypeError, ValueError) as exc:
            raise refuse(d.content.name, f"số liệu tổng hợp không hợp lệ ({exc}).") from None
        try:
            saved = save_submission(
                session,
                plan,
                d.unit_code,
                d.period_code,
                values,
                received_on=received_on or made_on(d.content),
                channel=channel,
                replace=replace,
                source_file=d.content.name,
                source_sha256=d.content.sha256,
                prepared_by=str((d.content.data.get("office") or {}).get("name", "")),
            )
        except SubmissionExists as exc:
            raise refuse(d.content.name, exc.message) from None
        except DomainError as exc:
            raise refuse(d.content.name, f"số liệu không nhận được: {exc.message}.") from None
        summary = d.content.data.get("summary") or {}
        results.append(
            ImportResult(
                file=Path(d.content.name),
                unit_code=d.unit_code,
                unit_name=d.unit_name,
                period_code=d.period_code,
                period_label=plan.period(d.period_code).label,
                replaced=saved.replaced,
                changes=saved.changes,
                units_submitted=int(summary.get("submitted", 0)),
                units_expected=int(summary.get("expected", 0)),
                plan_code=plan.code,
                created_plan=created,
            )
        )
    return results
