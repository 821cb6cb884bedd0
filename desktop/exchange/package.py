"""The data package sent to the province (docs/package-format.md).

A .zip with:

- manifest.json — format_version, office, plan, period, generated_at, app_version
  and the SHA-256 of every other member;
- signature.json — the office's Ed25519 signature of manifest.json's exact bytes;
- data.json — the plan definition (so that the province can rebuild it), the units,
  the submissions with their values, the results, the aggregates, the proposals;
- bang-tong-hop.xlsx, bao-cao.pdf (when the PDF writer is available);
- tonghop.csv, chitieu.csv, tiendo.csv, khenthuong.csv — UTF-8 with a byte-order mark.

Format "2" is signed: a version-2 package without a valid signature is refused. Format
"1" is the unsigned package of the versions before signing (and of an office without a
key): read, and imported only after an explicit confirmation (actions.trust).

    write_package(inp, Path("NinhSon_2023.zip"))
    content = read_package(Path("NinhSon_2023.zip"))   # verified, or PackageRefused
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.domain.period_report import summary_json
from desktop.domain.plan import IndicatorKind, Plan, Unit
from desktop.domain.province import PackageContent, PackageRefused, district_identity
from desktop.domain.values import Value

from .csv_tables import CSV_NAMES, csv_bytes, report_tables, target_results
from .export_input import ExportInput
from .export_xlsx import write_file, xlsx_bytes
from .package_guard import (
    SIGNATURE,
    Refusal,
    load_json,
    open_bounded,
    read_member,
    sign,
    verify,
)

FORMAT_VERSION = "2"  # signed
UNSIGNED_VERSION = "1"  # before signing: imported only after an explicit confirmation
READABLE_VERSIONS = (UNSIGNED_VERSION, FORMAT_VERSION)
PACKAGE_KIND = "thidua-cds-package"
MANIFEST = "manifest.json"
DATA = "data.json"
XLSX = "bang-tong-hop.xlsx"
PDF = "bao-cao.pdf"


# ---------------------------------------------------------------------------- plan


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)


def _clean(d: Mapping[str, Any]) -> dict[str, Any]:
    """Drop None (a TOML plan file has no null)."""
    return {k: v for k, v in d.items() if v is not None}


def plan_document(plan: Plan, units: Sequence[Unit]) -> dict[str, Any]:
    """The plan as the document a plan file holds (what parse_plan reads back)."""
    head = _clean(
        {
            "code": plan.code,
            "number": plan.number,
            "issuer": plan.issuer,
            "issued_on": _iso(plan.issued_on),
            "title": plan.title,
            "level": plan.level,
            "area": plan.area,
            "place": plan.place,
            "unit_kinds": list(plan.unit_kinds),
            "dossier": list(plan.dossier),
            "source_note": plan.source_note,
            **{k: str(v) for k, v in plan.extras.items() if k in ("parent_body", "province")},
        }
    )
    return {
        "plan": head,
        "blocks": [{"code": b.code, "name": b.name} for b in plan.blocks],
        "units": [
            _clean(
                {
                    "code": u.code,
                    "name": u.name,
                    "kind": u.kind,
                    "block": u.block,
                    "active_from": _iso(u.active_from),
                    "active_to": _iso(u.active_to),
                    "merged_into": u.merged_into,
                }
            )
            for u in units
        ],
        "indicators": [
            _clean(
                {
                    "code": i.code,
                    "name": i.name,
                    "kind": i.kind.value,
                    "unit_kinds": list(i.unit_kinds),
                    "measure": i.measure,
                    "numerator": i.numerator_label or None,
                    "denominator": i.denominator_label or None,
                    "source": i.source,
                    "maximum": i.maximum,
                    "short": i.short or None,
                }
            )
            for i in plan.indicators
        ],
        "criteria": [
            _clean(
                {
                    "code": c.code,
                    "name": c.name,
                    "indicator": c.indicator,
                    "op": c.op.value,
                    "threshold": (
                        c.threshold.isoformat() if isinstance(c.threshold, dt.date) else c.threshold
                    ),
                    "unit_kinds": list(c.unit_kinds),
                    "mandatory": c.mandatory,
                    "source": c.source,
                    "short": c.short or None,
                }
            )
            for c in plan.criteria
        ],
        "periods": [
            {
                "code": p.code,
                "label": p.label,
                "starts": p.starts.isoformat(),
                "ends": p.ends.isoformat(),
                "deadline": p.deadline.isoformat(),
                "review": p.review.value,
            }
            for p in plan.periods
        ],
        "quotas": [
            _clean(
                {
                    "review": q.review,
                    "award": q.award,
                    "collectives": q.collectives,
                    "individuals": q.individuals,
                    "block": q.block,
                    "leader_share_max": q.leader_share_max,
                    "source": q.source,
                }
            )
            for q in plan.quotas
        ],
        **(
            {
                "ranking": {
                    "indicator": plan.ranking.indicator,
                    "descending": plan.ranking.descending,
                    "source": plan.ranking.source,
                }
            }
            if plan.ranking
            else {}
        ),
    }


# ---------------------------------------------------------------------------- data


def value_json(kind: IndicatorKind, v: Value) -> dict[str, Any]:
    if kind is IndicatorKind.RATIO:
        return {"numerator": _num(v.numerator), "denominator": _num(v.denominator)}
    if kind is IndicatorKind.BOOL:
        return {"flag": v.flag}
    if kind is IndicatorKind.DATE:
        return {"date": _iso(v.day)}
    return {"number": _num(v.number)}


def _measured(x: object) -> object:
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, int | float):
        return _num(float(x))
    return str(x)


def office_json(inp: ExportInput) -> dict[str, Any]:
    data = inp.office.as_dict()
    data.pop("second_backup_dir", None)  # a folder of this computer: not the province's business
    data["area"] = inp.area
    data["province"] = inp.office.province or str(inp.plan.extras.get("province", ""))
    data["code"] = district_identity(data, inp.plan.area)[0]
    return data


def package_data(inp: ExportInput) -> dict[str, Any]:
    """data.json: everything the province needs, numbers unrounded."""
    report, plan = inp.report, inp.plan
    units = inp.all_units or tuple(u.unit for u in report.units)
    s = report.summary
    submissions = []
    results = []
    for u in report.units:
        sub = u.submission
        if sub is not None:
            submissions.append(
                {
                    "unit": u.unit.code,
                    "received_on": sub.received_on.isoformat(),
                    "channel": sub.channel,
                    "state": sub.state,
                    "return_reason": sub.return_reason,
                    "late_days": u.late_days,
                    "values": {
                        code: value_json(plan.indicator(code).kind, v)
                        for code, v in sub.values.items()
                    },
                }
            )
        results.append(
            {
                "unit": u.unit.code,
                "name": u.unit.name,
                "kind": u.unit.kind,
                "block": u.unit.block,
                "result": u.result.value,
                "rank": u.rank,
                "rank_value": _measured(u.rank_value),
                "late_days": u.late_days,
                "criteria": [
                    {
                        "code": r.code,
                        "result": r.outcome.value,
                        "value": _measured(r.value),
                        "rule": r.criterion.rule,
                        "mandatory": r.criterion.mandatory,
                        "explanation": r.explanation,
                    }
                    for r in u.criteria
                ],
            }
        )
    aggregates = [
        {
            "code": a.code,
            "kind": a.kind.value,
            "units_reporting": a.units_reporting,
            "numerator": _num(a.numerator),
            "denominator": _num(a.denominator),
            "value": _num(a.value),
            "minimum": _num(a.minimum),
            "maximum": _num(a.maximum),
            "yes": a.yes,
            "earliest": _iso(a.earliest),
            "latest": _iso(a.latest),
        }
        for a in report.aggregates
    ]
    targets = [
        {
            "criterion": c.code,
            "indicator": c.indicator,
            "rule": c.rule,
            "result": r.outcome.value,
            "value": _measured(r.value),
            "explanation": r.explanation,
        }
        for c, r in target_results(inp)
    ]
    p = report.period
    return {
        "format_version": version_of(inp),
        "generated_at": inp.generated_at.isoformat(),
        "app_version": inp.app_version,
        "office": office_json(inp),
        "plan": plan_document(plan, units),
        "period": {
            "code": p.code,
            "label": p.label,
            "starts": p.starts.isoformat(),
            "ends": p.ends.isoformat(),
            "deadline": p.deadline.isoformat(),
            "review": p.review.value,
        },
        "units": [
            {
                "code": u.code,
                "name": u.name,
                "kind": u.kind,
                "block": u.block,
                "active_from": _iso(u.active_from),
                "active_to": _iso(u.active_to),
                "merged_into": u.merged_into,
            }
            for u in (r.unit for r in report.units)
        ],
        "submissions": submissions,
        "results": results,
        "aggregates": aggregates,
        "targets": targets,
        "summary": summary_json(s),
        "proposals": [
            {
                "kind": x.kind,
                "award": x.award,
                "name": x.name,
                "position": x.position,
                "unit": x.unit_code or None,
                "unit_name": x.unit_name or None,
                "is_leader": x.is_leader,
                "achievements": x.achievements,
                "documents_present": x.documents_present,
                "documents_total": x.documents_total,
            }
            for x in inp.proposals
        ],
    }


def _json_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def package_members(
    inp: ExportInput, *, number: str = "", on: dt.date | None = None
) -> dict[str, bytes]:
    """Every member but the manifest, by name."""
    tables = report_tables(inp)
    members: dict[str, bytes] = {DATA: _json_bytes(package_data(inp))}
    members[XLSX] = xlsx_bytes(inp, tables)
    pdf = _pdf_bytes(inp, number, on)
    if pdf is not None:
        members[PDF] = pdf
    for name, table in tables.items():
        members[CSV_NAMES[name]] = csv_bytes(table)
    return members


def _pdf_bytes(inp: ExportInput, number: str, on: dt.date | None) -> bytes | None:
    try:
        from .report_pdf import pdf_bytes
    except ImportError:  # the PDF writer is optional in a build without reportlab
        return None
    return pdf_bytes(inp, number=number, on=on)


def version_of(inp: ExportInput) -> str:
    """"2" for a package signed with the office's key, "1" without one."""
    return FORMAT_VERSION if inp.signing_key else UNSIGNED_VERSION


