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
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from desktop.domain.evaluation import rule_label
from desktop.domain.official import office_with_area
from desktop.domain.period_report import PeriodReport, UnitReport
from desktop.domain.plan import UNIT_KIND_LABELS, IndicatorKind, Plan
from desktop.domain.proposals import block_label
from desktop.domain.vnformat import day, percent
from desktop.domain.vnformat import number as num

from .csv_tables import present_kinds, quota_text, target_results
from .export_input import ExportInput
from .official_header import official_document
from .pdf_document import Item, OfficialReport, Section, Table, report_bytes, write_report
from .report_targets import judged_by_targets, sections_targets

TEXT_WIDTH = 165 * 72 / 25.4  # pt: A4 portrait between the margins of NĐ 30
LIST_LIMIT = 30  # lines of a list (units that failed) before "và N đơn vị khác"
NAMES_LIMIT = 10  # names in one sentence before "và N đơn vị khác"
REASONS_LIMIT = 5  # returned reports whose reason is quoted
ROW_STYLE = {"pass": None, "fail": "fail", "incomplete": "warn", "not_submitted": None}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _names(units: Sequence[UnitReport], limit: int = NAMES_LIMIT) -> str:
    """'Xã A, Xã B' or, for a long list, 'Xã A, ..., Xã J và 235 đơn vị khác (...)'."""
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


def _late_text(late: Sequence[UnitReport]) -> str:
    """'Xã A trễ 3 ngày, Xã B trễ 5 ngày' or, for many, one clause with the range."""
    if len(late) <= NAMES_LIMIT:
        return ", ".join(f"{u.unit.name} trễ {u.late_days} ngày" for u in late)
    days = [u.late_days for u in late]
    return f"trễ từ {min(days)} đến {max(days)} ngày: {_names(late)}"


def _pending_text(report: PeriodReport, pending: Sequence[UnitReport]) -> str:
    """One sentence with counts: those being reviewed, those returned (with their reasons
    while they are few)."""
    s = report.summary
    reviewing = [u for u in pending if u.submission and u.submission.state != "returned"]
    returned = [u for u in pending if u.submission and u.submission.state == "returned"]
    parts = []
    if reviewing:
        parts.append(f"{_count(len(reviewing), 'báo cáo')} đang thẩm định ({_names(reviewing)})")
    if returned:
        if len(returned) <= REASONS_LIMIT:
            listed = "; ".join(
                u.unit.name
                + (f": {u.submission.return_reason}" if u.submission.return_reason else "")
                for u in returned
                if u.submission is not None
            )
        else:
            listed = _names(returned)
        parts.append(
            f"{_count(len(returned), 'báo cáo')} đã trả lại để bổ sung, chỉnh sửa ({listed})"
        )
    return (
        f"Đến ngày lập báo cáo, {num(s.accepted)}/{num(s.submitted)} báo cáo đã được "
        f"thẩm định, chấp nhận; {_count(len(pending), 'báo cáo')} chưa được chấp nhận, gồm "
        + " và ".join(parts)
        + ". Kết quả đánh giá các đơn vị này có thể thay đổi sau khi thẩm định."
    )


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
        text += f", {_count(s.late)} nộp trễ hạn ({_late_text(late)})"
    text += "."
    if missing:
        text += f" Chưa nộp báo cáo: {_names(missing)}."
    paragraphs: list[Item] = [text]
    pending = [u for u in units if u.submission is not None and u.submission.state != "accepted"]
    if pending:
        paragraphs.append(_pending_text(report, pending))
    elif s.submitted:
        paragraphs.append("Tất cả báo cáo đã nhận đều đã được thẩm định, chấp nhận.")
    return Section("I. Tình hình tổ chức thực hiện và gửi báo cáo", 1, paragraphs)


def _group_of(plan: Plan, units: Sequence[UnitReport]) -> tuple[str, dict[str, str]]:
    """How the ranking groups units, as the table shows it: ('Khối', code -> 'Khối 3') when
    the plan has blocks, ('Loại đơn vị', code -> 'Xã, phường, thị trấn') when several kinds
    are ranked apart, ('', {}) when all are ranked together."""
    if any(u.unit.block for u in units):
        return "Khối", {u.unit.code: block_label(plan, u.unit.block) for u in units}
    kinds = {u.unit.kind for u in units}
    if len(kinds) > 1:
        return "Loại đơn vị", {
            u.unit.code: UNIT_KIND_LABELS.get(u.unit.kind, u.unit.kind) for u in units
        }
    return "", {}


