"""The list of commendation proposals as the office sends it: xlsx and PDF.

One table per award (hình thức khen thưởng): first the counts against the plan's quota
(per block where the quota is per block), then the collectives, then the individuals.
Plain data in (``ProposalList``), no database here: the caller gathers it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.office import OfficeSettings
from desktop.domain.official import office_with_area
from desktop.domain.period_report import PeriodReport
from desktop.domain.plan import UNIT_KIND_LABELS, Plan
from desktop.domain.proposals import (
    Proposal,
    ProposalCheck,
    QuotaUsage,
    block_label,
    documents_text,
    proposals_by_award,
)
from desktop.domain.vnformat import day, number, percent
from desktop.files import write_whole

from .official_header import official_document
from .pdf_document import OfficialReport, Section, Table, write_report


@dataclass(frozen=True)
class ProposalList:
    plan: Plan
    check: ProposalCheck
    report: PeriodReport  # the evaluation of the review's period
    office: OfficeSettings
    generated_on: dt.date = field(default_factory=dt.date.today)  # the date it is signed
    number: str = ""  # "5" -> "Số: 05/DS-VHTT"; empty: left for the clerk to write


COLLECTIVE_HEADER = [
    "STT",
    "Tên tập thể",
    "Mã đơn vị",
    "Khối / loại đơn vị",
    "Kết quả thi đua",
    "Xếp hạng",
    "Điểm xếp hạng",
    "Thành tích",
    "Hồ sơ",
]
INDIVIDUAL_HEADER = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị công tác",
    "Lãnh đạo, quản lý",
    "Thành tích",
    "Hồ sơ",
]
QUOTA_HEADER = [
    "Phạm vi",
    "Tập thể đề nghị",
    "Tập thể tối đa",
    "Cá nhân đề nghị",
    "Cá nhân tối đa",
    "Lãnh đạo, quản lý",
    "Căn cứ",
]


# --------------------------------------------------------------------------- rows


def _kind_or_block(data: ProposalList, p: Proposal) -> str:
    if p.unit_block:
        return block_label(data.plan, p.unit_block)
    return UNIT_KIND_LABELS.get(p.unit_kind or "", p.unit_kind or "")


Cell = str | int | float | None


def collective_rows(data: ProposalList, proposals: Sequence[Proposal]) -> list[list[Cell]]:
    """STT, name, code, block or kind, result, rank, ranking value, achievements, dossier."""
    rows: list[list[Cell]] = []
    for n, p in enumerate((p for p in proposals if p.is_collective), start=1):
        result: str = "Không có trong kỳ đánh giá"
        rank: int | None = None
        score: float | None = None
        try:
            ur = data.report.unit(p.unit_code or "")
            result = ur.verdict
            rank, score = ur.rank, ur.rank_value
        except KeyError:
            pass
        rows.append(
            [
                n,
                p.unit_name or p.unit_code or "",
                p.unit_code or "",
                _kind_or_block(data, p),
                result,
                rank,
                round(score, 2) if score is not None else None,
                p.achievements,
                documents_text(data.plan, p),
            ]
        )
    return rows


def individual_rows(data: ProposalList, proposals: Sequence[Proposal]) -> list[list[Cell]]:
    """STT, name, position, unit, leader mark, achievements, dossier."""
    rows: list[list[Cell]] = []
    for n, p in enumerate((p for p in proposals if not p.is_collective), start=1):
        rows.append(
            [
                n,
                p.person_name,
                p.position,
                p.unit_name or p.unit_code or "",
                "x" if p.is_leader else "",
                p.achievements,
                documents_text(data.plan, p),
            ]
        )
    return rows


def _text(v: Cell) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return number(v, 2)
    return str(v)


def _limit(v: int | None) -> int | str:
    return "Không giới hạn" if v is None else v


def _leaders(u: QuotaUsage) -> str:
    if u.individuals == 0:
        text = "0"
    else:
        text = f"{u.leaders}/{u.individuals} ({percent(u.leaders / u.individuals * 100)})"
    if u.quota.leader_share_max is not None:
        text += f"; tối đa {number(u.quota.leader_share_max)} %"
    return text


def quota_rows(data: ProposalList, award: str) -> list[list[Cell]]:
    """Scope, collectives proposed, their maximum, individuals, their maximum, leaders, clause."""
    rows: list[list[Cell]] = []
    for u in data.check.usage:
        if u.quota.award != award:
            continue
        scope = block_label(data.plan, u.quota.block) if u.quota.block else "Toàn kế hoạch"
        rows.append(
            [
                scope,
                u.collectives,
                _limit(u.quota.collectives),
                u.individuals,
                _limit(u.quota.individuals),
                _leaders(u),
                u.quota.source,
            ]
        )
    return rows


def _awards(data: ProposalList) -> list[tuple[str, list[Proposal]]]:
    grouped = proposals_by_award(data.check.proposals)
    ordered: list[tuple[str, list[Proposal]]] = []
    for u in data.check.usage:
        if u.quota.award not in [a for a, _ in ordered]:
            ordered.append((u.quota.award, grouped.pop(u.quota.award, [])))
    ordered.extend(grouped.items())  # awards the plan does not give (reported by the check)
    return ordered


def _heading(data: ProposalList) -> str:
    plan = data.plan
    return f"{plan.title} — kỳ xét khen thưởng: {data.report.period.label}"


def _counts_line(data: ProposalList, award: str, proposals: Sequence[Proposal]) -> str:
    c = sum(1 for p in proposals if p.is_collective)
    i = len(proposals) - c
    limits = [u.quota for u in data.check.usage if u.quota.award == award]
    max_c = [q.collectives for q in limits]
    max_i = [q.individuals for q in limits]
    total_c = sum(x for x in max_c if x is not None) if limits and None not in max_c else None
    total_i = sum(x for x in max_i if x is not None) if limits and None not in max_i else None
    text = f"Đề nghị {c} tập thể"
    if total_c is not None:
        text += f" (hạn mức không quá {total_c})"
    text += f" và {i} cá nhân"
    if total_i is not None:
        text += f" (hạn mức không quá {total_i})"
    sources = sorted({q.source for q in limits if q.source})
    if sources:
        text += f", theo mục {', '.join(sources)} của Kế hoạch"
    return text + "."


# --------------------------------------------------------------------------- xlsx

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"
_WIDTHS = [6, 34, 12, 22, 18, 10, 12, 40, 14]


def _set(
    ws: Worksheet,
    row: int,
    col: int,
    value: object,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 12,
    border: bool = False,
    wrap: bool = True,
    align: str = "left",
) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        cell.data_type = "s"  # text is never a formula
        cell.quotePrefix = True
    cell.font = Font(name=_FONT, size=size, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=wrap)
    if border:
        cell.border = _BORDER


def _title(
    ws: Worksheet,
    row: int,
    text: str,
    *,
    bold: bool = True,
    size: int = 12,
    italic: bool = False,
    align: str = "center",
    last_col: int = len(_WIDTHS),
) -> int:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    _set(ws, row, 1, text, bold=bold, size=size, italic=italic, align=align)
    ws.row_dimensions[row].height = 18 * max(1, len(text) // 150 + 1)
    return row + 1


def _table(ws: Worksheet, row: int, header: list[str], rows: list[list[Cell]]) -> int:
    for c, h in enumerate(header, start=1):
        _set(ws, row, c, h, bold=True, border=True, align="center")
    row += 1
    for r in rows:
        for c, v in enumerate(r, start=1):
            numeric = isinstance(v, int | float)
            _set(ws, row, c, v, border=True, align="center" if c == 1 or numeric else "left")
            if isinstance(v, float):
                ws.cell(row=row, column=c).number_format = "0.00"
        row += 1
    return row


def build_workbook(data: ProposalList) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "KhenThuong"
    for i, w in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    office = data.office
    row = 1
    if office.parent_body:
        row = _title(ws, row, office.parent_body.upper(), bold=False, align="left")
    row = _title(ws, row, office.name.upper(), align="left")
    row += 1
    row = _title(ws, row, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", size=14)
    row = _title(ws, row, _heading(data), bold=False, italic=True)
    row += 1
    for n, (award, proposals) in enumerate(_awards(data), start=1):
        row = _title(ws, row, f"{_roman(n)}. {award.upper()}", align="left")
        row = _title(ws, row, _counts_line(data, award, proposals), bold=False, align="left")
        quotas = quota_rows(data, award)
        if quotas:
            row = _table(ws, row, QUOTA_HEADER, quotas) + 1
        collectives = collective_rows(data, proposals)
        row = _title(ws, row, f"1. Tập thể ({len(collectives)})", align="left")
        if collectives:
            row = _table(ws, row, COLLECTIVE_HEADER, collectives) + 1
        else:
            row = _title(ws, row, "Không đề nghị tập thể.", bold=False, align="left") + 1
        individuals = individual_rows(data, proposals)
        row = _title(ws, row, f"2. Cá nhân ({len(individuals)})", align="left")
        if individuals:
            row = _table(ws, row, INDIVIDUAL_HEADER, individuals) + 1
        else:
            row = _title(ws, row, "Không đề nghị cá nhân.", bold=False, align="left") + 1
    if not data.check.proposals:
        row = _title(ws, row, "Chưa có đề nghị khen thưởng nào.", bold=False, align="left")
    row += 1
    _title(ws, row, f"Lập ngày {day(data.generated_on)}", bold=False, italic=True, align="right")

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.75

    info = wb.create_sheet("ThongTin")
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 90
    for r, (k, v) in enumerate(
        [
            ("Kế hoạch", f"{data.plan.code} — {data.plan.title}"),
            ("Kỳ xét khen thưởng", f"{data.report.period.code} — {data.report.period.label}"),
            ("Cơ quan", office.name),
            ("Ngày lập", day(data.generated_on)),
            (
                "Kiểm tra",
                "Không có vi phạm"
                if data.check.ok
                else f"{len(data.check.breaches)} vi phạm (xem 'thidua proposals check')",
            ),
        ],
        start=1,
    ):
        _set(info, r, 1, k, bold=True)
        _set(info, r, 2, v)
    info.page_setup.paperSize = info.PAPERSIZE_A4
    info.page_setup.orientation = info.ORIENTATION_LANDSCAPE
    return wb


def write_xlsx(data: ProposalList, path: Path) -> None:
    """Write the workbook whole or not at all."""
    _atomic(path, lambda tmp: build_workbook(data).save(tmp), "Excel")


def _roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


# --------------------------------------------------------------------------- pdf


def build_official_report(data: ProposalList) -> OfficialReport:
    office, plan = data.office, data.plan
    sections: list[Section] = []
    for n, (award, proposals) in enumerate(_awards(data), start=1):
        sections.append(Section(f"{_roman(n)}. {award}", 1, [_counts_line(data, award, proposals)]))
        quotas = quota_rows(data, award)
        if quotas and any(u.quota.block for u in data.check.usage if u.quota.award == award):
            sections[-1].paragraphs.append(
                Table(
                    ["Khối", "Tập thể", "Tối đa", "Cá nhân", "Tối đa", "Căn cứ"],
                    [[_text(q[i]) for i in (0, 1, 2, 3, 4, 6)] for q in quotas],
                )
            )
        share = [
            u
            for u in data.check.usage
            if u.quota.award == award and u.quota.leader_share_max is not None
        ]
        for u in share:
            sections[-1].paragraphs.append(
                f"Cá nhân là lãnh đạo, quản lý: {_leaders(u)} tổng số cá nhân được đề nghị."
            )
        collectives = collective_rows(data, proposals)
        sec = Section("1. Tập thể", 2)
        if collectives:
            sec.paragraphs.append(
                Table(
                    ["STT", "Tên tập thể", "Kết quả thi đua", "Thành tích", "Hồ sơ"],
                    [
                        [_text(r[0]), _text(r[1]), _result_cell(data, r), _text(r[7]), _text(r[8])]
                        for r in collectives
                    ],
                    col_widths_mm=[11, 50, 34, 48, 22],
                    align=["center", "left", "left", "left", "center"],
                )
            )
        else:
            sec.paragraphs.append("Không đề nghị tập thể.")
        sections.append(sec)
        individuals = individual_rows(data, proposals)
        sec = Section("2. Cá nhân", 2)
        if individuals:
            sec.paragraphs.append(
                Table(
                    [
                        "STT",
                        "Họ và tên",
                        "Chức vụ, đơn vị công tác",
                        "Lãnh đạo",
                        "Thành tích",
                        "Hồ sơ",
                    ],
                    [
                        [
                            _text(r[0]),
                            _text(r[1]),
                            ", ".join(_text(x) for x in (r[2], r[3]) if x),
                            _text(r[4]),
                            _text(r[5]),
                            _text(r[6]),
                        ]
                        for r in individuals
                    ],
                    col_widths_mm=[11, 36, 46, 20, 30, 22],
                    align=["center", "left", "left", "center", "left", "center"],
                )
            )
        else:
            sec.paragraphs.append("Không đề nghị cá nhân.")
        sections.append(sec)
    if not sections:
        sections.append(Section("I. Đề nghị khen thưởng", 1, ["Chưa có đề nghị khen thưởng nào."]))

    total_c = sum(1 for p in data.check.proposals if p.is_collective)
    total_i = len(data.check.proposals) - total_c
    basis = f"Căn cứ {plan.title}"
    if any(ch.isdigit() for ch in plan.number):
        basis += f" số {plan.number}"
    if plan.issued_on:
        basis += f" ngày {day(plan.issued_on)}"
    if plan.issuer:
        basis += f" của {plan.issuer}"
    intro = [
        f"{basis};",
        f"Căn cứ kết quả đánh giá, xếp hạng Phong trào thi đua {_period_words(data)}, "
        f"{office.name} đề nghị khen thưởng {total_c} tập thể và {total_i} cá nhân "
        "có thành tích trong Phong trào thi đua, cụ thể như sau:",
    ]
    # the list ends with a sentence, which the signature keeps on its page
    sections[-1].paragraphs.append(
        f"Danh sách gồm {total_c} tập thể và {total_i} cá nhân "
        f"của {office_with_area(office.name, office.area or plan.area)}./."
    )
    return official_document(
        office,
        plan,
        type_code="DS",
        number=data.number,
        on=data.generated_on,
        title="DANH SÁCH",
        summary=f"Đề nghị khen thưởng Phong trào thi đua Chuyển đổi số {_period_words(data)}",
        intro=intro,
        sections=sections,
    )


def _period_words(data: ProposalList) -> str:
    """'năm 2023 (sơ kết)': the period's label as it reads inside a sentence."""
    label = data.report.period.label
    return label[:1].lower() + label[1:]


def _result_cell(data: ProposalList, r: list[Cell]) -> str:
    """'Đạt, hạng 1 (81,00 %)': the result, the rank and the plan's ranking value."""
    text = _text(r[4])
    if r[5] is not None:
        text += f", hạng {r[5]}"
        if r[3] and data.plan.blocks:
            text += f" trong {r[3]}"  # ranks are per block: "hạng 1 trong Khối 3"
    if r[6] is not None:
        measure = ""
        if data.plan.ranking is not None:
            try:
                measure = data.plan.indicator(data.plan.ranking.indicator).measure
            except KeyError:
                measure = ""
        text += f" ({_text(r[6])}{' ' + measure if measure else ''})"
    return text


def write_pdf(data: ProposalList, path: Path) -> None:
    write_report(build_official_report(data), Path(path))


# --------------------------------------------------------------------------- files


def _atomic(path: Path, write: Callable[[Path], None], what: str) -> None:
    write_whole(Path(path), write, f"tệp {what}")
