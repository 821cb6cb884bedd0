"""The official report to the province, written from the period's evaluation.

"Báo cáo kết quả thực hiện Phong trào thi đua Chuyển đổi số <kỳ>": every sentence is built
from the `PeriodReport` (the same evaluation `check` prints) and the office settings; the
layout of Nghị định 30/2020/NĐ-CP is `pdf_document`'s.

    I.   how many units reported, on time, late, not at all; which are not yet accepted;
    II.  who passed, who did not and on which criteria (with the explanations' numbers),
         who lacks data; each criterion's pass count; the ranking table;
    III. the area's aggregates, and the plan's targets (non-mandatory criteria) on them;
    IV.  the commendation proposals of the period against the quota;
    then the closing line, "Nơi nhận" and the signer.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.domain.evaluation import rule_label
from desktop.domain.period_report import PeriodReport, UnitReport
from desktop.domain.plan import IndicatorKind
from desktop.domain.vnformat import day, percent
from desktop.domain.vnformat import number as num

from .csv_tables import present_kinds, quota_text, target_results
from .export_input import ExportInput
from .pdf_document import OfficialReport, Section, Signer, Table, write_report

LIST_LIMIT = 30  # names listed in a sentence before "và N đơn vị khác"
ROW_STYLE = {"pass": None, "fail": "fail", "incomplete": "warn", "not_submitted": None}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _names(units: Sequence[UnitReport], limit: int = LIST_LIMIT) -> str:
    shown = [u.unit.name for u in units[:limit]]
    more = len(units) - len(shown)
    text = ", ".join(shown)
    return f"{text} và {more} đơn vị khác (chi tiết tại bảng tổng hợp kèm theo)" if more else text


def _why(explanation: str) -> str:
    """'Không đạt: 58,33 % (35/60) < 65 %' -> '58,33 % (35/60) < 65 %'."""
    head, sep, rest = explanation.partition(": ")
    return rest if sep else explanation


def _count(n: int, what: str = "đơn vị") -> str:
    return f"{num(n)} {what}"


def section_submissions(report: PeriodReport) -> Section:
    s, period = report.summary, report.period
    units = report.units
    late = [u for u in units if u.submission is not None and u.late_days > 0]
    missing = [u for u in units if u.submission is None]
    text = (
        f"Kỳ báo cáo {_lower_first(period.label)} có {_count(s.expected)} phải báo cáo, "
        f"hạn nộp ngày {day(period.deadline)}. Đã nhận báo cáo của "
        f"{num(s.submitted)}/{num(s.expected)} đơn vị, trong đó {_count(s.on_time)} nộp đúng hạn"
    )
    if late:
        listed = ", ".join(f"{u.unit.name} trễ {u.late_days} ngày" for u in late[:LIST_LIMIT])
        if len(late) > LIST_LIMIT:
            listed += f" và {len(late) - LIST_LIMIT} đơn vị khác"
        text += f", {_count(s.late)} nộp trễ hạn ({listed})"
    text += "."
    if missing:
        text += f" Chưa nộp báo cáo: {_names(missing)}."
    paragraphs: list[str | Table] = [text]
    pending = [u for u in units if u.submission is not None and u.submission.state != "accepted"]
    if pending:
        parts = []
        for u in pending[:LIST_LIMIT]:
            sub = u.submission
            assert sub is not None
            if sub.state == "returned":
                reason = f": {sub.return_reason}" if sub.return_reason else ""
                parts.append(f"{u.unit.name} (đã trả lại để bổ sung, chỉnh sửa{reason})")
            else:
                parts.append(f"{u.unit.name} (đã nhận, đang thẩm định)")
        if len(pending) > LIST_LIMIT:
            parts.append(f"và {len(pending) - LIST_LIMIT} đơn vị khác")
        paragraphs.append(
            f"Đến ngày lập báo cáo, {num(s.accepted)}/{num(s.submitted)} báo cáo đã được "
            f"thẩm định, chấp nhận; {_count(len(pending), 'báo cáo')} chưa được chấp nhận: "
            + "; ".join(parts)
            + ". Kết quả đánh giá các đơn vị này có thể thay đổi sau khi thẩm định."
        )
    elif s.submitted:
        paragraphs.append("Tất cả báo cáo đã nhận đều đã được thẩm định, chấp nhận.")
    return Section("I. Tình hình tổ chức thực hiện và gửi báo cáo", 1, paragraphs)


def sections_results(inp: ExportInput) -> list[Section]:
    report, plan = inp.report, inp.plan
    s = report.summary
    units = report.units
    passed = [u for u in units if u.result.value == "pass"]
    failed = [u for u in units if u.result.value == "fail"]
    incomplete = [u for u in units if u.result.value == "incomplete"]
    missing = [u for u in units if u.result.value == "not_submitted"]
    out = [
        Section(
            "II. Kết quả đánh giá theo tiêu chuẩn thi đua",
            1,
            [
                "Căn cứ các tiêu chuẩn thi đua của Kế hoạch, trong "
                f"{_count(s.expected)} phải báo cáo có {_count(s.passed)} đạt, "
                f"{_count(s.failed)} không đạt, {_count(s.incomplete)} "
                f"chưa đủ số liệu để đánh giá và {_count(s.not_submitted)} chưa gửi báo cáo."
            ],
        )
    ]
    paras: list[str | Table] = []
    if passed:
        paras.append(
            f"Có {_count(len(passed))} đạt tất cả các tiêu chuẩn thi đua: {_names(passed)}."
        )
    else:
        paras.append("Chưa có đơn vị nào đạt tất cả các tiêu chuẩn thi đua.")
    out.append(Section("1. Đơn vị đạt tiêu chuẩn thi đua", 2, paras))

    paras = []
    if failed:
        paras.append(f"Có {_count(len(failed))} không đạt:")
        for u in failed[:LIST_LIMIT]:
            reasons = [f"{r.criterion.name} ({r.code}): {_why(r.explanation)}" for r in u.failed]
            paras.append(f"- {u.unit.name}: " + "; ".join(reasons) + ".")
        if len(failed) > LIST_LIMIT:
            paras.append(
                f"- Và {_count(len(failed) - LIST_LIMIT)} khác (chi tiết tại bảng "
                "tổng hợp kèm theo)."
            )
    else:
        paras.append("Không có đơn vị nào không đạt tiêu chuẩn thi đua.")
    if incomplete:
        paras.append(f"Có {_count(len(incomplete))} chưa đủ số liệu để đánh giá:")
        for u in incomplete[:LIST_LIMIT]:
            lacking = [
                f"{r.criterion.name} ({r.code})"
                for r in u.criteria
                if r.criterion.mandatory and r.outcome.value == "incomplete"
            ]
            paras.append(f"- {u.unit.name}: chưa có số liệu " + "; ".join(lacking) + ".")
        if len(incomplete) > LIST_LIMIT:
            paras.append(f"- Và {_count(len(incomplete) - LIST_LIMIT)} khác.")
    if missing:
        paras.append(f"{_names(missing)} chưa gửi báo cáo nên chưa được đánh giá.")
    out.append(Section("2. Đơn vị không đạt, chưa đủ số liệu", 2, paras))

    kinds = present_kinds(report)
    criteria = [c for c in plan.criteria if c.mandatory and set(kinds) & set(c.unit_kinds)]
    rows = []
    for n, c in enumerate(criteria, start=1):
        outcomes = [r.outcome.value for u in units for r in u.criteria if r.code == c.code]
        rows.append(
            [
                str(n),
                f"{c.name} ({c.code})",
                rule_label(plan, c),
                num(outcomes.count("pass")),
                num(outcomes.count("fail")),
                num(outcomes.count("incomplete")),
            ]
        )
    out.append(
        Section(
            "3. Kết quả theo từng tiêu chí",
            2,
            [
                "Số đơn vị đạt, không đạt, chưa đủ số liệu theo từng tiêu chuẩn thi đua:",
                Table(
                    ["TT", "Tiêu chí", "Yêu cầu", "Đạt", "Không đạt", "Chưa đủ số liệu"],
                    rows,
                    col_widths_mm=[10, 72, 28, 14, 18, 22],
                    align=["center", "left", "center", "right", "right", "right"],
                ),
            ],
        )
    )

    if plan.ranking is not None:
        ind = plan.indicator(plan.ranking.indicator)
        order = "từ cao xuống thấp" if plan.ranking.descending else "từ thấp lên cao"
        ranked = sorted(units, key=lambda u: (u.rank is None, u.rank or 0, u.unit.code))
        table_rows = []
        styles: list[str | None] = []
        for u in ranked:
            shown = "—"
            if u.rank_value is not None:
                shown = percent(u.rank_value) if ind.is_percent_like else num(u.rank_value)
            table_rows.append(
                [str(u.rank) if u.rank else "—", u.unit.name, shown, u.verdict]
            )
            styles.append(ROW_STYLE.get(u.result.value))
        out.append(
            Section(
                "4. Xếp hạng",
                2,
                [
                    f"Xếp hạng các đơn vị theo {_lower_first(ind.name)} ({ind.code}), {order}; "
                    "các đơn vị bằng nhau cùng hạng, đơn vị chưa có số liệu không xếp hạng:",
                    Table(
                        ["Hạng", "Đơn vị", ind.code, "Kết quả"],
                        table_rows,
                        col_widths_mm=[16, 80, 34, 34],
                        align=["center", "left", "right", "left"],
                        row_styles=styles,
                    ),
                ],
            )
        )
    return out


def _aggregate_text(inp: ExportInput, code: str) -> tuple[str, str, str]:
    """(Σ tử số, Σ mẫu số, result) of an indicator over the area, as text."""
    a = inp.report.aggregate_of(code)
    if a.units_reporting == 0:
        return "", "", "—"
    if a.kind is IndicatorKind.RATIO:
        return num(a.numerator or 0), num(a.denominator or 0), percent(a.value)
    if a.kind is IndicatorKind.BOOL:
        return "", "", f"{num(a.yes or 0)}/{num(a.units_reporting)} đơn vị có"
    if a.kind is IndicatorKind.DATE:
        return "", "", f"{day(a.earliest)} – {day(a.latest)}"
    if a.kind is IndicatorKind.COUNT:
        return "", "", num(a.value or 0)
    shown = percent if a.kind is IndicatorKind.PERCENT else (lambda x: num(x or 0, 2))
    return "", "", f"TB {shown(a.value)}\n({shown(a.minimum)} – {shown(a.maximum)})"


def section_indicators(inp: ExportInput) -> list[Section]:
    report, plan = inp.report, inp.plan
    kinds = present_kinds(report)
    indicators = [i for i in plan.indicators if set(kinds) & set(i.unit_kinds)]
    total = inp.total_label
    rows = []
    for n, ind in enumerate(indicators, start=1):
        top, bottom, shown = _aggregate_text(inp, ind.code)
        rows.append(
            [
                str(n),
                f"{ind.name} ({ind.code})",
                top,
                bottom,
                shown,
                num(report.aggregate_of(ind.code).units_reporting),
            ]
        )
    out = [
        Section(f"III. Kết quả thực hiện các chỉ tiêu {_lower_first(total)}", 1, []),
        Section(
            f"1. Các chỉ tiêu {_lower_first(total)}",
            2,
            [
                "Tổng hợp từ báo cáo của các đơn vị đã gửi báo cáo; tỷ lệ "
                f"{_lower_first(total)} tính bằng tổng tử số chia cho tổng mẫu số của các đơn vị "
                "(không lấy bình quân các tỷ lệ); số lượng là tổng cộng; tỷ lệ điểm là bình "
                "quân, kèm thấp nhất – cao nhất:",
                Table(
                    ["TT", "Chỉ tiêu", "Tử số", "Mẫu số", total, "Số đơn vị báo cáo"],
                    rows,
                    col_widths_mm=[9, 57, 19, 19, 42, 18],
                    align=["center", "left", "right", "right", "right", "right"],
                ),
            ],
        ),
    ]
    targets = target_results(inp)
    if targets:
        paras: list[str | Table] = [
            "So với các chỉ tiêu phấn đấu của Kế hoạch (không dùng để xét tiêu chuẩn thi đua):"
        ]
        for c, r in targets:
            met = [
                u
                for u in report.units
                for x in u.criteria
                if x.code == c.code and x.outcome.value == "pass"
            ]
            measured = [
                u
                for u in report.units
                for x in u.criteria
                if x.code == c.code and x.outcome.value != "incomplete"
            ]
            if r.outcome.value == "incomplete":
                state = "chưa đủ số liệu để đánh giá"
            else:
                word = "đạt" if r.outcome.value == "pass" else "chưa đạt"
                state = (
                    f"{_lower_first(total)} đạt {_value_only(r.explanation)}, "
                    f"{word} mục tiêu {rule_label(plan, c)}"
                )
            paras.append(
                f"- {c.name} ({c.code}): {state}; {num(len(met))}/{num(len(measured))} đơn vị đạt."
            )
        out.append(Section("2. So với các chỉ tiêu phấn đấu", 2, paras))
    return out


def _value_only(explanation: str) -> str:
    """'Không đạt: 88,07 % (10.850/12.320) ≤ 90 %' -> '88,07 % (10.850/12.320)'."""
    text = _why(explanation)
    for sym in (" ≥ ", " > ", " ≤ ", " < ", " = ", " ≠ "):
        if sym in text:
            return text.split(sym)[0]
    return text


def section_proposals(inp: ExportInput) -> Section:
    proposals = inp.proposals
    quota = quota_text(inp)
    paras: list[str | Table] = []
    if not proposals:
        paras.append(
            f"Kỳ báo cáo {_lower_first(inp.report.period.label)} không có đề nghị khen thưởng."
            + (f" Hạn mức theo Kế hoạch: {quota}." if quota else "")
        )
        return Section("IV. Đề nghị khen thưởng", 1, paras)
    collectives = sum(1 for p in proposals if p.kind == "collective")
    individuals = len(proposals) - collectives
    paras.append(
        f"Đề nghị khen thưởng {_count(collectives, 'tập thể')} và "
        f"{_count(individuals, 'cá nhân')}"
        + (f" (hạn mức theo Kế hoạch: {quota})" if quota else "")
        + ":"
    )
    rows = []
    for n, p in enumerate(proposals, start=1):
        who = (
            p.name
            if p.kind == "collective"
            else ", ".join(x for x in (p.name, p.position, p.unit_name) if x)
        )
        rows.append(
            [
                str(n),
                "Tập thể" if p.kind == "collective" else "Cá nhân",
                who,
                p.award,
                p.achievements,
            ]
        )
    paras.append(
        Table(
            ["TT", "Đối tượng", "Tập thể, cá nhân", "Hình thức", "Thành tích"],
            rows,
            col_widths_mm=[9, 20, 50, 40, 45],
            align=["center", "left", "left", "left", "left"],
        )
    )
    return Section("IV. Đề nghị khen thưởng", 1, paras)


def build_report(
    inp: ExportInput, *, number: str = "", on: dt.date | None = None
) -> OfficialReport:
    plan, office, period = inp.plan, inp.office, inp.report.period
    when = on or inp.generated_at.date()
    label = _lower_first(period.label)
    ref = ""
    if any(ch.isdigit() for ch in plan.number):
        ref += f" số {plan.number}"
    if plan.issued_on:
        ref += f" ngày {day(plan.issued_on)}"
    issuer = f" của {plan.issuer}" if plan.issuer else ""
    area = inp.area
    intro = [
        f"Thực hiện {plan.title}{ref}{issuer}; căn cứ báo cáo của các đơn vị, "
        f"{office.name} báo cáo kết quả thực hiện Phong trào thi đua Chuyển đổi số {label}"
        f"{' trên địa bàn ' + area if area else ''} như sau:"
    ]
    sections = [
        section_submissions(inp.report),
        *sections_results(inp),
        *section_indicators(inp),
        section_proposals(inp),
    ]
    sections[-1].paragraphs.append(
        "Trên đây là báo cáo kết quả thực hiện Phong trào thi đua Chuyển đổi số "
        f"{label} của {office.name}{' ' + area if area else ''}. Bảng tổng hợp chi tiết "
        "theo từng đơn vị được gửi kèm theo báo cáo này./."
    )
    recipients = [r for r in office.recipients if r.strip()] or ["Như trên"]
    if not recipients[-1].lower().startswith("lưu"):
        recipients.append(f"Lưu: VT, {office.short_name or 'VT'}")
    prefix = office.doc_number_prefix or ""
    doc_number = f"{number}{prefix}" if number else f"{' ' * 8}{prefix}"
    return OfficialReport(
        parent_body=office.parent_body or str(plan.extras.get("parent_body", "")),
        office=office.name,
        number=doc_number,
        place=office.place or plan.place,
        date=when,
        title="BÁO CÁO",
        summary=f"Kết quả thực hiện Phong trào thi đua Chuyển đổi số {label}",
        sections=sections,
        recipients=recipients,
        signer=Signer(office.signer_authority, office.signer_title, office.signer_name),
        intro=intro,
    )


def write_pdf(inp: ExportInput, path: Path, *, number: str = "", on: dt.date | None = None) -> Path:
    """Write the report; the file appears whole or not at all."""
    write_report(build_report(inp, number=number, on=on), Path(path))
    return Path(path)


def pdf_bytes(inp: ExportInput, *, number: str = "", on: dt.date | None = None) -> bytes:
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as folder:
        target = Path(folder) / "bao-cao.pdf"
        write_pdf(inp, target, number=number, on=on)
        return target.read_bytes()
