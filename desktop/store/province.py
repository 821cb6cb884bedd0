"""The province side: consolidate the district packages in a province database.

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
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as with_changes
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.plan import Criterion, IndicatorKind, Plan, UnitKind
from ..domain.plan_schema import parse_plan
from ..domain.values import Value
from .errors import StoreError
from .models import OfficeRow, UnitRow
from .plans import has_plan, install_plan, load_plan, plan_row
from .submissions import SubmissionExists, save_submission

DISTRICT = UnitKind.DISTRICT.value


class PackageRefused(StoreError):
    """A package cannot be consolidated; the message names the file and the reason."""


@dataclass(frozen=True)
class PackageContent:
    """A verified package: its manifest, its data.json, and the file's own SHA-256."""

    name: str  # the file name, for messages
    manifest: Mapping[str, Any]
    data: Mapping[str, Any]
    sha256: str = ""


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


@dataclass
class _District:
    content: PackageContent
    plan: Plan
    period_code: str
    unit_code: str
    unit_name: str
    aggregates: dict[str, Mapping[str, Any]] = field(default_factory=dict)


def slug(text: str) -> str:
    """'huyện Ninh Sơn' -> 'huyen-ninh-son' (a unit code without diacritics)."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    out = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in plain)
    return "-".join(part for part in out.split("-") if part)


def district_identity(office: Mapping[str, Any], plan_area: str) -> tuple[str, str]:
    """(code, name) of the district a package comes from."""
    area = str(office.get("area") or plan_area or office.get("name") or "").strip()
    code = str(office.get("code") or "").strip() or slug(area)
    name = area[:1].upper() + area[1:] if area else code
    return code, name


def _refuse(name: str, why: str) -> PackageRefused:
    gap = "\n" if "\n" in why else " "
    return PackageRefused(f"Gói {name}: {why}{gap}Không có gì được ghi vào cơ sở dữ liệu.")


def _made_on(content: PackageContent) -> dt.date:
    """The day the district made the package (its manifest's generated_at), else today."""
    try:
        return dt.datetime.fromisoformat(str(content.manifest.get("generated_at"))).date()
    except ValueError:
        return dt.date.today()


def _district(content: PackageContent) -> _District:
    data = content.data
    try:
        plan = parse_plan(data["plan"], origin=f"{content.name} (kế hoạch)")
        period_code = str(data["period"]["code"])
        office = data.get("office") or {}
        aggregates = {str(a["code"]): a for a in data["aggregates"]}
    except DomainError as exc:
        raise _refuse(
            content.name, f"định nghĩa kế hoạch trong gói không hợp lệ: {exc.message}."
        ) from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise _refuse(content.name, f"data.json thiếu hoặc sai mục {exc}.") from None
    code, name = district_identity(office, plan.area)
    if not code:
        raise _refuse(content.name, "không xác định được huyện gửi gói (thiếu địa bàn).")
    return _District(content, plan, period_code, code, name, aggregates)


def _province_words(area: str) -> tuple[str, str]:
    """('tỉnh', 'Ninh Thuận') from 'tỉnh Ninh Thuận'; ('thành phố', 'Cần Thơ') likewise."""
    text = area.strip()
    for level in ("thành phố", "tỉnh"):
        if text.lower().startswith(level + " "):
            return level, text[len(level) + 1 :].strip()
    return "tỉnh", text


def _main_kind(d: _District) -> str:
    kinds = Counter(
        str(u.get("kind")) for u in d.content.data.get("units", []) if isinstance(u, Mapping)
    )
    for kind, _n in kinds.most_common():
        if kind in d.plan.unit_kinds:
            return kind
    return d.plan.unit_kinds[0]


def province_plan(d: _District) -> Plan:
    """The province plan built from a district plan (see the module's docstring)."""
    src = d.plan
    office = d.content.data.get("office") or {}
    province = str(office.get("province") or src.extras.get("province") or "").strip()
    level, place = _province_words(province)
    kind = _main_kind(d)
    kinds = tuple(dict.fromkeys((*src.unit_kinds, DISTRICT)))
    indicators = tuple(
        with_changes(i, unit_kinds=tuple(dict.fromkeys((*i.unit_kinds, DISTRICT))))
        for i in src.indicators
    )
    criteria = tuple(
        Criterion(
            code=c.code,
            name=c.name,
            indicator=c.indicator,
            op=c.op,
            threshold=c.threshold,
            unit_kinds=(DISTRICT,),
            mandatory=c.mandatory,
            source=c.source,
        )
        for c in src.criteria
        if kind in c.unit_kinds
    )
    return Plan(
        code=f"{src.code}-tinh",
        number=src.number,
        issuer=src.issuer,
        issued_on=src.issued_on,
        title=src.title,
        level=level,
        area=province or "toàn tỉnh",
        place=place or src.place,
        unit_kinds=kinds,
        indicators=indicators,
        criteria=criteria,
        periods=src.periods,
        units=(),
        quotas=(),
        blocks=(),
        ranking=src.ranking,
        dossier=src.dossier,
        source_note=src.source_note,
        extras={
            "source_plan": src.code,
            "parent_body": f"UBND {province}" if province else "",
            "province": province,
        },
    )


def _province_office(plan: Plan) -> OfficeRow:
    province = str(plan.extras.get("province", ""))
    return OfficeRow(
        name="Sở Khoa học và Công nghệ",
        short_name="KHCN",
        parent_body=f"UBND {province}" if province else "",
        place=plan.place,
        area=plan.area,
        province=province,
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="",
        doc_number_prefix="/BC-SKHCN",
        recipients=["Bộ Khoa học và Công nghệ (b/c)", f"UBND {province} (b/c)", "Lưu: VT, KHCN"],
    )


def _check_same_plan(plan: Plan, d: _District) -> None:
    source = str(plan.extras.get("source_plan", ""))
    if not source:
        raise _refuse(
            d.content.name,
            f"cơ sở dữ liệu này là của kế hoạch '{plan.code}', không phải cơ sở dữ liệu "
            "tổng hợp cấp tỉnh (hãy nhập gói vào một cơ sở dữ liệu mới).",
        )
    if d.plan.code != source:
        raise _refuse(
            d.content.name,
            f"gói thuộc kế hoạch '{d.plan.code}', khác kế hoạch '{source}' mà cơ sở dữ liệu "
            "này đang tổng hợp.",
        )
    theirs = {i.code: i.kind for i in d.plan.indicators}
    for ind in plan.indicators:
        if ind.code not in theirs:
            raise _refuse(d.content.name, f"kế hoạch trong gói không có chỉ tiêu {ind.code}.")
        if theirs[ind.code] is not ind.kind:
            raise _refuse(
                d.content.name,
                f"chỉ tiêu {ind.code} trong gói là loại {theirs[ind.code].value}, "
                f"khác loại {ind.kind.value} của kế hoạch tổng hợp.",
            )
    try:
        plan.period(d.period_code)
    except KeyError:
        raise _refuse(d.content.name, f"kỳ '{d.period_code}' không có trong kế hoạch.") from None


def _number(x: Any) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    if not isinstance(x, int | float):
        raise TypeError(f"không phải số: {x!r}")
    return float(x)


def district_values(plan: Plan, aggregates: Mapping[str, Mapping[str, Any]]) -> dict[str, Value]:
    """A district's aggregates as the values of one submission (see the docstring)."""
    values: dict[str, Value] = {}
    for ind in plan.indicators:
        a = aggregates.get(ind.code)
        if a is None or not a.get("units_reporting"):
            continue
        kind = ind.kind
        if kind is IndicatorKind.RATIO:
            values[ind.code] = Value(
                numerator=_number(a.get("numerator")), denominator=_number(a.get("denominator"))
            )
        elif kind is IndicatorKind.BOOL:
            values[ind.code] = Value(flag=a.get("yes") == a.get("units_reporting"))
        elif kind is IndicatorKind.DATE:
            latest = a.get("latest")
            if latest:
                values[ind.code] = Value(day=dt.date.fromisoformat(str(latest)))
        else:
            number = _number(a.get("value"))
            if number is not None:
                values[ind.code] = Value(number=number)
    return values


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
    districts = [_district(p) for p in packages]
    seen: dict[tuple[str, str], str] = {}
    for d in districts:
        key = (d.unit_code, d.period_code)
        if key in seen:
            raise _refuse(
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
        _check_same_plan(plan, d)
    pid = plan_row(session).id
    results = []
    for d in districts:
        unit = session.scalar(select(UnitRow).where(UnitRow.code == d.unit_code))
        if unit is None:
            session.add(UnitRow(plan_id=pid, code=d.unit_code, name=d.unit_name, kind=DISTRICT))
            session.flush()
        elif unit.kind != DISTRICT:
            raise _refuse(
                d.content.name,
                f"mã {d.unit_code} đã là một đơn vị loại {unit.kind}, không phải huyện.",
            )
        try:
            values = district_values(plan, d.aggregates)
        except (TypeError, ValueError) as exc:
            raise _refuse(d.content.name, f"số liệu tổng hợp không hợp lệ ({exc}).") from None
        try:
            saved = save_submission(
                session,
                plan,
                d.unit_code,
                d.period_code,
                values,
                received_on=received_on or _made_on(d.content),
                channel=channel,
                replace=replace,
                source_file=d.content.name,
                source_sha256=d.content.sha256,
                prepared_by=str((d.content.data.get("office") or {}).get("name", "")),
            )
        except SubmissionExists as exc:
            raise _refuse(d.content.name, exc.message) from None
        except DomainError as exc:
            raise _refuse(d.content.name, f"số liệu không nhận được: {exc.message}.") from None
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