def manifest(inp: ExportInput, members: Mapping[str, bytes]) -> dict[str, Any]:
    plan, period = inp.plan, inp.report.period
    return {
        "format_version": version_of(inp),
        "kind": PACKAGE_KIND,
        "office": office_json(inp),
        "plan": {"code": plan.code, "title": plan.title, "level": plan.level, "area": plan.area},
        "period": {
            "code": period.code,
            "label": period.label,
            "deadline": period.deadline.isoformat(),
        },
        "generated_at": inp.generated_at.isoformat(),
        "app_version": inp.app_version,
        "sha256": {name: sha256(data) for name, data in sorted(members.items())},
    }


def write_package(
    inp: ExportInput, path: Path, *, number: str = "", on: dt.date | None = None
) -> Path:
    """Write the package; the file appears whole or not at all."""
    return write_file(Path(path), package_bytes(inp, number=number, on=on), "gói dữ liệu")


def package_bytes(inp: ExportInput, *, number: str = "", on: dt.date | None = None) -> bytes:
    """The whole package, signed with the office's key when it has one."""
    members = package_members(inp, number=number, on=on)
    stamp = inp.generated_at.timetuple()[:6]
    manifest_bytes = _json_bytes(manifest(inp, members))
    head = [(MANIFEST, manifest_bytes)]
    if inp.signing_key:
        head.append((SIGNATURE, sign(manifest_bytes, inp.signing_key)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in [*head, *members.items()]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


# ---------------------------------------------------------------------------- reading


def read_package(path: Path) -> PackageContent:
    """Open and verify a package: a zip, safe member paths, a known format version, every
    checksum right. Anything else is refused with a PackageRefused naming the file."""
    path = Path(path)
    name = path.name

    def refuse(why: str) -> PackageRefused:
        return PackageRefused(f"Gói {name}: {why} Không có gì được ghi vào cơ sở dữ liệu.")

    try:
        zf = open_bounded(path)
    except Refusal as exc:
        raise refuse(str(exc)) from None
    with zf:
        names = [i.filename for i in zf.infolist()]
        if MANIFEST not in names:
            raise refuse("thiếu manifest.json (không phải gói dữ liệu ThiĐua CĐS).")

        def member(n: str) -> bytes:
            try:
                return read_member(zf, n)
            except Refusal as exc:
                raise refuse(str(exc)) from None

        manifest_bytes = member(MANIFEST)
        try:
            man = load_json(MANIFEST, manifest_bytes)
        except Refusal as exc:
            raise refuse(str(exc)) from None
        if not isinstance(man, dict):
            raise refuse("manifest.json không đúng cấu trúc.")
        version = man.get("format_version")
        if version not in READABLE_VERSIONS:
            raise refuse(
                f"phiên bản định dạng “{version}” không được hỗ trợ (phiên bản này của "
                f"ThiĐua CĐS đọc định dạng {' và '.join(READABLE_VERSIONS)}); hãy cập nhật "
                "chương trình."
            )
        if version == FORMAT_VERSION and SIGNATURE not in names:
            raise refuse(
                f"gói định dạng {FORMAT_VERSION} (có chữ ký) nhưng thiếu {SIGNATURE}: chữ ký "
                "đã bị gỡ khỏi gói, có thể gói đã bị sửa. Hãy xin đơn vị gửi lại gói."
            )
        public_key = b""  # the signature, over the manifest's exact bytes, once the
        if SIGNATURE in names:  # format is known to be one this version reads
            try:
                public_key = verify(manifest_bytes, member(SIGNATURE))
            except Refusal as exc:
                raise refuse(str(exc)) from None
        sums = man.get("sha256")
        if not isinstance(sums, dict):
            raise refuse("manifest.json thiếu danh sách mã kiểm tra SHA-256.")
        for n in names:
            if n not in (MANIFEST, SIGNATURE) and n not in sums:
                raise refuse(f"thành phần {n} không có trong manifest.json.")
        contents: dict[str, bytes] = {}
        for n, expected in sums.items():
            if n not in names:
                raise refuse(f"thiếu thành phần {n} được ghi trong manifest.json.")
            data = member(n)
            if sha256(data) != str(expected).lower():
                raise refuse(
                    f"mã kiểm tra SHA-256 của {n} không khớp với manifest.json: "
                    "tệp đã bị sửa hoặc hỏng khi truyền."
                )
            contents[n] = data
        if DATA not in contents:
            raise refuse("thiếu data.json.")
        try:
            data_json = load_json(DATA, contents[DATA])
        except Refusal as exc:
            raise refuse(str(exc)) from None
        if not isinstance(data_json, dict) or data_json.get("format_version") != version:
            raise refuse("data.json không đúng phiên bản định dạng của manifest.json.")
        plan_doc = data_json.get("plan")
        plan_head = plan_doc.get("plan") if isinstance(plan_doc, dict) else None
        man_plan = man.get("plan")
        plan_code = plan_head.get("code") if isinstance(plan_head, dict) else None
        if plan_code is None or plan_code != (man_plan or {}).get("code"):
            raise refuse("kế hoạch trong data.json khác kế hoạch trong manifest.json.")
    return PackageContent(name=name, manifest=man, data=data_json, sha256=_file_sha256(path),
                          public_key=public_key)


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            h.update(chunk)
    return h.hexdigest()
