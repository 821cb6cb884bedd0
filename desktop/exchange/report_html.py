"""The official document as HTML, for printing from the window (Qt's QTextDocument).

The PDF (pdf_document) is what the office sends; this is the same ``OfficialReport`` laid
out with what Qt's rich text can do, so that "In báo cáo" prints the same words, tables and
signature from the window without a PDF viewer: the two-column heading, the title, "Kính
gửi:", the body (justified, first-line indent 1 cm), the tables with their header row,
"Nơi nhận:" beside the signer. No Qt here: plain text in, HTML out.
"""

from __future__ import annotations

from html import escape

from desktop.domain.evaluation import OUTCOME_LABELS, CriterionResult
from desktop.domain.period_report import PeriodReport
from desktop.domain.vnformat import day, long_date, number

from .pdf_document import (
    MOTTO,
    NATIONAL_TITLE,
    Figure,
    OfficialReport,
    Table,
    keep_percent,
    recipient_lines,
)

FONT = "Liberation Serif, Times New Roman, serif"
# Qt's rich text takes a text indent in pixels of the paint device, margins in pixels of
# 1/96 inch: these stand for 1 cm and 6 pt, replaced by `at_resolution` once the printer
# is known
INDENT_PX = "@INDENT@"
GAP_PX = "@GAP@"


def at_resolution(html: str, dpi: int) -> str:
    """The HTML for a paint device of ``dpi`` dots per inch."""
    return html.replace(INDENT_PX, str(round(dpi / 2.54))).replace(GAP_PX, str(round(96 * 6 / 72)))
_ALIGN = {"left": "left", "right": "right", "center": "center", "centre": "center"}
_ROW_COLOURS = {"pass": "#E2F0D9", "fail": "#F8D7DA", "warn": "#FFF2CC", "total": "#E7E6E6"}


def _text(text: str) -> str:
    return escape(keep_percent(text)).replace("\n", "<br/>")


def table_html(table: Table, size_pt: int = 11) -> str:
    """A bordered table, its header row bold (QTextDocument repeats none: the header is on
    the first page of the table)."""
    ncols = len(table.header)
    align = table.align or ["left"] * ncols
    styles = table.row_styles or [None] * len(table.rows)
    widths = table.col_widths_mm
    out = [
        f'<table border="1" cellspacing="0" cellpadding="3" width="100%" '
        f'style="border-collapse: collapse; font-size: {size_pt}pt;">',
        "<thead><tr>",
    ]
    for i, head in enumerate(table.header):
        width = f' width="{widths[i] / sum(widths) * 100:.0f}%"' if widths else ""
        out.append(f'<th{width} align="center"><b>{_text(head)}</b></th>')
    out.append("</tr></thead>")
    for row, style in zip(table.rows, styles, strict=True):
        colour = _ROW_COLOURS.get(style or "")
        bg = f' bgcolor="{colour}"' if colour else ""
        bold = style in ("bold", "total")
        cells = []
        for i, cell in enumerate(row):
            text = f"<b>{_text(cell)}</b>" if bold else _text(cell)
            cells.append(f'<td align="{_ALIGN.get(align[i], "left")}">{text}</td>')
        out.append(f"<tr{bg}>{''.join(cells)}</tr>")
    out.append("</table>")
    return "".join(out)


