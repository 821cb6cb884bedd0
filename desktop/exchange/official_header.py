"""The heading and the signature of every official PDF the office sends, built once.

    doc = official_document(office, plan, type_code="BC", number="5", on=date,
                            title="BÁO CÁO", summary="...", intro=[...], sections=[...])

fills what Nghị định 30 puts around the body: the parent body and the office, "Số:
05/BC-VHTT", the place and date, "Kính gửi:" (the office's addressee, or the body that
issued the plan), "Nơi nhận:" ending with "Lưu: VT, ..." and the signer. The report
(report_pdf) and the list of proposals (proposals_export) are both made here; the layout
is pdf_document's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop.domain.office import OfficeSettings
from desktop.domain.official import default_addressee, document_number
from desktop.domain.plan import Plan

from .pdf_document import OfficialReport, Section, Signer


def addressee(office: OfficeSettings, plan: Plan) -> str:
    return office.addressee.strip() or default_addressee(plan)


def recipients(office: OfficeSettings) -> list[str]:
    """The office's "Nơi nhận", "Như trên" first (the addressee) and "Lưu" last."""
    items = [r.strip() for r in office.recipients if r.strip()]
    if not any(r.casefold().startswith("như trên") for r in items):
        items.insert(0, "Như trên")
    if not items[-1].casefold().startswith("lưu"):
        items.append(f"Lưu: VT, {office.short_name}" if office.short_name else "Lưu: VT")
    return items


def official_document(
    office: OfficeSettings,
    plan: Plan,
    *,
    type_code: str,
    number: str,
    on: dt.date,
    title: str,
    summary: str,
    intro: Sequence[str],
    sections: list[Section],
) -> OfficialReport:
    return OfficialReport(
        parent_body=office.parent_body or str(plan.extras.get("parent_body", "")),
        office=office.name,
        number=document_number(number, office.doc_number_prefix, type_code),
        place=office.place or plan.place,
        date=on,
        title=title,
        summary=summary,
        sections=sections,
        recipients=recipients(office),
        signer=Signer(office.signer_authority, office.signer_title, office.signer_name),
        intro=list(intro),
        addressee=addressee(office, plan),
    )
