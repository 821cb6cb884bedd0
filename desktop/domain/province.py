"""The province rules: what a district package says, and how it is consolidated.

A package (read and verified by desktop.exchange.package.read_package) carries the
district's plan definition and, for one period, the aggregates of its communes. The
province plan is built from the first package's plan (`province_plan`), each district is
one unit of kind "district" (`district_identity`), and its "submission" holds its
aggregates (`district_values`). desktop.store.province writes them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import replace as with_changes
from typing import Any

from .errors import DomainError
from .plan import Criterion, IndicatorKind, Plan, UnitKind
from .plan_schema import parse_plan
from .values import Value

DISTRICT = UnitKind.DISTRICT.value


class PackageRefused(DomainError):
    """A package cannot be consolidated; the message names the file and the reason."""


@dataclass(frozen=True)
class PackageContent:
    """A verified package: its manifest, its data.json, and the file's own SHA-256."""

    name: str  # the file name, for messages
    manifest: Mapping[str, Any]
    data: Mapping[str, Any]
    sha256: str = ""
    public_key: bytes = b""  # the signer's Ed25519 key, checked; empty: an unsigned package


@dataclass
class District:
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


def refuse(name: str, why: str) -> PackageRefused:
    gap = "\n" if "\n" in why else " "
    return PackageRefused(f"Gói {name}: {why}{gap}Không có gì được ghi vào cơ sở dữ liệu.")


def made_on(content: PackageContent) -> dt.date:
    """The day the district made the package (its manifest's generated_at), else today."""
    try:
        return dt.datetime.fromisoformat(str(content.manifest.get("generated_at"))).date()
    except ValueError:
        return dt.date.today()


def read_district(content: PackageContent) -> District:
    data = content.data
    try:
        plan = parse_plan(data["plan"], origin=f"{content.name} (kế hoạch)")
        period_code = str(data["period"]["code"])
        office = data.get("office") or {}
        aggregates = {str(a["code"]): a for a in data["aggregates"]}
    except DomainError as exc:
        raise refuse(
            content.name, f"định nghĩa kế hoạch trong gói không hợp lệ: {exc.message}."
        ) from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise refuse(content.name, f"data.json thiếu hoặc sai mục {exc}.") from None
    code, name = district_identity(office, plan.area)
    if not code:
        raise refuse(content.name, "không xác định được huyện gửi gói (thiếu địa bàn).")
    return District(content, plan, period_code, code, name, aggregates)


def province_words(area: str) -> tuple[str, str]:
    """('tỉnh', 'Ninh Thuận') from 'tỉnh Ninh Thuận'; ('thành phố', 'Cần Thơ') likewise."""
    text = area.strip()
    for level in ("thành phố", "tỉnh"):
        if text.lower().startswith(level + " "):
            return level, text[len(level) + 1 :].strip()
    return "tỉnh", text


def main_kind(d: District) -> str:
    kinds = Counter(
        str(u.get("kind")) for u in d.content.data.get("units", []) if isinstance(u, Mapping)
    )
    for kind, _n in kinds.most_common():
        if kind in d.plan.unit_kinds:
            return kind
    return d.plan.unit_kinds[0]


def province_plan(d: District) -> Plan:
    """The province plan built from a district plan (see the module's docstring)."""
    src = d.plan
    office = d.content.data.get("office") or {}
    province = str(office.get("province") or src.extras.get("province") or "").strip()
    level, place = province_words(province)
    kind = main_kind(d)
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


def check_same_plan(plan: Plan, d: District) -> None:
    source = str(plan.extras.get("source_plan", ""))
    if not source:
        raise refuse(
            d.content.name,
            f"cơ sở dữ liệu này là của kế hoạch '{plan.code}', không phải cơ sở dữ liệu "
            "tổng hợp cấp tỉnh (hãy nhập gói vào một cơ sở dữ liệu mới).",
        )
    if d.plan.code != source:
        raise refuse(
            d.content.name,
            f"gói thuộc kế hoạch '{d.plan.code}', khác kế hoạch '{source}' mà cơ sở dữ liệu "
            "này đang tổng hợp.",
        )
    theirs = {i.code: i.kind for i in d.plan.indicators}
    for ind in plan.indicators:
        if ind.code not in theirs:
            raise refuse(d.content.name, f"kế hoạch trong gói không có chỉ tiêu {ind.code}.")
        if theirs[ind.code] is not ind.kind:
            raise refuse(
                d.content.name,
                f"chỉ tiêu {ind.code} trong gói là loại {theirs[ind.code].value}, "
                f"khác loại {ind.kind.value} của kế hoạch tổng hợp.",
            )
    try:
        plan.period(d.period_code)
    except KeyError:
        raise refuse(d.content.name, f"kỳ '{d.period_code}' không có trong kế hoạch.") from None


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