def section_ranking(plan: Plan, units: Sequence[UnitReport], number: str = "4") -> Section | None:
    if plan.ranking is None:
        return None
    ind = plan.indicator(plan.ranking.indicator)
    order = "từ cao xuống thấp" if plan.ranking.descending else "từ thấp lên cao"
    group_head, group = _group_of(plan, units)
    block_order = {b.code: i for i, b in enumerate(plan.blocks)}

    def key(u: UnitReport) -> tuple[object, ...]:
        g = (block_order.get(u.unit.block or "", len(block_order)), group.get(u.unit.code, ""))
        return (*g, u.rank is None, u.rank or 0, u.unit.code)

    rows = []
    styles: list[str | None] = []
    for u in sorted(units, key=key):
        shown = "—"
        if u.rank_value is not None:
            shown = percent(u.rank_value) if ind.is_percent_like else num(u.rank_value)
        row = [str(u.rank) if u.rank else "—", u.unit.name, shown, u.verdict]
        if group_head:
            row.insert(1, group[u.unit.code])
        rows.append(row)
        styles.append(ROW_STYLE.get(u.result._value_))  # not through the enum's property
    header = ["Hạng", "Đơn vị", "Điểm xếp hạng", "Kết quả"]
    widths = [16.0, 80.0, 34.0, 34.0]
    align = ["center", "left", "right", "left"]
    where = ""
    if group_head:
        header.insert(1, group_head)
        widths = [14.0, 30.0, 66.0, 26.0, 29.0]
        align.insert(1, "left")
        where = " trong từng khối" if group_head == "Khối" else " trong từng loại đơn vị"
    return Section(
        f"{number}. Xếp hạng",
        2,
        [
            f"Xếp hạng các đơn vị{where} theo {_lower_first(ind.name)}, {order}; "
            "các đơn vị bằng nhau cùng hạng, đơn vị chưa có số liệu không xếp hạng:",
            Table(header, rows, col_widths_mm=widths, align=align, row_styles=styles),
        ],
    )


def sections_results(
    inp: ExportInput, outcomes: Counter[tuple[str, str]] | None = None
) -> list[Section]:
    """``outcomes``: _outcome_counts of the report's units, when the caller has them."""
    report, plan = inp.report, inp.plan
    s = report.summary
    units = report.units
    by_result: dict[str, list[UnitReport]] = {
        "pass": [],
        "fail": [],
        "incomplete": [],
        "not_submitted": [],
    }
    for u in units:  # in one pass, the result's value read as an attribute
        by_result[u.result._value_].append(u)
    passed, failed = by_result["pass"], by_result["fail"]
    incomplete, missing = by_result["incomplete"], by_result["not_submitted"]
    kinds = present_kinds(report)
    if judged_by_targets(plan, kinds):  # no unit is called "đạt": how many targets it met
        out = sections_targets(plan, report, kinds)
        ranking = section_ranking(plan, units, number="2")
        return out + ([ranking] if ranking is not None else [])
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
    paras: list[Item] = []
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
            reasons = [f"{r.criterion.name}: {_why(r.explanation)}" for r in u.failed]
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
                r.criterion.name
                for r in u.criteria
                if r.criterion.mandatory and r.outcome.value == "incomplete"
            ]
            paras.append(f"- {u.unit.name}: chưa có số liệu " + "; ".join(lacking) + ".")
        if len(incomplete) > LIST_LIMIT:
            paras.append(f"- Và {_count(len(incomplete) - LIST_LIMIT)} khác.")
    if missing:
        paras.append(f"{_names(missing)} chưa gửi báo cáo nên chưa được đánh giá.")
    out.append(Section("2. Đơn vị không đạt, chưa đủ số liệu", 2, paras))

    criteria = [c for c in plan.criteria_judged(kinds, report.period.code) if c.mandatory]
    outcomes = _outcome_counts(units) if outcomes is None else outcomes
    rows = []
    for n, c in enumerate(criteria, start=1):
        rows.append(
            [
                str(n),
                c.name,
                rule_label(plan, c),
                num(outcomes[c.code, "pass"]),
                num(outcomes[c.code, "fail"]),
                num(outcomes[c.code, "incomplete"]),
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

    ranking = section_ranking(plan, units)
    if ranking is not None:
        out.append(ranking)
    return out


def _outcome_counts(units: Sequence[UnitReport]) -> Counter[tuple[str, str]]:
    """(criterion code, "pass" / "fail" / "incomplete") -> how many units, in one pass
    (over some 35,000 results at 2,000 units: the code and the outcome's value read as
    attributes, not through their properties)."""
    return Counter((r.criterion.code, r.outcome._value_) for u in units for r in u.criteria)


def _aggregate_text(inp: ExportInput, code: str) -> tuple[str, str, str]:
    """(Σ tử số, Σ mẫu số, result) of an indicator over the area, as text."""
    a = inp.report.aggregate_of(code)
    if a.units_reporting == 0:
        return "", "", "—"
    if a.kind is IndicatorKind.RATIO:
        return num(a.numerator or 0), num(a.denominator or 0), percent(a.exact)
    if a.kind is IndicatorKind.BOOL:
        return "", "", f"{num(a.yes or 0)}/{num(a.units_reporting)} đơn vị có"
    if a.kind is IndicatorKind.DATE:
        return "", "", f"{day(a.earliest)} – {day(a.latest)}"
    if a.kind is IndicatorKind.COUNT:
        return "", "", num(a.value or 0)
    shown = percent if a.kind is IndicatorKind.PERCENT else (lambda x: num(x or 0, 2))
    return "", "", f"TB {shown(a.value)}\n({shown(a.minimum)} – {shown(a.maximum)})"


def section_indicators(
    inp: ExportInput, outcomes: Counter[tuple[str, str]] | None = None
) -> list[Section]:
    """``outcomes``: _outcome_counts of the report's units, when the caller has them."""
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
                ind.name,
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
                    col_widths_mm=[9, 51, 22, 22, 42, 18],  # a sum of 10 digits on one line,
                    align=["center", "left", "right", "right", "right", "right"],
                ),
            ],
        ),
    ]
    targets = target_results(inp)
    if targets:
        paras: list[Item] = [
            "So với các chỉ tiêu phấn đấu của Kế hoạch (không dùng để xét tiêu chuẩn thi đua):"
        ]
        outcomes = _outcome_counts(report.units) if outcomes is None else outcomes
        for c, r in targets:
            met = outcomes[c.code, "pass"]
            measured = met + outcomes[c.code, "fail"]
            if r.outcome.value == "incomplete":
                state = "chưa đủ số liệu để đánh giá"
            else:
                word = "đạt" if r.outcome.value == "pass" else "chưa đạt"
                state = (
                    f"{_lower_first(total)} đạt {_value_only(r.explanation)}, "
                    f"{word} mục tiêu {rule_label(plan, c)}"
                )
            paras.append(f"- {c.name}: {state}; {num(met)}/{num(measured)} đơn vị đạt.")
        out.append(Section("2. So với các chỉ tiêu phấn đấu", 2, paras))
    trends = section_trends(inp, f"{len(out)}. Xu hướng qua các kỳ")
    if trends is not None:
        out.append(trends)
    return out