def official_html(report: OfficialReport) -> str:
    r = report
    body = (
        f'align="justify" style="text-indent: {INDENT_PX}px; margin-top: 0px; '
        f'margin-bottom: {GAP_PX}px;"'
    )
    parts = [
        f'<html><body style="font-family: {FONT}; font-size: 14pt;">',
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        '<td width="45%" align="center" style="font-size: 12pt;">'
        f"{escape(r.parent_body.upper())}<br/><b>{escape(r.office.upper())}</b><br/>"
        "<span>―――――</span><br/>"
        f"Số: {escape(r.number).replace(' ', '&nbsp;')}</td>",
        '<td width="55%" align="center" style="font-size: 12pt;">'
        f"<b>{escape(NATIONAL_TITLE)}</b><br/><b>{escape(MOTTO)}</b><br/>"
        "<span>――――――――――――――</span><br/>"
        f"<i>{escape(long_date(r.place, r.date))}</i></td>",
        "</tr></table>",
        f'<p align="center" style="margin-top: {GAP_PX}px; margin-bottom: 0px;">'
        f"<b>{escape(r.title.upper())}</b><br/><b>{escape(r.summary)}</b></p>",
        '<p align="center" style="margin-top: 0px;">―――――――</p>',
    ]
    if r.addressee.strip():
        addressee = r.addressee.strip().rstrip(".;,")
        parts.append(f'<p align="center">Kính gửi: {escape(addressee)}.</p>')
    parts.extend(f"<p {body}>{_text(t)}</p>" for t in r.intro)
    for section in r.sections:
        heading = section.heading.upper() if section.level == 1 else section.heading
        tag = "i" if section.level == 3 else "b"
        parts.append(
            f'<p style="margin-top: {GAP_PX}px; margin-bottom: 0px; text-indent: {INDENT_PX}px;">'
            f"<{tag}>{escape(heading)}</{tag}></p>"
        )
        for item in section.paragraphs:
            if isinstance(item, Table):
                parts.append(table_html(item))
                parts.append(f'<p style="margin-top: 0px; margin-bottom: {GAP_PX}px;"></p>')
            elif isinstance(item, Figure):  # the picture is the PDF's; its caption says what
                parts.append(f'<p align="center"><i>{_text(item.caption)} (xem trong tệp '
                             "PDF)</i></p>")
            else:
                parts.append(f"<p {body}>{_text(item)}</p>")
    recipients = "<br/>".join(escape(line) for line in recipient_lines(r.recipients))
    signer = "<br/>".join(
        f"<b>{escape(x.upper())}</b>" for x in (r.signer.authority, r.signer.title) if x.strip()
    )
    parts.extend(
        [
            '<table width="100%" cellspacing="0" cellpadding="0" '
            f'style="margin-top: {GAP_PX}px;"><tr>',
            '<td width="45%" valign="top"><span style="font-size: 12pt;"><b><i>Nơi nhận:</i>'
            f'</b></span><br/><span style="font-size: 11pt;">{recipients}</span></td>',
            f'<td width="55%" align="center" valign="top">{signer}<br/><br/><br/><br/><br/>'
            f"<b>{escape(r.signer.name)}</b></td>",
            "</tr></table>",
            "</body></html>",
        ]
    )
    return "".join(parts)


def check_table(report: PeriodReport) -> Table:
    """The Kiểm tra table as printed: one row per unit (rank, name, result, ranking value),
    one column per criterion with its outcome and value, readable in black and white."""
    plan = report.plan
    kinds = {u.unit.kind for u in report.units}
    crits = plan.criteria_judged(kinds, report.period.code)
    crits = [c for c in crits if c.mandatory] + [c for c in crits if not c.mandatory]
    header = ["Hạng", "Đơn vị", "Kết quả", *[c.name for c in crits]]
    rows: list[list[str]] = []
    styles: list[str | None] = []
    for u in sorted(report.units, key=lambda u: (u.rank is None, u.rank or 0, u.unit.name)):
        cells = {r.code: r for r in u.criteria}
        row = [str(u.rank) if u.rank else "—", u.unit.name, OUTCOME_LABELS[u.result.value]]
        for c in crits:
            r = cells.get(c.code)
            if r is None:
                row.append("")
                continue
            word = {"pass": "Đạt", "fail": "Không đạt", "incomplete": "Thiếu"}[r.outcome.value]
            value = _criterion_value(r)
            row.append(f"{word}\n{value}" if value else word)
        rows.append(row)
        styles.append({"fail": "fail", "incomplete": "warn"}.get(u.result.value))
    return Table(header, rows, row_styles=styles, landscape=True)


def _criterion_value(result: CriterionResult) -> str:
    """As the check screen shows it (CriterionResult.shown: the one display rounding, never
    across the threshold: 64,996 %, not 65,00 %, for a value failing ≥ 65)."""
    return "" if result.value is None else result.shown


def check_html(report: PeriodReport, office_name: str) -> str:
    """A landscape page: the title, the period, then the table."""
    title = f"BẢNG KIỂM TRA KẾT QUẢ THI ĐUA — {report.period.label.upper()}"
    s = report.summary
    counts = (
        f"{number(s.expected)} đơn vị phải báo cáo; đã nộp {number(s.submitted)}, đạt "
        f"{number(s.passed)}, không đạt {number(s.failed)}, chưa đủ số liệu "
        f"{number(s.incomplete)}, chưa nộp {number(s.not_submitted)}."
    )
    return (
        f'<html><body style="font-family: {FONT}; font-size: 11pt;">'
        f'<p align="center"><b>{escape(office_name.upper())}</b><br/><b>{escape(title)}</b>'
        f"<br/>{escape(plan_line(report))}</p><p>{escape(counts)}</p>"
        f"{table_html(check_table(report), 9)}</body></html>"
    )


def plan_line(report: PeriodReport) -> str:
    d = report.period.deadline
    return f"{report.plan.title} — hạn nộp {day(d)}"