def section_trends(inp: ExportInput, heading: str) -> Section | None:
    """One figure per indicator that a mandatory criterion measures, across the periods
    from the plan's first to this one; None with fewer than two periods."""
    from desktop.domain.trends import trend_codes, value_trends

    from .report_charts import trend_figure

    if len(inp.history) < 2:
        return None
    measured = trend_codes(inp.report)
    trends = [t for t in value_trends(inp.plan, inp.history, measured) if t.threshold is not None]
    if not trends:
        return None
    paras: list[Item] = [
        "Kết quả toàn địa bàn và mức độ chênh lệch giữa các đơn vị của các chỉ tiêu dùng để "
        f"xét tiêu chuẩn thi đua, từ {_lower_first(inp.history[0].period.label)} đến "
        f"{_lower_first(inp.report.period.label)}:"
    ]
    for n, t in enumerate(trends, start=1):
        paras.append(trend_figure(t, TEXT_WIDTH, n))
    return Section(heading, 2, paras)


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
    paras: list[Item] = []
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
    where = f" trên địa bàn {area}" if area and area.casefold() not in plan.title.casefold() else ""
    intro = [
        f"Thực hiện {plan.title}{ref}{issuer}; căn cứ báo cáo của các đơn vị, "
        f"{office.name} báo cáo kết quả thực hiện Phong trào thi đua Chuyển đổi số {label}"
        f"{where} như sau:"
    ]
    outcomes = _outcome_counts(inp.report.units)  # counted once for sections II and III
    sections = [
        section_submissions(inp.report),
        *sections_results(inp, outcomes),
        *section_indicators(inp, outcomes),
        section_proposals(inp),
    ]
    sections[-1].paragraphs.append(
        "Trên đây là báo cáo kết quả thực hiện Phong trào thi đua Chuyển đổi số "
        f"{label} của {office_with_area(office.name, area)}. Bảng tổng hợp chi tiết "
        "theo từng đơn vị được gửi kèm theo báo cáo này./."
    )
    return official_document(
        office,
        plan,
        type_code="BC",
        number=number,
        on=when,
        title="BÁO CÁO",
        summary=f"Kết quả thực hiện Phong trào thi đua Chuyển đổi số {label}",
        intro=intro,
        sections=sections,
    )


def write_pdf(inp: ExportInput, path: Path, *, number: str = "", on: dt.date | None = None) -> Path:
    """Write the report; the file appears whole or not at all."""
    write_report(build_report(inp, number=number, on=on), Path(path))
    return Path(path)


def pdf_bytes(inp: ExportInput, *, number: str = "", on: dt.date | None = None) -> bytes:
    """The report as PDF bytes, built in memory (no temporary file)."""
    return report_bytes(build_report(inp, number=number, on=on))
